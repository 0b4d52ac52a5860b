import { startDemoServer, type TestServer } from '../helpers/test-server';
import { aliasedPages, manyDirectives, nestedFamilies, paddedDocument } from '../../bench/shapes';

/**
 * The process never dies of one request: each shape that once filled the 512 MB heap and
 * killed the API in 9 to 40 s (bench/limits.md) is refused at once with a coded error,
 * before any SQL statement, and the next ordinary request is answered.
 */

type DemoServer = TestServer & { tokenFor(email: string): Promise<string> };

/** Far below the seconds the shapes took to kill the process. */
const ANSWER_WITHIN_MS = 3_000;

describe('one request cannot take the API down', () => {
  let server: DemoServer;
  const tokens: Record<string, string> = {};
  const families: Record<string, string> = {};

  beforeAll(async () => {
    server = await startDemoServer({ SQL_COUNT: 'true' });
    for (const email of ['coordinator@demo.example', 'school@demo.example', 'guardian@demo.example']) {
      tokens[email] = await server.tokenFor(email);
      const query = email.startsWith('guardian')
        ? '{ viewer { children { family { id } } } }'
        : '{ children(first: 1) { edges { node { family { id } } } } }';
      const match = /"family":\{"id":"([^"]+)"/.exec(JSON.stringify((await server.graphql(query, {}, tokens[email])).data));
      families[email] = match![1];
    }
  });
  afterAll(async () => {
    await server?.close();
  });

  const shapes: { name: string; email: string; query: () => string; family?: boolean; code: string }[] = [
    { name: 'family/children nested 30 times, as the guardian', email: 'guardian@demo.example', query: () => nestedFamilies(30), family: true, code: 'QUERY_TOO_DEEP' },
    { name: 'family/children nested 20 times, as the school', email: 'school@demo.example', query: () => nestedFamilies(20), family: true, code: 'QUERY_TOO_DEEP' },
    { name: 'family/children nested 8 times, as the coordinator', email: 'coordinator@demo.example', query: () => nestedFamilies(8), family: true, code: 'QUERY_TOO_DEEP' },
    { name: '1000 aliases of children(first: 100) with category blocks', email: 'coordinator@demo.example', query: () => aliasedPages(1000), code: 'DOCUMENT_TOO_LARGE' },
    { name: '100 aliases of the same page (a shorter document)', email: 'coordinator@demo.example', query: () => aliasedPages(100), code: 'TOO_MANY_ALIASES' },
    // The HTTP body limit (MAX_BODY_BYTES, 1,000,000) cuts a 1 MB document: 900 KB passes it.
    { name: 'a 900 KB document (a comment)', email: 'coordinator@demo.example', query: () => paddedDocument(900_000), code: 'DOCUMENT_TOO_LARGE' },
    { name: '10,000 directives', email: 'coordinator@demo.example', query: () => manyDirectives(10_000), code: 'DOCUMENT_TOO_LARGE' },
    { name: '10,000 directives in a short document', email: 'coordinator@demo.example', query: () => `{ viewer { displayName${' @a'.repeat(10_000)} } }`, code: 'GRAPHQL_PARSE_FAILED' },
  ];

  it.each(shapes)('$name: refused ($code) before any SQL, and the next request is answered', async ({ email, query, family, code }) => {
    const started = Date.now();
    const response = await server.http({ body: { query: query(), variables: family ? { id: families[email] } : {} }, token: tokens[email], timeoutMs: 10_000 });
    expect(Date.now() - started).toBeLessThan(ANSWER_WITHIN_MS);
    expect(response.status).toBe(400);
    expect(response.json?.errors?.map((e) => e.extensions?.code)).toEqual([code]);
    expect(response.json?.errors?.[0].message).toMatch(/limit is \d+|more tha[nt] \d+ tokens/);
    expect(response.json?.data).toBeUndefined();
    expect(response.headers.get('x-sql-statements')).toBe('0');

    const next = await server.http({ body: { query: '{ viewer { displayName } }' }, token: tokens[email], timeoutMs: 10_000 });
    expect(next.status).toBe(200);
    expect(next.json?.data).toEqual({ viewer: { displayName: expect.any(String) } });
  });

  it('answers while those shapes arrive side by side', async () => {
    const coordinator = tokens['coordinator@demo.example'];
    const attacks = Array.from({ length: 20 }, (_, i) =>
      server.http({ body: { query: i % 2 ? aliasedPages(100) : nestedFamilies(30), variables: { id: families['coordinator@demo.example'] } }, token: coordinator, timeoutMs: 10_000 }),
    );
    const ordinary = server.http({ body: { query: '{ children(first: 5) { totalCount } }' }, token: coordinator, timeoutMs: 10_000 });
    const answers = await Promise.all(attacks);
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(400));
    expect((await ordinary).status).toBe(200);
  });
});
