import { OptimisticLockError } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { viewerOf, type Context, type Viewer } from '../context';
import { AccessAction, ChildLifecycle, DataCategory } from '../entities/enums';
import { BadUserInput, Conflict, Forbidden, NotFound } from '../errors';
import { WRITE_POLICY, WriteAction } from '../permissions/policy';
import { toGlobalId } from '../schema/global-id';
import { claimIdempotencyKey } from './idempotency';
import { pgArray } from '../permissions/access';

/** One write for the access log: what was done to which child's data. */
export interface WriteEvent {
  action: AccessAction;
  /** The entity written (Referral, Pathway, ServiceLink...). */
  entity: string;
  childId?: string;
  categories: DataCategory[];
}

export interface MutationScope {
  /** The transaction's entity manager (tenant filter kept). */
  em: EntityManager;
  viewer: Viewer;
  /** Records a write in the access log, written in the same transaction. */
  logWrite(event: WriteEvent): void;
}

/**
 * Policy table "Writes": refuses (FORBIDDEN) a viewer whose role may not perform `action`.
 */
export function requireWrite(ctx: Context, action: WriteAction): Viewer {
  const viewer = viewerOf(ctx);
  if (!WRITE_POLICY[action].includes(viewer.role)) {
    throw new Forbidden(`Not allowed: a ${viewer.role} may not do ${action}`);
  }
  return viewer;
}

/**
 * Runs a mutation as one transaction: everything it writes, and its access-log events,
 * commit together or not at all; its answer is built from what it wrote. A concurrent change detected by optimistic locking is a
 * CONFLICT. Past the request's deadline (src/limits/deadline.ts) it does not start, flush,
 * log or commit: the transaction is rolled back and the answer is TIMEOUT, given at the
 * deadline even while a statement of it is still running (the rollback follows it).
 */
export async function mutate<T>(ctx: Context, action: WriteAction, work: (scope: MutationScope) => Promise<T>): Promise<T> {
  const viewer = requireWrite(ctx, action);
  const { deadline } = ctx;
  try {
    deadline.check();
    const transaction = ctx.em.transactional(async (em) => {
      const events: WriteEvent[] = [];
      const result = await deadline.race(work({ em, viewer, logWrite: (event) => events.push(event) }));
      deadline.check();
      if (!FILE_WRITES_EXEMPT.includes(action)) await deadline.race(assertFilesWritable(em, events));
      await deadline.race(em.flush());
      if (events.length) await deadline.race(insertWriteEvents(em, ctx, viewer, events));
      // The Idempotency-Key's row commits with the writes (src/workflows/idempotency.ts).
      await deadline.race(claimIdempotencyKey(em, ctx, viewer.accountId));
      // The last moment to stop it: nothing is awaited between this and the commit.
      deadline.check();
      return result;
    });
    const result = await deadline.race(transaction);
    if (ctx.idempotency?.claimed) ctx.idempotency.committed = true;
    // Committed: from here on nothing may fail the answer. The result is what the
    // transaction wrote, merged into the request's entity manager by the ORM; no statement
    // reads it again (src/workflows/lookups.ts, answered()).
    await ctx.faults?.afterCommit?.();
    return result;
  } catch (error) {
    // The request's identity map must not keep what a rolled-back transaction loaded.
    ctx.em.clear();
    if (ctx.idempotency && !ctx.idempotency.committed) ctx.idempotency.claimed = false;
    if (error instanceof OptimisticLockError) {
      const entity = error.entity as { version?: number } | undefined;
      throw new Conflict(error.entity?.constructor.name ?? 'The object', entity?.version ?? 0);
    }
    throw error;
  }
}

/**
 * Policy, "Lifetime of the data": only an ACTIVE file changes. An archived one is read
 * (by the coordinator and the DPO) and never written; an anonymised one is read by no one,
 * so a write to it is NOT_FOUND like any child outside the rows. Checked here, for every
 * mutation, on the children its writes name (the events of the access log), before the
 * flush; the DPO's erasure is the one write that acts on files in any state.
 */
async function assertFilesWritable(em: EntityManager, events: readonly WriteEvent[]): Promise<void> {
  const ids = [...new Set(events.map((e) => e.childId).filter((id): id is string => !!id))];
  if (!ids.length) return;
  const rows: { id: string; lifecycle: ChildLifecycle }[] = await em.execute(
    `select id, lifecycle from child where id = any(?::uuid[]) and lifecycle <> ?`,
    [pgArray(ids), ChildLifecycle.ACTIVE],
  );
  const file = rows[0];
  if (!file) return;
  if (file.lifecycle === ChildLifecycle.ANONYMISED) throw new NotFound('Child', toGlobalId('Child', file.id));
  throw new BadUserInput('id', "the child's file is archived: it is kept to be read, not changed", { reason: 'FILE_ARCHIVED', currentState: file.lifecycle });
}

/** The writes that may touch a file in any state (the erasure and anonymisation of the DPO). */
const FILE_WRITES_EXEMPT: readonly WriteAction[] = [WriteAction.ERASE_CHILD];

/**
 * The version the client read must be the current one: a stale version is a CONFLICT and
 * nothing changes (the flush then also checks it against the database, for a concurrent edit).
 */
export function checkVersion(what: string, entity: { version: number }, expected: number): void {
  if (entity.version !== expected) throw new Conflict(what, entity.version);
}

async function insertWriteEvents(em: EntityManager, ctx: Context, viewer: Viewer, events: WriteEvent[]): Promise<void> {
  await em.getConnection().execute(
    `insert into access_event (id, programme_id, at, account_id, partner_id, action, entity, child_id, categories, request_id)
     select gen_random_uuid(), ?, ?, ?, ?, e.action::access_action, e.entity, e.child_id, e.categories::data_category[], ?
       from unnest(?::text[], ?::text[], ?::uuid[], ?::text[]) as e(action, entity, child_id, categories)`,
    [
      viewer.programmeId,
      ctx.now,
      viewer.accountId,
      viewer.partnerId ?? null,
      ctx.requestId,
      pgArray(events.map((e) => e.action)),
      pgArray(events.map((e) => e.entity)),
      pgArray(events.map((e) => e.childId ?? 'NULL')).replace(/"NULL"/g, 'NULL'),
      pgArray(events.map((e) => pgArray([...e.categories].sort()))),
    ],
    'run',
    em.getTransactionContext(),
  );
}
