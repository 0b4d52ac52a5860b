import { CHILD_FILE, COORDINATOR_LIST, LEISURE_ROSTER, SCHOOL_PUPILS } from '../bench/operations';
import { DEMO_ACCOUNTS } from '../src/seed/demo.seed';
import { startDemoServer } from './helpers/test-server';

/**
 * GRAPHQL_EXECUTION: the compiled execution (src/execution.ts, GRAPHQL_EXECUTION=compiled) answers what
 * graphql-js's answers, errors included: the same schema, the same resolvers, the same
 * permission layer. Every demo account sends the bench's documents, a document that asks
 * every category block of every child, and bad requests, to one server of each kind on
 * the same demo database; the answers must be equal.
 */

const EVERY_BLOCK = /* GraphQL */ `
  query EveryBlock {
    children(first: 30) {
      edges { node {
        id firstName
        contact { guardians { firstName phone } }
        schooling { attendanceConcern }
        social { protectionMeasure followUp }
        health { diagnosis }
        inclusion { status emergencyProtocol }
        pathway { status objectives { text } }
        serviceLinks { status partner { name } }
        consents { purpose givenBy { firstName } }
        family { contact { guardians { lastName } } social { situation } }
      } }
    }
  }
`;

/** Errors come in the order their fields complete, which is no part of the answer: sorted by path. */
function comparable<T extends { errors?: { path?: readonly unknown[] }[] }>(result: T): T {
  if (!result.errors) return result;
  const key = (e: { path?: readonly unknown[] }) => JSON.stringify(e.path ?? []);
  return { ...result, errors: [...result.errors].sort((a, b) => key(a).localeCompare(key(b))) };
}

describe('compiled execution answers what graphql-js answers', () => {
  let compiled: Awaited<ReturnType<typeof startDemoServer>>;
  let standard: Awaited<ReturnType<typeof startDemoServer>>;
  let fileChildId: string;

  beforeAll(async () => {
    compiled = await startDemoServer({ GRAPHQL_EXECUTION: 'compiled' });
    standard = await startDemoServer({ GRAPHQL_EXECUTION: 'standard' });
    const [row] = await compiled.orm.em.getConnection().execute<{ id: string }[]>(
      `select c.id from child c join pathway p on p.child_id = c.id join account a on a.id = p.referent_id
        where a.email = 'referent@demo.example' order by c.id limit 1`,
    );
    fileChildId = Buffer.from(`Child:${row!.id}`).toString('base64url');
  });
  afterAll(async () => {
    await compiled?.close();
    await standard?.close();
  });

  const cases: [string, string, Record<string, unknown>][] = [
    ['LeisureRoster', LEISURE_ROSTER, { first: 100 }],
    ['SchoolPupils', SCHOOL_PUPILS, { first: 100 }],
    ['CoordinatorList', COORDINATOR_LIST, { first: 100 }],
    ['EveryBlock', EVERY_BLOCK, {}],
  ];

  it.each(cases)('%s: the same answer for every demo account', async (_name, query, variables) => {
    let forbidden = 0;
    for (const email of DEMO_ACCOUNTS) {
      const [a, b] = [await compiled.graphql(query, variables, await compiled.tokenFor(email)), await standard.graphql(query, variables, await standard.tokenFor(email))];
      expect([email, comparable(a)]).toEqual([email, comparable(b)]);
      forbidden += a.errors?.filter((e) => e.extensions?.code === 'FORBIDDEN').length ?? 0;
    }
    // The permission layer ran under both (EveryBlock asks blocks most accounts may not read).
    if (query === EVERY_BLOCK) expect(forbidden).toBeGreaterThan(0);
  });

  it("ChildFile: the same answer for the child's referent and for the others (NOT_FOUND)", async () => {
    for (const email of DEMO_ACCOUNTS) {
      const variables = { id: fileChildId };
      const [a, b] = [await compiled.graphql(CHILD_FILE, variables, await compiled.tokenFor(email)), await standard.graphql(CHILD_FILE, variables, await standard.tokenFor(email))];
      expect([email, comparable(a)]).toEqual([email, comparable(b)]);
    }
  });

  it('the same errors and HTTP statuses for bad variables, unknown operations and resolver errors', async () => {
    const token = await compiled.tokenFor('coordinator@demo.example');
    const bad: [string, Record<string, unknown>, string?][] = [
      ['query ($n: Int) { children(first: $n) { totalCount } }', { n: 'ten' }],
      ['query ($n: Int!) { children(first: $n) { totalCount } }', {}],
      ['query A { viewer { role } } query B { viewer { role } }', {}],
      ['{ children(first: 1000) { totalCount } }', {}],
      ['{ child(id: "nope") { id } }', {}],
    ];
    for (const [query, variables] of bad) {
      const [a, b] = [await compiled.graphql(query, variables, token), await standard.graphql(query, variables, token)];
      expect([query, comparable(a)]).toEqual([query, comparable(b)]);
      expect(a.errors?.length).toBeGreaterThan(0);
    }
  });

  it('takes the default of a variable not sent, a non-null one included, as graphql-js does', async () => {
    const token = await compiled.tokenFor('coordinator@demo.example');
    const query = 'query ($n: Int! = 2, $m: Int = 1) { a: children(first: $n) { edges { node { id } } } b: children(first: $m) { edges { node { id } } } }';
    const [a, b] = [await compiled.graphql(query, {}, token), await standard.graphql(query, {}, token)];
    expect(a.errors).toBeUndefined();
    expect(comparable(a)).toEqual(comparable(b));
    expect((a.data as { a: { edges: unknown[] } }).a.edges).toHaveLength(2);
  });
});
