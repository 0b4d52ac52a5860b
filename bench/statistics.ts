import { Client } from 'pg';
import { TABLES } from '../src/statistics/catalogue';
import { cubeStatement } from '../src/statistics/cube';
import { lastClosedSchoolYear, monthPeriod, schoolYearPeriod } from '../src/statistics/periods';
import { parisDate } from '../src/util/dates';
import { STATISTICS_TABLE } from './operations';

/**
 * Every statistics table, one request at a time (issue 10: "any table answers in under
 * 1 s"): for the last school year that ended and its September, each asked REPEAT times in a
 * row by the coordinator of the bench's first programme; the median and the largest time.
 * Then each table's statement over every programme of the database at once: what one
 * programme holding every child would cost (the statistics read one programme at a time).
 */

const REPEAT = 5;

export interface StatisticsTiming {
  table: string;
  period: string;
  by: string[];
  medianMs: number;
  maxMs: number;
  rows: number;
}

export interface StatisticsTimings {
  requests: StatisticsTiming[];
  /** The statement over every programme at once. */
  everyProgramme: { table: string; ms: number; cells: number }[];
  programmes: number;
}

export async function timeStatistics(origin: string, token: string, databaseUrl: string): Promise<StatisticsTimings> {
  const year = lastClosedSchoolYear(parisDate(new Date()));
  const requests: StatisticsTiming[] = [];
  for (const table of Object.values(TABLES)) {
    const by = table.dimensions.slice(0, 2);
    const periods = [schoolYearPeriod(year).code, ...(table.monthly ? [monthPeriod(year, 1).code] : [])];
    for (const period of periods) {
      const times: number[] = [];
      let rows = 0;
      for (let i = 0; i < REPEAT; i++) {
        const started = performance.now();
        const response = await fetch(`${origin}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query: STATISTICS_TABLE, variables: { table: table.name, period, by } }),
        });
        const body = (await response.json()) as { data?: { statistics: { rows: unknown[] } | null }; errors?: unknown[] };
        times.push(performance.now() - started);
        if (body.errors?.length || !body.data?.statistics) throw new Error(`statistics ${table.name} ${period}: ${JSON.stringify(body.errors)}`);
        rows = body.data.statistics.rows.length;
      }
      times.sort((a, b) => a - b);
      requests.push({ table: table.name, period, by, medianMs: times[REPEAT >> 1]!, maxMs: times[REPEAT - 1]!, rows });
    }
  }
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows: programmes } = await client.query<{ id: string }>('select id from programme');
    const ids = programmes.map((p) => p.id);
    const everyProgramme: StatisticsTimings['everyProgramme'] = [];
    for (const table of Object.values(TABLES)) {
      const text = cubeStatement(table).replace(/\.programme_id = \$1/g, '.programme_id = any($1::uuid[])');
      await client.query(text, [ids, `${year}-09-01`]);
      const started = performance.now();
      const result = await client.query(text, [ids, `${year}-09-01`]);
      everyProgramme.push({ table: table.name, ms: performance.now() - started, cells: result.rowCount ?? 0 });
    }
    return { requests, everyProgramme, programmes: ids.length };
  } finally {
    await client.end();
  }
}
