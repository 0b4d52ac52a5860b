import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { startTopology, type Topology } from '../scripts/topology';
import { ROSTER, STATISTICS, ask, countOutcomes, demoToken, type Outcome } from './fault-load';

/**
 * `npm run bench:faults`: the fault table. On the topology of scripts/topology.ts (primary,
 * replica, two API processes, HAProxy), a steady load of reads through HAProxy (a
 * coordinator's page of children, an analyst's statistics) while one fault is injected at a
 * time; each row counts the requests, their outcomes by HTTP status and code, and how long
 * after the faulty part was back the last failure came. Written to bench/faults.md.
 */

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, 'bench', 'faults.md');
const WORKERS = 8;

interface Fault {
  name: string;
  /** Injects the fault and resolves once the faulty part is back. */
  inject(topology: Topology): Promise<void>;
  /** Statistics only (the replica's fault). */
  statisticsOnly?: boolean;
}

const FAULTS: Fault[] = [
  { name: 'one API process of two: SIGTERM, then started again', inject: async (t) => (await t.stopApi(0, 'SIGTERM'), await t.startApi(0)) },
  { name: 'one API process of two: SIGKILL, then started again', inject: async (t) => (await t.stopApi(0, 'SIGKILL'), await t.startApi(0)) },
  { name: 'database restart, fast (pg_ctl -m fast)', inject: (t) => t.restartPrimary('fast') },
  { name: 'database restart, immediate (pg_ctl -m immediate: as a crash)', inject: (t) => t.restartPrimary('immediate') },
  {
    name: 'replica stopped 5 s, then started again (statistics load)',
    statisticsOnly: true,
    inject: async (t) => {
      await t.stopReplica();
      await new Promise((resolve) => setTimeout(resolve, 5_000));
      await t.startReplica();
    },
  },
];

async function run(topology: Topology, fault: Fault, tokens: { coordinator: string; analyst: string }) {
  const outcomes: Outcome[] = [];
  let running = true;
  const worker = async (i: number) => {
    const statistics = fault.statisticsOnly || i % 2 === 1;
    while (running) outcomes.push(await ask(topology.balancerUrl, statistics ? STATISTICS : ROSTER, statistics ? tokens.analyst : tokens.coordinator));
  };
  const workers = Array.from({ length: WORKERS }, (_, i) => worker(i));
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  const began = Date.now();
  await fault.inject(topology);
  const back = Date.now();
  await new Promise((resolve) => setTimeout(resolve, 4_000));
  running = false;
  await Promise.all(workers);
  const byOutcome = countOutcomes(outcomes);
  const failures = outcomes.filter((o) => o.outcome !== '200');
  const lastFailure = Math.max(0, ...failures.map((o) => o.doneAt));
  const failedAfterBegan = failures.filter((o) => o.sentAt >= began).length;
  return {
    requests: outcomes.length,
    byOutcome,
    failedAfterBegan,
    faultMs: back - began,
    // How long after the faulty part was back (process ready, database accepting) the last failure came.
    recoveryMs: failures.length ? Math.max(0, lastFailure - back) : 0,
  };
}

async function main(): Promise<void> {
  execFileSync('npm', ['run', '-s', 'build'], { cwd: ROOT, stdio: 'inherit' });
  const load = loadavg().map((n) => n.toFixed(2)).join(' / ');
  const topology = await startTopology({ log: (line) => console.log(line) });
  const rows: string[] = [];
  try {
    const tokens = { coordinator: await demoToken('coordinator@demo.example'), analyst: await demoToken('analyst@demo.example') };
    for (const fault of FAULTS) {
      console.log(`fault: ${fault.name}`);
      const result = await run(topology, fault, tokens);
      const outcomes = Object.entries(result.byOutcome)
        .map(([outcome, n]) => `${outcome}: ${n}`)
        .join(', ');
      rows.push(`| ${fault.name} | ${result.requests} | ${outcomes} | ${result.failedAfterBegan} | ${(result.faultMs / 1000).toFixed(1)} | ${(result.recoveryMs / 1000).toFixed(1)} |`);
      console.log(rows.at(-1));
    }
  } finally {
    await topology.stop();
  }
  const head = `# Fault table

Written by \`npm run bench:faults\` (bench/faults.ts) on the topology of \`scripts/topology.ts\`:
a PostgreSQL 15 primary and its streaming replica, two API processes (compiled,
\`SHUTDOWN_DELAY_MS=3000\`, \`DB_ACQUIRE_TIMEOUT_MS=1000\`, \`HEALTH_TIMEOUT_MS=1000\`), HAProxy in
front checking \`/health/ready\` every 500 ms (out after 2 failures, in after 2 successes,
retrying on a refused or empty connection). ${WORKERS} clients send reads back to back through
HAProxy (half a coordinator's page of 20 children, half an analyst's statistics; the
replica's row statistics only), from 2 s before the fault to 4 s after the faulty part is
back. Reads only: the writes' outcomes across faults (acknowledged, lost, duplicated) are
measured with the idempotency keys.

Run of ${new Date().toISOString()} on ${cpus().length} cores; load average at the start ${load}.
Figures on a shared machine are noisy.

| Fault | requests | outcomes (HTTP status and code) | failed, sent after the fault began | fault lasted, s | last failure after the part was back, s |
|---|--:|---|--:|--:|--:|
`;
  const previous = existsSync(OUT) ? readFileSync(OUT, 'utf8') : '';
  const notes = previous.includes('\n## Reading\n') ? previous.slice(previous.indexOf('\n## Reading\n')) : '';
  writeFileSync(OUT, `${head}${rows.join('\n')}\n${notes}`);
  console.log(`written to ${path.relative(ROOT, OUT)}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
