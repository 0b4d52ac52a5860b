import { readFileSync } from 'node:fs';
import { Role } from '../src/entities';
import { ErrorCode } from '../src/errors';
import { startTestServer, type RawRequest, type TestServer } from './helpers/test-server';
import * as f from './factories';

/**
 * The error codes a client meets besides the API's own (src/errors.ts): those of Apollo
 * Server and graphql-js for requests that are not well formed, each produced here as a
 * client would, with its HTTP status; and the README's table lists every one of them.
 */

const APOLLO_CASES: [string, number, RawRequest][] = [
  ['GRAPHQL_PARSE_FAILED', 400, { body: { query: '{ viewer {' } }],
  ['GRAPHQL_VALIDATION_FAILED', 400, { body: { query: '{ viewer { nope } }' } }],
  ['BAD_USER_INPUT', 400, { body: { query: 'query ($n: Int) { children(first: $n) { totalCount } }', variables: { n: 'ten' } } }],
  ['OPERATION_RESOLUTION_FAILURE', 400, { body: { query: 'query A { viewer { role } } query B { viewer { role } }' } }],
  ['PERSISTED_QUERY_NOT_SUPPORTED', 200, { body: { extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } } }],
  ['BAD_REQUEST', 400, { body: '{"query": ' }],
  ['BAD_REQUEST', 400, { body: [{ query: '{ viewer { role } }' }, { query: '{ viewer { role } }' }] }],
  ['BAD_REQUEST', 400, { body: { variables: {} } }],
  ['BAD_REQUEST', 400, { method: 'GET', search: { query: '{ viewer { role } }' } }],
  ['BAD_REQUEST', 405, { method: 'GET', search: { query: 'mutation { __typename }' }, headers: { 'apollo-require-preflight': 'true' } }],
];

describe('error codes a client meets', () => {
  let server: TestServer;
  let token: string;
  beforeAll(async () => {
    server = await startTestServer();
    const em = server.orm.em.fork();
    const coordinator = f.account(em, f.programme(em), Role.PRE_COORDINATOR);
    await em.flush();
    token = await server.token(coordinator.subject);
  });
  afterAll(async () => {
    await server?.close();
  });

  it.each(APOLLO_CASES)('%s (HTTP %i) for a request a client may send', async (code, status, request) => {
    const response = await server.http({ token, ...request });
    expect([response.status, response.json?.errors?.[0]?.extensions?.code]).toEqual([status, code]);
  });

  it("are all in the README's table, with the API's own", () => {
    const readme = readFileSync('README.md', 'utf8');
    const table = readme.slice(readme.indexOf('## Errors'), readme.indexOf('## Request limits'));
    const listed = new Set([...table.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((m) => m[1]));
    const expected = [...Object.values(ErrorCode), ...APOLLO_CASES.map(([code]) => code)];
    expect(expected.filter((code) => !listed.has(code))).toEqual([]);
  });
});
