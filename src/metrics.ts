import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { FinishedRequest } from './request-log';

/**
 * What the API is doing, for Prometheus (prom-client), at GET /metrics: requests by
 * operation and their duration, errors by code, the connection pool, the time the access
 * log takes to write, the job runs, and Node's own figures (memory, event loop).
 *
 * Labels are bounded: an operation's name is the client's to choose, so names beyond
 * MAX_LABEL_VALUES distinct ones (or not plain words) count as `(other)`. No label holds an
 * account, a child or anything a request sent but its operation's name.
 */

/** Most distinct values of one label (operation names, error codes). */
const MAX_LABEL_VALUES = 200;
const PLAIN_LABEL = /^[A-Za-z_][\w]{0,63}$/;
const ANONYMOUS = '(anonymous)';

/** The knex pool (tarn) behind the ORM: what the gauges read. */
export interface PoolFigures {
  numUsed(): number;
  numFree(): number;
  numPendingAcquires(): number;
}

export interface Metrics {
  registry: Registry;
  requestFinished(request: FinishedRequest): void;
  /** An access-log flush took `seconds` (src/permissions/access-log.ts). */
  accessLogWritten(seconds: number): void;
  /** A job of `task` ended: `success`, `error` (to be retried) or `failed` (no attempt left). */
  jobRun(task: string, outcome: 'success' | 'error' | 'failed'): void;
}

class BoundedLabel {
  private readonly seen = new Set<string>();

  of(value: string | undefined, absent: string): string {
    if (!value) return absent;
    if (!PLAIN_LABEL.test(value)) return '(other)';
    if (this.seen.has(value)) return value;
    if (this.seen.size >= MAX_LABEL_VALUES) return '(other)';
    this.seen.add(value);
    return value;
  }
}

export function createMetrics(pool: () => PoolFigures | undefined): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'pre_api_' });
  const operations = new BoundedLabel();
  const codes = new BoundedLabel();
  const duration = new Histogram({
    name: 'pre_api_graphql_request_duration_seconds',
    help: 'Time from the request to its answer, by GraphQL operation (name and type)',
    labelNames: ['operation', 'type'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const requests = new Counter({
    name: 'pre_api_http_requests_total',
    help: 'HTTP requests answered, by route kind and status class',
    labelNames: ['route', 'status'],
    registers: [registry],
  });
  const errors = new Counter({
    name: 'pre_api_errors_total',
    help: 'Errors answered, by extensions.code',
    labelNames: ['code'],
    registers: [registry],
  });
  const accessLog = new Histogram({
    name: 'pre_api_access_log_write_seconds',
    help: "Time to write a response's access events (the answer waits for it)",
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [registry],
  });
  const jobs = new Counter({
    name: 'pre_api_job_runs_total',
    help: 'Job runs ended, by task and outcome (success, error: retried later, failed: no attempt left)',
    labelNames: ['task', 'outcome'],
    registers: [registry],
  });
  new Gauge({
    name: 'pre_api_db_pool_connections',
    help: "Connections of the API's pool, by state (used, free)",
    labelNames: ['state'],
    registers: [registry],
    collect() {
      const figures = pool();
      this.set({ state: 'used' }, figures?.numUsed() ?? 0);
      this.set({ state: 'free' }, figures?.numFree() ?? 0);
    },
  });
  new Gauge({
    name: 'pre_api_db_pool_waiting',
    help: 'Requests for a connection of the pool still waiting',
    registers: [registry],
    collect() {
      this.set(pool()?.numPendingAcquires() ?? 0);
    },
  });
  return {
    registry,
    requestFinished(request) {
      const route = request.route === '/graphql' ? 'graphql' : /^\/(health|metrics)(\/|$)/.test(request.route) ? request.route.split('/')[1]! : 'other';
      requests.inc({ route, status: `${Math.floor(request.status / 100)}xx` });
      if (request.operationType) {
        const operation = request.operation === ANONYMOUS ? ANONYMOUS : operations.of(request.operation, ANONYMOUS);
        duration.observe({ operation, type: request.operationType }, request.durationMs / 1000);
      }
      for (const code of request.errorCodes) errors.inc({ code: codes.of(code, 'UNKNOWN') });
      if (request.status >= 500 && !request.errorCodes.length) errors.inc({ code: `HTTP_${request.status}` });
    },
    accessLogWritten(seconds) {
      accessLog.observe(seconds);
    },
    jobRun(task, outcome) {
      jobs.inc({ task: codes.of(task, 'unknown'), outcome });
    },
  };
}

/** Who may read /metrics (METRICS): nobody, anybody who reaches the port, or a bearer of METRICS_TOKEN. */
export type MetricsAccess = { mode: 'off' } | { mode: 'on' } | { mode: 'token'; token: string };

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** GET /metrics, in Prometheus's text format; 401 without the token when one is required. */
export async function serveMetrics(req: IncomingMessage, res: ServerResponse, metrics: Metrics, access: MetricsAccess): Promise<void> {
  if (access.mode === 'token') {
    const header = req.headers.authorization ?? '';
    const given = /^Bearer (.+)$/.exec(header)?.[1] ?? '';
    if (!sameToken(given, access.token)) {
      res.writeHead(401, { 'content-type': 'text/plain; charset=utf-8', 'www-authenticate': 'Bearer realm="metrics"' });
      res.end('metrics: send METRICS_TOKEN as a bearer token\n');
      return;
    }
  }
  const text = await metrics.registry.metrics();
  res.writeHead(200, { 'content-type': metrics.registry.contentType });
  res.end(text);
}
