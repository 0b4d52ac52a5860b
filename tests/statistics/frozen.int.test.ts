import { runLifetime } from '../../src/lifetime/daily-run';
import { seedDemo } from '../../src/seed/demo.seed';
import { TABLES, StatisticsTableName } from '../../src/statistics/catalogue';
import { cubeStatement } from '../../src/statistics/cube';
import { withClient } from '../../src/db/sql';
import { dropTestDatabase, startTestServer, testDatabase, type TestServer } from '../helpers/test-server';

/**
 * A school year that has ended is frozen by the daily run (src/statistics/freeze.ts): the
 * grades changed at the next school year's start, or a referral decided late, do not move
 * its published figures, which would tell by difference what changed for whom.
 */

const STATISTICS = /* GraphQL */ `query ($table: StatisticsTable!, $period: String!, $by: [StatisticsDimension!]) {
  statistics(table: $table, period: $period, by: $by) { total { count suppressed } rows { value1 value2 count suppressed margin medianDaysToDecision } }
}`;

describe('frozen school years', () => {
  let server: TestServer;
  let databaseUrl: string;
  let coordinator: string;
  let dpo: string;
  const YEAR = '2025-2026';
  // 1 September 2026, 03:00 in Paris: the first daily run after the school year's end.
  const FIRST_RUN = new Date('2026-09-01T01:00:00Z');

  const tokenFor = async (email: string) => {
    const [row] = await server.orm.em.getConnection().execute<{ subject: string }[]>('select subject from account where email = ?', [email]);
    return server.token(row!.subject);
  };
  const read = (table: string, by: string[], period = YEAR) => server.graphql(STATISTICS, { table, period, by }, coordinator);
  const readings = async () => ({
    grades: await read('CHILDREN_FOLLOWED', ['GRADE_LEVEL', 'AGE_BAND']),
    networks: await read('CHILDREN_FOLLOWED', ['SCHOOL_NETWORK']),
    september: await read('CHILDREN_FOLLOWED', ['GRADE_LEVEL'], '2025-09'),
    referrals: await read('REFERRALS', ['REFERRAL_STATUS']),
  });

  beforeAll(async () => {
    databaseUrl = await testDatabase(`stats_frozen_${process.pid}`);
    server = await startTestServer({ databaseUrl });
    await seedDemo(server.orm.em.fork());
    coordinator = await tokenFor('coordinator@demo.example');
    dpo = await tokenFor('dpo@demo.example');
  });
  afterAll(async () => {
    await server?.close();
    if (databaseUrl) await dropTestDatabase(databaseUrl);
  });

  it('keeps the figures of the school year that has ended when grades, schools and statuses are edited after its first daily run', async () => {
    const conn = server.orm.em.getConnection();
    const before = await readings();
    expect(before.grades.errors).toBeUndefined();
    expect(JSON.stringify(before.grades.data)).toMatch(/"count":[1-9]/);

    const programmes = await conn.execute<{ id: string }[]>('select id from programme');
    const counts = await runLifetime({ orm: server.apiOrm, ownerUrl: server.databaseUrl, retention: server.config.retention, now: FIRST_RUN });
    expect(counts.statisticsFrozen).toBe(Object.keys(TABLES).length * programmes.length);

    // The new school year: every pupil moves up to collège, changes school, referrals are decided.
    const [{ id: programmeId }] = await conn.execute<{ id: string }[]>(`select programme_id as id from account where email = 'coordinator@demo.example'`);
    const live = () =>
      withClient(server.databaseUrl, async (client) => {
        const { rows } = await client.query(cubeStatement(TABLES[StatisticsTableName.CHILDREN_FOLLOWED]), [programmeId, '2025-09-01']);
        return rows.map((row) => JSON.stringify(row)).sort();
      });
    const liveBefore = await live();
    await conn.execute(`update child set grade = 'SIXIEME' where grade in ('CP', 'CE1', 'CE2', 'CM1', 'CM2')`);
    await conn.execute(`update child c set school_id = (select s.id from partner s where s.programme_id = c.programme_id and s.kind = 'SCHOOL' and s.network is null limit 1) where c.school_id is not null`);
    await conn.execute(`update referral set status = 'ACCEPTED', decided_on = referred_on + 3 where status in ('SUBMITTED', 'UNDER_REVIEW')`);
    // The edits do move the figures computed from the tables...
    expect(await live()).not.toEqual(liveBefore);
    // ...but not those published for the frozen school year, nor its months.
    expect(await readings()).toEqual(before);

    // A second run freezes nothing more; the DPO sees what the first one froze.
    const again = await runLifetime({ orm: server.apiOrm, ownerUrl: server.databaseUrl, retention: server.config.retention, now: new Date('2026-09-02T01:00:00Z') });
    expect(again.statisticsFrozen).toBe(0);
    const runs = await server.graphql<{ lifetimeRuns: { asOf: string; statisticsFrozen: number }[] }>('{ lifetimeRuns(first: 5) { asOf statisticsFrozen } }', {}, dpo);
    expect(runs.errors).toBeUndefined();
    expect(runs.data!.lifetimeRuns.map((r) => r.statisticsFrozen)).toEqual([0, Object.keys(TABLES).length]);
  }, 120_000);

  it("is append-only for the API's role: a frozen year cannot be rewritten nor removed", async () => {
    const api = server.apiOrm.em.getConnection();
    for (const statement of ['update statistics_frozen set rows = \'[]\'::jsonb', 'delete from statistics_frozen', 'truncate statistics_frozen']) {
      await expect(api.execute(statement)).rejects.toMatchObject({ code: '42501' });
    }
  });
});
