import autocannon from 'autocannon';
import { cpuMsOf } from './processes';

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
}

/** `serverPid`: the server's process, whose CPU time is read before and after the measured run. */
export async function load(origin: string, requests: LoadRequest[], options: LoadOptions, serverPid?: number): Promise<LoadResult> {
  const run = (duration: number) =>
    autocannon({ url: origin, connections: options.connections, duration, timeout: 30, requests });
  if (options.warmup > 0) await run(options.warmup);
  const cpuBefore = serverPid === undefined ? 0 : cpuMsOf(serverPid);
  const result = await run(options.duration);
  const cpu = serverPid === undefined ? undefined : cpuMsOf(serverPid) - cpuBefore;
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
  };
}
