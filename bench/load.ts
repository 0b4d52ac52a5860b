import autocannon from 'autocannon';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { cpuMsOf, cpuMsOfEach } from './processes';

/** One load test: autocannon, a warm-up run thrown away, then the measured run. */

export interface LoadRequest {
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface LoadOptions {
  connections: number;
  /** Seconds of warm-up (not measured). */
  warmup: number;
  /** Seconds measured. */
  duration: number;
}

export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  average: number;
  requests: number;
  /** Non-2xx answers, connection errors and timeouts of the measured run. */
  failures: number;
  bytesPerRequest: number;
  /**
   * CPU time the server process used per request during the measured run (user + system).
   * Unlike the latencies, it does not grow when other work shares the machine.
   */
  serverCpuMsPerRequest?: number;
  /**
   * CPU time of the PostgreSQL backends the server used during the measured run, per
   * request: the backends of the bench database whose application_name starts with the
   * server's (read from /proc/<pid>/stat, so the PostgreSQL server must run on this machine).
   */
  databaseCpuMsPerRequest?: number;
  /** Backends found (a backend that closes during the run loses its time: say so). */
  backends?: number;
}

/** Which PostgreSQL backends belong to a server: its database and its application_name prefix. */
export interface BackendsOf {
  url: string;
  application: string;
}

/** Backend pids of a server, read on a connection of its own (named so that it is never counted). */
async function backendPids(backends: BackendsOf): Promise<number[]> {
  const client = new Client({ connectionString: backends.url, application_name: 'pre-bench-probe' });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>(
      `select pid from pg_stat_activity where datname = current_database() and application_name like $1 || '%'`,
      [backends.application],
    );
    return rows.map((r) => r.pid);
  } finally {
    await client.end();
  }
}

function sumOf(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  // A backend that opened during the run counts from 0.
  for (const [pid, ms] of after) total += ms - (before.get(pid) ?? 0);
  return total;
}

/**
 * `serverPid`: the server's process, whose CPU time is read before and after the measured
 * run; `backends`: its PostgreSQL backends, read the same way.
 */
export async function load(origin: string, requests: LoadRequest[], options: LoadOptions, serverPid?: number, backends?: BackendsOf): Promise<LoadResult> {
  const run = (duration: number) =>
    autocannon({ url: origin, connections: options.connections, duration, timeout: 30, requests });
  if (options.warmup > 0) await run(options.warmup);
  const pids = backends ? await backendPids(backends) : [];
  const dbBefore = cpuMsOfEach(pids);
  const cpuBefore = serverPid === undefined ? 0 : cpuMsOf(serverPid);
  const result = await run(options.duration);
  const cpu = serverPid === undefined ? undefined : cpuMsOf(serverPid) - cpuBefore;
  const pidsAfter = backends ? [...new Set([...pids, ...(await backendPids(backends))])] : [];
  const db = backends ? sumOf(dbBefore, cpuMsOfEach(pidsAfter)) : undefined;
  const total = result.requests.total;
  return {
    requestsPerSecond: total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    average: result.latency.average,
    requests: total,
    failures: result.non2xx + result.errors + result.timeouts,
    bytesPerRequest: total ? (result.throughput.total ?? 0) / total : 0,
    serverCpuMsPerRequest: cpu === undefined || !total ? undefined : cpu / total,
    databaseCpuMsPerRequest: db === undefined || !total ? undefined : db / total,
    backends: backends ? pidsAfter.length : undefined,
  };
}

export interface PairedResult {
  /** Median and 90th percentile of the single-request latencies, ms. */
  a: { p50: number; p90: number };
  b: { p50: number; p90: number };
  pairs: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function timed(origin: string, request: LoadRequest): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${origin}${request.path}`, { method: request.method, headers: request.headers, body: request.body });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`${origin}${request.path}: HTTP ${response.status}`);
  return performance.now() - started;
}

/**
 * Two servers asked the same requests one at a time, alternately (A B, B A, A B...): each
 * pair runs under the same conditions, so that other work on the machine weighs on both
 * sides alike. `warmup` pairs are thrown away.
 */
export async function paired(
  a: { origin: string; requests: LoadRequest[] },
  b: { origin: string; requests: LoadRequest[] },
  pairs: number,
  warmup: number,
): Promise<PairedResult> {
  const times: { a: number[]; b: number[] } = { a: [], b: [] };
  for (let i = 0; i < warmup + pairs; i++) {
    const k = i % a.requests.length;
    const first = i % 2 === 0;
    const ta = first ? await timed(a.origin, a.requests[k]!) : 0;
    const tb = await timed(b.origin, b.requests[k]!);
    const ta2 = first ? ta : await timed(a.origin, a.requests[k]!);
    if (i >= warmup) {
      times.a.push(ta2);
      times.b.push(tb);
    }
  }
  const sa = times.a.sort((x, y) => x - y);
  const sb = times.b.sort((x, y) => x - y);
  return { a: { p50: percentile(sa, 50), p90: percentile(sa, 90) }, b: { p50: percentile(sb, 50), p90: percentile(sb, 90) }, pairs };
}
