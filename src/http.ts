import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer, type HTTPGraphQLRequest } from '@apollo/server';
import type { Context } from './context';
import { withSqlCounter } from './db/sql-counter';

/**
 * A small node:http front for Apollo: POST/GET /graphql and GET /health. No framework:
 * it is all the API needs, and the fastest path from socket to resolver.
 */

const MAX_BODY_BYTES = 1_000_000;

export interface HttpOptions {
  apollo: ApolloServer<Context>;
  /** The request's context; `request` is what Apollo is given (the request limits read it first). */
  context: (req: IncomingMessage, request: HTTPGraphQLRequest) => Promise<Context>;
  health: () => Promise<boolean>;
  log: (line: string) => void;
  /** Add an `x-sql-statements` header with the number of SQL statements of the request. */
  countSql?: boolean;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('body too large'));
        req.destroy();
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
  if (req.method === 'POST') {
    const text = await readBody(req);
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
  const outHeaders: Record<string, string> = {};
  for (const [key, value] of response.headers) outHeaders[key] = value;
  if (counter) outHeaders['x-sql-statements'] = String(counter.statements);
  res.writeHead(response.status ?? 200, outHeaders);
  if (response.body.kind === 'complete') {
    res.end(response.body.string);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}

export function createHttpServer(options: HttpOptions): Server {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const route = async () => {
      if (url.pathname === '/health' && (req.method === 'GET' || req.method === 'HEAD')) {
        const up = await options.health();
        sendJson(res, up ? 200 : 503, { status: up ? 'ok' : 'unavailable', database: up ? 'up' : 'down' });
        return;
      }
      if (url.pathname === '/graphql') {
        if (options.countSql) await withSqlCounter((counter) => handleGraphQL(options, req, res, url.search, counter));
        else await handleGraphQL(options, req, res, url.search);
        return;
      }
      sendJson(res, 404, { error: 'not found: the API is at /graphql, its health at /health' });
    };
    route().catch((error: unknown) => {
      options.log(`request failed: ${error instanceof Error ? error.message : String(error)}`);
      if (!res.headersSent) sendJson(res, 500, { errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
      else res.end();
    });
  });
  // Longer than the idle timeouts of clients and proxies, so that a kept-alive connection is
  // never closed by us just as a client sends on it (ECONNRESET on the client side).
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  return server;
}
