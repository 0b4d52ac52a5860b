import { seedDemo } from '../../src/seed/demo.seed';
import { toGlobalId } from '../../src/schema/global-id';
import { dropTestDatabase, startTestServer, testDatabase, type TestServer } from '../helpers/test-server';

/**
 * Policy, "Lifetime of the data": "the anonymous statistics stay true". The DPO erases a
 * child that was followed in a school year that has ended, and every statistic of that
 * year (every table, alone and by each of its dimensions and each pair of them, the year and
 * its months) reads the same before and after. The child is one a family would ask to erase
 * once it is no longer followed: its pathway closed, its referrals decided, nothing open
 * (an erasure stops what is still open, and statuses are counted as they are today).
 */

interface Catalogue {
  tables: { name: string; dimensions: { name: string }[] }[];
}

describe('an erasure keeps the statistics true', () => {
  let server: TestServer;
  let databaseUrl: string;
  let coordinator: string;
  let dpo: string;
  const YEAR = '2025-2026';

  const tokenFor = async (email: string) => {
    const [row] = await server.orm.em.getConnection().execute<{ subject: string }[]>('select subject from account where email = ?', [email]);
    return server.token(row!.subject);
  };

  beforeAll(async () => {
    databaseUrl = await testDatabase(`stats_erasure_${process.pid}`);
    server = await startTestServer({ databaseUrl });
    await seedDemo(server.orm.em.fork());
    coordinator = await tokenFor('coordinator@demo.example');
    dpo = await tokenFor('dpo@demo.example');
  });
  afterAll(async () => {
    await server?.close();
    if (databaseUrl) await dropTestDatabase(databaseUrl);
  });

  /** Every statistic of the school year and its months, as the coordinator reads them. */
  async function everything(): Promise<Record<string, unknown>> {
    const catalogue = (await server.graphql<{ statisticsCatalogue: Catalogue }>('{ statisticsCatalogue { tables { name dimensions { name } } } }', {}, coordinator)).data!.statisticsCatalogue;
    const months = ['2025-09', '2025-12', '2026-03', '2026-06'];
    const answers: Record<string, unknown> = {};
    for (const table of catalogue.tables) {
      const dims = table.dimensions.map((d) => d.name);
      const crossings: string[][] = [[], ...dims.map((d) => [d]), ...dims.flatMap((d, i) => dims.slice(i + 1).map((e) => [d, e]))];
      for (const period of [YEAR, ...months]) {
        for (const by of crossings) {
          const result = await server.graphql(
            'query ($table: StatisticsTable!, $period: String!, $by: [StatisticsDimension!]) { statistics(table: $table, period: $period, by: $by) { monthlyDetail total { count suppressed } rows { value1 value2 count suppressed margin medianDaysToDecision } } }',
            { table: table.name, period, by },
            coordinator,
          );
          answers[`${table.name} ${period} ${by.join('×')}`] = result.errors ? result.errors.map((e) => e.extensions?.code) : result.data;
        }
      }
    }
    return answers;
  }

  it('reads every table, crossing and month of an ended school year the same before and after the erasure of a child followed then', async () => {
    const conn = server.orm.em.getConnection();
    // A child followed during the year, whose pathway closed before its end, with nothing still open.
    const [child] = await conn.execute<{ id: string }[]>(
      `select c.id from child c join pathway p on p.child_id = c.id
        where p.status = 'CLOSED' and p.start_date <= '2026-08-31' and p.end_date between '2025-09-01' and '2026-08-31'
          and not exists (select 1 from referral r where r.child_id = c.id and r.status in ('SUBMITTED', 'UNDER_REVIEW'))
          and not exists (select 1 from pathway o where o.child_id = c.id and o.status <> 'CLOSED')
          and not exists (select 1 from service_link l where l.child_id = c.id and l.status in ('PROPOSED', 'ACTIVE', 'SUSPENDED'))
          and not exists (select 1 from inclusion_follow_up f where f.child_id = c.id and f.status <> 'CLOSED')
        order by c.id limit 1`,
    );
    expect(child).toBeDefined();
    const before = await everything();
    expect(Object.values(before).some((answer) => JSON.stringify(answer).includes('"count":'))).toBe(true);

    const erased = await server.graphql<{ eraseChild: { childId: string } }>(
      'mutation ($input: EraseChildInput!) { eraseChild(input: $input) { childId } }',
      { input: { childId: toGlobalId('Child', child!.id), reason: 'FAMILY_REQUEST', reference: 'DPO-2026-001' } },
      dpo,
    );
    expect(erased.errors).toBeUndefined();
    const [row] = await conn.execute<{ lifecycle: string; first_name: string; birth_date: string | null }[]>('select lifecycle, first_name, birth_date from child where id = ?', [child!.id]);
    expect(row).toEqual({ lifecycle: 'ANONYMISED', first_name: '', birth_date: null });

    expect(await everything()).toEqual(before);
  }, 240_000);
});
