import { Arg, Args, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { viewerOf, type Context } from '../context';
import { AccessAction, ChildLifecycle, DataCategory, ErasureReason, Role } from '../entities/enums';
import { BadUserInput, Forbidden, NotFound } from '../errors';
import { sql } from '../db/sql';
import { DataRequestAction, READABLE_LIFECYCLES, RequestScope, requestGrant, WriteAction, type RequestGrant } from '../permissions/policy';
import {
  ChildExportType,
  ChildIdentityMatchType,
  EraseChildInput,
  ErasureReceiptType,
  FindChildArgs,
  LifetimeRunType,
} from '../schema/data-request.type';
import { idOfType, toGlobalId } from '../schema/global-id';
import { buildChildExport } from '../dpo/export';
import { anonymiseChildren, execIn } from '../lifetime/erasure';
import { mutate } from '../workflows/mutation';
import { checkDate, checkText } from '../workflows/validation';
import { parisDate } from '../util/dates';
import { FOLD_PARAMS, fold, foldSql } from './search';
import { checkFirst } from './pagination';

/**
 * The requests of families (RGPD articles 15 and 17), policy table "Requests from
 * families" (DATA_REQUEST_POLICY, src/permissions/policy.ts): the DPO finds a child by
 * exact identity, exports its file and erases it; a guardian exports its own children's.
 */

/** Separators that do not tell two identities apart: spaces, hyphens, apostrophes. */
const SEPARATORS = "[[:space:]'’-]+";

/** An identity as compared: accents and case folded, separators one space, trimmed. */
function identitySql(column: string, from: string, to: string, separators: string): string {
  return `btrim(regexp_replace(${foldSql(column, from, to)}, ${separators}, ' ', 'g'))`;
}

function identityOf(text: string): string {
  return fold(text).replace(/[\s'’-]+/gu, ' ').trim();
}

/** A reference of the DPO's own register: never a name (no spaces, no accents). */
const REFERENCE = /^[A-Za-z0-9._/-]{1,64}$/;

/**
 * Policy, DATA_REQUEST_POLICY: the grant of the viewer for `action` about the child, when
 * it may make that request about that child; NOT_FOUND otherwise, whether the child is
 * absent, outside the scope or the role may not (one statement in every case).
 */
export async function childOfRequest(ctx: Context, action: DataRequestAction, childId: string, shownId: string): Promise<RequestGrant> {
  const viewer = viewerOf(ctx);
  const grant = requestGrant(action, viewer.role);
  let allowed = false;
  if (grant?.scope === RequestScope.PROGRAMME_FILES) {
    const rows = await sql(ctx.em, `select 1 from child where programme_id = $1 and id = $2 and lifecycle = any($3::child_lifecycle[])`, [
      viewer.programmeId,
      childId,
      READABLE_LIFECYCLES,
    ]);
    allowed = rows.length > 0;
  } else if (grant?.scope === RequestScope.OWN_ROWS) {
    allowed = await ctx.access.canSee(childId);
  }
  if (!grant || !allowed) throw new NotFound('Child', shownId);
  return grant;
}

@Resolver()
export class DataRequestResolver {
  @Query(() => [ChildIdentityMatchType], {
    description:
      'The DPO finds a child of its programme for a request, by exact identity (accents, case, hyphens and apostrophes folded): ' +
      'IDs and names only, active and archived files. Each search is recorded (who, when, what was asked, how many matched).',
  })
  async findChildren(@Args() args: FindChildArgs, @Ctx() ctx: Context): Promise<ChildIdentityMatchType[]> {
    const viewer = viewerOf(ctx);
    if (!requestGrant(DataRequestAction.FIND_CHILD, viewer.role)) throw new Forbidden(`Not allowed: a ${viewer.role} may not do ${DataRequestAction.FIND_CHILD}`);
    const lastName = checkText('lastName', args.lastName, 100);
    const firstName = checkText('firstName', args.firstName, 100);
    const birthDate = checkDate('birthDate', args.birthDate);
    const [from, to] = FOLD_PARAMS;
    const matches = await sql<{ id: string; first_name: string; last_name: string; lifecycle: ChildLifecycle }>(
      ctx.em,
      `select id, first_name, last_name, lifecycle from child
        where programme_id = $1 and birth_date = $2 and lifecycle = any($3::child_lifecycle[])
          and ${identitySql('last_name', '$4', '$5', '$6')} = $7 and ${identitySql('first_name', '$4', '$5', '$6')} = $8
        order by last_name, first_name, id`,
      [viewer.programmeId, birthDate, READABLE_LIFECYCLES, from, to, SEPARATORS, identityOf(lastName), identityOf(firstName)],
    );
    await sql(
      ctx.em,
      `insert into data_request (programme_id, at, account_id, kind, request_id, searched_last_name, searched_first_name, searched_birth_date, matched_child_ids, matches)
       values ($1, $2, $3, 'SEARCH', $4, $5, $6, $7, $8::uuid[], $9)`,
      [viewer.programmeId, ctx.now, viewer.accountId, ctx.requestId, lastName, firstName, birthDate, matches.map((m) => m.id), matches.length],
    );
    for (const match of matches) ctx.access.log.read(match.id, DataCategory.IDENTITY);
    return matches.map((m) => ({ id: toGlobalId('Child', m.id), firstName: m.first_name, lastName: m.last_name, lifecycle: m.lifecycle }));
  }

  @Query(() => ChildExportType, {
    description:
      "The whole file of one child as one JSON document (RGPD article 15), logged as EXPORT: for the DPO, any child of its programme whose file is " +
      'active or archived, every category; for a guardian, its own children, within its categories, without the other family members\' data. ' +
      'Also a download: GET /children/<id>/export.json. NOT_FOUND for anyone else.',
  })
  async childExport(@Arg('childId', () => ID, { description: 'ID of the child.' }) childId: string, @Ctx() ctx: Context): Promise<ChildExportType> {
    const viewer = viewerOf(ctx);
    const id = idOfType(childId, 'Child', 'childId');
    const grant = await childOfRequest(ctx, DataRequestAction.EXPORT_CHILD, id, childId);
    const document = await buildChildExport(
      ctx.em,
      viewer.programmeId,
      id,
      { categories: grant.categories, guardianId: viewer.role === Role.GUARDIAN ? viewer.guardianId : undefined },
      ctx.now,
    );
    ctx.access.log.exported(id, grant.categories);
    return { childId: toGlobalId('Child', id), generatedAt: ctx.now, categories: [...grant.categories], document };
  }

  @Mutation(() => ErasureReceiptType, {
    description:
      "The DPO erases one child's personal data everywhere, in one transaction (RGPD article 17): what the anonymous statistics need stays, " +
      'without names, birth date or texts (README "What the erasure keeps"); the family and guardians too when no other child of theirs remains; ' +
      'the access events of the child are kept, detached from it. Logged as DELETE. A second call is NOT_FOUND.',
  })
  eraseChild(@Arg('input', () => EraseChildInput, { description: 'The child, the reason and the reference.' }) input: EraseChildInput, @Ctx() ctx: Context): Promise<ErasureReceiptType> {
    return mutate(ctx, WriteAction.ERASE_CHILD, async ({ em, viewer, logWrite }) => {
      const id = idOfType(input.childId, 'Child', 'input.childId');
      if (input.reason === ErasureReason.RETENTION_EXPIRED) throw new BadUserInput('input.reason', 'RETENTION_EXPIRED is the daily run\'s: give the reason of the request');
      const reference = input.reference == null || input.reference === '' ? null : input.reference;
      if (reference !== null && !REFERENCE.test(reference)) {
        throw new BadUserInput('input.reference', "letters, digits, '.', '_', '/' and '-' only, at most 64 (a reference of the request, never a name)");
      }
      await childOfRequest(ctx, DataRequestAction.ERASE_CHILD, id, input.childId);
      const erased = await anonymiseChildren(em, [id], ctx.now, parisDate(ctx.now));
      // A concurrent erasure of the same child got there first.
      if (erased.children === 0) throw new NotFound('Child', input.childId);
      await execIn(em)(
        `insert into data_request (programme_id, at, account_id, kind, request_id, child_id, reason, reference) values (?, ?, ?, 'ERASURE', ?, ?, ?, ?)`,
        [viewer.programmeId, ctx.now, viewer.accountId, ctx.requestId, id, input.reason, reference],
      );
      // The erasure's own event points at no child either: its register row holds the id.
      logWrite({ action: AccessAction.DELETE, entity: 'Child', categories: Object.values(DataCategory) });
      return { childId: toGlobalId('Child', id), erasedAt: ctx.now, reason: input.reason, familyErased: erased.families > 0, eventsDetached: erased.eventsDetached };
    });
  }

  @Query(() => [LifetimeRunType], {
    description:
      "The DPO's view of the daily runs of the data's lifetime, newest first: when, how it ended, and what it did to its programme " +
      '(children archived and anonymised, links revoked) and to the access log (months made and dropped).',
  })
  async lifetimeRuns(
    @Arg('first', () => Int, { nullable: true, defaultValue: 20, description: 'How many runs, at most 100 (default 20).' }) first: number,
    @Ctx() ctx: Context,
  ): Promise<LifetimeRunType[]> {
    const viewer = viewerOf(ctx);
    if (!requestGrant(DataRequestAction.READ_LIFETIME_RUNS, viewer.role)) throw new Forbidden(`Not allowed: a ${viewer.role} may not do ${DataRequestAction.READ_LIFETIME_RUNS}`);
    // The run is the database's; its counts of children and links are the viewer's programme's.
    const runs = await sql<Record<string, unknown>>(
      ctx.em,
      `select r.id, r.attempt, r.as_of, r.started_at, r.finished_at, r.status, r.partitions_created, r.partitions_dropped, r.error,
              (select count(*) from child c where c.programme_id = $1 and c.archived_at = r.as_of) as children_archived,
              (select count(*) from child c where c.programme_id = $1 and c.anonymised_at = r.as_of and c.archived_at is not null) as children_anonymised,
              (select count(*) from service_link l where l.programme_id = $1 and l.revoked_at = r.as_of) as links_revoked,
              (select count(*) from statistics_frozen f where f.programme_id = $1 and f.frozen_at = r.as_of) as statistics_frozen
         from lifetime_run r order by r.started_at desc, r.id limit $2`,
      [viewer.programmeId, checkFirst(first)],
    );
    return runs.map((r) => ({
      id: String(r.id),
      attempt: Number(r.attempt),
      asOf: instant(r.as_of)!,
      startedAt: instant(r.started_at)!,
      finishedAt: instant(r.finished_at),
      status: String(r.status),
      childrenArchived: Number(r.children_archived),
      childrenAnonymised: Number(r.children_anonymised),
      linksRevoked: Number(r.links_revoked),
      partitionsCreated: Number(r.partitions_created),
      partitionsDropped: Number(r.partitions_dropped),
      statisticsFrozen: Number(r.statistics_frozen),
      error: (r.error as string | null) ?? undefined,
    }));
  }
}

/** A timestamp column as sql() gives it (the ORM's driver leaves timestamps as text). */
function instant(value: unknown): Date | undefined {
  if (value === null || value === undefined) return undefined;
  return value instanceof Date ? value : new Date(String(value));
}
