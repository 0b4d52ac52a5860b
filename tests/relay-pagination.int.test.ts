import { randomUUID } from 'node:crypto';
import { DEMO_CHILDREN } from '../src/seed/demo.seed';
import { startDemoServer } from './helpers/test-server';
import { onlyError } from './helpers/queries';

/**
 * Relay cursor connections (https://relay.dev/graphql/connections.htm) on the demo
 * programme: `first`/`after` and `last`/`before` walk the same list both ways, PageInfo
 * has its four fields, and a cursor names its row by id alone (access-policy.md: no name,
 * birth date or other personal data), never telling where a row outside the viewer's rows
 * would sort.
 */

type DemoServer = Awaited<ReturnType<typeof startDemoServer>>;

const PAGE = /* GraphQL */ `
  query Page($first: Int, $after: String, $last: Int, $before: String) {
    children(first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor node { id firstName lastName birthDate } }
    }
  }
`;

const REFERRALS = /* GraphQL */ `
  query Referrals($first: Int, $after: String, $last: Int, $before: String) {
    referrals(first: $first, after: $after, last: $last, before: $before) {
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor node { id description } }
    }
  }
`;

interface PageInfo { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null }
interface ChildPage {
  totalCount: number;
  pageInfo: PageInfo;
  edges: { cursor: string; node: { id: string; firstName: string; lastName: string; birthDate: string } }[];
}

const decoded = (cursor: string) => Buffer.from(cursor, 'base64url').toString('utf8');
const cursorOf = (kind: string, uuid: string) => Buffer.from(`${kind}:${uuid}`, 'utf8').toString('base64url');

describe('Relay connections', () => {
  let server: DemoServer;
  let coordinator: string;
  let leisure: string;

  async function page(variables: Record<string, unknown>, token = coordinator): Promise<ChildPage> {
    const result = await server.graphql<{ children: ChildPage }>(PAGE, variables, token);
    expect(result.errors).toBeUndefined();
    return result.data!.children;
  }

  async function statements(variables: Record<string, unknown>, token: string) {
    const response = await server.http({ body: { query: PAGE, variables }, token });
    return { statements: Number(response.headers.get('x-sql-statements')), errors: response.json?.errors };
  }

  beforeAll(async () => {
    server = await startDemoServer({ SQL_COUNT: 'true' });
    coordinator = await server.tokenFor('coordinator@demo.example');
    leisure = await server.tokenFor('leisure@demo.example');
  });
  afterAll(async () => {
    await server?.close();
  });

  it('walks the list backward with last/before and finds it exactly as forward, PageInfo telling both ends', async () => {
    const forward: ChildPage[] = [];
    for (let after: string | null = null; ; ) {
      const current = await page({ first: 30, after });
      forward.push(current);
      expect(current.pageInfo.hasPreviousPage).toBe(after !== null);
      expect(current.pageInfo.startCursor).toBe(current.edges[0].cursor);
      expect(current.pageInfo.endCursor).toBe(current.edges[current.edges.length - 1].cursor);
      if (!current.pageInfo.hasNextPage) break;
      after = current.pageInfo.endCursor;
    }
    const backward: ChildPage[] = [];
    for (let before: string | null = null; ; ) {
      const current = await page({ last: 30, before });
      backward.unshift(current);
      expect(current.pageInfo.hasNextPage).toBe(before !== null);
      expect(current.edges.length).toBeLessThanOrEqual(30);
      if (!current.pageInfo.hasPreviousPage) break;
      before = current.pageInfo.startCursor;
    }
    const ids = (pages: ChildPage[]) => pages.flatMap((p) => p.edges.map((e) => e.node.id));
    expect(ids(forward)).toHaveLength(DEMO_CHILDREN);
    expect(ids(backward)).toEqual(ids(forward));
    // The last page read forward is the first read backward, both ways.
    expect(backward[backward.length - 1].edges.slice(-5)).toEqual(forward[forward.length - 1].edges.slice(-5));
    expect(backward[0].pageInfo.hasPreviousPage).toBe(false);
    expect(forward[forward.length - 1].pageInfo.hasNextPage).toBe(false);
  });

  it('reads a window between two cursors, and the last items of the whole list', async () => {
    const all = await page({ first: 100 });
    const [from, to] = [all.edges[10].cursor, all.edges[20].cursor];
    const between = await page({ first: 100, after: from, before: to });
    expect(between.edges.map((e) => e.node.id)).toEqual(all.edges.slice(11, 20).map((e) => e.node.id));
    const tail = await page({ last: 3 });
    expect(tail.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false });
    expect(tail.totalCount).toBe(DEMO_CHILDREN);
    const everyone = await page({ first: 100, after: all.pageInfo.endCursor });
    expect(tail.edges).toEqual(everyone.edges.slice(-3));
  });

  it('writes cursors that name the row by id and carry nothing of its data', async () => {
    const all = await page({ first: 100 });
    for (const { cursor, node } of all.edges) {
      const uuid = Buffer.from(node.id, 'base64url').toString('utf8').split(':')[1];
      expect(decoded(cursor)).toBe(`child:${uuid}`);
      for (const value of [node.firstName, node.lastName, node.birthDate]) expect(decoded(cursor)).not.toContain(value);
    }
    const referrals = await server.graphql<{ referrals: { edges: { cursor: string; node: { id: string; description: string } }[] } }>(REFERRALS, { first: 50 }, coordinator);
    for (const { cursor, node } of referrals.data!.referrals.edges) {
      expect(decoded(cursor)).toBe(`referral:${Buffer.from(node.id, 'base64url').toString('utf8').split(':')[1]}`);
    }
  });

  it("answers a cursor naming a child outside the viewer's rows exactly as one naming no child: BAD_USER_INPUT naming after, same statements", async () => {
    const own = await page({ first: 100 }, leisure);
    expect(own.edges.length).toBeGreaterThan(0);
    const visible = new Set(own.edges.map((e) => e.node.id));
    const hidden = (await page({ first: 100 })).edges.find((e) => !visible.has(e.node.id))!;
    const hiddenUuid = decoded(hidden.cursor).split(':')[1];
    const absent = await statements({ first: 5, after: cursorOf('child', randomUUID()) }, leisure);
    const notYours = await statements({ first: 5, after: cursorOf('child', hiddenUuid) }, leisure);
    expect(notYours.errors).toEqual(absent.errors);
    expect(notYours.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'after' });
    expect(notYours.statements).toBe(absent.statements);
    // The same with before, and the coordinator's own cursor of that child means a place in its list only.
    const before = await statements({ last: 5, before: cursorOf('child', hiddenUuid) }, leisure);
    expect(before.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'before' });
    expect((await page({ first: 5, after: hidden.cursor })).edges.length).toBeGreaterThan(0);
  });

  it('answers an empty page after the last cursor (the end, not an error)', async () => {
    const all = await page({ first: 100, after: (await page({ first: 100 })).pageInfo.endCursor });
    const end = await page({ first: 5, after: all.pageInfo.endCursor });
    expect(end).toMatchObject({ edges: [], pageInfo: { hasNextPage: false, hasPreviousPage: true, startCursor: null, endCursor: null } });
  });

  it.each([
    ['a NUL in the id', { first: 5, after: cursorOf('child', `${randomUUID().slice(0, 35)}\u0000`) }, 'after'],
    ['junk', { first: 5, after: 'not a cursor' }, 'after'],
    ['a non-canonical spelling', { first: 5, after: `${cursorOf('child', randomUUID())}=` }, 'after'],
    ['a referral cursor', { first: 5, after: cursorOf('referral', randomUUID()) }, 'after'],
    ['junk before', { last: 5, before: '\u0000' }, 'before'],
    ['first and last together', { first: 5, last: 5 }, 'last'],
    ['last over 100', { last: 101 }, 'last'],
    ['a negative last', { last: -1 }, 'last'],
  ])('refuses %s with BAD_USER_INPUT naming the argument', async (_label, variables, field) => {
    const result = await server.graphql(PAGE, variables, coordinator);
    const error = onlyError(result);
    expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', field });
    expect(error.message.startsWith(`${field}: `)).toBe(true);
    expect(result.data ?? null).toBeNull();
  });

  it('walks the referrals both ways alike (newest first)', async () => {
    type Referrals = { referrals: { pageInfo: PageInfo; edges: { node: { id: string } }[] } };
    const forward = await server.graphql<Referrals>(REFERRALS, { first: 100 }, coordinator);
    const ids = forward.data!.referrals.edges.map((e) => e.node.id);
    expect(ids.length).toBeGreaterThan(6);
    const backward: string[] = [];
    for (let before: string | null = null; ; ) {
      const result: { data?: Referrals | null } = await server.graphql<Referrals>(REFERRALS, { last: 4, before }, coordinator);
      const current: Referrals['referrals'] = result.data!.referrals;
      backward.unshift(...current.edges.map((e) => e.node.id));
      if (!current.pageInfo.hasPreviousPage) break;
      before = current.pageInfo.startCursor;
    }
    expect(backward).toEqual(ids);
  });
});
