import { Client } from 'pg';
import { createLogger } from '../../src/log';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { schoolWorld } from './school-world';

/**
 * No personal data in the log (issue 15): the canary's markers (tests/canary.int.test.ts)
 * are put in a child's names and in the text of a mutation; the mutation fails on a row
 * lock another connection holds (its INSERT waits, the statement timeout cancels it), a
 * read fails on a table lock; every line the server logged is JSON, names its request, and
 * holds no marker, name, birth date or text.
 */

const FIRST = 'CANARY:IDENTITY:LOGFIRST';
const LAST = 'CANARY:IDENTITY:LOGLAST';
const BIRTH = '2013-07-29';
const TEXT = 'CANARY:SCHOOLING:LOGTEXT Pupil disclosed violence at home';
const MARKERS = [FIRST, LAST, BIRTH, 'CANARY', 'disclosed violence'];

const ADD = /* GraphQL */ `mutation AddObservation($childId: ID!, $text: String!) { addObservation(childId: $childId, category: SCHOOLING, text: $text) { id text } }`;
const FIND = /* GraphQL */ `query FindChild($lastName: String!, $firstName: String!, $birthDate: LocalDate!) { findChildren(lastName: $lastName, firstName: $firstName, birthDate: $birthDate) { id } }`;

describe('the log holds no personal data, and names every request', () => {
  let server: TestServer;
  const lines: string[] = [];
  let childId: string;
  let childUuid: string;
  let agent: string;
  let dpo: string;
  let agentAccountId: string;

  beforeAll(async () => {
    server = await startTestServer({
      env: { DB_STATEMENT_TIMEOUT_MS: '300' },
      logger: createLogger('debug', { write: (line: string) => void lines.push(line) }),
    });
    ({ childUuid, childId, agent, dpo, agentAccountId } = await schoolWorld(server, { firstName: FIRST, lastName: LAST, birthDate: BIRTH }));
  });

  afterAll(async () => {
    await server?.close();
  });

  /** Runs `work` while another connection holds `lock` in an open transaction. */
  async function whileLocked<T>(lock: string, params: unknown[], work: () => Promise<T>): Promise<T> {
    const holder = new Client({ connectionString: server.databaseUrl });
    await holder.connect();
    try {
      await holder.query('begin');
      await holder.query(lock, params);
      return await work();
    } finally {
      await holder.query('rollback').catch(() => undefined);
      await holder.end();
    }
  }

  const logged = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);

  it('a mutation that fails on a held lock logs its statement without values, and its request', async () => {
    const before = lines.length;
    // The INSERT's foreign-key check waits for the child's row, which another transaction holds.
    const response = await whileLocked('select 1 from child where id = $1 for update', [childUuid], () =>
      server.http({ body: { query: ADD, variables: { childId, text: TEXT } }, token: agent, headers: { 'x-request-id': 'log-privacy-mutation' } }),
    );
    expect(response.json?.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(response.headers.get('x-request-id')).toBe('log-privacy-mutation');
    const mine = logged().slice(before).filter((line) => line.requestId === 'log-privacy-mutation');
    const internal = mine.find((line) => line.msg === 'internal error') as { err: { code: string; sql: string } } | undefined;
    // 57014: canceled by the statement timeout; the statement is there, as its shape.
    expect(internal?.err.code).toBe('57014');
    expect(internal?.err.sql).toMatch(/^insert into "observation"/);
    expect(internal?.err.sql).toContain('?');
    const request = mine.find((line) => line.msg === 'request');
    expect(request).toMatchObject({ accountId: agentAccountId, role: 'PARTNER_AGENT', operation: 'AddObservation', operationType: 'mutation', status: 200, errorCodes: ['INTERNAL_SERVER_ERROR'] });
    expect(request?.sqlStatements).toBeGreaterThan(0);
    expect(typeof request?.durationMs).toBe('number');
    expect(typeof request?.time).toBe('string');
  });

  it('a read that fails on a held lock logs no identity', async () => {
    const before = lines.length;
    const response = await whileLocked('lock table child in access exclusive mode', [], () =>
      server.http({ body: { query: FIND, variables: { lastName: LAST, firstName: FIRST, birthDate: BIRTH } }, token: dpo }),
    );
    expect(response.json?.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    const requestId = response.headers.get('x-request-id');
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    const mine = logged().slice(before).filter((line) => line.requestId === requestId);
    expect(mine.map((line) => line.msg)).toEqual(expect.arrayContaining(['internal error', 'request']));
  });

  it('every line is JSON with a time and a level, and none holds a marker, a name, a birth date or a text', () => {
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) {
      const parsed = JSON.parse(line) as Record<string, unknown>;
      expect(typeof parsed.time).toBe('string');
      expect(typeof parsed.level).toBe('string');
      for (const marker of MARKERS) expect(line).not.toContain(marker);
    }
    // Every line about a request names it.
    for (const parsed of logged().filter((line) => line.msg === 'request' || line.msg === 'internal error')) expect(parsed.requestId).toBeTruthy();
  });
});
