import 'reflect-metadata';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { adminUrl, ensureBenchDatabase, readSeedRecord, resetBenchState, serverFacts, type BenchDatabase } from './database';
import { explainScenarios, type ExplainReport } from './explain';
import { timeStatistics } from './statistics';
import { load, paired, type BackendsOf, type LoadOptions, type LoadRequest, type LoadResult } from './load';
import { MUTATION_FIELDS } from './operations';
import { BENCH_DIR, ROOT } from './paths';
import { memoryOf, startServer, stopAll, stopServer, type Started } from './processes';
import { writeResults, type Row, type RunReport } from './report';
import { buildScenarios, type Scenario, type ScenarioKey } from './scenarios';
import { FLOOR_APPLICATION } from './floor-server';

/**
 * `npm run bench -- [--children N] [--duration S] ...` (bench/README.md): builds, seeds or
 * reuses pre_bench_N, starts the compiled API, measures each scenario with autocannon
 * against the API, the API without permissions and the floor server, and writes
 * bench/results.md.
 */

const USAGE = `usage: npm run bench -- [--children N] [--duration S] [--warmup S] [--connections C]
       [--programmes K] [--rounds R] [--scenarios a,b] [--small N] [--no-compare-small]
       [--no-explain] [--reseed] [--skip-build]`;

interface Args {
  children: number;
  duration: number;
  warmup: number;
  connections: number;
  programmes: number;
  small: number;
  compareSmall: boolean;
  explain: boolean;
  reseed: boolean;
  skipBuild: boolean;
  /** Alternating rounds of the API against the floor (medians reported). */
  rounds: number;
  /** Only these scenarios (default all). */
  only?: ScenarioKey[];
}

const SCENARIO_KEYS: readonly ScenarioKey[] = ['leisure', 'school', 'coordinator', 'file', 'statistics', 'write'];

export function parseArgs(argv: readonly string[]): Args {
  const args: Args = {
    children: 10_000, duration: 15, warmup: 3, connections: 10, programmes: 20, small: 1_000,
    compareSmall: true, explain: true, reseed: false, skipBuild: false, rounds: 3,
  };
  const positive = (flag: string, raw: string | undefined, min = 1): number => {
    const n = Number(raw);
    if (!raw || !Number.isInteger(n) || n < min) throw new Error(`${flag} needs an integer >= ${min}\n${USAGE}`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split('=', 2) as [string, string | undefined];
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--children': args.children = positive(flag, value()); break;
      case '--duration': args.duration = positive(flag, value()); break;
      case '--warmup': args.warmup = positive(flag, value(), 0); break;
      case '--connections': args.connections = positive(flag, value()); break;
      case '--programmes': args.programmes = positive(flag, value()); break;
      case '--small': args.small = positive(flag, value()); break;
      case '--compare-small': args.compareSmall = true; break;
      case '--no-compare-small': args.compareSmall = false; break;
      case '--no-explain': args.explain = false; break;
      case '--reseed': args.reseed = true; break;
      case '--skip-build': args.skipBuild = true; break;
      case '--rounds': args.rounds = positive(flag, value()); break;
      case '--scenarios': {
        const keys = (value() ?? '').split(',').filter(Boolean);
        const unknown = keys.filter((k) => !SCENARIO_KEYS.includes(k as ScenarioKey));
        if (!keys.length || unknown.length) throw new Error(`--scenarios takes a list of ${SCENARIO_KEYS.join(', ')}\n${USAGE}`);
        args.only = keys as ScenarioKey[];
        break;
      }
      case '--help': case '-h': console.log(USAGE); process.exit(0); break;
      case '--built': break;
      default: throw new Error(`unknown argument ${argv[i]}\n${USAGE}`);
    }
  }
  return args;
}

const log = (line: string) => console.log(`[bench] ${line}`);

/** Paired single requests per scenario for the permission cost (after PAIRS_WARMUP thrown away). */
const PAIRS = 200;

/**
 * The API is started as `npm start` starts it: with the Node flags of its start script
 * (the heap limit, which also keeps V8 from growing the heap far beyond what is live).
 */
function startScriptNodeArgs(): string[] {
  const start = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.start ?? '';
  const match = /\bnode((?:\s+--\S+)*)\s+dist\/src\/main\.js/.exec(start);
  if (!match) throw new Error(`package.json: the start script does not run node on dist/src/main.js: ${start}`);
  return match[1]!.trim().split(/\s+/).filter(Boolean);
}

const PAIRS_WARMUP = 20;

/** The application_name prefix of the API's connections (src/db/database.ts, the rate limits' pool). */
const API_APPLICATION = 'pre-api';

/** The run of median throughput of a set of rounds (its other figures come with it). */
function medianRun(runs: LoadResult[]): LoadResult {
  return [...runs].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond)[Math.floor(runs.length / 2)]!;
}

const API_SPAWN = { cwd: ROOT, nodeArgs: startScriptNodeArgs() };

interface Probe {
  status: number;
  sql: number;
  bytes: number;
  data: unknown;
  errors?: { message: string; path?: unknown[]; extensions?: { code?: string } }[];
}

async function probe(origin: string, token: string, body: string): Promise<Probe> {
  const response = await fetch(`${origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body,
  });
  const text = await response.text();
  const parsed = JSON.parse(text) as { data?: unknown; errors?: Probe['errors'] };
  return { status: response.status, sql: Number(response.headers.get('x-sql-statements') ?? NaN), bytes: Buffer.byteLength(text), data: parsed.data, errors: parsed.errors };
}

function itemsOf(key: ScenarioKey, data: unknown): number {
  if (key === 'leisure' || key === 'school' || key === 'coordinator') {
    return (data as { children: { edges: unknown[] } }).children.edges.length;
  }
  if (key === 'statistics') return (data as { statistics: { rows: unknown[] } }).statistics.rows.length;
  return 1;
}

/** Checks every request of a scenario answers without errors; returns its SQL counts and the answers. */
async function check(api: Started, scenario: Scenario): Promise<{ sql: Row['sql']; rows: number; rowsRange: [number, number]; bytes: number; answers: unknown[] }> {
  const answers: unknown[] = [];
  const counts: number[] = [];
  const items: number[] = [];
  let first: Probe | undefined;
  for (const request of scenario.requests) {
    const answer = await probe(api.origin, request.token, request.body);
    if (answer.status !== 200 || answer.errors?.length || !answer.data) {
      throw new Error(`${api.name}, ${scenario.key}: HTTP ${answer.status}, errors ${JSON.stringify(answer.errors?.slice(0, 3))}`);
    }
    first ??= answer;
    counts.push(answer.sql);
    answers.push(answer.data);
    items.push(itemsOf(scenario.key, answer.data));
  }
  return {
    sql: { first: counts[0]!, min: Math.min(...counts), max: Math.max(...counts) },
    rows: itemsOf(scenario.key, first!.data),
    rowsRange: [Math.min(...items), Math.max(...items)],
    bytes: first!.bytes,
    answers,
  };
}

/**
 * The SQL statements of every scenario's requests, on a server of its own started with
 * SQL_COUNT (its per-request counter keeps an AsyncLocalStorage, which costs every promise
 * of the process: the measured servers run without it, as deployed).
 */
async function countStatements(name: string, script: string, env: NodeJS.ProcessEnv, scenarios: Scenario[]): Promise<Map<ScenarioKey, Row['sql']>> {
  const counter = await startServer(name, script, { ...env, SQL_COUNT: 'true' }, API_SPAWN);
  try {
    const counts = new Map<ScenarioKey, Row['sql']>();
    for (const scenario of scenarios) counts.set(scenario.key, (await check(counter, scenario)).sql);
    return counts;
  } finally {
    await stopServer(counter);
  }
}

function graphqlRequests(scenario: Scenario): LoadRequest[] {
  return scenario.requests.map((r) => ({
    method: 'POST',
    path: '/graphql',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${r.token}` },
    body: r.body,
  }));
}

async function hasSubmitReferral(api: Started, token: string): Promise<{ ok: boolean; why: string }> {
  const answer = await probe(api.origin, token, JSON.stringify({ query: MUTATION_FIELDS }));
  const fields = (answer.data as { __schema: { mutationType: { fields: { name: string; args: { name: string }[] }[] } | null } } | undefined)
    ?.__schema.mutationType?.fields ?? [];
  const submit = fields.find((f) => f.name === 'submitReferral');
  if (!submit) return { ok: false, why: 'not implemented yet: the schema has no `submitReferral` mutation (checked by introspection)' };
  if (!submit.args.some((a) => a.name === 'input')) return { ok: false, why: 'skipped: `submitReferral` takes no `input` argument (the bench expects SubmitReferralInput)' };
  return { ok: true, why: '' };
}

/** The API's inclusion lists have no defined order: compare them as sets. */
function normalise(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalise);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      out[k] = (k === 'accommodations' || k === 'adaptedActivities') && Array.isArray(v)
        ? v.map(normalise).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))
        : normalise(v);
    }
    return out;
  }
  return value;
}

function firstDifference(a: unknown, b: unknown, at = ''): string | undefined {
  if (isDeepStrictEqual(a, b)) return undefined;
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const d = firstDifference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${at}.${key}`);
      if (d) return d;
    }
  }
  return `${at}: API ${JSON.stringify(a)?.slice(0, 120)} vs floor ${JSON.stringify(b)?.slice(0, 120)}`;
}

function commit(): string {
  try {
    const sha = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    // The results file itself does not count (a run at another size may have just written it).
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no', '--', '.', ':(exclude)bench/results.md'], { cwd: ROOT, encoding: 'utf8' }).trim();
    return dirty ? `${sha} with uncommitted changes` : sha;
  } catch {
    return 'unknown';
  }
}

function machine(postgres: string): RunReport['machine'] {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  return {
    cpu: /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? os.cpus()[0]?.model ?? 'unknown CPU',
    cores: os.cpus().length,
    memoryGb: os.totalmem() / 1024 ** 3,
    node: process.version,
    postgres,
    os: `${os.type()} ${os.release()}`,
  };
}

function apiEnv(db: BenchDatabase, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'development',
    DATABASE_URL: db.url,
    SQL_COUNT: 'false',
    SEED_ON_EMPTY: 'false',
    // The bench sends ~200 requests/s with one account for minutes: a budget no run reaches,
    // so that the limiter's statement is priced but never refuses.
    RATE_LIMIT_ACCOUNT_POINTS: '1000000000',
    RATE_LIMIT_ACCOUNT_SECONDS: '60',
    // Compiled or standard execution (src/execution.ts): the API's default unless set.
    ...(process.env.GRAPHQL_EXECUTION ? { GRAPHQL_EXECUTION: process.env.GRAPHQL_EXECUTION } : {}),
    ...extra,
  };
  return env;
}

async function runCompiled(args: Args): Promise<void> {
  const started = Date.now();
  const options: LoadOptions = { connections: args.connections, warmup: args.warmup, duration: args.duration };
  const mainJs = path.join(ROOT, 'dist', 'src', 'main.js');
  const floorJs = path.join(ROOT, 'dist', 'bench', 'floor-server.js');
  log(`PostgreSQL: ${adminUrl().replace(/\/\/[^@]*@/, '//')}`);

  const db = await ensureBenchDatabase(args.children, args.reseed, log);
  await resetBenchState(db.url);
  const small = args.compareSmall && args.children > args.small ? await ensureBenchDatabase(args.small, false, log) : undefined;
  if (small) await resetBenchState(small.url);
  const facts = await serverFacts(db.url);
  const notes: string[] = [];
  notes.push(`GraphQL execution of the API: ${process.env.GRAPHQL_EXECUTION ?? 'standard (the default)'}.`);
  if (db.migrationsApplied.length) notes.push(`Migrations applied to the reused database first: ${db.migrationsApplied.join(', ')}.`);

  const apiBackends: BackendsOf = { url: db.url, application: API_APPLICATION };
  const rows: Row[] = [];
  const report: RunReport = {
    children: args.children,
    small: small ? args.small : undefined,
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    machine: machine(facts.postgres),
    loadAverage: { start: os.loadavg(), end: [] },
    commit: commit(),
    settings: { connections: args.connections, warmup: args.warmup, duration: args.duration, programmes: 0 },
    database: { name: db.name, programmes: facts.programmes, sizes: facts.sizes, seed: db.seed, seeded: db.seeded, seed100k: readSeedRecord(100_000) },
    rows,
    startupMs: { api: NaN },
    memoryMb: { api: NaN },
    floorCheck: 'not run',
    rounds: [],
    permissionPairs: {},
    notes,
  };

  // 1. The API, permissions on. Started three times: the median start-up is reported (the
  // first start after a build also pays for a cold file cache).
  log('starting the API (compiled, permissions on)...');
  const starts: number[] = [];
  for (let i = 0; i < 2; i++) {
    const trial = await startServer('API', mainJs, apiEnv(db), API_SPAWN);
    starts.push(trial.startupMs);
    await stopServer(trial);
  }
  const api = await startServer('API', mainJs, apiEnv(db), API_SPAWN);
  starts.push(api.startupMs);
  report.startupMs.api = [...starts].sort((a, b) => a - b)[1]!;
  report.startupMs.apiSamples = starts;
  log(`API ready; start-ups ${starts.map((ms) => ms.toFixed(0)).join(', ')} ms`);
  let scenarios = await buildScenarios(db.url, { programmes: args.programmes, write: false });
  const write = await hasSubmitReferral(api, scenarios[0]!.requests[0]!.token);
  if (write.ok) scenarios = await buildScenarios(db.url, { programmes: args.programmes, write: true });
  if (args.only) scenarios = scenarios.filter((s) => args.only!.includes(s.key));
  if (!scenarios.length) throw new Error('--scenarios: none of these scenarios is available');
  report.settings.programmes = scenarios[0]!.requests.length;
  const statements = await countStatements('API (counting SQL)', mainJs, apiEnv(db), scenarios);
  const peaks: string[] = [];
  try {
    for (const scenario of scenarios) {
      const checked = await check(api, scenario);
      const sql = statements.get(scenario.key);
      log(`${scenario.key}: ${checked.rows} items, ${sql?.first} SQL statements, measuring...`);
      const result = await load(api.origin, graphqlRequests(scenario), options, api.pid, apiBackends);
      log(`${scenario.key}: ${result.requestsPerSecond.toFixed(1)} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms`);
      rows.push({ scenario: scenario.key, server: 'api', load: result, sql, rows: checked.rows, rowsRange: checked.rowsRange, bytes: checked.bytes });
      peaks.push(`${scenario.key} ${memoryOf(api.pid).peakMb.toFixed(0)} MB`);
    }
    notes.push(`Peak RSS (VmHWM) of the API after each scenario, in order: ${peaks.join(', ')}.`);
    if (!write.ok && (!args.only || args.only.includes('write'))) rows.push({ scenario: 'write', server: 'api', skipped: write.why });
    const statistics = scenarios.find((s) => s.key === 'statistics');
    if (statistics) {
      log('statistics: every table, one request at a time...');
      report.statistics = await timeStatistics(api.origin, statistics.requests[0]!.token, db.url);
      const slowest = Math.max(...report.statistics.requests.map((t) => t.maxMs));
      log(`statistics: slowest table ${slowest.toFixed(0)} ms`);
    }
    report.memoryMb.api = memoryOf(api.pid).peakMb;
  } finally {
    await stopServer(api);
  }
  await resetBenchState(db.url);

  // 2. The API, permissions off (the bench-only flag). First, with a fresh API with
  // permissions beside it (same history: started together, warmed by the same requests),
  // each read scenario's requests sent to the two alternately, one at a time; then the
  // read scenarios under load, as for the API.
  log('starting the API with permissions off, and a fresh API with permissions beside it...');
  const offEnv = apiEnv(db, { BENCH_RUN: '1', BENCH_PERMISSIONS_OFF: 'true' });
  const offStatements = await countStatements('API (permissions off, counting SQL)', mainJs, offEnv, scenarios.filter((s) => s.key !== 'write'));
  const off = await startServer('API (permissions off)', mainJs, offEnv, API_SPAWN);
  report.startupMs.permissionsOff = off.startupMs;
  const reads = scenarios.filter((s) => s.key !== 'write');
  try {
    const on = await startServer('API (paired)', mainJs, apiEnv(db), API_SPAWN);
    try {
      for (const scenario of reads) {
        const requests = graphqlRequests(scenario);
        const result = await paired({ origin: on.origin, requests }, { origin: off.origin, requests }, PAIRS, PAIRS_WARMUP);
        log(`${scenario.key}, paired one at a time: p50 ${result.a.p50.toFixed(1)} ms on, ${result.b.p50.toFixed(1)} ms off`);
        report.permissionPairs[scenario.key] = result;
      }
    } finally {
      await stopServer(on);
    }
    for (const scenario of reads) {
      const checked = await check(off, scenario);
      const result = await load(off.origin, graphqlRequests(scenario), options, off.pid, apiBackends);
      log(`${scenario.key} (permissions off): ${result.requestsPerSecond.toFixed(1)} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms`);
      rows.push({ scenario: scenario.key, server: 'api-permissions-off', load: result, sql: offStatements.get(scenario.key), rows: checked.rows, rowsRange: checked.rowsRange, bytes: checked.bytes });
    }
    report.memoryMb.permissionsOff = memoryOf(off.pid).peakMb;
  } finally {
    await stopServer(off);
  }
  await resetBenchState(db.url);

  // 3. The floors, each checked against the API's answers first, then the API and its floor
  // in alternating rounds (API, floor, API, floor...), medians reported: both sides of a
  // ratio share the machine's conditions of the same minute.
  const floored = scenarios.filter((s) => s.requests.every((r) => r.floorPath));
  if (floored.length) {
    log('starting a fresh API and the floor server...');
    const floor = await startServer('floor', floorJs, { PATH: process.env.PATH, DATABASE_URL: db.url }, { cwd: ROOT });
    report.startupMs.floor = floor.startupMs;
    const fresh = await startServer('API (against the floor)', mainJs, apiEnv(db), API_SPAWN);
    const floorBackends: BackendsOf = { url: db.url, application: FLOOR_APPLICATION };
    try {
      const checks: string[] = [];
      for (const scenario of floored) {
        const { answers, rows: items, rowsRange } = await check(fresh, scenario);
        const differences: string[] = [];
        let bytes = 0;
        for (const [i, request] of scenario.requests.entries()) {
          const response = await fetch(`${floor.origin}${request.floorPath}`);
          const text = await response.text();
          bytes ||= Buffer.byteLength(text);
          const floorData = (JSON.parse(text) as { data: unknown }).data;
          const d = firstDifference(normalise(answers[i]), normalise(floorData));
          if (d) differences.push(`account ${i + 1}: ${d}`);
        }
        const equal = differences.length === 0;
        checks.push(equal
          ? `${scenario.key}: the floor's answer equals the API's (parsed JSON; accommodations and adapted activities compared as sets) for all ${scenario.requests.length} accounts.`
          : `${scenario.key}: **the floor's answer differs from the API's** for ${differences.length} of ${scenario.requests.length} accounts; first: ${differences[0]}`);
        log(checks[checks.length - 1]!);
        const apiRuns: LoadResult[] = [];
        const floorRuns: LoadResult[] = [];
        const floorRequests = scenario.requests.map((r) => ({ method: 'GET' as const, path: r.floorPath! }));
        for (let round = 1; round <= args.rounds; round++) {
          apiRuns.push(await load(fresh.origin, graphqlRequests(scenario), options, fresh.pid, apiBackends));
          floorRuns.push(await load(floor.origin, floorRequests, options, floor.pid, floorBackends));
          const [a, f] = [apiRuns[round - 1]!, floorRuns[round - 1]!];
          log(`${scenario.key}, round ${round}: API ${a.requestsPerSecond.toFixed(1)} req/s (${a.serverCpuMsPerRequest?.toFixed(1)} + ${a.databaseCpuMsPerRequest?.toFixed(1)} ms CPU), ` +
            `floor ${f.requestsPerSecond.toFixed(1)} req/s (${f.serverCpuMsPerRequest?.toFixed(1)} + ${f.databaseCpuMsPerRequest?.toFixed(1)} ms CPU)`);
        }
        report.rounds.push({ scenario: scenario.key, api: apiRuns, floor: floorRuns, equal });
        rows.push({ scenario: scenario.key, server: 'floor', load: medianRun(floorRuns), rows: items, rowsRange, bytes });
      }
      report.floorCheck = checks.join(' ');
      report.memoryMb.floor = memoryOf(floor.pid).peakMb;
    } finally {
      await stopServer(fresh);
      await stopServer(floor);
    }
    await resetBenchState(db.url);
  }

  // 4. EXPLAIN of what the API sends.
  if (args.explain) {
    log('EXPLAIN of the statements of each scenario...');
    let explained: ExplainReport | undefined;
    try {
      explained = await explainScenarios(db.url, scenarios);
    } finally {
      await resetBenchState(db.url);
    }
    report.explain = explained;
    for (const s of explained.scenarios) log(`${s.key}: ${s.statements.length} statements, ${s.flagged.length ? `Seq Scan on ${s.flagged.map((f) => f.table).join(', ')}` : 'no Seq Scan on a large table'}`);
  }

  // 5. The child file on the small database.
  if (small) {
    log(`child file at ${args.small} children...`);
    const smallApi = await startServer('API (small)', mainJs, apiEnv(small), API_SPAWN);
    report.startupMs.small = smallApi.startupMs;
    try {
      const file = (await buildScenarios(small.url, { programmes: args.programmes, write: false })).find((s) => s.key === 'file')!;
      const smallStatements = await countStatements('API (small, counting SQL)', mainJs, apiEnv(small), [file]);
      const checked = await check(smallApi, file);
      const result = await load(smallApi.origin, graphqlRequests(file), options, smallApi.pid, { url: small.url, application: API_APPLICATION });
      log(`file at ${args.small}: ${result.requestsPerSecond.toFixed(1)} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms`);
      rows.push({ scenario: 'file', server: 'api-small', load: result, sql: smallStatements.get('file'), rows: checked.rows, rowsRange: checked.rowsRange, bytes: checked.bytes });
      report.memoryMb.small = memoryOf(smallApi.pid).peakMb;
    } finally {
      await stopServer(smallApi);
    }
  }

  const order: Record<string, number> = { api: 0, 'api-permissions-off': 1, floor: 2, 'api-small': 3 };
  const scenarioOrder: ScenarioKey[] = ['leisure', 'school', 'coordinator', 'file', 'statistics', 'write'];
  rows.sort((a, b) => scenarioOrder.indexOf(a.scenario) - scenarioOrder.indexOf(b.scenario) || order[a.server]! - order[b.server]!);
  report.loadAverage.end = os.loadavg();
  notes.push(`Total bench time ${((Date.now() - started) / 1000).toFixed(0)} s.`);
  const file = path.join(BENCH_DIR, 'results.md');
  writeResults(file, report);
  log(`written: ${path.relative(ROOT, file)}`);
}

/** Under ts-node (`npm run bench`): build, then run the compiled bench, so that everything runs compiled. */
function buildAndReexec(argv: string[]): number {
  const args = parseArgs(argv);
  if (!args.skipBuild) {
    log('npm run build...');
    const build = spawnSync('npm', ['run', '-s', 'build'], { cwd: ROOT, stdio: 'inherit' });
    if (build.status !== 0) return build.status ?? 1;
  }
  const compiled = path.join(ROOT, 'dist', 'bench', 'run.js');
  const run = spawnSync(process.execPath, [compiled, ...argv, '--built'], { cwd: ROOT, stdio: 'inherit' });
  return run.status ?? 1;
}

if (require.main === module) {
  const argv = process.argv.slice(2);
  if (__filename.endsWith('.ts')) {
    try {
      process.exit(buildAndReexec(argv));
    } catch (error) {
      console.error(error instanceof Error ? error.message : String(error));
      process.exit(2);
    }
  }
  const stop = (signal: string) => {
    log(`${signal}: stopping the servers`);
    void stopAll().then(() => process.exit(130));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  runCompiled(parseArgs(argv)).then(
    () => process.exit(0),
    async (error: unknown) => {
      console.error(`[bench] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      await stopAll();
      process.exit(1);
    },
  );
}
