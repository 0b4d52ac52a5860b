import { AsyncLocalStorage } from 'node:async_hooks';
import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from '../context';

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
 * marks it, and so does an error Apollo meets outside the execution (a plugin's, such as the
 * access log's insert before the answer: Apollo then throws a bare "Internal server error"
 * and gives the original to `unexpectedErrorProcessingRequest` only). The HTTP layer then
 * answers 503 with Retry-After: Apollo takes a response's status from its errors'
 * `extensions.http`, so a driver error would otherwise be a 200 or a 500.
 */
const requests = new AsyncLocalStorage<{ unreachable: boolean }>();

/** Runs one HTTP request's handling with its own mark. */
export function trackingUnreachable<T>(work: () => Promise<T>): Promise<T> {
  return requests.run({ unreachable: false }, work);
}

export function markUnreachable(): void {
  const mark = requests.getStore();
  if (mark) mark.unreachable = true;
}

/** Whether the request being handled met the database unreachable. */
export function metUnreachable(): boolean {
  return requests.getStore()?.unreachable ?? false;
}

/** Marks the request when Apollo meets an unreachable database outside the execution. */
export function unreachablePlugin(): ApolloServerPlugin<Context> {
  return {
    async unexpectedErrorProcessingRequest({ error }) {
      if (isDatabaseUnreachable(error)) markUnreachable();
    },
  };
}
