import { createApp } from '../src/server';
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

  it('answers 503 when the database is down', async () => {
    const url = await testDatabase(`health_${process.pid}`);
    const orm = await openTestOrm(url);
    const app = await createApp({ config: testConfig(url), orm, logger: createLogger('silent') });
    const base = (await app.listen(0)).replace(/\/graphql$/, '');
    try {
      expect((await fetch(`${base}/health`)).status).toBe(200);
      await orm.close(true);
      const response = await fetch(`${base}/health`);
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ status: 'unavailable', database: 'down' });
    } finally {
      await app.stop();
      await dropTestDatabase(url);
    }
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
