import { runLifetime } from '../../src/lifetime/daily-run';
import { anonymiseChildren } from '../../src/lifetime/erasure';
import { toGlobalId } from '../../src/schema/global-id';
import { startTestServer, type RawResponse, type TestServer } from '../helpers/test-server';
import { schoolWorld } from './school-world';

/**
 * Idempotency keys (src/workflows/idempotency.ts): a mutation retried with the same
 * Idempotency-Key gets its first answer back and writes nothing again, from any API
 * process; another input with the key is refused, naming the header.
 */

const ADD = /* GraphQL */ `mutation AddObservation($childId: ID!, $text: String!) { addObservation(childId: $childId, category: SCHOOLING, text: $text) { id text } }`;

describe('idempotency keys', () => {
  let server: TestServer;
  let second: TestServer | undefined;
  /** While set, the answer is held after the commit until the client has given up on it. */
  let holdAfterCommit: Promise<void> | undefined;
  /** Told when a mutation has committed. */
  let hook: (() => void) | undefined;
  let childUuid: string;
  let childId: string;
  let agent: string;
  let otherAgent: string;
  let agentAccountId: string;

  beforeAll(async () => {
    server = await startTestServer({
      faults: {
        afterCommit: async () => {
          hook?.();
          await holdAfterCommit;
        },
      },
    });
    ({ childUuid, childId, agent, otherAgent, agentAccountId } = await schoolWorld(server));
  });

  afterAll(async () => {
    await second?.close();
    await server?.close();
  });

  const add = (key: string, text: string, token = agent, target: TestServer = server) =>
    target.http({ body: { query: ADD, variables: { childId, text } }, token, headers: { 'idempotency-key': key } });
  const observations = async (text: string) =>
    Number((await server.orm.em.getConnection().execute<{ n: string }[]>('select count(*) as n from observation where child_id = ? and text = ?', [childUuid, text]))[0]!.n);
  const codeOf = (response: RawResponse) => response.json?.errors?.[0]?.extensions?.code;

  it('a retry after the answer was lost (the client gone between commit and answer) gets the first answer, and one row', async () => {
    let committed!: () => void;
    let release!: () => void;
    const commit = new Promise<void>((resolve) => (committed = resolve));
    holdAfterCommit = new Promise<void>((resolve) => (release = resolve));
    hook = committed;
    // The client gives up once the server has committed, before the answer: it never gets it.
    const client = new AbortController();
    const lost = fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${agent}`, 'idempotency-key': 'key-lost-answer' },
      body: JSON.stringify({ query: ADD, variables: { childId, text: 'Retard de 20 minutes' } }),
      signal: client.signal,
    }).then(
      () => 'answered',
      () => 'lost',
    );
    await commit;
    client.abort();
    expect(await lost).toBe('lost');
    release();
    holdAfterCommit = undefined;
    hook = undefined;
    expect(await observations('Retard de 20 minutes')).toBe(1);
    // The server finished that request and kept its answer; the retry is given it.
    let retry: RawResponse | undefined;
    for (let i = 0; i < 20; i++) {
      retry = await add('key-lost-answer', 'Retard de 20 minutes');
      if (codeOf(retry) !== 'IDEMPOTENCY_KEY_IN_FLIGHT') break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(retry?.status).toBe(200);
    expect(retry?.headers.get('idempotency-replayed')).toBe('true');
    const [row] = (await server.orm.em.getConnection().execute<{ id: string }[]>('select id from observation where child_id = ? and text = ?', [childUuid, 'Retard de 20 minutes']));
    expect(retry?.json?.data).toEqual({ addObservation: { id: toGlobalId('Observation', row!.id), text: 'Retard de 20 minutes' } });
    expect(await observations('Retard de 20 minutes')).toBe(1);
  });

  it('another API process on the same database answers the retry the same way', async () => {
    const first = await add('key-two-processes', 'Fatigue en classe');
    expect(first.json?.errors).toBeUndefined();
    second = await startTestServer({ databaseUrl: server.databaseUrl });
    const retry = await add('key-two-processes', 'Fatigue en classe', agent, second);
    expect(retry.json).toEqual(first.json);
    expect(retry.headers.get('idempotency-replayed')).toBe('true');
    expect(await observations('Fatigue en classe')).toBe(1);
  });

  it('the same key with another input is IDEMPOTENCY_KEY_REUSED, naming the header, and writes nothing', async () => {
    await add('key-reused', 'Bonne participation');
    const reused = await add('key-reused', 'Autre texte');
    expect(reused.status).toBe(422);
    expect(reused.json?.errors?.[0]).toMatchObject({ extensions: { code: 'IDEMPOTENCY_KEY_REUSED', field: 'Idempotency-Key' } });
    expect(reused.json?.errors?.[0]?.message).toMatch(/^Idempotency-Key: /);
    expect(await observations('Autre texte')).toBe(0);
  });

  it('keys are per account: another account may use the same key', async () => {
    await add('key-shared-name', 'Texte du premier');
    const other = await add('key-shared-name', 'Texte du second', otherAgent);
    expect(other.json?.errors).toBeUndefined();
    expect(other.headers.get('idempotency-replayed')).toBeNull();
    expect(await observations('Texte du second')).toBe(1);
  });

  it('two requests with the same key at once write once', async () => {
    const answers = await Promise.all([add('key-race', 'En même temps'), add('key-race', 'En même temps')]);
    expect(await observations('En même temps')).toBe(1);
    const outcomes = answers.map((a) => (a.json?.errors ? codeOf(a) : a.headers.get('idempotency-replayed') ? 'replayed' : 'written')).sort();
    expect([['IDEMPOTENCY_KEY_IN_FLIGHT', 'written'], ['replayed', 'written']]).toContainEqual(outcomes);
  });

  it('a key that is not printable ASCII is refused, naming the header', async () => {
    const refused = await add('a key with spaces', 'Refusé');
    expect(refused.status).toBe(400);
    expect(refused.json?.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'Idempotency-Key' } });
    expect(await observations('Refusé')).toBe(0);
  });

  it('keys live 24 hours: the daily run purges older ones, and an older key may be used again', async () => {
    const conn = server.orm.em.getConnection();
    await add('key-old', 'Premier usage');
    await conn.execute(`update idempotency_key set created_at = now() - interval '25 hours' where account_id = ? and key = 'key-old'`, [agentAccountId]);
    const again = await add('key-old', 'Second usage, un autre jour');
    expect(again.json?.errors).toBeUndefined();
    expect(again.headers.get('idempotency-replayed')).toBeNull();
    await conn.execute(`update idempotency_key set created_at = now() - interval '25 hours' where account_id = ? and key = 'key-old'`, [agentAccountId]);
    const counts = await runLifetime({ orm: server.apiOrm, ownerUrl: server.databaseUrl, retention: server.config.retention, now: new Date() });
    expect(counts.idempotencyKeysPurged).toBeGreaterThanOrEqual(1);
    expect(await conn.execute(`select key from idempotency_key where created_at <= now() - interval '24 hours'`)).toEqual([]);
    expect((await conn.execute(`select key from idempotency_key where key = 'key-reused'`)).length).toBe(1);
  });

  it("a child's erasure drops the kept answers of its programme: a retry is then told its write is there", async () => {
    await add('key-before-erasure', 'Avant effacement');
    await server.orm.em.fork().transactional((em) => anonymiseChildren(em, [childUuid], new Date(), '2026-12-04'));
    const kept = await server.orm.em.getConnection().execute(`select key from idempotency_key where account_id = ? and answer is not null`, [agentAccountId]);
    expect(kept).toEqual([]);
    expect(codeOf(await add('key-before-erasure', 'Avant effacement'))).toBe('IDEMPOTENCY_KEY_IN_FLIGHT');
  });
});
