import { startJobRunner, type JobRunner } from '../../src/jobs/runner';
import { startTestServer, type TestServer } from '../helpers/test-server';

/**
 * Two API processes on one database share the job queue through PostgreSQL: jobs queued on
 * either are each run once, by one of them, and the lifetime runs never overlap (one queue
 * across the processes). The rate limits' sharing is tests/security/rate-limit.int.test.ts's.
 */

describe('jobs shared by two API processes', () => {
  let first: TestServer;
  let second: TestServer;
  const runners: JobRunner[] = [];
  beforeAll(async () => {
    first = await startTestServer();
    second = await startTestServer({ databaseUrl: first.databaseUrl });
  });
  afterAll(async () => {
    for (const runner of runners) await runner.stop();
    await second?.close();
    await first?.close();
  });

  it('runs each queued job once, one lifetime run at a time across both', async () => {
    for (const server of [first, second]) {
      runners.push(await startJobRunner({ orm: server.apiOrm, apiUrl: server.apiDatabaseUrl, ownerUrl: server.databaseUrl, config: server.config, now: () => new Date(), log: () => undefined, pollInterval: 100 }));
    }
    const jobIds = await Promise.all([runners[0]!.runLifetimeNow(), runners[1]!.runLifetimeNow(), runners[0]!.runLifetimeNow(), runners[1]!.runLifetimeNow()]);
    const runs = async () =>
      (await first.orm.em.getConnection().execute(`select job_id, attempt, status, started_at, finished_at from lifetime_run where job_id in (?) order by started_at`, [jobIds])) as {
        job_id: string;
        attempt: number;
        status: string;
        started_at: string;
        finished_at: string | null;
      }[];
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline && (await runs()).filter((r) => r.status === 'SUCCEEDED').length < jobIds.length) await new Promise((resolve) => setTimeout(resolve, 100));
    const done = await runs();
    expect(done.map((r) => [r.status, r.attempt])).toEqual(jobIds.map(() => ['SUCCEEDED', 1]));
    expect(new Set(done.map((r) => r.job_id))).toEqual(new Set(jobIds));
    for (let i = 1; i < done.length; i++) expect(Date.parse(done[i]!.started_at)).toBeGreaterThanOrEqual(Date.parse(done[i - 1]!.finished_at!));
  });
});
