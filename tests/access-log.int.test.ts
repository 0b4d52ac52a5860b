import { toGlobalId } from '../src/schema/global-id';
import { DataCategory } from '../src/entities/enums';
import type { Context } from '../src/context';
import { openSession } from '../src/permissions/session';
import { flushAccessLog } from '../src/permissions/access-log';
import { sql } from '../src/db/sql';
import { Deadline } from '../src/limits/deadline';
import { openTestOrm, startDemoServer, testConfig } from './helpers/test-server';

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

  describe('accessLog(childId, from, to, first, after)', () => {
    const LOG = `query ($childId: ID!, $first: Int, $after: String, $from: DateTimeISO) {
      accessLog(childId: $childId, first: $first, after: $after, from: $from) {
        totalCount pageInfo { hasNextPage endCursor }
        edges { node { at action entity categories requestId account { name } partner { name } } }
      }
    }`;
    interface LogData {
      accessLog: {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        edges: { node: { action: string; categories: string[]; requestId: string; account: { name: string }; partner: { name: string } | null } }[];
      };
    }
    let guardianChild: string;
    let otherChild: string;

    beforeAll(async () => {
      const own = await server.orm.em.getConnection().execute<{ id: string }[]>(
        `select c.id from child c join guardian g on g.family_id = c.family_id join account a on a.guardian_id = g.id
          where a.email = 'guardian@demo.example' and g.parental_authority order by c.id limit 1`,
      );
      guardianChild = toGlobalId('Child', own[0].id);
      const other = await server.orm.em.getConnection().execute<{ id: string }[]>(
        `select c.id from child c join programme p on p.id = c.programme_id where p.name like 'PRE de Villeneuve%' and c.id <> ? order by c.id limit 1`,
        [own[0].id],
      );
      otherChild = toGlobalId('Child', other[0].id);
    });

    it("lets a guardian see who read its child's data, newest first, a page at a time", async () => {
      const { requestId } = await ask('coordinator@demo.example', 'query ($id: ID!) { child(id: $id) { firstName contact { languages } } }', { id: guardianChild });
      await ask('coordinator@demo.example', 'query ($id: ID!) { child(id: $id) { health { diagnosis } } }', { id: guardianChild });
      const token = await server.tokenFor('guardian@demo.example');
      const page = await server.graphql<LogData>(LOG, { childId: guardianChild, first: 1 }, token);
      expect(page.errors).toBeUndefined();
      expect(page.data?.accessLog.edges).toHaveLength(1);
      expect(page.data?.accessLog.pageInfo.hasNextPage).toBe(true);
      const all = await server.graphql<LogData>(LOG, { childId: guardianChild, first: 100 }, token);
      const events = all.data!.accessLog.edges.map((e) => e.node);
      expect(all.data?.accessLog.totalCount).toBe(events.length);
      expect(events).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ action: 'READ', categories: ['IDENTITY', 'CONTACT'], requestId, account: { name: expect.any(String) } }),
          expect.objectContaining({ action: 'DENIED', categories: ['HEALTH'] }),
        ]),
      );
      const next = await server.graphql<LogData>(LOG, { childId: guardianChild, first: 1, after: page.data?.accessLog.pageInfo.endCursor }, token);
      expect(next.data?.accessLog.edges[0].node.requestId).toBe(events[1].requestId);
    });

    it('lets the DPO read the log of any child of its programme, filtered by time', async () => {
      const token = await server.tokenFor('dpo@demo.example');
      const all = await server.graphql<LogData>(LOG, { childId: guardianChild, first: 100 }, token);
      expect(all.data?.accessLog.totalCount).toBeGreaterThanOrEqual(2);
      const future = await server.graphql<LogData>(LOG, { childId: guardianChild, from: '2999-01-01T00:00:00Z' }, token);
      expect(future.data?.accessLog.totalCount).toBe(0);
    });

    it("is NOT_FOUND for a guardian asking about another child, and for every other role", async () => {
      const guardian = await server.graphql(LOG, { childId: otherChild }, await server.tokenFor('guardian@demo.example'));
      expect(guardian.errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
      for (const email of ['coordinator@demo.example', 'leisure@demo.example', 'admin@demo.example', 'analyst@demo.example']) {
        const result = await server.graphql(LOG, { childId: guardianChild }, await server.tokenFor(email));
        expect({ email, codes: result.errors?.map((e) => e.extensions?.code) }).toEqual({ email, codes: ['NOT_FOUND'] });
      }
    });
  });

  it('viewer.accessPolicy tells a portal which categories it may ask for', async () => {
    const query = '{ viewer { accessPolicy { maxCategories rows canReadAccessLog } } }';
    const leisure = await server.graphql<{ viewer: { accessPolicy: { maxCategories: string[]; canReadAccessLog: boolean } } }>(
      query,
      {},
      await server.tokenFor('leisure@demo.example'),
    );
    expect(leisure.data?.viewer.accessPolicy).toMatchObject({ maxCategories: ['IDENTITY', 'CONTACT', 'INCLUSION'], canReadAccessLog: false });
    const dpo = await server.graphql<{ viewer: { accessPolicy: { maxCategories: string[]; canReadAccessLog: boolean } } }>(
      query,
      {},
      await server.tokenFor('dpo@demo.example'),
    );
    expect(dpo.data?.viewer.accessPolicy).toMatchObject({ maxCategories: [], canReadAccessLog: true });
  });

  // ACCESS_LOG_COMMIT: the read events of a response are committed synchronously by default;
  // `asynchronous` does not wait for the disk, in their own statement's transaction only. On
  // a pool of one connection, the statements after the flush run on the very connection that flushed.
  it('commits the read events synchronously unless ACCESS_LOG_COMMIT=asynchronous', () => {
    expect(testConfig(server.databaseUrl).accessLogSynchronousCommit).toBe(true);
    expect(testConfig(server.databaseUrl, { ACCESS_LOG_COMMIT: 'asynchronous' }).accessLogSynchronousCommit).toBe(false);
  });

  it.each([
    ['asynchronous', false],
    ['synchronous (default)', true],
  ])('writes the events with an %s commit and leaves the connection synchronous', async (_mode, synchronousCommit) => {
    const orm = await openTestOrm(server.databaseUrl, testConfig(server.databaseUrl, { DB_POOL_MAX: '1' }));
    try {
      const em = orm.em.fork();
      const [account] = await sql<{ subject: string }>(em, `select subject from account where email = 'leisure@demo.example'`, []);
      const { viewer, access } = (await openSession(em, account!.subject, new Date()))!;
      const [child] = await sql<{ id: string }>(em, 'select id from child where programme_id = $1 order by id limit 1', [viewer.programmeId]);
      const requestId = `commit-${synchronousCommit}-${Math.random().toString(36).slice(2)}`;
      access.log.read(child!.id, DataCategory.IDENTITY);
      await flushAccessLog({ viewer, access, em, requestId, now: new Date(), deadline: new Deadline(10_000) } as unknown as Context, synchronousCommit);
      expect(await sql(em, 'show synchronous_commit', [])).toEqual([{ synchronous_commit: 'on' }]);
      expect(await eventsOf(requestId)).toEqual([expect.objectContaining({ action: 'READ', child_id: child!.id, categories: '{IDENTITY}' })]);
    } finally {
      await orm.close(true);
    }
  });
});
