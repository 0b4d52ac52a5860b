import { Role } from '../../src/entities';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { rawRequest } from '../helpers/raw-http';
import { EXPECTED_SECURITY_HEADERS, securityHeadersOf } from '../helpers/security-headers';
import * as f from '../factories';

/**
 * Every response carries `Cache-Control: no-store` (they hold children's data: no cache,
 * shared or private, keeps a copy), `X-Content-Type-Options: nosniff`, `Referrer-Policy:
 * no-referrer` and a Content-Security-Policy that lets a JSON answer load nothing and be
 * framed by nothing, whatever the route or the outcome. (The 413 and the 429 are checked
 * in body-limit and rate-limit.)
 */
describe('security headers', () => {
  let server: TestServer;
  let token: string;
  let base: string;

  beforeAll(async () => {
    server = await startTestServer();
    base = server.url.replace(/\/graphql$/, '');
    const em = server.orm.em.fork();
    const coordinator = f.account(em, f.programme(em), Role.PRE_COORDINATOR);
    await em.flush();
    token = await server.token(coordinator.subject);
  });
  afterAll(async () => {
    await server?.close();
  });

  const post = (body: string, headers: Record<string, string> = {}) =>
    fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

  const cases: [string, number, () => Promise<Response>][] = [
    ['a GraphQL answer', 200, () => post('{"query":"{ viewer { role } }"}', { authorization: `Bearer ${token}` })],
    ['a GraphQL answer with errors (validation)', 400, () => post('{"query":"{ nope }"}', { authorization: `Bearer ${token}` })],
    ['an unauthenticated request', 401, () => post('{"query":"{ viewer { role } }"}')],
    ['a body that is not JSON', 400, () => post('{nope')],
    ['a GET refused by the CSRF prevention', 400, () => fetch(`${server.url}?query=%7B__typename%7D`)],
    ['a mutation sent with GET', 405, () => fetch(`${server.url}?query=mutation%7B__typename%7D`, { headers: { authorization: `Bearer ${token}`, 'apollo-require-preflight': 'true' } })],
    ['GET /health', 200, () => fetch(`${base}/health`)],
    ['HEAD /health', 200, () => fetch(`${base}/health`, { method: 'HEAD' })],
    ['a path that does not exist', 404, () => fetch(`${base}/nowhere`)],
  ];

  it.each(cases)('are on %s (HTTP %i)', async (_what, status, send) => {
    const response = await send();
    expect(response.status).toBe(status);
    expect(securityHeadersOf(response.headers)).toEqual(EXPECTED_SECURITY_HEADERS);
    await response.arrayBuffer();
  });

  it('are on the answer to a request node:http cannot parse', async () => {
    const response = await rawRequest(server.url, 'GET /graphql HTTP/1.1\r\nHost: localhost\r\nBad Header Line');
    expect(response.status).toBe(400);
    expect(securityHeadersOf(response.headers)).toEqual(EXPECTED_SECURITY_HEADERS);
  });
});
