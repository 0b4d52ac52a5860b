import type { Client } from 'pg';

/**
 * The access log's monthly partitions (access-policy.md: "The access log is kept 12
 * months (configurable, 6 to 12) and is then dropped as a whole month at a time").
 * Run by the owner role only: the API's role cannot create, detach or drop a partition.
 *
 * A partition holds one UTC month, `access_event_yYYYYmMM`. The months from now to
 * MONTHS_AHEAD ahead always exist; an event outside them (a clock set far ahead, or a
 * job that did not run for months) lands in `access_event_default`, and is moved into its
 * month when that month is made. A month is dropped once its last instant is older than
 * the retention.
 */

export const MONTHS_AHEAD = 3;
const PARTITION = /^access_event_y(\d{4})m(\d{2})$/;

export interface PartitionCounts {
  created: number;
  dropped: number;
  eventsDropped: number;
}

/** First instant of the UTC month of `at`, shifted by `months`. */
export function monthStart(at: Date, months = 0): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + months, 1));
}

function partitionName(month: Date): string {
  return `access_event_y${month.getUTCFullYear()}m${String(month.getUTCMonth() + 1).padStart(2, '0')}`;
}

async function partitionsOf(client: Client): Promise<Map<string, Date>> {
  const { rows } = await client.query<{ name: string }>(
    `select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid where i.inhparent = 'access_event'::regclass`,
  );
  const months = new Map<string, Date>();
  for (const { name } of rows) {
    const match = PARTITION.exec(name);
    if (match) months.set(name, new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1)));
  }
  return months;
}

async function createPartition(client: Client, month: Date): Promise<void> {
  const name = client.escapeIdentifier(partitionName(month));
  await client.query(
    `create table ${name} partition of access_event for values from ('${month.toISOString()}') to ('${monthStart(month, 1).toISOString()}')`,
  );
  await client.query(`select access_event_protect($1::regclass)`, [partitionName(month)]);
}

/**
 * Makes the months that must exist as of `now` (and those of the events waiting in the
 * default partition), then drops the months past the retention: one transaction, on the
 * owner's connection `client`.
 */
export async function maintainPartitions(client: Client, now: Date, retentionMonths: number): Promise<PartitionCounts> {
  await client.query('begin');
  try {
    const existing = await partitionsOf(client);
    const wanted = new Map<string, Date>();
    for (let i = 0; i <= MONTHS_AHEAD; i++) wanted.set(partitionName(monthStart(now, i)), monthStart(now, i));
    const { rows: waiting } = await client.query<{ month: Date }>(
      `select distinct date_trunc('month', at at time zone 'UTC') at time zone 'UTC' as month from access_event_default where at < $1`,
      [monthStart(now, MONTHS_AHEAD + 1)],
    );
    for (const { month } of waiting) wanted.set(partitionName(month), monthStart(month));
    const missing = [...wanted].filter(([name]) => !existing.has(name)).map(([, month]) => month);

    if (missing.length > 0 && waiting.length > 0) {
      // Rows of a month to make are in the default partition, which PostgreSQL would then
      // refuse: a new default takes its place, and its rows are inserted again through the
      // parent, each into its month. Dropping the old one deletes no row one by one.
      await client.query(`alter table access_event detach partition access_event_default`);
      await client.query(`alter table access_event_default rename to access_event_default_moving`);
      await client.query(`create table access_event_default partition of access_event default`);
      await client.query(`select access_event_protect('access_event_default'::regclass)`);
      for (const month of missing) await createPartition(client, month);
      await client.query(`insert into access_event select * from access_event_default_moving`);
      await client.query(`drop table access_event_default_moving`);
    } else {
      for (const month of missing) await createPartition(client, month);
    }

    // Past the retention: a month whose end is at or before `now - retention`.
    const limit = new Date(now);
    limit.setUTCMonth(limit.getUTCMonth() - retentionMonths);
    let dropped = 0;
    let eventsDropped = 0;
    for (const [name, month] of await partitionsOf(client)) {
      if (monthStart(month, 1).getTime() > limit.getTime()) continue;
      const table = client.escapeIdentifier(name);
      const { rows } = await client.query<{ n: string }>(`select count(*) as n from ${table}`);
      await client.query(`drop table ${table}`);
      dropped += 1;
      eventsDropped += Number(rows[0]?.n ?? 0);
    }
    await client.query('commit');
    return { created: missing.length, dropped, eventsDropped };
  } catch (error) {
    await client.query('rollback');
    throw error;
  }
}
