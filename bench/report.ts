import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { ExplainReport } from './explain';
import { LARGE_TABLE_ROWS } from './explain';
import type { LoadResult, PairedResult } from './load';
import type { SeedRecord } from './database';
import { LIST_SCENARIOS, PAGE_SIZE, SCENARIO_TITLES, type ScenarioKey } from './scenarios';
import type { StatisticsTimings } from './statistics';

/**
 * bench/results.md: one section per number of children (replaced by the next run at that
 * N, the others kept), and a hand-written analysis at the end that the bench never touches.
 */

export type ServerKind = 'api' | 'api-permissions-off' | 'floor' | 'api-small';

export interface Row {
  scenario: ScenarioKey;
  server: ServerKind;
  load?: LoadResult;
  /** Why there is no measurement. */
  skipped?: string;
  /** SQL statements of one request (x-sql-statements); min and max over the rotated accounts. */
  sql?: { first: number; min: number; max: number };
  /** Items of the main list of the first answer (children of a page, or 1). */
  rows?: number;
  /** Fewest and most items over the rotated accounts. */
  rowsRange?: [number, number];
  bytes?: number;
}

/** The API and the floor of one scenario, measured in alternating rounds. */
export interface Rounds {
  scenario: ScenarioKey;
  api: LoadResult[];
  floor: LoadResult[];
  /** The floor's answers equal the API's for every account. */
  equal: boolean;
}

export interface RunReport {
  children: number;
  small?: number;
  date: string;
  machine: { cpu: string; cores: number; memoryGb: number; node: string; postgres: string; os: string };
  /** os.loadavg() (1, 5, 15 min) when the run started and when it ended: other work on the machine. */
  loadAverage: { start: number[]; end: number[] };
  commit: string;
  settings: { connections: number; warmup: number; duration: number; programmes: number };
  database: { name: string; programmes: number; sizes: Record<string, number>; seed?: SeedRecord; seeded: boolean; seed100k?: SeedRecord };
  rows: Row[];
  /** api: the median of apiSamples (three starts). */
  startupMs: { api: number; apiSamples?: number[]; permissionsOff?: number; small?: number; floor?: number };
  memoryMb: { api: number; permissionsOff?: number; floor?: number; small?: number };
  floorCheck: string;
  rounds: Rounds[];
  /** The API with and without permissions asked the same requests alternately, one at a time. */
  permissionPairs: Partial<Record<ScenarioKey, PairedResult>>;
  explain?: ExplainReport;
  /** Every statistics table, one request at a time (bench/statistics.ts). */
  statistics?: StatisticsTimings;
  notes: string[];
}

const fmt = (n: number | undefined, digits = 0) =>
  n === undefined || Number.isNaN(n) ? '—' : n.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });

const SERVER_LABEL: Record<ServerKind, string> = {
  api: 'API',
  'api-permissions-off': 'API, permissions off',
  floor: 'floor (node:http + pg, one SQL)',
  'api-small': 'API on 1,000 children',
};

function find(report: RunReport, scenario: ScenarioKey, server: ServerKind): Row | undefined {
  return report.rows.find((r) => r.scenario === scenario && r.server === server);
}

/** A list scenario whose pages hold fewer than PAGE_SIZE children does not measure what it says. */
export function notFull(row: Row | undefined): string | undefined {
  if (!row || !LIST_SCENARIOS.includes(row.scenario)) return undefined;
  const fewest = row.rowsRange?.[0] ?? row.rows;
  return fewest !== undefined && fewest < PAGE_SIZE ? `not counted: a page holds ${fmt(fewest)} children, fewer than ${PAGE_SIZE}` : undefined;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)]! : NaN;
};

const totalCpu = (l: LoadResult) => (l.serverCpuMsPerRequest ?? NaN) + (l.databaseCpuMsPerRequest ?? NaN);

function verdict(ok: boolean | undefined): string {
  return ok === undefined ? 'not measured' : ok ? '**met**' : '**missed**';
}

export function renderRun(report: RunReport): string {
  const out: string[] = [];
  const n = report.children;
  out.push(`## ${fmt(n)} children`, '');
  out.push(
    `Run of ${report.date} on ${report.machine.cpu}, ${report.machine.cores} cores, ${fmt(report.machine.memoryGb)} GB RAM, ` +
      `${report.machine.os}; Node ${report.machine.node}; PostgreSQL ${report.machine.postgres}; commit ${report.commit}. ` +
      `Load average (1/5/15 min) ${report.loadAverage.start.map((x) => fmt(x, 2)).join(' / ')} at the start, ` +
      `${report.loadAverage.end.map((x) => fmt(x, 2)).join(' / ')} at the end.`,
    '',
  );
  const sizes = Object.entries(report.database.sizes)
    .sort((a, b) => b[1] - a[1])
    .map(([t, v]) => `${t} ${fmt(v)}`)
    .join(', ');
  out.push(
    `Database \`${report.database.name}\`: ${fmt(report.database.programmes)} programmes (${sizes}; estimated rows). ` +
      `${report.database.seeded ? 'Seeded by this run.' : 'Reused (seeded by an earlier run).'}`,
    '',
    `Load: autocannon, ${report.settings.connections} connections, ${report.settings.warmup} s warm-up then ${report.settings.duration} s measured, ` +
      `each scenario rotating over the same account of ${report.settings.programmes} programmes spread over the database. ` +
      'The API runs compiled (`node dist/src/main.js`, NODE_ENV=development), one process, as deployed; its SQL statements are counted beforehand on another server started with SQL_COUNT=true (the counter costs every promise of its process). Bench client on the same machine.',
    '',
  );
  out.push('| Scenario | Server | req/s | p50 ms | p99 ms | server CPU ms / request | its PostgreSQL backends, CPU ms / request | SQL statements / request | items / answer (fewest–most) | KB / answer | failures |');
  out.push('|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|');
  for (const row of report.rows) {
    const title = SCENARIO_TITLES[row.scenario];
    if (row.skipped) {
      out.push(`| ${title} | ${SERVER_LABEL[row.server]} | ${row.skipped} | | | | | | | | |`);
      continue;
    }
    const l = row.load!;
    const sql = row.sql ? (row.sql.min === row.sql.max ? fmt(row.sql.first) : `${row.sql.first} (${row.sql.min}–${row.sql.max})`) : row.server === 'floor' ? '1' : '—';
    const range = row.rowsRange && row.rowsRange[0] !== row.rowsRange[1] ? ` (${fmt(row.rowsRange[0])}–${fmt(row.rowsRange[1])})` : '';
    const mark = notFull(row) ? ' ⚠ page not full' : '';
    out.push(
      `| ${title} | ${SERVER_LABEL[row.server]} | ${fmt(l.requestsPerSecond, 1)} | ${fmt(l.p50)} | ${fmt(l.p99)} | ${fmt(l.serverCpuMsPerRequest, 1)} | ${fmt(l.databaseCpuMsPerRequest, 1)} | ${sql} | ${fmt(row.rows)}${range}${mark} | ${fmt((row.bytes ?? 0) / 1024, 1)} | ${fmt(l.failures)} |`,
    );
  }
  out.push('');
  out.push(
    'SQL statements: the `x-sql-statements` header of the first request; in brackets the range over the rotated accounts, ' +
      'which comes from the data (a child without a school or without actions sends no statement for them), not from timing: ' +
      'the same request always costs the same statements, whatever the page size (tests/sql-count.int.test.ts). ' +
      'Server CPU: user + system time of the server process during the measured run, per request; its PostgreSQL backends: the same for the backends of the bench database ' +
      "whose application_name is the server's (`pre-api…` for the API, `pre-bench-floor` for the floor). " +
      `A list scenario whose page holds fewer than ${PAGE_SIZE} children is marked ⚠ and not counted for a target. The floor rows are the median round below.`,
    '',
  );
  out.push(`Floor check: ${report.floorCheck}`, '');
  if (report.rounds.length) {
    out.push('### The API against its floor, alternating rounds', '');
    out.push('Each round: the API (fresh, started beside the floor), then the floor, same requests, same load. CPU per request = the server process + its PostgreSQL backends.', '');
    out.push('| Scenario | Round | API req/s | floor req/s | ratio | API CPU ms (process + backends) | floor CPU ms (process + backends) | CPU ratio | API p99 | floor p99 |');
    out.push('|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|');
    for (const r of report.rounds) {
      r.api.forEach((a, i) => {
        const f = r.floor[i]!;
        out.push(`| ${r.scenario} | ${i + 1} | ${fmt(a.requestsPerSecond, 1)} | ${fmt(f.requestsPerSecond, 1)} | ${fmt(a.requestsPerSecond / f.requestsPerSecond, 2)} | ` +
          `${fmt(totalCpu(a), 1)} (${fmt(a.serverCpuMsPerRequest, 1)} + ${fmt(a.databaseCpuMsPerRequest, 1)}) | ${fmt(totalCpu(f), 1)} (${fmt(f.serverCpuMsPerRequest, 1)} + ${fmt(f.databaseCpuMsPerRequest, 1)}) | ` +
          `${fmt(totalCpu(a) / totalCpu(f), 2)} | ${fmt(a.p99)} | ${fmt(f.p99)} |`);
      });
    }
    out.push('');
  }

  // Targets.
  out.push('### Targets', '');
  out.push('| Target | Measured | Goal | Verdict |', '|---|---|---|---|');
  const goals: Record<ScenarioKey, number | undefined> = { leisure: 0.8, coordinator: 0.6, school: 0.6, file: 0.6, statistics: undefined, write: undefined };
  for (const key of ['leisure', 'school', 'coordinator', 'file'] as const) {
    const rounds = report.rounds.find((r) => r.scenario === key);
    const skip = notFull(find(report, key, 'api'));
    if (!rounds) {
      out.push(`| ${key}: API / its floor, req/s (median of rounds) | no floor for this scenario yet | ≥ ${goals[key]} | not measured |`);
      continue;
    }
    const ratios = rounds.api.map((a, i) => a.requestsPerSecond / rounds.floor[i]!.requestsPerSecond);
    const cpu = rounds.api.map((a, i) => totalCpu(a) / totalCpu(rounds.floor[i]!));
    const p99 = rounds.api.map((a, i) => a.p99 / rounds.floor[i]!.p99);
    const r = median(ratios);
    const why = !rounds.equal ? 'not counted: the answers differ' : skip;
    const judge = (ok: boolean) => (why ? why : verdict(ok));
    out.push(`| ${key}: API / its floor, req/s (median of ${ratios.length} rounds) | **${fmt(r, 2)}** (rounds ${ratios.map((x) => fmt(x, 2)).join(', ')}) | ≥ ${goals[key]} | ${judge(r >= goals[key]!)} |`);
    if (key === 'leisure') out.push(`| leisure: total CPU per request, API / floor (process + backends, median) | **${fmt(median(cpu), 2)}** (rounds ${cpu.map((x) => fmt(x, 2)).join(', ')}) | ≤ 1.25 | ${judge(median(cpu) <= 1.25)} |`);
    out.push(`| ${key}: p99, API / floor (median of rounds) | **${fmt(median(p99), 2)}** | ≤ 2 | ${judge(median(p99) <= 2)} |`);
  }
  for (const key of ['leisure', 'school', 'coordinator', 'file', 'statistics'] as const) {
    const on = find(report, key, 'api')?.load;
    const off = find(report, key, 'api-permissions-off')?.load;
    const pair = report.permissionPairs[key];
    if (!pair || !on || !off) continue;
    const r = pair.a.p50 / pair.b.p50;
    const loaded = off.requestsPerSecond / on.requestsPerSecond;
    const cpu = on.serverCpuMsPerRequest !== undefined && off.serverCpuMsPerRequest ? on.serverCpuMsPerRequest / off.serverCpuMsPerRequest : undefined;
    out.push(
      `| Permission cost, ${key}: time of a request on / off | paired, one at a time: ${fmt(pair.a.p50, 1)} / ${fmt(pair.b.p50, 1)} ms = **${fmt(r, 2)}** ` +
        `(p90 ${fmt(pair.a.p90, 1)} / ${fmt(pair.b.p90, 1)}); under load: req/s off / on = ${fmt(loaded, 2)}` +
        `${cpu === undefined ? '' : `, server CPU per request on / off = ${fmt(cpu, 2)}`} | ≤ 1.25 | ${verdict(r <= 1.25)} |`,
    );
  }
  const fileN = find(report, 'file', 'api')?.load;
  const fileSmall = find(report, 'file', 'api-small')?.load;
  if (fileN && fileSmall) {
    const r = fileN.p99 / fileSmall.p99;
    out.push(`| Child file p99 at ${fmt(n)} vs at ${fmt(report.small)} | ${fmt(fileN.p99)} / ${fmt(fileSmall.p99)} ms = **${fmt(r, 2)}** | ≤ 1.5 | ${verdict(r <= 1.5)} |`);
  } else {
    out.push(`| Child file p99 at ${fmt(n)} vs at 1,000 | — | ≤ 1.5 | not measured (${n <= 1000 ? 'N is 1,000' : 'skipped'}) |`);
  }
  if (report.statistics) {
    const slowest = report.statistics.requests.reduce((a, b) => (b.maxMs > a.maxMs ? b : a));
    out.push(`| Statistics: the slowest table, one request (largest of ${report.statistics.requests.length} tables × periods, 5 each) | **${fmt(slowest.maxMs)} ms** (${slowest.table}, ${slowest.period}) | < 1 s | ${verdict(slowest.maxMs < 1000)} |`);
  }
  const varying = report.rows.filter((r) => r.server === 'api' && r.sql && r.sql.min !== r.sql.max).map((r) => r.scenario);
  out.push(`| SQL statements per request constant over the rotated accounts | ${varying.length ? `varies in ${varying.join(', ')}` : 'constant in every scenario'} | constant | ${verdict(varying.length === 0)} |`);
  out.push(`| Peak RSS of the API under the bench (VmHWM) | **${fmt(report.memoryMb.api)} MB** | < 350 MB | ${verdict(report.memoryMb.api < 350)} |`);
  const samples = report.startupMs.apiSamples ? ` (median of ${report.startupMs.apiSamples.map((x) => fmt(x)).join(', ')} ms)` : '';
  out.push(`| Compiled start-up (spawn to /health 200) | **${fmt(report.startupMs.api)} ms**${samples} | < 2 s | ${verdict(report.startupMs.api < 2000)} |`);
  const seed = report.database.seed100k;
  if (seed) {
    out.push(`| seed:scale of 100,000 children (what seedScale reports) | **${fmt(seed.seconds, 1)} s** (${fmt(seed.rows)} rows, ${seed.at.slice(0, 10)}) | < 180 s | ${verdict(seed.seconds < 180)} |`);
  } else {
    const own = report.database.seed;
    out.push(
      `| seed:scale of 100,000 children | not measured at this N${own ? ` (${fmt(own.children)} children: ${fmt(own.seconds, 1)} s, ${fmt(own.rows)} rows)` : ''} | < 180 s | not measured |`,
    );
  }
  out.push('');
  out.push(
    `Other processes: API with permissions off started in ${fmt(report.startupMs.permissionsOff)} ms, peak RSS ${fmt(report.memoryMb.permissionsOff)} MB; ` +
      `floor server peak RSS ${fmt(report.memoryMb.floor)} MB` +
      (report.memoryMb.small !== undefined ? `; API on ${fmt(report.small)} children started in ${fmt(report.startupMs.small)} ms, peak RSS ${fmt(report.memoryMb.small)} MB.` : '.'),
    '',
  );

  if (report.statistics) {
    const st = report.statistics;
    out.push('### Statistics tables', '');
    out.push(
      'Each table asked by the coordinator of the first programme, by its first two dimensions, for the last school year that ended and its September, ' +
        "5 times in a row (bench/statistics.ts): the whole school year's cubes are read in one statement and protected, then the period is answered.",
      '',
    );
    out.push('| Table | Period | by | median ms | max ms | rows |', '|---|---|---|--:|--:|--:|');
    for (const t of st.requests) out.push(`| ${t.table} | ${t.period} | ${t.by.join(' × ') || '(total)'} | ${fmt(t.medianMs, 1)} | ${fmt(t.maxMs, 1)} | ${fmt(t.rows)} |`);
    out.push('');
    out.push(`The same statements over every programme of the database at once (${fmt(st.programmes)} programmes, ${fmt(n)} children): what one programme holding every child would cost.`, '');
    out.push('| Table | ms | cube cells |', '|---|--:|--:|');
    for (const t of st.everyProgramme) out.push(`| ${t.table} | ${fmt(t.ms, 0)} | ${fmt(t.cells)} |`);
    out.push('');
  }

  // EXPLAIN.
  if (report.explain) {
    out.push('### EXPLAIN of the SQL the API sends', '');
    out.push(
      `Every statement of one request of each scenario, recorded at the driver and run again as a plain EXPLAIN at ${fmt(n)} children ` +
        `(bench/explain.ts). A Seq Scan on a table of ${fmt(LARGE_TABLE_ROWS)} rows or more is flagged. statement_timeout of the API's connections: ${report.explain.statementTimeout}.`,
      '',
    );
    out.push('| Scenario | statements | Seq Scans on large tables | Seq Scans on small tables |', '|---|--:|---|---|');
    for (const s of report.explain.scenarios) {
      const small = [...new Set(s.statements.flatMap((st) => st.seqScans).filter((x) => x.rows < LARGE_TABLE_ROWS).map((x) => `${x.table} (${fmt(x.rows)})`))];
      const large = [...new Set(s.flagged.map((x) => `**${x.table} (${fmt(x.rows)})**`))];
      out.push(`| ${SCENARIO_TITLES[s.key]} | ${s.statements.length} | ${large.join(', ') || 'none'} | ${small.join(', ') || 'none'} |`);
    }
    out.push('');
    for (const s of report.explain.scenarios.filter((x) => x.flagged.length)) {
      out.push(`Flagged in ${s.key}:`, '');
      for (const st of s.statements.filter((x) => x.seqScans.some((y) => y.rows >= LARGE_TABLE_ROWS))) {
        out.push(`- \`${st.sql.slice(0, 300)}${st.sql.length > 300 ? '…' : ''}\``);
      }
      out.push('');
    }
  }
  if (report.notes.length) {
    out.push('Notes:', '');
    for (const note of report.notes) out.push(`- ${note}`);
    out.push('');
  }
  return out.join('\n');
}

const HEADER = `# Benchmark results

Written by \`npm run bench\` (bench/README.md says how to run it and what each scenario is).
Each section is replaced by the next run with the same number of children; the analysis at
the end is written by hand and kept by the bench. Figures on a shared 2-core machine are
noisy: compare ratios within one run.
`;

const ANALYSIS_START = '<!-- analysis: written by hand, kept by the bench -->';
const ANALYSIS_END = '<!-- /analysis -->';

/** Replaces (or adds) this run's section, keeping the other runs and the analysis. */
export function writeResults(file: string, report: RunReport): void {
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const sections = new Map<number, string>();
  for (const match of text.matchAll(/<!-- run:(\d+) -->\n([\s\S]*?)<!-- \/run:\1 -->/g)) sections.set(Number(match[1]), match[2]!);
  sections.set(report.children, `${renderRun(report)}\n`);
  const analysisMatch = text.indexOf(ANALYSIS_START);
  const analysis =
    analysisMatch >= 0
      ? text.slice(analysisMatch, text.indexOf(ANALYSIS_END, analysisMatch) + ANALYSIS_END.length)
      : `${ANALYSIS_START}\n## Analysis\n\n(To be written after a run: why each missed target is missed, and what would close it.)\n${ANALYSIS_END}`;
  const runs = [...sections.entries()].sort((a, b) => a[0] - b[0]).map(([n, body]) => `<!-- run:${n} -->\n${body}<!-- /run:${n} -->`);
  writeFileSync(file, `${HEADER}\n${runs.join('\n\n')}\n\n${analysis}\n`);
}
