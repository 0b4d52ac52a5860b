import 'reflect-metadata';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { ensureBenchDatabase, resetBenchState } from './database';
import { load } from './load';
import { BENCH_DIR, ROOT } from './paths';
import { startServer, stopAll, stopServer } from './processes';
import { buildScenarios, type ScenarioKey } from './scenarios';

/**
 * `npm run bench:profile -- [--children N] [--duration S] [--scenario leisure] [--top K]`:
 * the compiled API started with `node --cpu-prof`, loaded with one scenario (autocannon, 10
 * connections) on pre_bench_N (made by `npm run bench` if absent), stopped, and the top
 * frames of its profile printed by self time, then by package. The profile is kept in
 * bench/.cache/profile/ (open it in Chrome's DevTools, Performance tab).
 */

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  /** Microseconds between samples (the first from startTime). */
  timeDeltas: number[];
}

interface Args {
  children: number;
  duration: number;
  scenario: ScenarioKey;
  top: number;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { children: 10_000, duration: 15, scenario: 'leisure', top: 25 };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split('=', 2) as [string, string | undefined];
    const raw = inline ?? argv[++i] ?? '';
    if (flag === '--scenario') args.scenario = raw as ScenarioKey;
    else if (flag === '--children' || flag === '--duration' || flag === '--top') {
      const n = Number(raw);
      if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} needs a positive integer`);
      args[flag.slice(2) as 'children' | 'duration' | 'top'] = n;
    } else throw new Error(`unknown argument ${flag}; usage: npm run bench:profile -- [--children N] [--duration S] [--scenario KEY] [--top K]`);
  }
  return args;
}

/** Where a frame comes from: the package under node_modules, the project's file, or Node's own. */
function originOf(url: string): string {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  if (url.includes('/dist/')) return `project ${url.slice(url.indexOf('/dist/') + 6).replace(/\.js$/, '')}`;
  return url ? `node ${url.replace(/^node:/, '')}` : '(VM)';
}

/**
 * Self time per frame and per origin, as shares of the profile's samples taken from
 * `fromMs` after the profile's start (the start-up left out).
 */
export function topFrames(profile: CpuProfile, top: number, fromMs = 0): { frames: [string, number][]; origins: [string, number][]; ms: number } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const hits = new Map<number, number>();
  let at = 0;
  let total = 0;
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas[i] ?? 0;
    if (at < fromMs * 1000) return;
    hits.set(id, (hits.get(id) ?? 0) + 1);
    total++;
  });
  const frames = new Map<string, number>();
  const origins = new Map<string, number>();
  for (const [id, n] of hits) {
    const f = byId.get(id)!.callFrame;
    if (f.functionName === '(idle)') continue;
    const where = f.url ? `${originOf(f.url)}:${f.lineNumber + 1}` : '';
    const key = `${f.functionName || '(anonymous)'} ${where}`.trim();
    frames.set(key, (frames.get(key) ?? 0) + n);
    const origin = f.url ? originOf(f.url).replace(/^project .*/, 'project (dist/)') : f.functionName;
    origins.set(origin, (origins.get(origin) ?? 0) + n);
  }
  const share = (m: Map<string, number>) => [...m].map(([k, v]) => [k, v / total] as [string, number]).sort((a, b) => b[1] - a[1]).slice(0, top);
  return { frames: share(frames), origins: share(origins), ms: (profile.endTime - profile.startTime) / 1000 - fromMs };
}

async function main(args: Args): Promise<void> {
  const db = await ensureBenchDatabase(args.children, false, (line) => console.log(`[profile] ${line}`));
  await resetBenchState(db.url);
  const scenario = (await buildScenarios(db.url, { programmes: 20, write: false })).find((s) => s.key === args.scenario);
  if (!scenario) throw new Error(`no scenario ${args.scenario}`);
  const dir = path.join(BENCH_DIR, '.cache', 'profile');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const api = await startServer(
    'API (profiled)',
    path.join(ROOT, 'dist', 'src', 'main.js'),
    {
      PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'development', DATABASE_URL: db.url, SQL_COUNT: 'false',
      SEED_ON_EMPTY: 'false', RATE_LIMIT_ACCOUNT_POINTS: '1000000000', RATE_LIMIT_ACCOUNT_SECONDS: '60',
      ...(process.env.GRAPHQL_EXECUTION ? { GRAPHQL_EXECUTION: process.env.GRAPHQL_EXECUTION } : {}),
    },
    { cwd: ROOT, nodeArgs: ['--max-old-space-size=512', '--cpu-prof', `--cpu-prof-dir=${dir}`] },
  );
  let requests: number;
  // Samples from the first request on: the start-up is not the scenario's.
  const startupMs = api.startupMs;
  try {
    const requestsOf = scenario.requests.map((r) => ({
      method: 'POST' as const, path: '/graphql', headers: { 'content-type': 'application/json', authorization: `Bearer ${r.token}` }, body: r.body,
    }));
    const result = await load(api.origin, requestsOf, { connections: 10, warmup: 2, duration: args.duration }, api.pid);
    requests = result.requests;
    console.log(`[profile] ${scenario.key}: ${result.requestsPerSecond.toFixed(1)} req/s, ${result.serverCpuMsPerRequest?.toFixed(1)} ms CPU per request (under the profiler)`);
  } finally {
    await stopServer(api);
  }
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) throw new Error(`no profile written in ${dir} (the API must exit on SIGTERM)`);
  const { frames, origins, ms } = topFrames(JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as CpuProfile, args.top, startupMs);
  console.log(`\nProfile ${path.relative(ROOT, path.join(dir, file))}: ${(ms / 1000).toFixed(1)} s after the start-up, ${requests} measured requests (+ warm-up)\n`);
  console.log('Top frames by self time:');
  for (const [name, s] of frames) console.log(`  ${(s * 100).toFixed(1).padStart(5)} %  ${name}`);
  console.log('\nBy origin:');
  for (const [name, s] of origins) console.log(`  ${(s * 100).toFixed(1).padStart(5)} %  ${name}`);
}

if (require.main === module) {
  main(parseArgs(process.argv.slice(2))).then(
    () => process.exit(0),
    async (error: unknown) => {
      console.error(`[profile] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      await stopAll();
      process.exit(1);
    },
  );
}
