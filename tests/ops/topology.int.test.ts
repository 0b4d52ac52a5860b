import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { PG_BIN, startTopology, topologyMissing, type Topology } from '../../scripts/topology';
import { ensureBuilt, ROOT } from '../helpers/api-process';
import { ROSTER, STATISTICS, ask, countOutcomes, demoToken, type Outcome } from '../../bench/fault-load';

/**
 * The production topology on this machine (scripts/topology.ts): a PostgreSQL 15 primary
 * and its streaming replica, two API processes, HAProxy in front. Load goes through
 * HAProxy while one API process is stopped (SIGTERM) and started again: no request sent
 * after the stop began fails. With the replica stopped, the statistics still answer (from
 * the primary) and readiness says `degraded`.
 */

const WORKERS = 6;

const haveBinaries = existsSync(path.join(PG_BIN, 'initdb'));
if (!haveBinaries) console.warn(`topology test skipped: no PostgreSQL binaries in ${PG_BIN} (Debian's postgresql-15)`);
const maybe = haveBinaries ? describe : describe.skip;

maybe('the topology: primary, replica, two API processes, HAProxy', () => {
  let topology: Topology | undefined;
  let starting: Promise<Topology> | undefined;

  beforeAll(async () => {
    execFileSync('bash', [path.join(ROOT, 'scripts', 'install-haproxy.sh')], { stdio: 'ignore' });
    await ensureBuilt();
    const missing = topologyMissing();
    if (missing) throw new Error(missing);
    const started = Date.now();
    starting = startTopology({ log: (line) => console.log(`${Date.now() - started} ms: ${line}`) });
    topology = await starting;
  }, 150_000);
  afterAll(async () => {
    // A start cut by the hook's timeout still finishes: what it started is stopped all the same.
    const started = topology ?? (await starting?.catch(() => undefined));
    await started?.stop();
  }, 180_000);

  const send = (query: string, token: string) => ask(topology!.balancerUrl, query, token);

  it('loses no request sent after one API process of two began to stop, and while it starts again', async () => {
    const [coordinator, analyst] = await Promise.all([demoToken('coordinator@demo.example'), demoToken('analyst@demo.example')]);
    const outcomes: Outcome[] = [];
    let running = true;
    const worker = async (i: number) => {
      while (running) outcomes.push(await send(i % 3 === 0 ? STATISTICS : ROSTER, i % 3 === 0 ? analyst : coordinator));
    };
    const workers = Array.from({ length: WORKERS }, (_, i) => worker(i));
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const stopBegan = Date.now();
    const code = await topology!.stopApi(0, 'SIGTERM');
    const stoppedAt = Date.now();
    await topology!.startApi(0);
    // Until HAProxy has seen it ready again (rise 2 x 250 ms) and sent it requests.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    running = false;
    await Promise.all(workers);

    expect(code).toBe(0);
    const after = outcomes.filter((o) => o.sentAt >= stopBegan);
    const byCode = countOutcomes(after.filter((o) => o.outcome !== '200'));
    console.log(`topology: ${outcomes.length} requests, ${after.length} after the stop began (stop took ${stoppedAt - stopBegan} ms); failed: ${JSON.stringify(byCode)}`);
    expect(after.length).toBeGreaterThan(50);
    expect(byCode).toEqual({});
  }, 60_000);

  it('answers the statistics with the replica stopped, and readiness says degraded', async () => {
    const analyst = await demoToken('analyst@demo.example');
    const before = await send(STATISTICS, analyst);
    expect(before.outcome).toBe('200');
    await topology!.stopReplica();
    try {
      for (let i = 0; i < 4; i++) expect((await send(STATISTICS, analyst)).outcome).toBe('200');
      for (const api of topology!.apis) {
        const ready = await fetch(`http://127.0.0.1:${api.port}/health/ready`);
        expect(ready.status).toBe(200);
        expect(await ready.json()).toEqual({ status: 'degraded', database: 'up', replica: 'down' });
      }
    } finally {
      await topology!.startReplica();
    }
  }, 30_000);
});
