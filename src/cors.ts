import type { IncomingMessage, ServerResponse } from 'node:http';
// Types only: config.ts reads this module, and stays light (`npm run -s token` loads it).
import type { ErrorCode } from './errors';

/**
 * CORS for the web portals (Fetch standard, "CORS protocol"), by allow-list
 * (`CORS_ORIGINS`). Portals send a bearer token, not cookies: no credentials mode, so
 * `Access-Control-Allow-Credentials` is never sent and a page can never ride on a
 * browser's session. CSRF prevention (Apollo's `csrfPrevention`) stays as it is: a request
 * a page may send without a preflight is refused anyway.
 *
 * An allowed origin gets `Access-Control-Allow-Origin` with its own value (never `*`), the
 * preflight the methods and headers the API reads; any other origin gets no CORS header
 * (the browser then withholds the answer) and its preflight a 403.
 */

/** `scheme://host[:port]`, or `scheme://host:*` for any port of that host (local development). */
const ORIGIN_ENTRY = /^(https?):\/\/([a-z0-9.-]+|\[[0-9a-f:]+\])(?::(\d{1,5}|\*))?$/;

/** The origins of local development servers (Vite, webpack, Angular, Next...), on any port. */
export const LOCAL_DEV_ORIGINS = ['http://localhost:*', 'http://127.0.0.1:*', 'http://[::1]:*'];

/** Request headers a portal may send: the token, JSON, Apollo's preflight headers, a request id, a mutation's idempotency key. */
export const CORS_ALLOWED_HEADERS = ['authorization', 'content-type', 'apollo-require-preflight', 'x-apollo-operation-name', 'x-request-id', 'idempotency-key'];
/**
 * Response headers a page may read beyond the safelisted ones (429's Retry-After, a
 * download's file name, the request id, whether a mutation's answer is a replay).
 */
export const CORS_EXPOSED_HEADERS = ['retry-after', 'content-disposition', 'x-request-id', 'idempotency-replayed'];
/** The code of a refused preflight (the type checks it is ErrorCode's). */
const ORIGIN_NOT_ALLOWED: `${ErrorCode.ORIGIN_NOT_ALLOWED}` = 'ORIGIN_NOT_ALLOWED';
/** How long a browser may keep a preflight's answer (Chromium caps it at 2 hours). */
const PREFLIGHT_MAX_AGE_SECONDS = 600;

/** Why an entry of CORS_ORIGINS is not one, or undefined when it is (config.ts names the variable). */
export function invalidOriginEntry(entry: string): string | undefined {
  if (!ORIGIN_ENTRY.test(entry)) return `"${entry}" is not an origin (scheme://host[:port], no path, no trailing slash; host:* for any port)`;
  return undefined;
}

/** The allow-list as a predicate on a request's `Origin` header. */
export function originAllowList(entries: readonly string[]): (origin: string) => boolean {
  const exact = new Set<string>();
  const anyPort = new Set<string>();
  for (const entry of entries) {
    if (entry.endsWith(':*')) anyPort.add(entry.slice(0, -2));
    // Browsers send an origin without its scheme's default port (RFC 6454): so must the entry.
    else exact.add(entry.replace(/^(https:\/\/[^/]+):443$|^(http:\/\/[^/]+):80$/, '$1$2'));
  }
  return (origin) => {
    if (exact.has(origin)) return true;
    const match = /^(https?:\/\/(?:[a-z0-9.-]+|\[[0-9a-f:]+\]))(?::\d{1,5})?$/.exec(origin);
    return match !== null && anyPort.has(match[1]);
  };
}

function appendVary(res: ServerResponse, value: string): void {
  const current = res.getHeader('vary');
  res.setHeader('vary', current ? `${String(current)}, ${value}` : value);
}

/**
 * Adds the CORS headers of a request to a portal's route and answers its preflight. Returns true
 * when the request is answered (a preflight, or a plain OPTIONS).
 */
export function handleCors(req: IncomingMessage, res: ServerResponse, allowed: (origin: string) => boolean): boolean {
  const origin = req.headers.origin;
  const preflight = req.method === 'OPTIONS' && origin !== undefined && req.headers['access-control-request-method'] !== undefined;
  if (origin !== undefined) appendVary(res, 'Origin');
  if (origin !== undefined && allowed(origin)) {
    res.setHeader('access-control-allow-origin', origin);
    if (!preflight) res.setHeader('access-control-expose-headers', CORS_EXPOSED_HEADERS.join(', '));
  }
  if (req.method !== 'OPTIONS') return false;
  if (preflight && !allowed(origin)) {
    const body = JSON.stringify({
      errors: [{ message: `Origin ${origin} is not allowed to call this API (CORS_ORIGINS)`, extensions: { code: ORIGIN_NOT_ALLOWED } }],
    });
    res.writeHead(403, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
    res.end(body);
    return true;
  }
  res.writeHead(204, {
    allow: 'GET, POST, OPTIONS',
    ...(preflight
      ? {
          'access-control-allow-methods': 'GET, POST',
          'access-control-allow-headers': CORS_ALLOWED_HEADERS.join(', '),
          'access-control-max-age': String(PREFLIGHT_MAX_AGE_SECONDS),
        }
      : {}),
  });
  res.end();
  return true;
}
