import * as factories from '../factories';
import { Role } from '../../src/entities';
import { startServerBehindProxy, type TcpProxy } from '../helpers/tcp-proxy';
import type { TestServer } from '../helpers/test-server';

/**
 * The database becomes unreachable under a running API (a TCP proxy between them is shut,
 * or hangs): every route answers 503 SERVICE_UNAVAILABLE with Retry-After, within
 * DB_ACQUIRE_TIMEOUT_MS, and the API answers again as soon as the database is back.
 */

const ACQUIRE_MS = 500;
const VIEWER = '{ viewer { role } }';

describe('database unreachable', () => {
  let behind: Awaited<ReturnType<typeof startServerBehindProxy>>;
  let proxy: TcpProxy;
  let server: TestServer;
  let token: string;
  let coordinatorToken: string;
  let base: string;

  beforeAll(async () => {
    behind = await startServerBehindProxy('unreachable', { DB_ACQUIRE_TIMEOUT_MS: String(ACQUIRE_MS) });
    ({ proxy, server, base } = behind);
    const em = server.orm.em.fork();
    const prog = factories.programme(em);
    const analyst = factories.account(em, prog, Role.ANALYST);
    const coordinator = factories.account(em, prog, Role.PRE_COORDINATOR);
    factories.child(em, factories.family(em, prog));
    await em.flush();
    token = await server.token(analyst.subject);
    coordinatorToken = await server.token(coordinator.subject);
  });
  afterAll(async () => {
    await behind?.close();
  });

  const timed = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
    const started = Date.now();
    const result = await work();
    return [result, Date.now() - started];
  };

  const expectUnavailable = async (response: Response) => {
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
    const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe('SERVICE_UNAVAILABLE');
    // Nothing of the driver's error (addresses, SQL) reaches the client.
    expect(body.errors[0]!.message).not.toMatch(/ECONN|127\.0\.0\.1|select|insert/i);
  };

  const routes = () => [
    () => fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: VIEWER }) }),
    () => fetch(`${base}/statistics/children-followed.csv?period=2025-2026`, { headers: { authorization: `Bearer ${token}` } }),
    () => fetch(`${base}/children/Q2hpbGQ6MQ/export.json`, { headers: { authorization: `Bearer ${token}` } }),
  ];

  it('answers while the database is up', async () => {
    const result = await server.graphql<{ viewer: { role: string } }>(VIEWER, undefined, token);
    expect(result.status).toBe(200);
    expect(result.data?.viewer.role).toBe('ANALYST');
  });

  it('answers 503 when the connection dies under the access log insert, after execution', async () => {
    // The insert of the read events (a plugin's, before the answer) loses its connection:
    // Apollo hides that error behind a bare "Internal server error" unless it is caught.
    const owner = server.orm.em.getConnection();
    await owner.execute(`create function ops_terminate_self() returns trigger language plpgsql as $$ begin perform pg_terminate_backend(pg_backend_pid()); return null; end $$`);
    await owner.execute(`create trigger ops_terminate_self after insert on access_event for each statement execute function ops_terminate_self()`);
    try {
      const response = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${coordinatorToken}` },
        body: JSON.stringify({ query: '{ children(first: 5) { edges { node { id firstName } } } }' }),
      });
      await expectUnavailable(response);
    } finally {
      await owner.execute('drop trigger if exists ops_terminate_self on access_event');
      await owner.execute('drop function if exists ops_terminate_self()');
    }
  });

  it('answers 503 with Retry-After at once when the database refuses connections', async () => {
    await proxy.refuse();
    for (const route of routes()) {
      const [response, ms] = await timed(route);
      await expectUnavailable(response);
      expect(ms).toBeLessThan(ACQUIRE_MS + 1_000);
    }
  });

  it('answers 503 within DB_ACQUIRE_TIMEOUT_MS when the database hangs', async () => {
    await proxy.blackhole();
    const [responses, ms] = await timed(() => Promise.all(routes().map((route) => route())));
    for (const response of responses) await expectUnavailable(response);
    // Three requests at once, each bounded by the acquire timeout (the rate limiter's store by its own 1 s).
    expect(ms).toBeLessThan(ACQUIRE_MS + 2_000);
  });

  it('answers again once the database is back', async () => {
    await proxy.restore();
    const deadline = Date.now() + 5_000;
    let status = 0;
    while (Date.now() < deadline) {
      status = (await server.graphql(VIEWER, undefined, token)).status;
      if (status === 200) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(status).toBe(200);
  });
});
