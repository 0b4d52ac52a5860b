import { toGlobalId } from '../src/schema/global-id';
import { startDemoServer } from './helpers/test-server';

/** access-policy.md, "Every read of personal data is logged"; the log is append-only. */
describe('access log', () => {
  let server: Awaited<ReturnType<typeof startDemoServer>>;
  beforeAll(async () => {
    server = await startDemoServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  async function eventsOf(requestId: string) {
    return server.orm.em.getConnection().execute<{ action: string; child_id: string | null; categories: string; account_id: string; partner_id: string | null }[]>(
      `select action, child_id, categories::text as categories, account_id, partner_id from access_event where request_id = ? order by action, child_id`,
      [requestId],
    );
  }

  async function ask(email: string, query: string, variables: Record<string, unknown> = {}) {
    const requestId = `test-${Math.random().toString(36).slice(2)}`;
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await server.tokenFor(email)}`, 'x-request-id': requestId },
      body: JSON.stringify({ query, variables }),
    });
    return { requestId, body: (await response.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] } };
  }

  it('writes one event per child read, with its categories, account, partner and request id', async () => {
    const { requestId, body } = await ask(
      'leisure@demo.example',
      '{ children(first: 3) { edges { node { id firstName contact { languages } inclusion { emergencyProtocol } } } } }',
    );
    expect(body.errors).toBeUndefined();
    const events = await eventsOf(requestId);
    expect(events).toHaveLength(3);
    for (const event of events) {
      expect(event.action).toBe('READ');
      expect(event.categories).toBe('{IDENTITY,CONTACT,INCLUSION}');
      expect(event.partner_id).not.toBeNull();
    }
  });

  it('logs denials too', async () => {
    const { requestId, body } = await ask('leisure@demo.example', '{ children(first: 2) { edges { node { id health { diagnosis } } } } }');
    expect(body.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN', 'FORBIDDEN']);
    const events = await eventsOf(requestId);
    expect(events.filter((e) => e.action === 'DENIED').map((e) => e.categories)).toEqual(['{HEALTH}', '{HEALTH}']);
    expect(events.filter((e) => e.action === 'READ')).toHaveLength(2);
  });

  it('writes nothing for a response without personal data', async () => {
    const { requestId } = await ask('admin@demo.example', '{ partners { name } viewer { role } }');
    expect(await eventsOf(requestId)).toEqual([]);
  });

  it('logs the child of a single lookup', async () => {
    const [row] = await server.orm.em
      .getConnection()
      .execute<{ id: string }[]>(`select c.id from child c join programme p on p.id = c.programme_id where p.name like 'PRE de Villeneuve%' order by c.last_name limit 1`);
    const { requestId, body } = await ask('coordinator@demo.example', 'query ($id: ID!) { child(id: $id) { firstName social { followUp } } }', {
      id: toGlobalId('Child', row.id),
    });
    expect(body.errors).toBeUndefined();
    expect(await eventsOf(requestId)).toEqual([
      expect.objectContaining({ action: 'READ', child_id: row.id, categories: '{IDENTITY,SOCIAL}' }),
    ]);
  });
});
