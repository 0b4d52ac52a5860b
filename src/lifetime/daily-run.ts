import type { MikroORM } from '@mikro-orm/postgresql';
import type { Retention } from '../config';
import { withClient } from '../db/sql';
import { pgArray } from '../permissions/access';
import { parisDate } from '../util/dates';
import { anonymiseChildren, execIn } from './erasure';
import { maintainPartitions } from './partitions';
import { ErasureReason } from '../entities/enums';
import { freezeEndedSchoolYear } from '../statistics/freeze';
import { IDEMPOTENCY_WINDOW_HOURS } from '../workflows/idempotency';

/**
 * The daily run of the data's lifetime (access-policy.md, "Lifetime of the data"), as of
 * `now` (the API's clock, which the tests move):
 *
 * 1. children with no activity for `activeYears` move to ARCHIVED, and the links resting
 *    on them are revoked;
 * 2. children archived for `archiveYears` are anonymised as the DPO's erasure does;
 * 3. the DPO's searches older than the log retention are deleted;
 * 4. the access log's months are made ahead, and those past the retention dropped;
 * 5. the statistics of the school year that has ended are frozen (src/statistics/freeze.ts).
 *
 * Steps 1-3 are one transaction of the API's role, step 4 one of the owner's: a failure
 * leaves each either done or untouched, and the retry (src/jobs/runner.ts) does what is
 * left. Step 5 freezes one table at a time, each once: a retry freezes the rest. Each run is a row of `lifetime_run`, with its counts (the DPO reads them).
 */

/**
 * Recent activity of the child `c` since `b.since` (`b.day`, its date): a trace of a
 * contact in any table that holds one ("the last contact: end of pathway, last link or
 * follow-up"), or something still open (a pathway not closed, a referral under way, a
 * link in force, a follow-up not closed): such a child is still followed.
 */
const RECENT_ACTIVITY_SQL = `
  c.updated_at >= b.since or c.created_at >= b.since
  or exists (select 1 from pathway p where p.child_id = c.id and (p.status <> 'CLOSED' or p.updated_at >= b.since or p.end_date >= b.day))
  or exists (select 1 from pathway p join review r on r.pathway_id = p.id where p.child_id = c.id and (r.updated_at >= b.since or r.held_on >= b.day))
  or exists (select 1 from pathway p join objective o on o.pathway_id = p.id where p.child_id = c.id and o.updated_at >= b.since)
  or exists (select 1 from referral r where r.child_id = c.id and (r.status in ('SUBMITTED', 'UNDER_REVIEW') or r.updated_at >= b.since))
  or exists (select 1 from service_link l where l.child_id = c.id
               and (l.updated_at >= b.since or (l.status = 'ACTIVE' and (l.valid_until is null or l.valid_until >= b.day))))
  or exists (select 1 from inclusion_follow_up f where f.child_id = c.id and (f.status <> 'CLOSED' or f.updated_at >= b.since))
  or exists (select 1 from consent k where k.child_id = c.id and k.updated_at >= b.since)
  or exists (select 1 from observation o where o.child_id = c.id and o.created_at >= b.since)
  or exists (select 1 from family_meeting m where m.child_id = c.id and (m.held_on >= b.day or m.updated_at >= b.since))`;

/** Words of a revocation by the archiving: no personal data. */
const ARCHIVED_REVOCATION = "The child's file was archived (no activity for the active period)";

export interface LifetimeCounts {
  childrenArchived: number;
  linksRevoked: number;
  childrenAnonymised: number;
  eventsDetached: number;
  searchesPurged: number;
  /** Idempotency keys older than 24 hours deleted (not kept in lifetime_run). */
  idempotencyKeysPurged: number;
  partitionsCreated: number;
  partitionsDropped: number;
  eventsDropped: number;
  statisticsFrozen: number;
}

export interface LifetimeRunOptions {
  orm: MikroORM;
  /** The owner role's URL: the partitions (src/db/roles.ts). */
  ownerUrl: string;
  retention: Retention;
  now: Date;
  jobId?: string;
  attempt?: number;
}

function yearsBefore(at: Date, years: number): Date {
  const shifted = new Date(at);
  shifted.setUTCFullYear(shifted.getUTCFullYear() - years);
  return shifted;
}

function monthsBefore(at: Date, months: number): Date {
  const shifted = new Date(at);
  shifted.setUTCMonth(shifted.getUTCMonth() - months);
  return shifted;
}

/** One run; throws (after recording it FAILED) when a step fails, for the runner to retry. */
export async function runLifetime(options: LifetimeRunOptions): Promise<LifetimeCounts> {
  const { orm, now, retention } = options;
  const conn = orm.em.getConnection();
  const [run] = await conn.execute<{ id: string }[]>(
    `insert into lifetime_run (job_id, attempt, as_of, started_at) values (?, ?, ?, now()) returning id`,
    [options.jobId ?? null, options.attempt ?? 1, now],
  );
  const counts: LifetimeCounts = {
    childrenArchived: 0,
    linksRevoked: 0,
    childrenAnonymised: 0,
    eventsDetached: 0,
    searchesPurged: 0,
    idempotencyKeysPurged: 0,
    partitionsCreated: 0,
    partitionsDropped: 0,
    eventsDropped: 0,
    statisticsFrozen: 0,
  };
  let step = 'archive';
  try {
    // Counted into `counts` once committed: a rolled-back step counts nothing.
    const done = await orm.em.fork().transactional(async (em) => {
      const tx = { childrenArchived: 0, linksRevoked: 0, childrenAnonymised: 0, eventsDetached: 0, searchesPurged: 0, idempotencyKeysPurged: 0 };
      const exec = execIn(em);
      const activeSince = yearsBefore(now, retention.activeYears);
      const [archived] = await exec<{ children: string; links: string }>(
        `with b as (select ?::timestamptz as since, ?::date as day),
         candidates as (select c.id from child c, b where c.lifecycle = 'ACTIVE' and not (${RECENT_ACTIVITY_SQL})),
         archived as (
           update child c set lifecycle = 'ARCHIVED', archived_at = ?, version = version + 1, updated_at = ?
             from candidates k where c.id = k.id returning c.id),
         revoked as (
           update service_link l set status = 'REVOKED', revoked_at = ?, revocation_reason = ?, version = version + 1, updated_at = ?
             from archived a where l.child_id = a.id and l.status in ('PROPOSED', 'ACTIVE', 'SUSPENDED') returning l.id)
         select (select count(*) from archived) as children, (select count(*) from revoked) as links`,
        [activeSince, parisDate(activeSince), now, now, now, ARCHIVED_REVOCATION, now],
      );
      tx.childrenArchived = Number(archived?.children ?? 0);
      tx.linksRevoked = Number(archived?.links ?? 0);

      step = 'anonymise';
      const due = await exec<{ id: string }>(`select id from child where lifecycle = 'ARCHIVED' and archived_at <= ?`, [yearsBefore(now, retention.archiveYears)]);
      if (due.length) {
        const erased = await anonymiseChildren(em, due.map((row) => row.id), now, parisDate(now));
        tx.childrenAnonymised = erased.children;
        tx.eventsDetached = erased.eventsDetached;
        await exec(
          `insert into data_request (programme_id, at, kind, child_id, reason)
           select c.programme_id, ?, 'ERASURE', c.id, ? from child c where c.id = any(?::uuid[])`,
          [now, ErasureReason.RETENTION_EXPIRED, pgArray(erased.childIds)],
        );
      }

      step = 'searches';
      const purged = await exec<{ id: string }>(`delete from data_request where kind = 'SEARCH' and at < ? returning id`, [monthsBefore(now, retention.accessLogMonths)]);
      tx.searchesPurged = purged.length;

      // Idempotency keys live 24 hours (src/workflows/idempotency.ts): their answers may quote a child.
      step = 'idempotency keys';
      const keys = await exec<{ n: string }>(
        `with purged as (delete from idempotency_key where created_at <= ?::timestamptz - make_interval(hours => ?) returning 1) select count(*) as n from purged`,
        [now, IDEMPOTENCY_WINDOW_HOURS],
      );
      tx.idempotencyKeysPurged = Number(keys[0]?.n ?? 0);
      return tx;
    });
    Object.assign(counts, done);

    step = 'partitions';
    const partitions = await withClient(options.ownerUrl, (client) => maintainPartitions(client, now, retention.accessLogMonths));
    counts.partitionsCreated = partitions.created;
    counts.partitionsDropped = partitions.dropped;
    counts.eventsDropped = partitions.eventsDropped;

    step = 'statistics';
    counts.statisticsFrozen = await freezeEndedSchoolYear(orm.em.fork(), now);
  } catch (error) {
    // The step and the database's error code: no statement text, no value.
    const code = (error as { code?: unknown }).code;
    await record(orm, run!.id, 'FAILED', counts, `${step}: ${typeof code === 'string' ? `SQLSTATE ${code}` : error instanceof Error ? error.name : 'error'}`);
    throw error;
  }
  await record(orm, run!.id, 'SUCCEEDED', counts);
  return counts;
}

async function record(orm: MikroORM, id: string, status: 'SUCCEEDED' | 'FAILED', counts: LifetimeCounts, error?: string): Promise<void> {
  await orm.em.getConnection().execute(
    `update lifetime_run set status = ?, finished_at = now(), children_archived = ?, links_revoked = ?, children_anonymised = ?,
            events_detached = ?, searches_purged = ?, partitions_created = ?, partitions_dropped = ?, events_dropped = ?, statistics_frozen = ?, error = ?
      where id = ?`,
    [
      status,
      counts.childrenArchived,
      counts.linksRevoked,
      counts.childrenAnonymised,
      counts.eventsDetached,
      counts.searchesPurged,
      counts.partitionsCreated,
      counts.partitionsDropped,
      counts.eventsDropped,
      counts.statisticsFrozen,
      error ?? null,
      id,
    ],
  );
}
