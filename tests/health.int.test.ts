import { createApp } from '../src/server';
import { startServerBehindProxy, type TcpProxy } from './helpers/tcp-proxy';
import { openTestOrm, startTestServer, testConfig, testDatabase, dropTestDatabase, type TestServer } from './helpers/test-server';
import { createLogger } from '../src/log';

describe('GET /health', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('answers 200 with the database status', async () => {
    const response = await fetch(server.url.replace(/\/graphql$/, '/health'));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', database: 'up' });
  });

  it('answers 404 with a hint elsewhere', async () => {
    const response = await fetch(server.url.replace(/\/graphql$/, '/nowhere'));
    expect(response.status).toBe(404);
  });

  it('answers /health/live from the process, /health/ready with the database', async () => {
    const base = server.url.replace(/\/graphql$/, '');
    const live = await fetch(`${base}/health/live`);
    expect(live.status).toBe(200);
    expect(await live.json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${base}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ok', database: 'up' });
  });
});

describe('health while the database is unreachable, and while draining', () => {
  const TIMEOUT_MS = 300;
  let behind: Awaited<ReturnType<typeof startServerBehindProxy>>;
  let proxy: TcpProxy;
  let server: TestServer;
  let base: string;
  beforeAll(async () => {
    behind = await startServerBehindProxy('health', { HEALTH_TIMEOUT_MS: String(TIMEOUT_MS) });
    ({ proxy, server, base } = behind);
  });
  afterAll(async () => {
    await behind?.close();
  });

  it('answers ready 503 at once when the database refuses, live 200', async () => {
    await proxy.refuse();
    try {
      const ready = await fetch(`${base}/health/ready`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual({ status: 'unavailable', database: 'down' });
      const alias = await fetch(`${base}/health`);
      expect(alias.status).toBe(503);
      expect((await fetch(`${base}/health/live`)).status).toBe(200);
    } finally {
      await proxy.restore();
    }
  });

  it('answers ready 503 within HEALTH_TIMEOUT_MS when the database hangs', async () => {
    await proxy.blackhole();
    try {
      const started = Date.now();
      const ready = await fetch(`${base}/health/ready`);
      expect(ready.status).toBe(503);
      expect(Date.now() - started).toBeLessThan(TIMEOUT_MS + 700);
    } finally {
      await proxy.restore();
    }
  });

  it('does not wait in the queries pool: ready answers while every pooled connection is held', async () => {
    const knex = server.apiOrm.em.getConnection().getKnex();
    const held = Array.from({ length: server.config.db.poolMax }, () => knex.raw('select pg_sleep(1.5)'));
    try {
      await new Promise((resolve) => setTimeout(resolve, 200));
      const started = Date.now();
      const ready = await fetch(`${base}/health/ready`);
      expect(ready.status).toBe(200);
      expect(Date.now() - started).toBeLessThan(TIMEOUT_MS);
    } finally {
      await Promise.all(held);
    }
  });

  it('answers ready 503 draining once the app drains, still serving, with Connection: close', async () => {
    expect((await fetch(`${base}/health/ready`)).status).toBe(200);
    server.app.drain();
    const ready = await fetch(`${base}/health/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: 'draining', database: 'up' });
    expect(ready.headers.get('connection')).toBe('close');
    expect((await fetch(`${base}/health/live`)).status).toBe(200);
  });
});

describe('stopping the server', () => {
  it('lets a request in flight finish, then refuses new connections', async () => {
    const url = await testDatabase(`stop_${process.pid}`);
    const orm = await openTestOrm(url);
    const app = await createApp({ config: testConfig(url), orm, logger: createLogger('silent') });
    const endpoint = await app.listen(0);
    try {
      let stopping: Promise<void> | undefined;
      // The request has reached the server (its handler runs first) when stop() is called.
      app.http.once('request', () => {
        stopping = app.stop();
      });
      const response = await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
      // Anonymous: 401 with a code, answered in full rather than cut off.
      expect(response.status).toBe(401);
      expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
      await stopping;
      await expect(fetch(endpoint.replace(/\/graphql$/, '/health'))).rejects.toThrow();
    } finally {
      await app.stop();
      await orm.close(true);
      await dropTestDatabase(url);
    }
  });
});

describe('GraphQL over HTTP', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('answers a body that is not JSON with a 400 and a code, not a stack trace', async () => {
    const response = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{nope' });
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(text).toContain('BAD_REQUEST');
    expect(text).not.toMatch(/at .*\.(ts|js):\d+/);
  });
});
