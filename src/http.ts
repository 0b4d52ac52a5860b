import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { HeaderMap, type ApolloServer, type HTTPGraphQLRequest } from '@apollo/server';
import type { Context } from './context';
import { currentCounter } from './db/sql-counter';
import { ErrorCode, UNAVAILABLE_RETRY_AFTER_SECONDS } from './errors';
import { isDatabaseUnreachable, metUnreachable, trackingUnreachable } from './db/unavailable';
import { handleCors } from './cors';
import { wantsPage, type Explorer } from './explorer/explorer';
import { isStatisticsCsvPath } from './statistics/csv';
import type { Health } from './health';
import { errorFields, type Logger } from './log';
import { noteErrorAnswer, trackRequest, type FinishedRequest } from './request-log';

/**
 * A small node:http front for Apollo: POST/GET /graphql and GET /health. No framework:
 * it is all the API needs, and the fastest path from socket to resolver.
 */

const MAX_BODY_BYTES = 1_000_000;
/**
 * After a 413, what the client is still sending is read and thrown away, for so long and
 * so much at most; then the connection is cut.
 */
const MAX_DISCARDED_BYTES = 64 * MAX_BODY_BYTES;
const MAX_DISCARD_MS = 10_000;

/**
 * Headers of every response, whatever the route and the outcome: answers hold children's
 * data, so nothing keeps a copy (no-store); JSON is never sniffed as something else; no
 * Referer leaks a URL; and the CSP lets a response load nothing and be framed by nothing.
 * A route that serves something else (an HTML page) sets its own over these, with
 * `withSecurityHeaders(res, { 'content-security-policy': ... })`.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
};

export function withSecurityHeaders(res: ServerResponse, overrides: Readonly<Record<string, string>> = {}): void {
  for (const [name, value] of Object.entries({ ...SECURITY_HEADERS, ...overrides })) res.setHeader(name, value);
}

class BodyTooLarge extends Error {}

export interface HttpOptions {
  apollo: ApolloServer<Context>;
  /** The request's context; `request` is what Apollo is given (the request limits read it first). */
  context: (req: IncomingMessage, request: HTTPGraphQLRequest) => Promise<Context>;
  /** /health/live, /health/ready (and /health), and whether the process drains (src/health.ts). */
  health: Health;
  logger: Logger;
  /** Told of every request once answered (the metrics). */
  onRequestFinished?: (request: FinishedRequest) => void;
  /** GET /metrics (src/metrics.ts), when METRICS is not off. */
  metrics?: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
  /** Add an `x-sql-statements` header with the number of SQL statements of the request. */
  countSql?: boolean;
  /** GET /children/<id>/export.json: a child's file as a download (src/server.ts runs childExport). */
  exportChild?: (req: IncomingMessage, childId: string) => Promise<{ status: number; body: unknown }>;
  /** Whether a page of this origin may call the API (CORS, src/cors.ts); absent: no CORS header at all. */
  corsAllows?: (origin: string) => boolean;
  /** The explorer's page and files (src/explorer/), when it is on. */
  explorer?: Explorer;
  /** POST /invitations/accept: a guardian's first sign-in with its invitation (src/invitations/accept.ts). */
  acceptInvitation?: (req: IncomingMessage, body: string) => Promise<{ status: number; body: unknown }>;
  /** GET /statistics/<table>.csv (src/statistics/csv.ts). */
  statisticsCsv?: (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void>;
}

/** /health is /health/ready's alias (the probe of earlier versions). */
const HEALTH_ROUTES = new Set(['/health', '/health/live', '/health/ready']);
/** A guardian's first sign-in with its portal invitation. */
const ACCEPT_ROUTE = '/invitations/accept';

/** The download of a child's file (RGPD article 15): its ID is opaque, never a name. */
const EXPORT_ROUTE = /^\/children\/([A-Za-z0-9_=-]{1,200})\/export\.json$/;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        req.removeAllListeners('data');
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** 503 SERVICE_UNAVAILABLE with Retry-After: the database cannot be reached (src/db/unavailable.ts). */
export function sendUnavailable(res: ServerResponse): void {
  res.setHeader('retry-after', String(UNAVAILABLE_RETRY_AFTER_SECONDS));
  const message = `The database cannot be reached: retry in ${UNAVAILABLE_RETRY_AFTER_SECONDS} s`;
  sendJson(res, 503, { errors: [{ message, extensions: { code: ErrorCode.SERVICE_UNAVAILABLE, retryAfter: UNAVAILABLE_RETRY_AFTER_SECONDS } }] });
}

/**
 * 413 with a GraphQL error. The rest of the body is read and thrown away (the connection
 * stays usable once it is over): closing the connection while the client is still sending
 * would reach it as a reset (EPIPE) instead of the answer. A body that goes on past
 * MAX_DISCARDED_BYTES or MAX_DISCARD_MS is cut.
 */
function refuseTooLarge(req: IncomingMessage, res: ServerResponse): void {
  if (!req.readableEnded) {
    // Only while this request's body is unfinished: the connection then serves no other.
    const cut = () => {
      if (!req.readableEnded) req.socket.destroy();
    };
    const timer = setTimeout(cut, MAX_DISCARD_MS).unref();
    let discarded = 0;
    req.on('data', (chunk: Buffer) => {
      discarded += chunk.length;
      if (discarded > MAX_DISCARDED_BYTES) cut();
    });
    req.once('end', () => clearTimeout(timer));
    req.socket.once('close', () => clearTimeout(timer));
    req.resume();
  }
  const error = { message: `Request body too large: at most ${MAX_BODY_BYTES} bytes`, extensions: { code: ErrorCode.PAYLOAD_TOO_LARGE } };
  sendJson(res, 413, { errors: [error] });
}

async function handleGraphQL(
  options: HttpOptions,
  req: IncomingMessage,
  res: ServerResponse,
  search: string,
  counter?: { statements: number },
): Promise<void> {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  let body: unknown;
  if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) {
    refuseTooLarge(req, res);
    return;
  }
  if (req.method === 'POST') {
    let text: string;
    try {
      text = await readBody(req);
    } catch (error) {
      if (!(error instanceof BodyTooLarge)) throw error;
      refuseTooLarge(req, res);
      return;
    }
    const type = headers.get('content-type') ?? '';
    if (type.includes('application/json')) {
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        sendJson(res, 400, { errors: [{ message: 'request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] });
        return;
      }
    } else {
      body = text;
    }
  }
  const httpGraphQLRequest: HTTPGraphQLRequest = { method: req.method ?? 'GET', headers, search, body };
  const response = await options.apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest,
    context: () => options.context(req, httpGraphQLRequest),
  });
  const unreachable = metUnreachable();
  const outHeaders: Record<string, string> = {};
  for (const [key, value] of response.headers) outHeaders[key] = value;
  if (counter) outHeaders['x-sql-statements'] = String(counter.statements);
  if (unreachable) outHeaders['retry-after'] = String(UNAVAILABLE_RETRY_AFTER_SECONDS);
  res.writeHead(unreachable ? 503 : (response.status ?? 200), outHeaders);
  if (response.body.kind === 'complete') {
    noteErrorAnswer(response.status ?? 200, response.body.string);
    res.end(response.body.string);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}

/** The routes a portal's page calls (CORS applies to them): the API and its two downloads. */
function isPortalRoute(pathname: string): boolean {
  return pathname === '/graphql' || pathname === ACCEPT_ROUTE || EXPORT_ROUTE.test(pathname) || isStatisticsCsvPath(pathname);
}

export function createHttpServer(options: HttpOptions): Server {
  // Stopping (SIGTERM): each kept-alive connection is closed after its next answer, by us
  // and announced (`Connection: close`), rather than reset under a request the client is
  // sending; the answers not yet begun when the drain starts are told too.
  const unanswered = new Set<ServerResponse>();
  options.health.onDrain(() => {
    for (const res of unanswered) if (!res.headersSent) res.setHeader('connection', 'close');
  });
  const server = createServer((req, res) => {
    withSecurityHeaders(res);
    if (options.health.isDraining) res.setHeader('connection', 'close');
    else {
      unanswered.add(res);
      res.once('close', () => unanswered.delete(res));
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    const route = async () => {
      if (HEALTH_ROUTES.has(url.pathname) && (req.method === 'GET' || req.method === 'HEAD')) {
        if (url.pathname === '/health/live') {
          sendJson(res, 200, options.health.live());
          return;
        }
        const { ready, body } = await options.health.ready();
        sendJson(res, ready ? 200 : 503, body);
        return;
      }
      if (url.pathname === '/metrics' && options.metrics && req.method === 'GET') {
        await options.metrics(req, res);
        return;
      }
      if (options.corsAllows && isPortalRoute(url.pathname) && handleCors(req, res, options.corsAllows)) return;
      if (options.explorer?.handle(req, res, url)) return;
      if (url.pathname === '/graphql' && wantsPage(req, url)) {
        const message = 'No explorer here (EXPLORER=true turns it on). Send GraphQL requests with POST and content-type: application/json, or with GET and an apollo-require-preflight header';
        sendJson(res, 400, { errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] });
        return;
      }
      if (url.pathname === '/graphql') {
        await handleGraphQL(options, req, res, url.search, options.countSql ? currentCounter() : undefined);
        return;
      }
      const exported = EXPORT_ROUTE.exec(url.pathname);
      if (exported && options.exportChild && req.method === 'GET') {
        const { status, body } = await options.exportChild(req, exported[1]!);
        if (status === 503) res.setHeader('retry-after', String(UNAVAILABLE_RETRY_AFTER_SECONDS));
        if (status === 200) res.setHeader('content-disposition', `attachment; filename="child-${exported[1]}-export.json"`);
        sendJson(res, status, body);
        return;
      }
      if (options.acceptInvitation && req.method === 'POST' && url.pathname === ACCEPT_ROUTE) {
        let body: string;
        try {
          body = await readBody(req);
        } catch (error) {
          if (error instanceof BodyTooLarge) return refuseTooLarge(req, res);
          throw error;
        }
        const answer = await options.acceptInvitation(req, body);
        sendJson(res, answer.status, answer.body);
        return;
      }
      if (options.statisticsCsv && req.method === 'GET' && isStatisticsCsvPath(url.pathname)) {
        await options.statisticsCsv(req, res, url);
        return;
      }
      sendJson(res, 404, { error: 'not found: the API is at /graphql, its health at /health/live and /health/ready' });
    };
    // The catch runs inside the request's unreachable mark (metUnreachable), as route() does.
    void trackingUnreachable(() => trackRequest(req, res, { logger: options.logger, onFinish: options.onRequestFinished }, route).catch((error: unknown) => {
      if ((isDatabaseUnreachable(error) || metUnreachable()) && !res.headersSent) {
        sendUnavailable(res);
        return;
      }
      options.logger.error({ requestId: res.getHeader('x-request-id'), err: errorFields(error) }, 'request failed');
      if (!res.headersSent) sendJson(res, 500, { errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
      else res.end();
    }));
  });
  // node:http answers the requests it cannot parse itself, without our headers.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (!socket.writable || (socket as Duplex & { _httpMessage?: unknown })._httpMessage) {
      socket.destroy();
      return;
    }
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? '408 Request Timeout' : '400 Bad Request';
    const headers = Object.entries(SECURITY_HEADERS).map(([name, value]) => `${name}: ${value}\r\n`).join('');
    socket.end(`HTTP/1.1 ${status}\r\n${headers}content-length: 0\r\nconnection: close\r\n\r\n`);
  });
  // Longer than the idle timeouts of clients and proxies, so that a kept-alive connection is
  // never closed by us just as a client sends on it (ECONNRESET on the client side).
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  return server;
}
