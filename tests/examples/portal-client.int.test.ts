import { getNamedType, isObjectType } from 'graphql';
import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import { Domain, Objective } from '../../src/entities';
import { buildAppSchema } from '../../src/schema/build-schema';
import { createPortalClient } from '../../examples/portal-client/client';
import { EMBEDDED_TYPES, NODE_TYPES } from '../../examples/portal-client/cache';
import { objectivesOf, renameObjective, wholeRoster } from '../../examples/portal-client/portal';
import { startDemoServer, startTestServer, type TestServer } from '../helpers/test-server';
import { buildPathwayWorld, gid, pathwayOf } from '../helpers/pathway-world';

/**
 * The example portal client (examples/portal-client: Apollo Client, the typed operations
 * of operations/) against the real server: its cache settings match the schema, it walks
 * every page of a roster keeping every child, keeps the data around a FORBIDDEN block,
 * and edits with the version it read (a stale one is CONFLICT).
 */

describe('the example portal client', () => {
  it('has a cache policy for every object type the schema gives without an id, and every Node type', async () => {
    const schema = await buildAppSchema();
    const payloads = new Set(Object.values(schema.getMutationType()!.getFields()).map((field) => getNamedType(field.type).name));
    const roots = new Set(['Query', 'Mutation', 'Viewer']);
    const withoutId = Object.values(schema.getTypeMap())
      .filter((type) => isObjectType(type) && !type.name.startsWith('__') && !type.getFields().id)
      .map((type) => type.name)
      .filter((name) => !roots.has(name) && !payloads.has(name) && !/(Connection|Edge)$/.test(name) && name !== 'PageInfo');
    expect([...EMBEDDED_TYPES].sort()).toEqual(withoutId.sort());
    expect([...NODE_TYPES].sort()).toEqual(schema.getPossibleTypes(schema.getType('Node') as never).map((type) => type.name).sort());
  });

  describe('on the demo programme', () => {
    let server: Awaited<ReturnType<typeof startDemoServer>>;
    let token: string;
    beforeAll(async () => {
      server = await startDemoServer();
      token = await server.tokenFor('leisure@demo.example');
    });
    afterAll(async () => {
      await server?.close();
    });

    it('walks every page of the roster with fetchMore and keeps every child; a FORBIDDEN block leaves the rest intact', async () => {
      const client = createPortalClient({ url: server.url, token: () => token });
      const roster = await wholeRoster(client, 4);
      expect(roster.totalCount).toBeGreaterThan(8);
      expect(roster.pages).toBe(Math.ceil(roster.totalCount / 4));
      expect(roster.children).toHaveLength(roster.totalCount);
      expect(new Set(roster.children.map((child) => child.id)).size).toBe(roster.totalCount);
      // A leisure centre may not read HEALTH: null with FORBIDDEN at each child's path, the contact kept.
      expect(roster.children.every((child) => child.health === null)).toBe(true);
      expect(roster.children.some((child) => (child.contact?.guardians.length ?? 0) > 0)).toBe(true);
      expect(roster.forbidden.length).toBe(roster.totalCount);
      expect(roster.forbidden.every((path) => /^children\.edges\.\d+\.node\.health$/.test(path))).toBe(true);
      const plain = await server.graphql<{ children: { edges: { node: { id: string } }[] } }>('{ children(first: 100) { edges { node { id } } } }', {}, token);
      expect(roster.children.map((child) => child.id)).toEqual(plain.data!.children.edges.map((edge) => edge.node.id));
      client.stop();
    });

    it('keeps only the first page without relayStylePagination (why the cache policy is needed)', async () => {
      const client = new ApolloClient({
        link: new HttpLink({ uri: server.url, headers: { authorization: `Bearer ${token}` } }),
        cache: new InMemoryCache(),
        defaultOptions: { query: { errorPolicy: 'all' }, watchQuery: { errorPolicy: 'all' }, mutate: { errorPolicy: 'all' } },
      });
      const roster = await wholeRoster(client, 4);
      expect(roster.children.length).toBeLessThanOrEqual(4);
      expect(roster.children.length).toBeLessThan(roster.totalCount);
      client.stop();
    });
  });

  describe('on a programme of its own', () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer();
    });
    afterAll(async () => {
      await server?.close();
    });

    it('edits an objective with the version it read; the same version again is CONFLICT, with the current one', async () => {
      const world = await buildPathwayWorld(server);
      const pathway = await pathwayOf(server, world);
      const em = server.orm.em.fork();
      const objective = em.create(Objective, { programme: world.programme.id, pathway: pathway.id, domain: Domain.SCHOOL, text: 'Lire seul' });
      await em.flush();
      const client = createPortalClient({ url: server.url, token: () => world.tokens.referent });
      const [read] = await objectivesOf(client, gid('Child', world.child.id));
      expect(read).toMatchObject({ id: gid('Objective', objective.id), text: 'Lire seul' });
      const edited = await renameObjective(client, read.id, read.version, 'Lire seul un album');
      expect(edited).toEqual({ ok: true, version: read.version + 1, text: 'Lire seul un album' });
      const stale = await renameObjective(client, read.id, read.version, 'Écrase tout');
      expect(stale).toEqual({ ok: false, code: 'CONFLICT', currentVersion: read.version + 1 });
      const [after] = await objectivesOf(client, gid('Child', world.child.id));
      expect(after).toMatchObject({ text: 'Lire seul un album', version: read.version + 1 });
      client.stop();
    });
  });
});
