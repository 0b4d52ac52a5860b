import { execFileSync, spawnSync } from 'node:child_process';
import { rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';

/**
 * `npm run bench:loop`: the day-to-day loop of a developer, timed, written to
 * bench/dev-loop.md. `npm run -s token` (warm: its compiled files cached; cold: cache
 * emptied; and ts-node on the same script, as before), `npm run build` with nothing changed
 * and after one file changed. Needs the PostgreSQL service (BENCH_PG_URL as in run.ts);
 * the demo is seeded into `pre_bench_devloop` the first time.
 */

const ROOT = path.resolve(__dirname, '..');
const SERVER = process.env.BENCH_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const DATABASE = 'pre_bench_devloop';

function seconds(command: string, args: string[], env: NodeJS.ProcessEnv = {}): number {
  const started = process.hrtime.bigint();
  const result = spawnSync(command, args, { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`);
  return Number(process.hrtime.bigint() - started) / 1e9;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const times = (n: number, measure: () => number) => Array.from({ length: n }, measure);
const fmt = (values: number[]) => `${median(values).toFixed(2)} s (${values.map((v) => v.toFixed(2)).join(', ')})`;

async function main(): Promise<void> {
  const url = new URL(SERVER);
  url.pathname = `/${DATABASE}`;
  const admin = new Client({ connectionString: SERVER });
  await admin.connect();
  if ((await admin.query('select 1 from pg_database where datname = $1', [DATABASE])).rowCount === 0) await admin.query(`create database ${DATABASE}`);
  await admin.end();
  const env = { DATABASE_URL: url.toString() };
  execFileSync('npm', ['run', '-s', 'seed'], { cwd: ROOT, env: { ...process.env, ...env }, stdio: 'inherit' });

  const loadStart = os.loadavg();
  const token = ['run', '-s', 'token', '--', 'coordinator@demo.example'];
  seconds('npm', token, env);
  const warm = times(7, () => seconds('npm', token, env));
  const cold = times(3, () => {
    rmSync(path.join(ROOT, 'node_modules/.cache/pre-run-ts'), { recursive: true, force: true });
    return seconds('npm', token, env);
  });
  const tsNode = times(3, () => seconds('npx', ['ts-node', '--transpile-only', 'scripts/token.ts', 'coordinator@demo.example'], env));
  seconds('npm', ['run', '-s', 'build']);
  const unchanged = times(5, () => seconds('npm', ['run', '-s', 'build']));
  const leaf = path.join(ROOT, 'src/explorer/explorer.ts');
  const edited = times(3, () => {
    utimesSync(leaf, new Date(), new Date());
    return seconds('npm', ['run', '-s', 'build']);
  });
  const loadEnd = os.loadavg();
  const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  const load = (l: number[]) => l.map((v) => v.toFixed(2)).join(' / ');
  const text = `# The day-to-day loop

Written by \`npm run bench:loop\` (bench/dev-loop.ts). Run of ${new Date().toISOString()} on ${os.cpus()[0]?.model ?? 'cpu'}, ${os.cpus().length} cores; Node ${process.version}; commit ${commit}. Load average (1/5/15 min) ${load(loadStart)} at the start, ${load(loadEnd)} at the end: the machine is shared, compare the rows of one run. Median (each run).

| what | time |
|---|---|
| \`npm run -s token -- coordinator@demo.example\`, warm (scripts/run-ts.cjs, compiled files cached) | ${fmt(warm)} |
| the same, cold (cache emptied: TypeScript is loaded to transpile the script's files) | ${fmt(cold)} |
| the same script with ts-node --transpile-only (what \`npm run token\` ran before) | ${fmt(tsNode)} |
| \`npm run build\`, nothing changed (tsc not started) | ${fmt(unchanged)} |
| \`npm run build\` after one file changed (src/explorer/explorer.ts; tsc incremental) | ${fmt(edited)} |

Target: the token in under 2 s on this machine. \`npm start\` runs the same build before it starts the API; \`npm run dev\` keeps tsc watching and restarts the API after each compile without errors.
`;
  writeFileSync(path.join(ROOT, 'bench/dev-loop.md'), text);
  console.log(text);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
