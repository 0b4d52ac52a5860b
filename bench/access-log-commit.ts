import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureBenchDatabase, resetBenchState } from './database';
import { load, type LoadResult } from './load';
import { BENCH_DIR, ROOT } from './paths';
import { startServer, stopAll, stopServer } from './processes';
import { buildScenarios } from './scenarios';

/**
 * `npm run bench:access-log -- [--children N] [--duration S] [--rounds R]`: the price of
 * committing a read's access events synchronously (ACCESS_LOG_COMMIT, README
 * "Configuration"). The leisure roster (the read the portals send most, 100 children with
 * their access events) is loaded against the compiled API with each setting in turn, R
 * rounds alternated so that the machine's drift falls on both; the medians go to
 * bench/access-log-commit.md.
 */

const log = (line: string) => console.log(`[bench] ${line}`);

function argsOf(argv: readonly string[]): { children: number; duration: number; rounds: number; connections: number } {
  const args = { children: 2_000, duration: 10, rounds: 3, connections: 10 };
  for (let i = 0; i < argv.length; i++) {
    const key = argv[i]!.replace(/^--/, '') as keyof typeof args;
    const n = Number(argv[++i]);
    if (!(key in args) || !Number.isInteger(n) || n < 1) throw new Error('usage: npm run bench:access-log -- [--children N] [--duration S] [--rounds R] [--connections C]');
    args[key] = n;
  }
  return args;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main(): Promise<void> {
  const args = argsOf(process.argv.slice(2));
  execFileSync('npm', ['run', '-s', 'build'], { cwd: ROOT, stdio: 'inherit' });
  const db = await ensureBenchDatabase(args.children, false, log);
  const leisure = (await buildScenarios(db.url, { programmes: 20, write: false })).find((s) => s.key === 'leisure')!;
  const requests = leisure.requests.map((r) => ({ method: 'POST' as const, path: '/graphql', headers: { 'content-type': 'application/json', authorization: `Bearer ${r.token}` }, body: r.body }));
  const mainJs = path.join(ROOT, 'dist', 'src', 'main.js');
  const results: Record<'synchronous' | 'asynchronous', LoadResult[]> = { synchronous: [], asynchronous: [] };
  for (let round = 0; round < args.rounds; round++) {
    for (const mode of ['synchronous', 'asynchronous'] as const) {
      await resetBenchState(db.url);
      const env = { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'development', DATABASE_URL: db.url, SEED_ON_EMPTY: 'false', LOG_LEVEL: 'warn', ACCESS_LOG_COMMIT: mode, RATE_LIMIT_ACCOUNT_POINTS: '1000000000' };
      const api = await startServer(`API (${mode})`, mainJs, env, { cwd: ROOT, nodeArgs: ['--max-old-space-size=512'] });
      try {
        const result = await load(api.origin, requests, { connections: args.connections, warmup: 2, duration: args.duration }, api.pid);
        if (result.failures) throw new Error(`${mode}: ${result.failures} failed requests`);
        log(`round ${round + 1}, ${mode}: ${result.requestsPerSecond.toFixed(1)} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms`);
        results[mode].push(result);
      } finally {
        await stopServer(api);
      }
    }
  }
  const row = (mode: 'synchronous' | 'asynchronous') => {
    const r = results[mode];
    return `| ${mode} | ${median(r.map((x) => x.requestsPerSecond)).toFixed(1)} | ${median(r.map((x) => x.p50))} | ${median(r.map((x) => x.p99))} | ${r.map((x) => x.requestsPerSecond.toFixed(0)).join(', ')} |`;
  };
  const file = path.join(BENCH_DIR, 'access-log-commit.md');
  if (!existsSync(file)) {
    writeFileSync(file, '# The price of synchronous read events\n\nWritten by `npm run bench:access-log` (bench/access-log-commit.ts): the leisure roster against the compiled API, each ACCESS_LOG_COMMIT in turn, medians of the rounds.\n');
  }
  appendFileSync(
    file,
    [
      '',
      `## ${new Date().toISOString().slice(0, 16)}Z: ${args.children} children, ${args.connections} connections, ${args.rounds} rounds of ${args.duration} s (${os.cpus().length} cores, load ${os.loadavg()[0]!.toFixed(2)})`,
      '',
      '| ACCESS_LOG_COMMIT | requests/s | p50 ms | p99 ms | requests/s of each round |',
      '|---|---|---|---|---|',
      row('synchronous'),
      row('asynchronous'),
      '',
    ].join('\n'),
  );
  log(`written to ${path.relative(ROOT, file)}`);
}

main()
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  })
  .finally(() => stopAll());
