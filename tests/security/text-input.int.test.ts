import { startTestServer, type TestServer } from '../helpers/test-server';
import { buildPathwayWorld, count, type PathwayWorld } from '../helpers/pathway-world';
import { toGlobalId } from '../../src/schema/global-id';

/**
 * Text PostgreSQL cannot store (a NUL character; an unpaired UTF-16 surrogate, which the
 * driver would silently turn into U+FFFD) is BAD_USER_INPUT naming the argument, for every
 * query and mutation, in variables or inline in the document, before anything runs.
 */
describe('text arguments PostgreSQL cannot store', () => {
  let server: TestServer;
  let world: PathwayWorld;
  let childId: string;

  beforeAll(async () => {
    server = await startTestServer();
    world = await buildPathwayWorld(server);
    childId = toGlobalId('Child', world.child.id);
  });
  afterAll(async () => {
    await server?.close();
  });

  const expectRefused = (result: Awaited<ReturnType<TestServer['graphql']>>, field: string) => {
    expect(result.status).toBe(400);
    expect(result.data ?? null).toBeNull();
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0]!.extensions).toEqual({ code: 'BAD_USER_INPUT', field });
    expect(result.errors![0]!.message).toMatch(new RegExp(`^${field.replace('.', '\\.')}: `));
  };

  describe('in a query', () => {
    const SEARCH = 'query Search($search: String) { children(filter: { search: $search }) { totalCount } }';

    it('in a variable', async () => {
      expectRefused(await server.graphql(SEARCH, { search: 'Mar\u0000tin' }, world.tokens.coordinator), 'filter.search');
    });

    it('inline in the document', async () => {
      expectRefused(await server.graphql('{ children(filter: { search: "Mar\\u0000tin" }) { totalCount } }', {}, world.tokens.coordinator), 'filter.search');
    });

    it('inline in a fragment', async () => {
      const query = 'query { ...Roster } fragment Roster on Query { children(filter: { search: "\\u0000" }) { totalCount } }';
      expectRefused(await server.graphql(query, {}, world.tokens.coordinator), 'filter.search');
    });

    it('in a variable that is an input object', async () => {
      const query = 'query Search($filter: ChildrenFilter) { children(filter: $filter) { totalCount } }';
      expectRefused(await server.graphql(query, { filter: { search: 'x\u0000' } }, world.tokens.coordinator), 'filter.search');
    });

    it('in an ID argument', async () => {
      expectRefused(await server.graphql('query Child($id: ID!) { child(id: $id) { id } }', { id: `${childId}\u0000` }, world.tokens.coordinator), 'id');
    });

    it('an unpaired surrogate', async () => {
      // JSON can carry it ("\ud800"); PostgreSQL would store U+FFFD instead.
      const response = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${world.tokens.coordinator}` },
        body: `{"query":${JSON.stringify(SEARCH)},"variables":{"search":"Mar\\ud800tin"}}`,
      });
      const result = { status: response.status, ...((await response.json()) as object) };
      expectRefused(result, 'filter.search');
    });

    it('still answers ordinary text, accents and emoji included', async () => {
      const result = await server.graphql<{ children: { totalCount: number } }>(SEARCH, { search: 'Léa 🌻' }, world.tokens.coordinator);
      expect(result.errors).toBeUndefined();
      expect(result.data?.children.totalCount).toBe(0);
    });
  });

  describe('in a mutation', () => {
    const SUBMIT = 'mutation Submit($input: SubmitReferralInput!) { submitReferral(input: $input) { referral { id } } }';

    it('in a variable, writing nothing', async () => {
      const before = await count(server, 'referral', world.programme.id);
      const result = await server.graphql(SUBMIT, { input: { childId, domains: ['SOCIAL'], description: 'Situation\u0000 fragile' } }, world.tokens.coordinator);
      expectRefused(result, 'input.description');
      expect(await count(server, 'referral', world.programme.id)).toBe(before);
    });

    it('inline in the document', async () => {
      const mutation = `mutation { submitReferral(input: { childId: "${childId}", domains: [SOCIAL], description: "Situation\\u0000 fragile" }) { referral { id } } }`;
      expectRefused(await server.graphql(mutation, {}, world.tokens.coordinator), 'input.description');
    });

    it('inline beside a variable, deeper in the input', async () => {
      const mutation = `mutation Submit($description: String!) { submitReferral(input: { domains: [SOCIAL], description: $description, newChild: { firstName: "A\\u0000", lastName: "B", birthDate: "2015-01-01", family: { addressLine: "1 rue", postalCode: "47300", city: "V", guardians: [] } } }) { referral { id } } }`;
      expectRefused(await server.graphql(mutation, { description: 'ok' }, world.tokens.coordinator), 'input.newChild.firstName');
    });

    it('in a list, named by its index', async () => {
      const mutation = `mutation Submit($guardians: [ReferralNewGuardianInput!]!) { submitReferral(input: { domains: [SOCIAL], description: "d", newChild: { firstName: "A", lastName: "B", birthDate: "2015-01-01", family: { addressLine: "1 rue", postalCode: "47300", city: "V", guardians: $guardians } } }) { referral { id } } }`;
      const guardians = [
        { firstName: 'Ana', lastName: 'B', relationship: 'MOTHER', parentalAuthority: true },
        { firstName: 'Luc', lastName: 'B\u0000', relationship: 'FATHER', parentalAuthority: true },
      ];
      expectRefused(await server.graphql(mutation, { guardians }, world.tokens.coordinator), 'input.newChild.family.guardians.1.lastName');
    });

    it('in a variable default value', async () => {
      const mutation = `mutation Submit($description: String! = "x\\u0000") { submitReferral(input: { childId: "${childId}", domains: [SOCIAL], description: $description }) { referral { id } } }`;
      expectRefused(await server.graphql(mutation, {}, world.tokens.coordinator), 'input.description');
    });
  });
});
