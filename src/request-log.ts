import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from './context';
import { withCounter } from './db/sql-counter';
import type { Logger } from './log';

/**
 * One log line per HTTP request, written when its answer has left (or its connection
 * closed first): time, request id, method, route, status, account id, role, operation
 * name and type, duration, SQL statements sent, and the error codes answered. Never
 * personal data: no variable, no query text, no header but the request id.
 *
 * The request id is the client's `X-Request-Id` when it is sane (letters, digits, `.`,
 * `_`, `-`, at most 64), else a new UUID; it is sent back in `X-Request-Id`, written in
 * the access events of the request, and on every log line about it.
 */

export interface RequestRecord {
  id: string;
  method: string;
  route: string;
  started: bigint;
  /** SQL statements sent for this request (src/db/sql-counter.ts counts them). */
  statements: number;
  accountId?: string;
  role?: string;
  operation?: string;
  operationType?: string;
  errorCodes: string[];
}

/** What a finished request is, for the request log and the metrics. */
export interface FinishedRequest extends RequestRecord {
  status: number;
  durationMs: number;
  /** The connection closed before the answer was sent. */
  aborted: boolean;
}

const storage = new AsyncLocalStorage<RequestRecord>();

/** The request this code runs for, if any (formatError, the database's error paths). */
export function currentRequest(): RequestRecord | undefined {
  return storage.getStore();
}

const SANE_REQUEST_ID = /^[\w.-]{1,64}$/;

export function requestIdOf(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && SANE_REQUEST_ID.test(given) ? given : randomUUID();
}

/** The request id given to `req` by trackRequest (the same one the context and the access log use). */
const ids = new WeakMap<IncomingMessage, string>();
export function requestIdFor(req: IncomingMessage): string {
  return ids.get(req) ?? requestIdOf(req);
}

/** The routes whose lines are written at debug level: probes and scrapes, many a minute. */
const QUIET_ROUTES = /^\/(health|metrics)(\/|$)/;

/**
 * Runs `handle` for this request with its record (read by the Apollo plugin below, the SQL
 * counter and formatError), and writes its line when the answer is done.
 */
export function trackRequest(
  req: IncomingMessage,
  res: ServerResponse,
  options: { logger: Logger; onFinish?: (request: FinishedRequest) => void },
  handle: () => Promise<void>,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const record: RequestRecord = {
    id: requestIdOf(req),
    method: req.method ?? 'GET',
    route: url.pathname,
    started: process.hrtime.bigint(),
    statements: 0,
    errorCodes: [],
  };
  ids.set(req, record.id);
  res.setHeader('x-request-id', record.id);
  let done = false;
  const finish = (aborted: boolean) => {
    if (done) return;
    done = true;
    const finished: FinishedRequest = { ...record, status: res.statusCode, durationMs: Number(process.hrtime.bigint() - record.started) / 1e6, aborted };
    options.onFinish?.(finished);
    const line = {
      requestId: finished.id,
      method: finished.method,
      route: finished.route,
      status: finished.status,
      ...(finished.accountId ? { accountId: finished.accountId, role: finished.role } : {}),
      ...(finished.operationType ? { operation: finished.operation, operationType: finished.operationType } : {}),
      durationMs: Math.round(finished.durationMs * 10) / 10,
      sqlStatements: finished.statements,
      ...(finished.errorCodes.length ? { errorCodes: [...new Set(finished.errorCodes)] } : {}),
      ...(aborted ? { aborted: true } : {}),
    };
    if (QUIET_ROUTES.test(finished.route) && finished.status < 500) options.logger.debug(line, 'request');
    else options.logger.info(line, 'request');
  };
  res.once('finish', () => finish(false));
  res.once('close', () => finish(!res.writableFinished));
  return storage.run(record, () => withCounter(record, handle));
}

/**
 * The codes of an error answer Apollo made without running the plugins (a refused token,
 * a rate limit, a malformed request): read from its body, once, when the record has none.
 */
export function noteErrorAnswer(status: number, body: string): void {
  const record = storage.getStore();
  if (!record || status < 400 || record.errorCodes.length) return;
  try {
    const parsed = JSON.parse(body) as { errors?: { extensions?: { code?: unknown } }[] };
    for (const error of parsed.errors ?? []) record.errorCodes.push(typeof error.extensions?.code === 'string' ? error.extensions.code : 'UNKNOWN');
  } catch {
    record.errorCodes.push('UNKNOWN');
  }
}

/**
 * Fills the request's record from Apollo: who asked (once the context is made), which
 * operation, and the codes of the errors answered (as formatError left them).
 */
export function requestLogPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operationName, operation }) {
          const record = storage.getStore();
          if (!record || !operation) return;
          record.operation = operationName ?? operation.name?.value ?? '(anonymous)';
          record.operationType = operation.operation;
        },
        async willSendResponse({ contextValue, response }) {
          const record = storage.getStore();
          if (!record) return;
          // The context may be missing: a request refused before it was made (no token, a limit).
          const viewer = (contextValue as Partial<Context> | undefined)?.viewer;
          if (viewer) {
            record.accountId = viewer.accountId;
            record.role = viewer.role;
          }
          if (response.body.kind !== 'single') return;
          for (const error of response.body.singleResult.errors ?? []) {
            const code = error.extensions?.code;
            record.errorCodes.push(typeof code === 'string' ? code : 'UNKNOWN');
          }
        },
      };
    },
  };
}
