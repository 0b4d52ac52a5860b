import { Agent, request } from 'node:http';
import { connect } from 'node:net';
import { ensureBuilt, exitWithin, freePort, killSpawnedApis, spawnApi, statusOf, waitForHealth, type ApiProcess } from '../helpers/api-process';
import { testDatabase } from '../helpers/test-server';

/**
 * SIGTERM on the compiled API (its own process): readiness goes 503 first, the requests
 * sent on kept-alive connections after the signal are answered (with `Connection: close`,
 * never a reset), a request in flight when the signal comes is answered in full, and the
 * process exits 0 within the delay and the drain.
 */

const CONNECTIONS = 8;
const DELAY_MS = 1_500;

interface Answer {
  status: number;
  connection?: string;
  reused: boolean;
}

function send(agent: Agent, port: number, path: string, body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method: body ? 'POST' : 'GET', agent, headers: body ? { 'content-type': 'application/json' } : {} },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, reused: req.reusedSocket }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

let api: ApiProcess | undefined;
beforeAll(() => ensureBuilt(), 150_000);
afterAll(() => killSpawnedApis());

it('SIGTERM: unready first, kept-alive connections answered with Connection: close, in-flight finished, exit 0', async () => {
  const port = await freePort();
  api = spawnApi(port, { DATABASE_URL: await testDatabase(), JOBS_IN_API: 'false', SHUTDOWN_DELAY_MS: String(DELAY_MS) });
  await waitForHealth(api, '/health/ready');
  const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const sockets = new Set<unknown>();
  agent.on('free', (socket) => sockets.add(socket));
  const query = JSON.stringify({ query: '{ __typename }' });
  const round = () => Promise.all(Array.from({ length: CONNECTIONS }, (_, i) => send(agent, port, i % 2 ? '/health/live' : '/graphql', i % 2 ? undefined : query)));
  try {
    // The kept-alive connections, open and idle.
    const before = await round();
    expect(before.map((a) => a.status)).toEqual(Array.from({ length: CONNECTIONS }, (_, i) => (i % 2 ? 200 : 401)));
    expect(sockets.size).toBe(CONNECTIONS);

    // A request in flight: its headers and half its body are sent before the signal.
    const inFlight = connect(port, '127.0.0.1');
    await new Promise((resolve) => inFlight.once('connect', resolve));
    let inFlightAnswer = '';
    inFlight.on('data', (chunk: Buffer) => (inFlightAnswer += chunk.toString()));
    const inFlightClosed = new Promise((resolve) => inFlight.once('close', resolve));
    inFlight.write(`POST /graphql HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(query)}\r\n\r\n${query.slice(0, 5)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));

    const signalled = Date.now();
    api.child.kill('SIGTERM');
    // Readiness off first (probed on a connection of its own).
    let ready = await statusOf(`http://127.0.0.1:${port}/health/ready`);
    while (ready === 200 && Date.now() - signalled < DELAY_MS) ready = await statusOf(`http://127.0.0.1:${port}/health/ready`);
    expect(ready).toBe(503);

    // Requests on the kept-alive connections after the signal: answered, and told to close.
    const after = await round();
    expect(after.every((a) => a.reused)).toBe(true);
    expect(after.map((a) => a.status)).toEqual(before.map((a) => a.status));
    expect(after.map((a) => a.connection)).toEqual(Array.from({ length: CONNECTIONS }, () => 'close'));
    expect(Date.now() - signalled).toBeLessThan(DELAY_MS);

    // The rest of the request in flight: answered in full.
    inFlight.end(query.slice(5));
    await inFlightClosed;
    expect(inFlightAnswer).toMatch(/^HTTP\/1\.1 401 /);
    expect(inFlightAnswer).toMatch(/connection: close/i);
    expect(inFlightAnswer).toContain('UNAUTHENTICATED');

    expect(await exitWithin(api, DELAY_MS + 10_000)).toBe(0);
    expect(api.output()).toContain('SIGTERM received');
  } finally {
    agent.destroy();
  }
}, 60_000);
