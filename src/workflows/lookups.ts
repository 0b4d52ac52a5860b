import type { EntityManager } from '@mikro-orm/postgresql';
import { Child, Partner } from '../entities';
import { viewerOf, type Context, type Viewer } from '../context';
import { BadUserInput, NotFound } from '../errors';
import { filterIdOfType, idOfType } from '../schema/global-id';
import { parisDate } from '../util/dates';
import { mutate, requireWrite, type MutationScope } from './mutation';
import { READABLE_LIFECYCLES, type WriteAction } from '../permissions/policy';
import { fetchNode } from '../resolvers/node.resolver';

/**
 * Lookups shared by the workflow mutations, made with the transaction's entity manager.
 *
 * The object a mutation acts on (its `id`, `childId`...) is NOT_FOUND when absent or
 * outside the viewer's rows (access-policy.md: the two are indistinguishable). An object
 * an input merely refers to (a partner, a guardian, a consent) is BAD_USER_INPUT naming
 * the field when it is not one of the programme's.
 */

/** The earliest date a workflow record may carry: the PRE was created by the law of 18 January 2005. */
export const EARLIEST_DATE = '2005-01-18';

/** Text bounds of the workflow inputs. */
export const TEXT_MAX = { title: 200, reason: 2000, note: 4000 } as const;

/** Today in France, and a date `years` later (the latest a planned date may be). */
export function today(ctx: Context): string {
  return parisDate(ctx.now);
}

export function yearsAfter(day: string, years: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y + years, m - 1, d)).toISOString().slice(0, 10);
}

/** An object a mutation acts on, named by an argument: its type, the global ID sent, the argument. */
export interface MutationTarget {
  type: string;
  id: string;
  field: string;
}

/**
 * mutate(), with the viewer's grants computed first, outside the transaction: Access reads
 * them on a connection of its own, and a transaction waiting for a second connection from
 * a drained pool would stall. Not for a write that creates the viewer's grant on the child
 * (openInclusionFollowUp): its response must see the new rows.
 *
 * `targets`: the objects the mutation acts on, each checked first as node(id) checks it
 * (tenant, row, known: src/resolvers/node.resolver.ts), so that an absent object and one
 * outside the viewer's rows are the same NOT_FOUND after the same statements
 * (access-policy.md, "What a request may reveal"); the work then finds them in its
 * transaction.
 */
export async function mutateInRows<T>(
  ctx: Context,
  action: WriteAction,
  work: (scope: MutationScope) => Promise<T>,
  targets: readonly MutationTarget[] = [],
): Promise<T> {
  requireWrite(ctx, action);
  await Promise.all([
    ctx.access.rows(),
    ...targets.map((target) => fetchNode(ctx, target.type, idOfType(target.id, target.type, target.field), target.id, { category: false })),
  ]);
  return mutate(ctx, action, work);
}

/**
 * The answer of a mutation: the object as its transaction wrote it (mutate() leaves it in
 * the request's entity manager, where the response's lazy relations load). Nothing is read
 * again between the commit and the answer: a committed write is never answered as failed
 * because the database went away just after its commit (issue 15).
 */
export async function answered<T extends { id: string }>(written: Promise<T>): Promise<T> {
  return written;
}

/** A child in the viewer's programme and rows, loaded in the transaction; NOT_FOUND otherwise. */
export async function childInRows(ctx: Context, em: EntityManager, globalId: string, field: string): Promise<Child> {
  const id = idOfType(globalId, 'Child', field);
  if (!(await ctx.access.canSee(id))) throw new NotFound('Child', globalId);
  // An anonymised child is read by no one (READABLE_LIFECYCLES); an archived one is read,
  // and mutate() refuses to write it.
  const child = await em.findOne(Child, { id, programme: viewerOf(ctx).programmeId, lifecycle: { $in: [...READABLE_LIFECYCLES] } });
  if (!child) throw new NotFound('Child', globalId);
  return child;
}

/** A deactivated partner is named by no new write (its links grant nothing: linkInForceSql). */
export function assertPartnerActive(partner: Partner, field: string): void {
  if (!partner.active) throw new BadUserInput(field, 'the partner is deactivated', { reason: 'PARTNER_INACTIVE' });
}

/** An active partner of the programme named by an input field; BAD_USER_INPUT naming it otherwise. */
export async function partnerOf(viewer: Viewer, em: EntityManager, globalId: string, field: string): Promise<Partner> {
  const partner = await em.findOne(Partner, { id: filterIdOfType(globalId, 'Partner', field), programme: viewer.programmeId });
  if (!partner) throw new BadUserInput(field, 'no such partner in this programme');
  assertPartnerActive(partner, field);
  return partner;
}

/**
 * Partners of the programme named by the items of a list field, each once; the error
 * names the faulty item (`fieldOf(i)`, e.g. `input.scope[2].partnerId`).
 */
export async function partnersOf(
  viewer: Viewer,
  em: EntityManager,
  globalIds: readonly string[],
  fieldOf: (index: number) => string,
): Promise<Partner[]> {
  const ids = globalIds.map((id, i) => filterIdOfType(id, 'Partner', fieldOf(i)));
  ids.forEach((id, i) => {
    if (ids.indexOf(id) !== i) throw new BadUserInput(fieldOf(i), 'repeats a partner');
  });
  const found = ids.length ? await em.find(Partner, { id: { $in: ids }, programme: viewer.programmeId }) : [];
  const byId = new Map(found.map((p) => [p.id, p] as const));
  return ids.map((id, i) => {
    const partner = byId.get(id);
    if (!partner) throw new BadUserInput(fieldOf(i), 'no such partner in this programme');
    assertPartnerActive(partner, fieldOf(i));
    return partner;
  });
}
