import { Client } from 'pg';
import { startDemoServer, type TestServer } from '../helpers/test-server';

/**
 * The execution deadline (src/limits/deadline.ts) on a server started with a small one
 * (EXECUTION_DEADLINE_MS=2000): a request held up by the database (a table locked by
 * another connection, as a long migration or a stuck transaction would) is answered
 * TIMEOUT (HTTP 503) at its deadline, with no data, and sends no SQL statement after it;
 * a mutation stopped so is rolled back.
 */

type DemoServer = TestServer & { tokenFor(email: string): Promise<string> };

// Long enough for a loaded machine to reach the held-up statement before it (the test waits for it once per case).
const DEADLINE_MS = 2000;
const CONTACTS = '{ children(first: 5) { edges { node { id firstName contact { guardians { firstName } } } } } }';
const ADD_OBSERVATION = `mutation ($childId: ID!, $text: String!) {
  addObservation(childId: $childId, category: SCHOOLING, text: $text) { id text } }`;

interface Sent {
  at: number;
  text: string;
}

describe('execution deadline', () => {
  let server: DemoServer;
  let locker: Client;
  const sent: Sent[] = [];
  const original = Client.prototype.query;

  beforeAll(async () => {
    server = await startDemoServer({ SQL_COUNT: 'true', EXECUTION_DEADLINE_MS: String(DEADLINE_MS) });
    locker = new Client({ connectionString: server.databaseUrl });
    await locker.connect();
    // Every statement any connection of the API sends, with when it was sent.
    jest.spyOn(Client.prototype, 'query').mockImplementation(function (this: Client, ...args: unknown[]) {
      if (this !== locker) {
        const first = args[0] as string | { text?: string };
        sent.push({ at: Date.now(), text: typeof first === 'string' ? first : String(first?.text) });
      }
      return (original as (...a: unknown[]) => unknown).apply(this, args) as never;
    } as typeof Client.prototype.query);
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await locker?.end();
    await server?.close();
  });

  /** Holds `table` locked while `run` runs, then releases it and lets whatever was held up finish. */
  async function whileLocked<T>(table: string, run: () => Promise<T>): Promise<T> {
    await locker.query('begin');
    await locker.query(`lock table ${table} in access exclusive mode`);
    try {
      return await run();
    } finally {
      await locker.query('rollback');
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
  }

  it('answers a request held up past its deadline with TIMEOUT (503) at the deadline, and sends nothing after it', async () => {
    const coordinator = await server.tokenFor('coordinator@demo.example');
    let startedAt = 0;
    let answeredAt = 0;
    const response = await whileLocked('guardian', async () => {
      startedAt = Date.now();
      const answer = await server.http({ body: { query: CONTACTS }, token: coordinator, timeoutMs: 10_000 });
      answeredAt = Date.now();
      return answer;
    });
    expect(answeredAt - startedAt).toBeGreaterThanOrEqual(DEADLINE_MS - 20);
    expect(answeredAt - startedAt).toBeLessThan(DEADLINE_MS + 1_500);
    expect(response.status).toBe(503);
    expect(response.json?.data).toBeUndefined();
    expect(response.json?.errors).toEqual([
      { message: `The request was stopped at its deadline of ${DEADLINE_MS} ms; retry it later or ask for less`, extensions: { code: 'TIMEOUT', deadlineMs: DEADLINE_MS } },
    ]);
    // The guardians statement was sent (and held up); nothing after the deadline, not even the access log.
    const ofRequest = sent.filter((s) => s.at >= startedAt);
    expect(ofRequest.some((s) => /from "?guardian"?/i.test(s.text))).toBe(true);
    expect(ofRequest.filter((s) => s.at > startedAt + DEADLINE_MS)).toEqual([]);
    expect(ofRequest.some((s) => /access_event/.test(s.text))).toBe(false);
  });

  it('rolls a mutation held up past its deadline back, and answers TIMEOUT', async () => {
    const school = await server.tokenFor('school@demo.example');
    const page = await server.graphql<{ children: { edges: { node: { id: string; schooling: unknown } }[] } }>(
      '{ children(first: 20) { edges { node { id schooling { hasPps } } } } }', {}, school,
    );
    const childId = page.data!.children.edges.find((e) => e.node.schooling)!.node.id;
    const text = `deadline test ${Date.now()}`;
    let startedAt = 0;
    const response = await whileLocked('observation', () => {
      startedAt = Date.now();
      return server.http({ body: { query: ADD_OBSERVATION, variables: { childId, text } }, token: school, timeoutMs: 10_000 });
    });
    const answeredAt = Date.now();
    try {
      expect(answeredAt - startedAt).toBeLessThan(DEADLINE_MS + 1_500);
      expect(response.status).toBe(503);
      expect(response.json?.errors?.map((e) => e.extensions?.code)).toEqual(['TIMEOUT']);
      expect(sent.some((s) => s.at >= startedAt && /insert into "?observation"?/i.test(s.text))).toBe(true);
      // After the deadline only the rollback of its transaction.
      const late = sent.filter((s) => s.at > startedAt + DEADLINE_MS && !/^\s*rollback/i.test(s.text));
      expect(late).toEqual([]);
      const rows = await locker.query('select count(*)::int as n from observation where text = $1', [text]);
      expect(rows.rows[0].n).toBe(0);
    } finally {
      // Tests must not change the demo data: undo a write if the deadline let one through.
      await locker.query('delete from observation where text = $1', [text]).catch(() => undefined);
    }
  });

  it('leaves a request that ends in time alone', async () => {
    const response = await server.http({ body: { query: CONTACTS }, token: await server.tokenFor('coordinator@demo.example') });
    expect(response.status).toBe(200);
    expect(response.json?.errors).toBeUndefined();
  });
});
