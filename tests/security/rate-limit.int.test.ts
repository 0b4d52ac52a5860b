import { Role } from '../../src/entities';
import { dropTestDatabase, startTestServer, testDatabase, type TestServer } from '../helpers/test-server';
import { EXPECTED_SECURITY_HEADERS, securityHeadersOf } from '../helpers/security-headers';
import * as f from '../factories';

/**
 * Rate limits (src/auth/rate-limits.ts), kept in PostgreSQL so that every API process
 * counts against the same budget: requests per account, and failed authentications per
 * client address. Over budget: HTTP 429, `Retry-After` in seconds, and a GraphQL error
 * RATE_LIMITED. Small budgets here; the rest of the suite runs with very large ones.
 */

const VIEWER = '{ viewer { role } }';

interface Answer {
  status: number;
  retryAfter: string | null;
  headers: Headers;
  body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

async function ask(server: TestServer, token?: string, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: JSON.stringify({ query: VIEWER }),
  });
  return { status: response.status, retryAfter: response.headers.get('retry-after'), headers: response.headers, body: (await response.json()) as Answer['body'] };
}

async function newAccount(server: TestServer): Promise<string> {
  const em = server.orm.em.fork();
  const account = f.account(em, f.programme(em), Role.PRE_COORDINATOR);
  await em.flush();
  return server.token(account.subject);
}

function expectLimited(answer: Answer, windowSeconds: number): void {
  expect(answer.status).toBe(429);
  expect(answer.retryAfter).toMatch(/^\d+$/);
  expect(Number(answer.retryAfter)).toBeGreaterThanOrEqual(1);
  expect(Number(answer.retryAfter)).toBeLessThanOrEqual(windowSeconds);
  expect(answer.body.data ?? null).toBeNull();
  expect(answer.body.errors).toHaveLength(1);
  expect(answer.body.errors![0]!.extensions).toEqual({ code: 'RATE_LIMITED', retryAfter: Number(answer.retryAfter) });
  expect(securityHeadersOf(answer.headers)).toEqual(EXPECTED_SECURITY_HEADERS);
}

describe('rate limit per account, shared by the API processes', () => {
  const env = { RATE_LIMIT_ACCOUNT_POINTS: '5', RATE_LIMIT_ACCOUNT_SECONDS: '60' };
  let databaseUrl: string;
  let a: TestServer;
  let b: TestServer;

  beforeAll(async () => {
    databaseUrl = await testDatabase(`rate_account_${process.pid}`);
    // Two apps (createApp twice, each with its own ORM and pool) on one database.
    a = await startTestServer({ databaseUrl, env });
    b = await startTestServer({ databaseUrl, env });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    if (databaseUrl) await dropTestDatabase(databaseUrl);
  });

  it('answers 429 with Retry-After and RATE_LIMITED once the budget is spent', async () => {
    const token = await newAccount(a);
    for (let i = 0; i < 5; i += 1) expect((await ask(a, token)).status).toBe(200);
    expectLimited(await ask(a, token), 60);
  });

  it('counts the requests sent to both processes against one budget', async () => {
    const token = await newAccount(a);
    for (const server of [a, b, a, b, b]) expect((await ask(server, token)).status).toBe(200);
    expectLimited(await ask(a, token), 60);
    expectLimited(await ask(b, token), 60);
  });

  it('leaves the other accounts alone', async () => {
    const spent = await newAccount(a);
    for (let i = 0; i < 6; i += 1) await ask(b, spent);
    expectLimited(await ask(a, spent), 60);
    const other = await newAccount(a);
    expect((await ask(a, other)).body).toEqual({ data: { viewer: { role: 'PRE_COORDINATOR' } } });
  });
});

describe('rate limit window', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { RATE_LIMIT_ACCOUNT_POINTS: '2', RATE_LIMIT_ACCOUNT_SECONDS: '1' } });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('gives the budget back when the window is over', async () => {
    const token = await newAccount(server);
    await ask(server, token);
    await ask(server, token);
    expectLimited(await ask(server, token), 1);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect((await ask(server, token)).status).toBe(200);
  });
});

describe('rate limit of failed authentication per client address', () => {
  const env = { RATE_LIMIT_AUTH_FAILURES: '3', RATE_LIMIT_AUTH_SECONDS: '60' };
  let databaseUrl: string;
  const servers: TestServer[] = [];
  /** A new server, with the counters emptied: the address (127.0.0.1) starts with a full budget. */
  async function fresh(extra: NodeJS.ProcessEnv = {}): Promise<TestServer> {
    databaseUrl ??= await testDatabase(`rate_auth_${process.pid}`);
    const server = await startTestServer({ databaseUrl, env: { ...env, ...extra } });
    servers.push(server);
    await server.orm.em.getConnection().execute('delete from rate_limit');
    return server;
  }
  afterAll(async () => {
    for (const server of servers) await server.close();
    if (databaseUrl) await dropTestDatabase(databaseUrl);
  });

  it('answers 429 after N bad tokens from one address, whatever X-Forwarded-For says', async () => {
    const server = await fresh();
    for (let i = 0; i < 3; i += 1) {
      const answer = await ask(server, `bad-token-${i}`, { 'x-forwarded-for': `198.51.100.${i}` });
      expect(answer.status).toBe(401);
      expect(answer.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    expectLimited(await ask(server, 'bad-token-3', { 'x-forwarded-for': '198.51.100.3' }), 60);
    // A valid token of a subject without an account counts too.
    expectLimited(await ask(server, await server.token('test|nobody')), 60);
  });

  it('still serves a valid token from that address, and does not count requests without one', async () => {
    const server = await fresh();
    const token = await newAccount(server);
    for (let i = 0; i < 5; i += 1) expect((await ask(server)).status).toBe(401);
    for (let i = 0; i < 3; i += 1) expect((await ask(server, 'bad')).status).toBe(401);
    expectLimited(await ask(server, 'bad'), 60);
    expect((await ask(server, token)).status).toBe(200);
  });

  it('keys on the X-Forwarded-For address a trusted proxy added (TRUST_PROXY=1)', async () => {
    const server = await fresh({ TRUST_PROXY: '1' });
    // The proxy appends the address it saw: the last entry; anything before it is the client's word.
    const from = (address: string) => ({ 'x-forwarded-for': `10.9.9.9, ${address}` });
    for (let i = 0; i < 3; i += 1) expect((await ask(server, 'bad', from('203.0.113.7'))).status).toBe(401);
    expectLimited(await ask(server, 'bad', from('203.0.113.7')), 60);
    expect((await ask(server, 'bad', from('203.0.113.8'))).status).toBe(401);
    // The same IPv6 /64 is one address.
    for (let i = 1; i <= 3; i += 1) expect((await ask(server, 'bad', from(`2001:db8:1:2::${i}`))).status).toBe(401);
    expectLimited(await ask(server, 'bad', from('2001:db8:1:2:ffff::9')), 60);
  });
});
