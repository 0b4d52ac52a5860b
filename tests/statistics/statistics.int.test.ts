import { parse } from 'csv-parse/sync';
import { openTestOrm, startDemoServer, startTestServer, testDatabase, type TestServer } from '../helpers/test-server';
import { STATISTICS_NOW, statisticsWorld, type StatisticsWorld } from '../factories/statistics';
import { EXPECTED_SECURITY_HEADERS, securityHeadersOf } from '../helpers/security-headers';
import { ALL_TABLES, attack, crossings, readEverything } from './attacker';
import { TABLES } from '../../src/statistics/catalogue';
import { StatisticsSource } from '../../src/statistics/connection';
import { Statistics } from '../../src/statistics/statistics';
import { coordsOf, isSmall } from '../../src/statistics/disclosure';

/**
 * The statistics as a BI tool reads them (issue 10): GraphQL and CSV give the same numbers,
 * only ANALYST and PRE_COORDINATOR read them, each CSV download is one EXPORT event, bad
 * input is BAD_USER_INPUT naming the argument, and the demo programme resists the attacker.
 */

const STATISTICS = `query Statistics($table: StatisticsTable!, $period: String!, $by: [StatisticsDimension!]) {
  statistics(table: $table, period: $period, by: $by) {
    table period periodKind firstDay lastDay dimensions threshold monthlyDetail
    rows { value1 value2 margin count suppressed medianDaysToDecision }
    total { count suppressed }
  }
}`;

interface Result {
  statistics: {
    table: string;
    period: string;
    dimensions: string[];
    rows: { value1: string | null; value2: string | null; margin: boolean; count: number | null; suppressed: boolean; medianDaysToDecision: number | null }[];
    total: { count: number | null; suppressed: boolean };
  } | null;
}

let server: TestServer;
let world: StatisticsWorld;
let analyst: string;

beforeAll(async () => {
  server = await startTestServer();
  server.setNow(STATISTICS_NOW);
  world = await statisticsWorld(server.orm.em.fork(), 11);
  analyst = await server.token(world.analyst);
});

afterAll(async () => {
  await server?.close();
});

async function csv(path: string, token?: string) {
  const response = await fetch(new URL(path, server.url), { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

describe('who reads the statistics', () => {
  test('ANALYST and PRE_COORDINATOR read them, and their access policy says so', async () => {
    for (const subject of [world.analyst, world.coordinator]) {
      const token = await server.token(subject);
      const result = await server.graphql<Result & { viewer: { accessPolicy: { canReadStatistics: boolean } } }>(
        `{ viewer { accessPolicy { canReadStatistics } } statistics(table: CHILDREN_FOLLOWED, period: "2025-2026") { total { count suppressed } } }`,
        {},
        token,
      );
      expect(result.errors).toBeUndefined();
      expect(result.data!.viewer.accessPolicy.canReadStatistics).toBe(true);
      expect(result.data!.statistics!.total.count).toBeGreaterThanOrEqual(5);
    }
  });

  test.each(['ADMIN', 'PATHWAY_REFERENT', 'INCLUSION_REFERENT', 'PARTNER_AGENT', 'DPO'])('%s is FORBIDDEN, in GraphQL and CSV', async (role) => {
    const token = await server.token(world.others[role]);
    const result = await server.graphql<{ viewer: { accessPolicy: { canReadStatistics: boolean } }; statistics: unknown; statisticsCatalogue: unknown }>(
      `{ viewer { accessPolicy { canReadStatistics } } statistics(table: CHILDREN_FOLLOWED, period: "2025-2026") { total { count } } statisticsCatalogue { threshold } }`,
      {},
      token,
    );
    expect(result.data!.viewer.accessPolicy.canReadStatistics).toBe(false);
    expect(result.data!.statistics).toBeNull();
    expect(result.data!.statisticsCatalogue).toBeNull();
    expect(result.errors!.map((e) => [e.path?.[0], e.extensions?.code])).toEqual([
      ['statistics', 'FORBIDDEN'],
      ['statisticsCatalogue', 'FORBIDDEN'],
    ]);
    const file = await csv('/statistics/children-followed.csv?period=2025-2026', token);
    expect(file.status).toBe(403);
    expect(JSON.parse(file.text).errors[0].extensions.code).toBe('FORBIDDEN');
  });

  test('a CSV without a token is UNAUTHENTICATED (401), with the same headers as /graphql', async () => {
    const file = await csv('/statistics/children-followed.csv?period=2025-2026');
    expect(file.status).toBe(401);
    expect(JSON.parse(file.text).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(securityHeadersOf(file.headers)).toEqual(EXPECTED_SECURITY_HEADERS);
  });
});

describe('the answer', () => {
  test('CSV equals GraphQL, for every crossing of every table, school year and month', async () => {
    let compared = 0;
    for (const table of ALL_TABLES) {
      for (const period of table.monthly ? ['2025-2026', '2026-02'] : ['2025-2026']) {
        for (const by of crossings(table)) {
          const result = await server.graphql<Result>(STATISTICS, { table: table.name, period, by }, analyst);
          expect(result.errors).toBeUndefined();
          const answer = result.data!.statistics!;
          const path = `/statistics/${table.name.toLowerCase().replace(/_/g, '-')}.csv?period=${period}${by.length ? `&by=${by.join(',')}` : ''}`;
          const file = await csv(path, analyst);
          expect(file.status).toBe(200);
          expect(file.headers.get('content-type')).toBe('text/csv; charset=utf-8');
          expect(securityHeadersOf(file.headers)).toEqual(EXPECTED_SECURITY_HEADERS);
          const records = parse(file.text, { columns: true }) as Record<string, string>[];
          const expected = [
            ...answer.rows.map((row) => [row.value1, row.value2].slice(0, by.length).concat([row.count === null ? '' : String(row.count), String(row.suppressed)])),
            [...by.map(() => 'ALL'), answer.total.count === null ? '' : String(answer.total.count), String(answer.total.suppressed)],
          ];
          expect(records.map((r) => [...by.map((d) => r[d]), r.count, r.suppressed])).toEqual(expected);
          expect(records.every((r) => r.table === table.name && r.period === period)).toBe(true);
          if (table.medianDaysToDecision) {
            expect(records.slice(0, -1).map((r) => r.median_days_to_decision)).toEqual(answer.rows.map((row) => (row.medianDaysToDecision === null ? '' : String(row.medianDaysToDecision))));
          }
          compared += 1;
        }
      }
    }
    expect(compared).toBeGreaterThan(60);
  }, 120_000);

  test('the header row names the dimensions; a suppressed cell has an empty count', async () => {
    const file = await csv('/statistics/children-followed.csv?period=2025-2026&by=AGE_BAND&by=SCHOOL_NETWORK', analyst);
    const [header, ...lines] = file.text.trim().split('\n');
    expect(header).toBe('table,period,AGE_BAND,SCHOOL_NETWORK,count,suppressed');
    expect(lines.some((line) => line.endsWith(',,true'))).toBe(true);
    expect(file.headers.get('content-disposition')).toBe('attachment; filename="children-followed-2025-2026.csv"');
  });

  test('asking twice gives the same answer; every margin and the total are in the rows', async () => {
    const variables = { table: 'CHILDREN_FOLLOWED', period: '2025-2026', by: ['AGE_BAND', 'PRIORITY_NEIGHBOURHOOD'] };
    const first = await server.graphql<Result>(STATISTICS, variables, analyst);
    const second = await server.graphql<Result>(STATISTICS, variables, analyst);
    expect(second.data).toEqual(first.data);
    const rows = first.data!.statistics!.rows;
    expect(rows.filter((r) => !r.margin)).toHaveLength(5 * 2);
    expect(rows.filter((r) => r.margin)).toHaveLength(5 + 2);
    // A published crossing adds up to its published margins.
    for (const margin of rows.filter((r) => r.margin && r.value2 === 'ALL' && r.count !== null)) {
      const cells = rows.filter((r) => !r.margin && r.value1 === margin.value1);
      if (cells.every((c) => c.count !== null)) expect(cells.reduce((sum, c) => sum + c.count!, 0)).toBe(margin.count);
    }
  });

  test('the referrals carry the median days to a decision, over 5 decided referrals or more', async () => {
    const result = await server.graphql<Result>(STATISTICS, { table: 'REFERRALS', period: '2025-2026', by: ['REFERRAL_STATUS'] }, analyst);
    const accepted = result.data!.statistics!.rows.find((r) => r.value1 === 'ACCEPTED')!;
    expect(accepted.count).toBeGreaterThanOrEqual(5);
    expect(accepted.medianDaysToDecision).toBeGreaterThanOrEqual(20);
    expect(accepted.medianDaysToDecision).toBeLessThanOrEqual(70);
    const underReview = result.data!.statistics!.rows.find((r) => r.value1 === 'UNDER_REVIEW')!;
    expect(underReview.medianDaysToDecision).toBeNull();
  });

  test('the catalogue describes every table, dimension and value, and lists the school years that ended', async () => {
    const result = await server.graphql<{ statisticsCatalogue: { threshold: number; schoolYears: string[]; tables: { name: string; csvPath: string; dimensions: { name: string; description: string; values: { code: string; description: string }[] }[] }[] } }>(
      `{ statisticsCatalogue { threshold schoolYears tables { name csvPath dimensions { name description values { code description } } } } }`,
      {},
      analyst,
    );
    const catalogue = result.data!.statisticsCatalogue;
    expect(catalogue.threshold).toBe(5);
    expect(catalogue.schoolYears).toEqual(['2025-2026', '2024-2025']);
    expect(catalogue.tables.map((t) => t.name)).toEqual(Object.keys(TABLES));
    for (const table of catalogue.tables) {
      for (const d of table.dimensions) expect(d.values.every((v) => v.description.length > 3)).toBe(true);
    }
    const schema = await server.graphql<{ __type: { enumValues: { name: string; description: string }[] } }>(`{ __type(name: "StatisticsTable") { enumValues { name description } } }`, {}, analyst);
    expect(schema.data!.__type.enumValues.every((v) => v.description.length > 20)).toBe(true);
  });
});

describe('the access log', () => {
  test('one EXPORT event per CSV download, without a child; GraphQL reads write none', async () => {
    const count = async () =>
      Number(
        (await server.orm.em.getConnection().execute(`select count(*)::int as n from access_event where programme_id = ? and entity = 'Statistics' and action = 'EXPORT' and child_id is null`, [world.programme.id]))[0].n,
      );
    const all = async () => Number((await server.orm.em.getConnection().execute(`select count(*)::int as n from access_event where programme_id = ?`, [world.programme.id]))[0].n);
    const before = await count();
    const everything = await all();
    await server.graphql(STATISTICS, { table: 'REFERRALS', period: '2025-2026', by: ['REFERRAL_STATUS'] }, analyst);
    expect(await all()).toBe(everything);
    await csv('/statistics/referrals.csv?period=2025-2026', analyst);
    await csv('/statistics/referrals.csv?period=2025-10&by=REFERRAL_STATUS', analyst);
    expect(await count()).toBe(before + 2);
    // A refused download is no export.
    await csv('/statistics/referrals.csv?period=2030-2031', analyst);
    expect(await count()).toBe(before + 2);
  });
});

describe('bad input', () => {
  test.each([
    ['2025', 'period', 'INVALID_PERIOD'],
    ['2025-2027', 'period', 'INVALID_PERIOD'],
    ['2025-13', 'period', 'INVALID_PERIOD'],
    ['2026-2027', 'period', 'PERIOD_NOT_ENDED'],
    ['2026-10', 'period', 'PERIOD_NOT_ENDED'],
    ['1999-2000', 'period', 'INVALID_PERIOD'],
  ])('period %s is BAD_USER_INPUT on %s (%s)', async (period, field, reason) => {
    const result = await server.graphql(STATISTICS, { table: 'CHILDREN_FOLLOWED', period }, analyst);
    expect(result.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, reason });
    expect(result.errors![0].message).toMatch(/^period: /);
    const file = await csv(`/statistics/children-followed.csv?period=${period}`, analyst);
    expect(file.status).toBe(400);
    expect(JSON.parse(file.text).errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, reason });
  });

  test.each([
    [['AGE_BAND', 'GRADE_LEVEL', 'SCHOOL_NETWORK'], 'TOO_MANY_DIMENSIONS'],
    [['REFERRAL_STATUS'], 'UNKNOWN_DIMENSION'],
    [['AGE_BAND', 'AGE_BAND'], 'DUPLICATE_DIMENSION'],
  ])('by %j is BAD_USER_INPUT on by (%s)', async (by, reason) => {
    const result = await server.graphql(STATISTICS, { table: 'CHILDREN_FOLLOWED', period: '2025-2026', by }, analyst);
    expect(result.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'by', reason });
    const file = await csv(`/statistics/children-followed.csv?period=2025-2026&by=${by.join(',')}`, analyst);
    expect(JSON.parse(file.text).errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'by', reason });
  });

  test('a month of a table published for school years only, and an unknown CSV table', async () => {
    const result = await server.graphql(STATISTICS, { table: 'PATHWAYS', period: '2025-10' }, analyst);
    expect(result.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'period', reason: 'SCHOOL_YEARS_ONLY' });
    const file = await csv('/statistics/children.csv?period=2025-2026', analyst);
    expect(file.status).toBe(400);
    expect(JSON.parse(file.text).errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'table' });
  });
});

describe('DATABASE_READ_URL', () => {
  const total = async (other: TestServer) =>
    (await other.graphql<Result>(STATISTICS, { table: 'CHILDREN_FOLLOWED', period: '2025-2026' }, await other.token(world.analyst))).data!.statistics!.total;

  test('the statistics are read from the replica, not the primary', async () => {
    // A "replica" that holds none of the primary's rows: the answer can only come from it.
    const replicaUrl = await testDatabase('replica');
    await (await openTestOrm(replicaUrl)).close(true);
    const other = await startTestServer({ databaseUrl: server.databaseUrl, env: { DATABASE_READ_URL: replicaUrl } });
    try {
      other.setNow(STATISTICS_NOW);
      expect(await total(other)).toEqual({ count: 0, suppressed: false });
    } finally {
      await other.close();
    }
  });

  test('while the replica cannot be reached, the primary answers', async () => {
    const other = await startTestServer({ databaseUrl: server.databaseUrl, env: { DATABASE_READ_URL: 'postgresql://postgres@127.0.0.1:1/none' } });
    try {
      other.setNow(STATISTICS_NOW);
      const expected = (await server.graphql<Result>(STATISTICS, { table: 'CHILDREN_FOLLOWED', period: '2025-2026' }, analyst)).data!.statistics!.total;
      expect(await total(other)).toEqual(expected);
      expect(expected.count).toBeGreaterThanOrEqual(5);
    } finally {
      await other.close();
    }
  });
});

describe('the demo programme', () => {
  test('no published number from 1 to 4, and the attacker pins none of its suppressed numbers', async () => {
    const demo = await startDemoServer();
    try {
      demo.setNow(STATISTICS_NOW);
      const token = await demo.tokenFor('analyst@demo.example');
      const years = [2024, 2025];
      const published = await readEverything((document, variables) => demo.graphql(document, variables, token), ALL_TABLES, years);
      const protectedTables = new Set(ALL_TABLES.filter((t) => t.protected).map((t) => t.name));
      expect(published.filter((p) => protectedTables.has(p.table) && p.count !== null && isSmall(p.count, 5))).toEqual([]);
      const [{ id: programmeId }] = await demo.orm.em.getConnection().execute(`select id from programme where name like '%Villeneuve%'`);
      const statistics = new Statistics(new StatisticsSource({ statementTimeoutMs: 10_000 }), 5);
      let attacked = 0;
      for (const table of ALL_TABLES.filter((t) => t.protected)) {
        const goals: Parameters<typeof attack>[3][number][] = [];
        for (const schoolYear of years) {
          const { protection } = await statistics.schoolYear(demo.orm.em.fork(), programmeId, table, schoolYear);
          [protection.year, ...protection.months].forEach((p, bucket) => {
            for (const key of p.suppressed) {
              const value = p.values.get(key) ?? 0;
              if (isSmall(value, 5)) goals.push({ table: table.name, schoolYear, bucket, coords: coordsOf(key), trueValue: value });
            }
          });
        }
        const results = await attack(table, years, published, goals);
        expect(results.filter((r) => r.bounds.min === r.bounds.max)).toEqual([]);
        attacked += results.length;
      }
      expect(attacked).toBeGreaterThan(100);
    } finally {
      await demo.close();
    }
  }, 180_000);
});
