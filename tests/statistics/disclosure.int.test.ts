import { startTestServer, type TestServer } from '../helpers/test-server';
import { STATISTICS_NOW, statisticsWorld, type StatisticsWorld } from '../factories/statistics';
import { TABLES, type TableDef } from '../../src/statistics/catalogue';
import { StatisticsSource } from '../../src/statistics/connection';
import { Statistics } from '../../src/statistics/statistics';
import { coordsOf, isSmall } from '../../src/statistics/disclosure';
import { ALL_TABLES, attack, readEverything, type AttackResult, type Published } from './attacker';

/**
 * The disclosure control against an attacker (issue 10, "Tests"): on a programme seeded
 * with small cells on purpose, (1) no published number is from 1 to 4, (2) solving for every
 * suppressed number over everything published (tests/statistics/attacker.ts) pins none of
 * them to a value from 1 to 4; and the attacker is strong enough to pin cells of a table
 * protected by primary suppression alone.
 */

const SCHOOL_YEARS = [2023, 2024, 2025];
const THRESHOLD = 5;

let server: TestServer;
let world: StatisticsWorld;
let published: Published[];
let statistics: Statistics;

beforeAll(async () => {
  server = await startTestServer();
  server.setNow(STATISTICS_NOW);
  world = await statisticsWorld(server.orm.em.fork());
  const token = await server.token(world.analyst);
  published = await readEverything((document, variables) => server.graphql(document, variables, token), ALL_TABLES, SCHOOL_YEARS);
  statistics = new Statistics(new StatisticsSource({ statementTimeoutMs: 10_000 }), THRESHOLD);
}, 120_000);

afterAll(async () => {
  await server?.close();
});

/** The suppressed numbers whose true value is small: the only ones that could be pinned to a small value. */
async function targets(table: TableDef, schoolYears: readonly number[]) {
  const out: Omit<AttackResult, 'bounds'>[] = [];
  for (const schoolYear of schoolYears) {
    const { protection } = await statistics.schoolYear(server.orm.em.fork(), world.programme.id, table, schoolYear);
    const periods = [protection.year, ...protection.months];
    periods.forEach((p, bucket) => {
      for (const key of p.suppressed) {
        const value = p.values.get(key) ?? 0;
        if (isSmall(value, THRESHOLD)) out.push({ table: table.name, schoolYear, bucket, coords: coordsOf(key), trueValue: value });
      }
    });
  }
  return out;
}

function pinned(results: AttackResult[]): AttackResult[] {
  return results.filter((r) => r.bounds.min === r.bounds.max && r.bounds.min >= 1 && r.bounds.min < THRESHOLD);
}

test('no published number is from 1 to 4, in any table, crossing, margin, total or period', () => {
  expect(published.length).toBeGreaterThan(3000);
  const protectedTables = new Set(ALL_TABLES.filter((t) => t.protected).map((t) => t.name));
  const small = published.filter((p) => protectedTables.has(p.table) && p.count !== null && p.count >= 1 && p.count < THRESHOLD);
  expect(small).toEqual([]);
  // The workshops hold no child data: their small numbers are published as they are.
  const workshops = published.filter((p) => p.table === 'WORKSHOPS' || p.table === 'PROFESSIONALS_TRAINED');
  expect(workshops.every((p) => p.count !== null)).toBe(true);
  expect(workshops.some((p) => p.count !== null && p.count >= 1 && p.count < THRESHOLD)).toBe(true);
  // The world has small cells on purpose: many numbers are suppressed, and many published.
  expect(published.filter((p) => p.count === null).length).toBeGreaterThan(200);
  expect(published.filter((p) => p.count !== null && p.count >= THRESHOLD).length).toBeGreaterThan(200);
});

test.each(ALL_TABLES.filter((t) => t.protected).map((t) => [t.name, t] as const))(
  'the attacker pins no suppressed number of %s to a value from 1 to 4',
  async (_name, table) => {
    const goals = await targets(table, SCHOOL_YEARS);
    const results = await attack(table, SCHOOL_YEARS, published, goals);
    expect(pinned(results)).toEqual([]);
    // Every small number can take another value than its own.
    for (const r of results) expect(r.bounds.max).toBeGreaterThan(r.bounds.min);
  },
  120_000,
);

test('the world has small cells to protect in every table of children\'s data with dimensions', async () => {
  for (const table of ALL_TABLES.filter((t) => t.protected && t.dimensions.length > 0)) {
    expect({ table: table.name, small: (await targets(table, SCHOOL_YEARS)).length > 0 }).toEqual({ table: table.name, small: true });
  }
});

test('the attacker pins cells that primary suppression alone would leave: the test can fail', async () => {
  const table = TABLES.CHILDREN_FOLLOWED;
  const { protection } = await statistics.schoolYear(server.orm.em.fork(), world.programme.id, table, 2025);
  // A naive publication of the school year: every number but the small ones.
  const naive: Published[] = [...protection.year.values].map(([key, value]) => ({
    table: table.name,
    schoolYear: 2025,
    bucket: 0,
    coords: coordsOf(key),
    count: isSmall(value, THRESHOLD) ? null : value,
  }));
  const goals = [...protection.year.values]
    .filter(([, value]) => isSmall(value, THRESHOLD))
    .map(([key, value]) => ({ table: table.name, schoolYear: 2025, bucket: 0, coords: coordsOf(key), trueValue: value }));
  const results = await attack({ ...table, monthly: false }, [2025], naive, goals);
  expect(pinned(results).length).toBeGreaterThan(0);
  for (const r of pinned(results)) expect(r.bounds.min).toBe(r.trueValue);
}, 60_000);
