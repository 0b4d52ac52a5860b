import { loadConfig } from '../../src/config';
import { originAllowList, LOCAL_DEV_ORIGINS } from '../../src/cors';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { EXPECTED_SECURITY_HEADERS, securityHeadersOf } from '../helpers/security-headers';

/**
 * Browsers over HTTP: CORS by allow-list (CORS_ORIGINS) for the web portals, and the
 * explorer's page (EXPLORER). What a real browser does with them is in tests/browser/.
 */

const PORTAL = 'https://portail.example.fr';
const PRODUCTION = { NODE_ENV: 'production', JWT_SECRET: 'a-production-secret-of-32-characters!' };

function preflight(url: string, origin: string, headers = 'authorization, content-type') {
  return fetch(url, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': headers } });
}

describe('CORS_ORIGINS', () => {
  it('defaults to the local development servers outside production, and to none in production', () => {
    expect(loadConfig({ NODE_ENV: 'development' }).corsOrigins).toEqual(LOCAL_DEV_ORIGINS);
    expect(loadConfig({ ...PRODUCTION, DATABASE_URL: 'postgresql://x/y' }).corsOrigins).toEqual([]);
    expect(loadConfig({ NODE_ENV: 'development', CORS_ORIGINS: '' }).corsOrigins).toEqual([]);
    expect(loadConfig({ NODE_ENV: 'development', CORS_ORIGINS: `${PORTAL}, http://localhost:5173` }).corsOrigins).toEqual([PORTAL, 'http://localhost:5173']);
  });

  it.each(['*', 'https://portail.example.fr/', 'https://portail.example.fr/app', 'portail.example.fr', 'https://*.example.fr', 'ftp://x.example'])(
    'refuses %p, naming the variable',
    (entry) => {
      expect(() => loadConfig({ CORS_ORIGINS: entry })).toThrow(/CORS_ORIGINS: .* is not an origin/);
    },
  );

  it('matches origins exactly, any port only where the entry says host:*', () => {
    const allows = originAllowList([PORTAL, 'http://localhost:*', 'https://other.example:443']);
    expect(allows(PORTAL)).toBe(true);
    expect(allows('https://portail.example.fr.evil.example')).toBe(false);
    expect(allows('http://portail.example.fr')).toBe(false);
    expect(allows('https://portail.example.fr:8443')).toBe(false);
    expect(allows('http://localhost:5173')).toBe(true);
    expect(allows('http://localhost')).toBe(true);
    expect(allows('http://localhost.evil.example:5173')).toBe(false);
    expect(allows('https://other.example')).toBe(true);
    expect(allows('null')).toBe(false);
  });
});

describe('CORS', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { CORS_ORIGINS: PORTAL } });
  });
  afterAll(async () => {
    await server?.close();
  });

  it("answers an allowed origin's preflight: its origin, GET and POST, the token and JSON headers, no credentials", async () => {
    const response = await preflight(server.url, PORTAL);
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(PORTAL);
    expect(response.headers.get('access-control-allow-methods')).toBe('GET, POST');
    expect(response.headers.get('access-control-allow-headers')?.split(', ')).toEqual(expect.arrayContaining(['authorization', 'content-type', 'apollo-require-preflight']));
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    expect(response.headers.get('vary')).toBe('Origin');
    expect(Number(response.headers.get('access-control-max-age'))).toBeGreaterThan(0);
    expect(securityHeadersOf(response.headers)).toEqual(EXPECTED_SECURITY_HEADERS);
  });

  it("refuses another origin's preflight (403, ORIGIN_NOT_ALLOWED) and gives its requests no CORS header", async () => {
    const refused = await preflight(server.url, 'https://evil.example');
    expect(refused.status).toBe(403);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    expect(((await refused.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('ORIGIN_NOT_ALLOWED');
    const request = await fetch(server.url, { method: 'POST', headers: { origin: 'https://evil.example', 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
    expect(request.headers.get('access-control-allow-origin')).toBeNull();
    await request.arrayBuffer();
  });

  it("gives an allowed origin's request its origin back and Retry-After to read, and keeps the CSRF prevention", async () => {
    const answered = await fetch(server.url, { method: 'POST', headers: { origin: PORTAL, 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
    expect(answered.status).toBe(401);
    expect(answered.headers.get('access-control-allow-origin')).toBe(PORTAL);
    expect(answered.headers.get('access-control-expose-headers')).toBe('retry-after, content-disposition, x-request-id, idempotency-replayed');
    await answered.arrayBuffer();
    // A request a page may send without a preflight is still refused by the CSRF prevention.
    const simple = await fetch(server.url, { method: 'POST', headers: { origin: PORTAL, 'content-type': 'text/plain' }, body: '{"query":"{ __typename }"}' });
    expect(simple.status).toBe(400);
    expect(await simple.text()).toMatch(/CSRF/);
  });

  it("applies to the downloads a page fetches too (a child's export, a statistics CSV), and to no other route", async () => {
    const base = server.url.replace(/\/graphql$/, '');
    for (const path of ['/children/Q2hpbGQ6MQ/export.json', '/statistics/children-followed.csv?period=2025-2026']) {
      const allowed = await preflight(`${base}${path}`, PORTAL, 'authorization');
      expect([path, allowed.status, allowed.headers.get('access-control-allow-origin')]).toEqual([path, 204, PORTAL]);
      const refused = await preflight(`${base}${path}`, 'https://evil.example', 'authorization');
      expect([path, refused.status, refused.headers.get('access-control-allow-origin')]).toEqual([path, 403, null]);
      await refused.arrayBuffer();
      // Without a token: refused, and the page may read why (its origin is given back).
      const answered = await fetch(`${base}${path}`, { headers: { origin: PORTAL } });
      expect([path, answered.status, answered.headers.get('access-control-allow-origin')]).toEqual([path, 401, PORTAL]);
      await answered.arrayBuffer();
    }
    const elsewhere = await fetch(`${base}/nothing-here`, { headers: { origin: PORTAL } });
    expect([elsewhere.status, elsewhere.headers.get('access-control-allow-origin')]).toEqual([404, null]);
    await elsewhere.arrayBuffer();
  });

  it('answers a plain OPTIONS (no CORS) with the methods allowed, not with 400', async () => {
    const response = await fetch(server.url, { method: 'OPTIONS' });
    expect(response.status).toBe(204);
    expect(response.headers.get('allow')).toBe('GET, POST, OPTIONS');
  });
});

describe('the explorer', () => {
  const page = (url: string) => fetch(url, { headers: { accept: 'text/html,application/xhtml+xml' } });

  it('serves its page to a browser opening /graphql, under a strict CSP of its own, and its files from the API', async () => {
    const server = await startTestServer();
    try {
      const response = await page(server.url);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      const csp = response.headers.get('content-security-policy')!;
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
      expect(csp).toContain("frame-ancestors 'none'");
      const html = await response.text();
      expect(html).not.toMatch(/<script>|https?:\/\//);
      const base = server.url.replace(/\/graphql$/, '');
      for (const src of html.match(/(?:src|href)="\/explorer\/[^"]+"/g)!.map((m) => m.split('"')[1])) {
        const asset = await fetch(`${base}${src}`);
        expect([src, asset.status]).toEqual([src, 200]);
        expect((await asset.arrayBuffer()).byteLength).toBeGreaterThan(100);
      }
      const operations = (await (await fetch(`${base}/explorer/operations.json`)).json()) as { name: string; query: string }[];
      const names = operations.map((o) => o.name);
      expect(names).toEqual(expect.arrayContaining(['leisure-roster', 'child-links', 'school-pupils', 'my-children']));
      // The tabs that run as they are come first (the first tab answers at once); child-links needs an $id.
      expect(names.indexOf('child-links')).toBeGreaterThan(names.indexOf('leisure-roster'));
      expect(operations[0].query).not.toMatch(/\$\w+: [\w[\]]+!/);
      // A client sending a query with GET still meets the API, not the page.
      const query = await fetch(`${server.url}?query=%7B__typename%7D`, { headers: { accept: 'text/html', 'apollo-require-preflight': 'true' } });
      expect(query.status).toBe(401);
      await query.arrayBuffer();
    } finally {
      await server.close();
    }
  });

  it('is off in production (a browser is told how to call the API, not a raw CSRF error), and on there with EXPLORER=true', async () => {
    const off = await startTestServer({ env: PRODUCTION });
    try {
      const response = await page(off.url);
      expect(response.status).toBe(400);
      const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
      expect(body.errors[0]).toMatchObject({ extensions: { code: 'BAD_REQUEST' } });
      expect(body.errors[0].message).toMatch(/EXPLORER=true.*apollo-require-preflight/);
      expect((await fetch(off.url.replace(/\/graphql$/, '/explorer/graphiql.min.js'))).status).toBe(404);
    } finally {
      await off.close();
    }
    const on = await startTestServer({ env: { ...PRODUCTION, EXPLORER: 'true' } });
    try {
      expect((await page(on.url)).status).toBe(200);
    } finally {
      await on.close();
    }
  });
});
