import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from '../db/sql';
import { parisDate } from '../util/dates';
import { TABLES, type TableDef } from './catalogue';
import { cubeStatement, type CubeRow } from './cube';
import { lastClosedSchoolYear } from './periods';

/**
 * Freezing the school year that has ended (docs/statistics.md, "Frozen school years").
 *
 * The cubes count units by values recorded today (a child's grade, its school, a referral's
 * status): computed again next year, last year's figures would move with every edit made
 * since, and the difference between two readings would tell what changed, and for whom.
 * So the daily run freezes the cubes of the school year that has ended, each table's rows
 * once (the statement's rows, counts per cell of the whole cube: no unit, no identity), and
 * every later answer about that school year reads them. The disclosure control is
 * deterministic over these rows: the answer stays the same, suppressions included.
 *
 * Only the last school year that has ended is frozen: its values are those recorded during
 * it (the run of 1 September comes before the new school year's edits). An older school year
 * never frozen (before the API ran) is computed from the tables, as before.
 */

/** The frozen rows of one table and school year, if any (read where the statistics are read). */
export const FROZEN_ROWS_SQL = `select rows from statistics_frozen where programme_id = $1 and table_name = $2 and school_year = $3`;

/** Freezes, in every programme, each table of the last school year ended on `now` not frozen yet; returns how many were frozen. */
export async function freezeEndedSchoolYear(em: EntityManager, now: Date): Promise<number> {
  const schoolYear = lastClosedSchoolYear(parisDate(now));
  const done = await sql<{ programme_id: string; table_name: string }>(
    em,
    `select p.id as programme_id, t.name as table_name
       from programme p cross join unnest($1::text[]) as t(name)
      where exists (select 1 from statistics_frozen f where f.programme_id = p.id and f.table_name = t.name and f.school_year = $2)`,
    [Object.keys(TABLES), schoolYear],
  );
  const frozen = new Set(done.map((row) => `${row.programme_id}|${row.table_name}`));
  const programmes = await sql<{ id: string }>(em, 'select id from programme order by id', []);
  let count = 0;
  for (const { id } of programmes) {
    for (const table of Object.values(TABLES) as TableDef[]) {
      if (frozen.has(`${id}|${table.name}`)) continue;
      const rows = await sql<CubeRow>(em, cubeStatement(table), [id, `${schoolYear}-09-01`]);
      // Another process's run may freeze the same table at the same time: the first one stays.
      const inserted = await sql(
        em,
        `insert into statistics_frozen (programme_id, table_name, school_year, rows, frozen_at) values ($1, $2, $3, $4::jsonb, $5)
         on conflict do nothing returning 1`,
        [id, table.name, schoolYear, JSON.stringify(rows), now],
      );
      count += inserted.length;
    }
  }
  return count;
}
