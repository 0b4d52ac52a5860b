import type { EntityManager } from '@mikro-orm/postgresql';
import { startTestServer, type TestServer } from './helpers/test-server';
import { buildPathwayWorld, dataOf, errorOf, eventsOfRequest, gid, pathwayOf, requestWithId, sql, type PathwayWorld } from './helpers/pathway-world';

/**
 * access-policy.md, "Writes": "GUARDIAN: comment on its child's pathway". The guardian
 * writes (commentOnPathway), the pathway's referent and the coordinator read the comments
 * with the pathway (PATHWAY data; the author's name is CONTACT), and a partner reads them
 * only where PATHWAY is granted to it.
 */

const COMMENT = `mutation ($id: ID!, $text: String!) { commentOnPathway(pathwayId: $id, text: $text) { id text author { id firstName } } }`;
const READ = `query ($id: ID!) { node(id: $id) { ... on Pathway { comments { text createdAt author { id } } } } }`;

describe('the family comments on the pathway', () => {
  let server: TestServer;
  let world: PathwayWorld;

  beforeAll(async () => {
    server = await startTestServer();
    world = await buildPathwayWorld(server);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('the guardian comments; the referent and the coordinator read it with its author; logged as a PATHWAY write', async () => {
    const pathway = await pathwayOf(server, world);
    const id = gid('Pathway', pathway.id);
    const { requestId, result } = await requestWithId<{ commentOnPathway: Record<string, unknown> }>(server, COMMENT, { id, text: ' Mon fils aime beaucoup le club de foot. ' }, world.tokens.guardian);
    expect(dataOf(result).commentOnPathway).toMatchObject({ text: 'Mon fils aime beaucoup le club de foot.', author: { id: gid('Guardian', world.guardian.id), firstName: world.guardian.firstName } });
    const writes = (await eventsOfRequest(server, requestId)).filter((e) => e.action !== 'READ');
    expect(writes.map((e) => [e.action, e.entity, e.child_id, e.categories])).toEqual([['CREATE', 'PathwayComment', world.child.id, ['PATHWAY']]]);
    for (const token of [world.tokens.referent, world.tokens.coordinator]) {
      const read = dataOf(await server.graphql<{ node: { comments: Record<string, unknown>[] } }>(READ, { id }, token));
      expect(read.node.comments).toEqual([{ text: 'Mon fils aime beaucoup le club de foot.', createdAt: expect.any(String), author: { id: gid('Guardian', world.guardian.id) } }]);
    }
    expect(errorOf(await server.graphql(READ, { id }, world.tokens.referent2))).toEqual({ code: 'NOT_FOUND' });
  });

  it("refuses an empty text, staff, another household's pathway and a closed one, writing nothing", async () => {
    const pathway = await pathwayOf(server, world);
    const other = await pathwayOf(server, world, { child: world.otherChild });
    const count = async () => Number((await sql<{ n: string }>(server, 'select count(*) as n from pathway_comment', []))[0].n);
    const before = await count();
    expect(errorOf(await server.graphql(COMMENT, { id: gid('Pathway', pathway.id), text: '  ' }, world.tokens.guardian))).toEqual({ code: 'BAD_USER_INPUT', field: 'text' });
    expect(errorOf(await server.graphql(COMMENT, { id: gid('Pathway', pathway.id), text: 'x' }, world.tokens.referent))).toEqual({ code: 'FORBIDDEN' });
    expect(errorOf(await server.graphql(COMMENT, { id: gid('Pathway', other.id), text: 'x' }, world.tokens.guardian))).toEqual({ code: 'NOT_FOUND' });
    await sql(server, `update pathway set status = 'CLOSED' where id = ?`, [pathway.id]);
    expect(errorOf(await server.graphql(COMMENT, { id: gid('Pathway', pathway.id), text: 'x' }, world.tokens.guardian))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'pathwayId' });
    expect(await count()).toBe(before);
  });

  it('the erasure of the child deletes its comments', async () => {
    const pathway = await pathwayOf(server, world);
    dataOf(await server.graphql(COMMENT, { id: gid('Pathway', pathway.id), text: 'Merci' }, world.tokens.guardian));
    const em = server.orm.em.fork() as EntityManager;
    const { anonymiseChildren } = await import('../src/lifetime/erasure');
    await em.transactional((tx) => anonymiseChildren(tx as EntityManager, [world.child.id], new Date(), '2026-12-04'));
    expect(await sql(server, 'select c.id from pathway_comment c join pathway p on p.id = c.pathway_id where p.child_id = ?', [world.child.id])).toEqual([]);
  });
});
