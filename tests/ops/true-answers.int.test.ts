import { Client } from 'pg';
import { toGlobalId } from '../../src/schema/global-id';
import { apiRoleOf, startTestServer, type TestServer } from '../helpers/test-server';
import { schoolWorld } from './school-world';

/**
 * Every answer true (issue 15): a mutation that committed is answered as committed, even
 * when the database goes away just after the commit. The fault: right after the commit,
 * every connection of the API's role is terminated and the role may not log in again (as
 * while the database restarts), until the answer has been received.
 */

const ADD = /* GraphQL */ `mutation AddObservation($childId: ID!, $text: String!) {
  addObservation(childId: $childId, category: SCHOOLING, text: $text) { id text createdAt }
}`;

describe('a committed write is answered as committed', () => {
  let server: TestServer;
  let owner: Client;
  let armed = false;
  let childId: string;
  let childUuid: string;
  let agent: string;

  beforeAll(async () => {
    let role = '';
    server = await startTestServer({
      faults: {
        afterCommit: async () => {
          if (!armed) return;
          armed = false;
          await owner.query(`alter role ${owner.escapeIdentifier(role)} nologin`);
          await owner.query('select pg_terminate_backend(pid) from pg_stat_activity where usename = $1', [role]);
        },
      },
    });
    role = apiRoleOf(server.databaseUrl);
    owner = new Client({ connectionString: server.databaseUrl });
    await owner.connect();
    ({ childUuid, childId, agent } = await schoolWorld(server));
  });

  afterAll(async () => {
    await owner?.query(`alter role ${owner.escapeIdentifier(apiRoleOf(server.databaseUrl))} login`).catch(() => undefined);
    await owner?.end();
    await server?.close();
  });

  it('answers the observation it wrote, although no connection can be had after the commit', async () => {
    armed = true;
    let response;
    try {
      response = await server.graphql<{ addObservation: { id: string; text: string; createdAt: string } }>(ADD, { childId, text: 'Absent trois lundis de suite' }, agent);
    } finally {
      await owner.query(`alter role ${owner.escapeIdentifier(apiRoleOf(server.databaseUrl))} login`);
    }
    expect(armed).toBe(false);
    expect(response.errors).toBeUndefined();
    const rows = (await owner.query<{ id: string; created_at: Date }>('select id, created_at from observation where child_id = $1', [childUuid])).rows;
    expect(rows).toHaveLength(1);
    expect(response.data?.addObservation).toEqual({
      id: toGlobalId('Observation', rows[0]!.id),
      text: 'Absent trois lundis de suite',
      createdAt: rows[0]!.created_at.toISOString(),
    });
  });

  it('serves the next requests once the database is back', async () => {
    const again = await server.graphql<{ addObservation: { text: string } }>(ADD, { childId, text: 'Revenu en classe' }, agent);
    expect(again.errors).toBeUndefined();
    expect(again.data?.addObservation.text).toBe('Revenu en classe');
  });
});
