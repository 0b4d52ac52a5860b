import { Client } from 'pg';
import { getIntrospectionQuery } from 'graphql';
import { startDemoServer, type RawResponse, type TestServer } from '../helpers/test-server';
import { nestedFamilies } from '../../bench/shapes';

/**
 * The request limits (src/limits/request-limits.ts) against the real server, item by item
 * of the OWASP GraphQL Cheat Sheet: depth, aliases, batching, cost, directives, size
 * (document length, tokens), field suggestions, introspection, error details. Every
 * refusal is HTTP 400 with a code naming the limit and a message with its value, and is
 * given before any SQL statement of the request (SQL_COUNT's x-sql-statements: 0).
 */

type DemoServer = TestServer & { tokenFor(email: string): Promise<string> };

const VIEWER = '{ viewer { displayName } }';

function refusal(response: RawResponse): { code: unknown; message: string; extensions: Record<string, unknown> } {
  expect(response.status).toBe(400);
  expect(response.json?.data).toBeUndefined();
  expect(response.json?.errors).toHaveLength(1);
  const error = response.json!.errors![0];
  return { code: error.extensions?.code, message: error.message, extensions: error.extensions ?? {} };
}

describe('request limits (OWASP GraphQL Cheat Sheet)', () => {
  let server: DemoServer;
  let coordinator: string;
  let familyId: string;

  beforeAll(async () => {
    server = await startDemoServer({ SQL_COUNT: 'true' });
    coordinator = await server.tokenFor('coordinator@demo.example');
    const page = await server.graphql<{ children: { edges: { node: { family: { id: string } } }[] } }>(
      '{ children(first: 1) { edges { node { family { id } } } } }', {}, coordinator,
    );
    familyId = page.data!.children.edges[0].node.family.id;
  });
  afterAll(async () => {
    await server?.close();
  });

  /** POSTs as the coordinator; the refusal must have sent no SQL statement. */
  async function post(query: string, variables: Record<string, unknown> = {}, token = coordinator): Promise<RawResponse> {
    return server.http({ body: { query, variables }, token });
  }

  function expectNoSql(response: RawResponse): void {
    expect(response.headers.get('x-sql-statements')).toBe('0');
  }

  describe('depth', () => {
    it('refuses a query deeper than LIMIT_DEPTH (12) with QUERY_TOO_DEEP, naming the limit and the depth found', async () => {
      const response = await post(nestedFamilies(6), { id: familyId });
      expect(refusal(response)).toMatchObject({ code: 'QUERY_TOO_DEEP', extensions: { limit: 12, found: 13 } });
      expect(refusal(response).message).toBe('Query too deep: 13, the limit is 12');
      expectNoSql(response);
    });

    it('answers the same shape within the limit', async () => {
      const response = await post(nestedFamilies(5), { id: familyId });
      expect(response.status).toBe(200);
      expect(response.json?.errors).toBeUndefined();
    });

    it('refuses a nesting too deep to parse (thousands of levels within the token limit) the same way', async () => {
      // 13,500 tokens: within LIMIT_TOKENS; graphql-js's recursive parser overflows near 3,000 levels.
      const levels = 4_500;
      const response = await post(`{ viewer ${'{ a '.repeat(levels)}${'}'.repeat(levels)} }`);
      expect(refusal(response)).toMatchObject({ code: 'QUERY_TOO_DEEP', extensions: { limit: 12 } });
      expectNoSql(response);
    });

    it('counts through fragments (a fragment is not a level, its fields are)', async () => {
      const query = `query ($id: ID!) { family(id: $id) { ...F } } fragment F on Family { children { family { children { family { children { family { children { family { children { family { children { id } } } } } } } } } } } }`;
      expect(refusal(await post(query, { id: familyId }))).toMatchObject({ code: 'QUERY_TOO_DEEP', extensions: { found: 13 } });
    });
  });

  describe('aliases', () => {
    const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `v${i}: viewer { displayName }`).join(' ')} }`;

    it('refuses more than LIMIT_ALIASES (30) with TOO_MANY_ALIASES', async () => {
      const response = await post(aliases(31));
      expect(refusal(response)).toMatchObject({ code: 'TOO_MANY_ALIASES', message: 'Too many aliases: 31, the limit is 30', extensions: { limit: 30, found: 31 } });
      expectNoSql(response);
    });

    it('answers 30', async () => {
      const response = await post(aliases(30));
      expect(response.status).toBe(200);
      expect(Object.keys(response.json?.data ?? {})).toHaveLength(30);
    });
  });

  describe('directives', () => {
    const directives = (n: number) => `{ viewer { ${'displayName @include(if: true) '.repeat(n)}} }`;

    it('refuses more than LIMIT_DIRECTIVES (50) with TOO_MANY_DIRECTIVES', async () => {
      const response = await post(directives(51));
      expect(refusal(response)).toMatchObject({ code: 'TOO_MANY_DIRECTIVES', extensions: { limit: 50, found: 51 } });
      expectNoSql(response);
    });

    it('answers 50', async () => {
      const response = await post(directives(50));
      expect(response.status).toBe(200);
      expect(response.json?.data).toEqual({ viewer: { displayName: expect.any(String) } });
    });
  });

  describe('size', () => {
    it('refuses a query string longer than LIMIT_DOCUMENT_BYTES (100,000) before parsing it: DOCUMENT_TOO_LARGE', async () => {
      const query = `#${'x'.repeat(100_000)}\n${VIEWER}`;
      const response = await post(query);
      expect(refusal(response)).toMatchObject({ code: 'DOCUMENT_TOO_LARGE', extensions: { limit: 100_000, found: Buffer.byteLength(query) } });
      expectNoSql(response);
    });

    it('counts bytes, not characters', async () => {
      const query = `#${'é'.repeat(50_000)}\n${VIEWER}`;
      expect(query.length).toBeLessThan(100_000);
      expect(refusal(await post(query)).code).toBe('DOCUMENT_TOO_LARGE');
    });

    it('refuses more than LIMIT_TOKENS (15,000) tokens: graphql-js stops parsing there (GRAPHQL_PARSE_FAILED)', async () => {
      const response = await post(`{ viewer { ${'a '.repeat(15_100)}} }`);
      const error = refusal(response);
      expect(error.code).toBe('GRAPHQL_PARSE_FAILED');
      // graphql-js's own message (its spelling).
      expect(error.message).toMatch(/^Syntax Error: Document contains more tha[nt] 15000 tokens\. Parsing aborted\.$/);
      expectNoSql(response);
    });

    it('answers a document under both limits, comments included', async () => {
      const response = await post(`#${'x'.repeat(90_000)}\n{ viewer { ${'displayName '.repeat(500)}} }`);
      expect(response.status).toBe(200);
      expect(response.json?.data).toEqual({ viewer: { displayName: expect.any(String) } });
    });
  });

  describe('cost', () => {
    /** Four lists below each child of the page (depth 12): an unbounded list counts LIMIT_LIST_SIZE (10). */
    const BELOW = 'family { children { family { children { family { children { family { children { id } } } } } } } }';
    const PAGES = `query ($n: Int) { a: children(first: $n) { edges { node { ${BELOW} } } } b: children(first: $n) { edges { node { ${BELOW} } } } }`;

    it('weighs a page by its `first` given as a variable: refused at 100 (QUERY_TOO_COMPLEX), answered at 2', async () => {
      const refused = await post(PAGES, { n: 100 });
      const error = refusal(refused);
      expect(error.code).toBe('QUERY_TOO_COMPLEX');
      expect(error.extensions.limit).toBe(250_000);
      expect(error.extensions.found).toBeGreaterThan(250_000);
      expect(error.message).toMatch(/^Query too complex \(cost\): \d+, the limit is 250000$/);
      expectNoSql(refused);
      const answered = await post(PAGES, { n: 2 });
      expect(answered.status).toBe(200);
      expect(answered.json?.errors).toBeUndefined();
    });

    it('weighs the same first given as a literal, and an absent one as the default page (20)', async () => {
      const literal = PAGES.replace('query ($n: Int) ', '');
      expect(refusal(await post(literal.replace(/\$n/g, '100'))).code).toBe('QUERY_TOO_COMPLEX');
      const byDefault = await post(literal.replace(/\(first: \$n\)/g, ''));
      expect(refusal(byDefault).extensions.found).toBe(
        (await post(PAGES, { n: 20 }).then((r) => refusal(r).extensions.found)) as number,
      );
    });

    it('weighs a page read backward by its `last` as it weighs `first`, variable or literal', async () => {
      const backward = PAGES.replace(/first: \$n/g, 'last: $n');
      const byFirst = refusal(await post(PAGES, { n: 100 })).extensions.found;
      const byLast = refusal(await post(backward, { n: 100 }));
      expect(byLast.code).toBe('QUERY_TOO_COMPLEX');
      expect(byLast.extensions.found).toBe(byFirst);
      expectNoSql(await post(backward, { n: 100 }));
      expect(refusal(await post(backward.replace('query ($n: Int) ', '').replace(/\$n/g, '100'))).extensions.found).toBe(byFirst);
      expect((await post(backward, { n: 2 })).json?.errors).toBeUndefined();
    });

    it('weighs a list without `first` (family.children) by an assumed size', async () => {
      // Depth 12, within LIMIT_DEPTH: the cost refuses it (10 to the 5th children at the bottom).
      const response = await post(nestedFamilies(5).replace('children { id }', 'children { id family { id } }'), { id: familyId });
      expect(refusal(response).code).toBe('QUERY_TOO_COMPLEX');
    });

    it('refuses a document whose fragments expand past LIMIT_TOKENS selections (a fragment bomb)', async () => {
      const levels = Array.from({ length: 12 }, (_, i) => `fragment F${i} on Viewer { ${`...F${i + 1} `.repeat(4)}}`).join(' ');
      const query = `{ viewer { ...F0 } } ${levels} fragment F12 on Viewer { displayName }`;
      const response = await post(query);
      expect(refusal(response)).toMatchObject({ code: 'QUERY_TOO_COMPLEX', extensions: { limit: 15_000 } });
      expectNoSql(response);
    });
  });

  describe('introspection', () => {
    it('answers the standard introspection query (every option) to an authenticated BI tool', async () => {
      const query = getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true, oneOf: true });
      const response = await post(query, {}, await server.tokenFor('analyst@demo.example'));
      expect(response.status).toBe(200);
      expect(response.json?.errors).toBeUndefined();
      expect((response.json?.data as { __schema: { types: unknown[] } }).__schema.types.length).toBeGreaterThan(50);
    });

    it('answers a type with every level of its type references (__type)', async () => {
      const full = getIntrospectionQuery();
      const response = await post(`query { __type(name: "Child") { ...FullType } } ${full.slice(full.indexOf('fragment FullType'))}`);
      expect(response.status).toBe(200);
      expect((response.json?.data as { __type: { name: string } }).__type.name).toBe('Child');
    });

    it('refuses the introspection cycle (types { fields { type { fields ... } } }) before any SQL', async () => {
      const response = await post('{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }');
      expect(refusal(response)).toMatchObject({ code: 'QUERY_TOO_DEEP', extensions: { limit: 3 } });
      expectNoSql(response);
    });

    it('is refused to anonymous callers (UNAUTHENTICATED, HTTP 401), and gives them no schema', async () => {
      const response = await server.http({ body: { query: getIntrospectionQuery() } });
      expect(response.status).toBe(401);
      expect(response.json?.data).toBeUndefined();
      expect(response.json?.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
      expect(response.text).not.toContain('__schema');
      expect(response.text).not.toContain('Child');
    });
  });

  describe('batching', () => {
    it('refuses a JSON array of operations (allowBatchedHttpRequests: false) and runs none of them', async () => {
      const response = await server.http({ body: [{ query: VIEWER }, { query: '{ partners { id } }' }], token: coordinator });
      expect(response.status).toBe(400);
      expect(response.json?.errors?.map((e) => [e.extensions?.code, e.message])).toEqual([['BAD_REQUEST', 'Operation batching disabled.']]);
      expect(response.text).not.toContain('displayName');
    });

    it('refuses persisted queries (the check needs the query)', async () => {
      const response = await server.http({
        body: { extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } },
        token: coordinator,
      });
      // Apollo's answer, with the HTTP 200 of the persisted-query protocol.
      expect(response.json?.errors?.map((e) => e.extensions?.code)).toEqual(['PERSISTED_QUERY_NOT_SUPPORTED']);
      expect(response.json?.data).toBeUndefined();
    });
  });

  describe('GET', () => {
    const get = (search: Record<string, string>) =>
      server.http({ method: 'GET', search, token: coordinator, headers: { 'apollo-require-preflight': 'true' } });

    it('checks a query sent in the URL the same way', async () => {
      const response = await get({ query: nestedFamilies(6), variables: JSON.stringify({ id: familyId }) });
      expect(refusal(response).code).toBe('QUERY_TOO_DEEP');
      expectNoSql(response);
    });

    it('weighs the variables of a GET request', async () => {
      const query = 'query ($n: Int) { children(first: $n) { edges { node { family { children { family { children { family { children { family { children { id } } } } } } } } } } } }';
      // 1 + n x 12,224: refused at 100, answered at 1.
      expect(refusal(await get({ query, variables: JSON.stringify({ n: 100 }) })).code).toBe('QUERY_TOO_COMPLEX');
      expect((await get({ query, variables: JSON.stringify({ n: 1 }) })).status).toBe(200);
    });
  });

  describe('error details', () => {
    it('gives no stack trace with a syntax error', async () => {
      const response = await post('{ viewer { displayName ');
      expect(refusal(response).code).toBe('GRAPHQL_PARSE_FAILED');
      expect(response.text).not.toMatch(/stacktrace|\.ts:\d+|at [\w.]+ \(/);
    });

    it('masks an internal error (a statement cancelled by the database) as INTERNAL_SERVER_ERROR, with no detail', async () => {
      const impatient = await startDemoServer({ DB_STATEMENT_TIMEOUT_MS: '300' });
      const holder = new Client({ connectionString: impatient.databaseUrl });
      await holder.connect();
      try {
        const token = await impatient.tokenFor('coordinator@demo.example');
        // Another session holds the table: the API's statement is cancelled at its timeout.
        await holder.query('begin');
        await holder.query('lock table child in access exclusive mode');
        const response = await impatient.http({ body: { query: '{ children(first: 5) { totalCount edges { node { firstName } } } }' }, token });
        expect(response.json?.errors?.map((e) => e.extensions?.code)).toEqual(['INTERNAL_SERVER_ERROR']);
        expect(response.json?.errors?.[0].message).toBe('Internal server error');
        expect(response.text).not.toMatch(/stacktrace|\.ts:\d+|at [\w.]+ \(|statement timeout|canceling|select |from child/i);
      } finally {
        await holder.query('rollback').catch(() => undefined);
        await holder.end();
        await impatient.close();
      }
    });
  });

  describe('field suggestions', () => {
    it('are kept in development and test (they help whoever writes the query)', async () => {
      const response = await post('{ viewer { displayNam } }');
      expect(response.json?.errors?.[0].message).toContain('Did you mean "displayName"?');
    });

    it('are hidden in production (BLOCK_FIELD_SUGGESTIONS defaults to true there)', async () => {
      const production = await startDemoServer({ NODE_ENV: 'production', JWT_SECRET: 'a-production-secret-for-this-test-only-0123456789' });
      try {
        const token = await production.tokenFor('coordinator@demo.example');
        const response = await production.http({ body: { query: '{ viewer { displayNam } }' }, token });
        expect(response.status).toBe(400);
        expect(response.json?.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
        expect(response.json?.errors?.[0].message).toContain('Cannot query field "displayNam" on type "Viewer".');
        expect(response.text).not.toContain('Did you mean');
        expect(response.text).not.toContain('"displayName"');
      } finally {
        await production.close();
      }
    });
  });
});
