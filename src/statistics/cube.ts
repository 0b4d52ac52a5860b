import { BadUserInput } from '../errors';
import { Presence, StatisticsTableName, TABLES, dimensionsOf, type TableDef } from './catalogue';
import type { Cube } from './disclosure';

/**
 * The cubes of one table over one school year, in one SQL statement over the tables
 * themselves: for the school year (bucket 0) and each of its months (1 = September ...
 * 12 = August), the count of units per combination of the values of all the table's
 * dimensions. Every value is computed from columns an erasure keeps (docs/statistics.md,
 * "What an erasure must keep"): the year of birth, the grade, the school's network, whether
 * the home is in a QPV, statuses, kinds and dates; no name, no text.
 */

/** The periods of a school year: `$2` is its 1 September. */
const BUCKETS = `buckets as (
  select 0 as bucket, $2::date as first_day, ($2::date + interval '1 year' - interval '1 day')::date as last_day
  union all
  select i, ($2::date + (i - 1) * interval '1 month')::date, ($2::date + i * interval '1 month' - interval '1 day')::date
    from generate_series(1, 12) as i)`;

/** The calendar day in France of a timestamp column. */
const day = (column: string) => `(${column} at time zone 'Europe/Paris')::date`;

/** How a unit with these dates belongs to bucket `b` (see Presence). */
function presence(kind: Presence, start: string, end?: string): string {
  switch (kind) {
    case Presence.EVENT:
      return `${start} between b.first_day and b.last_day`;
    case Presence.SPAN:
      return `${start} <= b.last_day and (${end} is null or ${end} >= b.first_day)`;
    case Presence.AT_END:
      return `${start} <= b.last_day and (${end} is null or ${end} > b.last_day)`;
  }
}

const GRADE_LEVEL = `case
  when c.grade in ('TPS', 'PS', 'MS', 'GS') then 'MATERNELLE'
  when c.grade in ('CP', 'CE1', 'CE2', 'CM1', 'CM2') then 'ELEMENTAIRE'
  when c.grade in ('SIXIEME', 'CINQUIEME', 'QUATRIEME', 'TROISIEME') then 'COLLEGE'
  else 'NOT_SCHOOLED' end`;

/** Age reached in the calendar year of the school year's 1 September: only the year of birth counts (kept by an erasure: child.birth_year). */
const AGE_BAND = `case
  when extract(year from $2::date) - c.birth_year between 2 and 5 then 'AGE_2_5'
  when extract(year from $2::date) - c.birth_year between 6 and 10 then 'AGE_6_10'
  when extract(year from $2::date) - c.birth_year between 11 and 13 then 'AGE_11_13'
  when extract(year from $2::date) - c.birth_year between 14 and 16 then 'AGE_14_16'
  else 'OTHER' end`;

/**
 * The units of each table: `unit` identifies one (counted once per bucket), `d0`... its
 * values, `b.bucket` each period it belongs to; `weight` when a unit counts more than one.
 */
const UNITS: Record<StatisticsTableName, string> = {
  [StatisticsTableName.CHILDREN_FOLLOWED]: `
    select c.id as unit, b.bucket, ${AGE_BAND} as d0, ${GRADE_LEVEL} as d1,
           coalesce(s.network::text, 'NONE') as d2, case when f.qpv_code is null then 'NOT_QPV' else 'QPV' end as d3
      from pathway p
      join child c on c.id = p.child_id
      join family f on f.id = c.family_id
      left join partner s on s.id = c.school_id and s.programme_id = $1
      join buckets b on ${presence(Presence.SPAN, 'p.start_date', 'p.end_date')}
     where p.programme_id = $1 and p.status <> 'DRAFT' and p.start_date is not null`,
  [StatisticsTableName.REFERRALS]: `
    select r.id as unit, b.bucket, r.status::text as d0, rp.kind::text as d1,
           case when r.decided_on is not null then r.decided_on - r.referred_on end as delay
      from referral r
      join partner rp on rp.id = r.referring_partner_id and rp.programme_id = $1
      join buckets b on ${presence(Presence.EVENT, 'r.referred_on')}
     where r.programme_id = $1`,
  [StatisticsTableName.PATHWAYS]: `
    select p.id as unit, b.bucket,
           case when p.start_date < b.first_day then 'OPENED_BEFORE' else 'OPENED_DURING' end as d0,
           case when p.status = 'CLOSED' and p.end_date <= b.last_day then 'CLOSED_' || coalesce(p.closure_kind::text, 'OTHER')
                else 'ACTIVE_AT_END' end as d1
      from pathway p
      join buckets b on b.bucket = 0 and ${presence(Presence.SPAN, 'p.start_date', 'p.end_date')}
     where p.programme_id = $1 and p.status <> 'DRAFT' and p.start_date is not null`,
  [StatisticsTableName.ACTIONS]: `
    select a.id as unit, b.bucket, a.domain::text as d0, a.child_time::text as d1, a.kind::text as d2
      from action a
      join buckets b on ${presence(Presence.SPAN, 'a.start_date', 'a.end_date')}
     where a.programme_id = $1 and a.status <> 'CANCELLED' and a.start_date is not null`,
  [StatisticsTableName.INCLUSION_FOLLOW_UPS]: `
    select f.id as unit, b.bucket, f.status::text as d0
      from inclusion_follow_up f
      join buckets b on ${presence(Presence.EVENT, day('f.created_at'))}
     where f.programme_id = $1`,
  [StatisticsTableName.ACCOMMODATIONS]: `
    select a.id as unit, b.bucket, p.kind::text as d0
      from accommodation a
      join partner p on p.id = a.partner_id and p.programme_id = $1
      join buckets b on ${presence(Presence.EVENT, day('a.created_at'))}
     where a.programme_id = $1`,
  [StatisticsTableName.ADAPTED_ACTIVITIES]: `
    select a.id as unit, b.bucket, a.child_time::text as d0, coalesce(p.kind::text, 'NO_STRUCTURE') as d1
      from adapted_activity a
      left join partner p on p.id = a.partner_id and p.programme_id = $1
      join buckets b on ${presence(Presence.EVENT, day('a.created_at'))}
     where a.programme_id = $1`,
  [StatisticsTableName.FAMILY_MEETINGS]: `
    select m.id as unit, b.bucket
      from family_meeting m
      join buckets b on ${presence(Presence.EVENT, 'm.held_on')}
     where m.programme_id = $1`,
  [StatisticsTableName.WORKSHOPS]: `
    select w.id as unit, b.bucket
      from workshop w
      join buckets b on ${presence(Presence.EVENT, 'w.held_on')}
     where w.programme_id = $1`,
  [StatisticsTableName.PROFESSIONALS_TRAINED]: `
    select w.id as unit, b.bucket, w.professionals_count as weight
      from workshop w
      join buckets b on ${presence(Presence.EVENT, 'w.held_on')}
     where w.programme_id = $1`,
  // Active on a day: ACTIVE from its start (a proposal is never active), until its end of
  // validity, its revocation or its suspension.
  [StatisticsTableName.SERVICE_LINKS]: `
    select l.id as unit, b.bucket, p.kind::text as d0, l.legal_basis::text as d1
      from service_link l
      join partner p on p.id = l.partner_id and p.programme_id = $1
      join buckets b on ${presence(Presence.AT_END, 'l.valid_from', `least(l.valid_until + 1, ${day('l.revoked_at')}, ${day('l.suspended_at')})`)}
     where l.programme_id = $1 and l.status <> 'PROPOSED'`,
  [StatisticsTableName.CONSENTS]: `
    select c.id::text || ':given' as unit, b.bucket, 'GIVEN' as d0, c.purpose::text as d1
      from consent c
      join buckets b on ${presence(Presence.EVENT, day('c.given_at'))}
     where c.programme_id = $1
    union all
    select c.id::text || ':withdrawn', b.bucket, 'WITHDRAWN', c.purpose::text
      from consent c
      join buckets b on ${presence(Presence.EVENT, day('c.withdrawn_at'))}
     where c.programme_id = $1 and c.withdrawn_at is not null`,
};

/** The statement giving the cubes of `table` (parameters: programme id, the school year's 1 September). */
export function cubeStatement(table: TableDef): string {
  const dims = table.dimensions.map((_, i) => `d${i}`);
  const weighted = table.name === StatisticsTableName.PROFESSIONALS_TRAINED;
  const count = weighted ? 'coalesce(sum(weight), 0)::int' : 'count(distinct unit)::int';
  const delays = table.medianDaysToDecision ? ', array_agg(delay) filter (where delay is not null) as delays' : '';
  return `with ${BUCKETS}, units as (${UNITS[table.name]})
    select bucket${dims.map((d) => `, ${d}`).join('')}, ${count} as n${delays}
      from units group by bucket${dims.map((d) => `, ${d}`).join('')}`;
}

export interface CubeRow {
  bucket: number;
  n: number;
  delays?: number[] | null;
  [dimension: `d${number}`]: string;
}

export interface SchoolYearCubes {
  /** Index 0: the school year; 1 to 12: its months. */
  cubes: Cube[];
  /** Days from referral to decision per bucket and tuple (REFERRALS only). */
  delays: Map<string, number[]>[];
}

/** The cubes of the school year and its months, from the statement's rows. */
export function cubesFromRows(table: TableDef, rows: readonly CubeRow[]): SchoolYearCubes {
  const dims = dimensionsOf(table);
  const index = dims.map((d) => new Map(d.values.map((v, i) => [v.code, i])));
  const counts = Array.from({ length: 13 }, () => new Map<string, number>());
  const delays = Array.from({ length: 13 }, () => new Map<string, number[]>());
  for (const row of rows) {
    const tuple = dims.map((d, i) => {
      const value = index[i].get(row[`d${i}`]);
      // A value the catalogue does not list is a bug of the catalogue, never a client's input.
      if (value === undefined) throw new Error(`statistics: ${table.name}.${d.name} has no value ${row[`d${i}`]}`);
      return value;
    });
    const key = tuple.join(',');
    counts[row.bucket].set(key, (counts[row.bucket].get(key) ?? 0) + row.n);
    if (row.delays?.length) delays[row.bucket].set(key, row.delays);
  }
  const sizes = dims.map((d) => d.values.length);
  return { cubes: counts.map((c) => ({ sizes, counts: c })), delays };
}

export function tableDef(name: string, field = 'table'): TableDef {
  const table = TABLES[name as StatisticsTableName];
  if (!table) throw new BadUserInput(field, `no statistics table ${name}`, { reason: 'UNKNOWN_TABLE' });
  return table;
}
