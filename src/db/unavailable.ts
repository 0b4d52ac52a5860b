import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * What "the database cannot be reached" looks like from the drivers, so that it is answered
 * 503 SERVICE_UNAVAILABLE with Retry-After (src/errors.ts ServiceUnavailable) instead of a 500:
 *
 * - the socket: refused, reset, unreachable host, DNS failure, connect timeout;
 * - PostgreSQL's SQLSTATE class 08 (connection exception), 57P01 (admin shutdown: the
 *   server is stopping or a backend was terminated), 57P02 (crash shutdown), 57P03 (cannot
 *   connect now: starting up or shutting down), 53300 (too many connections);
 * - the pools: knex's "Timeout acquiring a connection" (DB_ACQUIRE_TIMEOUT_MS), pg's
 *   "timeout exceeded when trying to connect" and "Connection terminated".
 *
 * Anything else (a constraint, a syntax error, a statement timeout) is the statement's fault.
 */

const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT']);
const SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);
const MESSAGES = /Timeout acquiring a connection|timeout exceeded when trying to connect|Connection terminated|Client has encountered a connection error|the database system is (starting up|shutting down|in recovery mode)/;

function isUnreachableOne(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const { code, name, message } = error as { code?: unknown; name?: unknown; message?: unknown };
  if (typeof code === 'string' && (SOCKET_CODES.has(code) || SQLSTATES.has(code) || /^08[0-9A-Z]{3}$/.test(code))) return true;
  if (name === 'KnexTimeoutError') return true;
  return typeof message === 'string' && MESSAGES.test(message);
}

/** Whether `error`, or an error it wraps (GraphQL's originalError, `cause`, MikroORM's copy), says the database is unreachable. */
export function isDatabaseUnreachable(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === 'object' && !seen.has(current)) {
    if (isUnreachableOne(current)) return true;
    seen.add(current);
    const { originalError, cause, errors } = current as { originalError?: unknown; cause?: unknown; errors?: unknown };
    // An AggregateError (a connect to both ::1 and 127.0.0.1 refused).
    if (Array.isArray(errors) && errors.some(isUnreachableOne)) return true;
    current = originalError ?? cause;
  }
  return false;
}

/**
 * Per HTTP request: whether one of its errors was the database being unreachable. formatError
 * marks it; the HTTP layer then answers 503 with Retry-After (Apollo takes the status of a
 * response from its errors' `extensions.http` before formatting, so a driver error thrown in
 * a resolver would otherwise be a 200 or a 500).
 */
const requests = new AsyncLocalStorage<{ unreachable: boolean }>();

export function trackUnreachable<T>(work: () => Promise<T>): Promise<{ result: T; unreachable: boolean }> {
  const mark = { unreachable: false };
  return requests.run(mark, async () => ({ result: await work(), unreachable: mark.unreachable }));
}

export function markUnreachable(): void {
  const mark = requests.getStore();
  if (mark) mark.unreachable = true;
}
