import { startTestServer, type TestServer } from './helpers/test-server';
import { buildWorld, dataOf, errorOf, forkEm, gid, inclusionFollowUpOf, sql, writeEvents, type World } from './helpers/workflow-world';
import * as f from './factories';

/**
 * Partners of the programme (issue 12, "Administration"): the ADMIN creates, edits and
 * deactivates them; a school's UAI, level and network are checked; a deactivated
 * partner's links stop granting on the next request, and no new write may name it.
 */

const PARTNER_FIELDS = 'id version name kind address uai schoolLevel network active';
const CREATE = `mutation ($input: CreatePartnerInput!) { createPartner(input: $input) { ${PARTNER_FIELDS} } }`;
const UPDATE = `mutation ($id: ID!, $version: Int!, $input: UpdatePartnerInput!) { updatePartner(id: $id, version: $version, input: $input) { ${PARTNER_FIELDS} } }`;
const DEACTIVATE = `mutation ($id: ID!, $version: Int!) { deactivatePartner(id: $id, version: $version) { ${PARTNER_FIELDS} } }`;

interface PartnerData {
  id: string;
  version: number;
  name: string;
  kind: string;
  uai: string | null;
  schoolLevel: string | null;
  network: string;
  active: boolean;
}

let uaiCounter = Math.floor(Math.random() * 9_000_000);
const freshUai = () => `${String(1_000_000 + (uaiCounter++ % 8_999_999)).padStart(7, '0')}Z`;

describe('partners (ADMIN)', () => {
  let server: TestServer;
  let w: World;

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.close();
  });
  beforeEach(async () => {
    w = await buildWorld(server);
  });

  const create = (input: Record<string, unknown>, token = w.tokens.admin) => server.graphql<{ createPartner: PartnerData }>(CREATE, { input }, token);

  it('creates a school with its UAI, level and network, and logs the write with no child', async () => {
    const uai = freshUai();
    const created = dataOf(await create({ kind: 'SCHOOL', name: ' École Jules Ferry ', uai: uai.toLowerCase(), schoolLevel: 'ELEMENTAIRE', network: 'REP_PLUS' })).createPartner;
    expect(created).toMatchObject({ name: 'École Jules Ferry', kind: 'SCHOOL', uai, schoolLevel: 'ELEMENTAIRE', network: 'REP_PLUS', active: true, version: 1 });
    const listed = dataOf(await server.graphql<{ partners: { id: string }[] }>('{ partners { id } }', {}, w.tokens.coordinator)).partners;
    expect(listed.map((p) => p.id)).toContain(created.id);
    expect(await writeEvents(server, w.programme.id)).toEqual([{ action: 'CREATE', entity: 'Partner', child_id: null, categories: [] }]);
  });

  it('checks the school fields against the kind, and the UAI is unique', async () => {
    expect(errorOf(await create({ kind: 'SCHOOL', name: 'École', schoolLevel: 'COLLEGE' }))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.uai' });
    expect(errorOf(await create({ kind: 'SCHOOL', name: 'École', uai: '12345', schoolLevel: 'COLLEGE' }))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.uai' });
    expect(errorOf(await create({ kind: 'SCHOOL', name: 'École', uai: freshUai() }))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.schoolLevel' });
    expect(errorOf(await create({ kind: 'LEISURE_CENTRE', name: 'Centre', uai: freshUai() }))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.uai' });
    expect(errorOf(await create({ kind: 'HEALTH', name: 'PMI', network: 'REP' }))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.network' });
    expect(errorOf(await create({ kind: 'SPORTS', name: ' ' }))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.name' });
    expect(errorOf(await create({ kind: 'SCHOOL', name: 'Copie', uai: w.partners.school.uai, schoolLevel: 'MATERNELLE' }))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.uai',
      reason: 'UAI_TAKEN',
    });
    // Nothing half-written.
    expect(await writeEvents(server, w.programme.id)).toEqual([]);
  });

  it('is the ADMIN’s alone', async () => {
    for (const token of [w.tokens.coordinator, w.tokens.inclusionReferent, w.tokens.schoolAgent, w.tokens.dpo]) {
      expect(errorOf(await create({ kind: 'CULTURE', name: 'Médiathèque' }, token))).toEqual({ code: 'FORBIDDEN' });
    }
  });

  it('edits a partner at the version read, with the same checks', async () => {
    const school = gid('Partner', w.partners.school.id);
    const edited = dataOf(await server.graphql<{ updatePartner: PartnerData }>(UPDATE, { id: school, version: 1, input: { name: 'École renommée', network: 'REP', schoolLevel: 'ELEMENTAIRE' } }, w.tokens.admin)).updatePartner;
    expect(edited).toMatchObject({ name: 'École renommée', network: 'REP', schoolLevel: 'ELEMENTAIRE', uai: w.partners.school.uai, version: 2 });
    expect(errorOf(await server.graphql(UPDATE, { id: school, version: 1, input: { name: 'Trop tard' } }, w.tokens.admin))).toEqual({ code: 'CONFLICT' });
    expect(errorOf(await server.graphql(UPDATE, { id: school, version: 2, input: { uai: 'X' } }, w.tokens.admin))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.uai' });
    const leisure = gid('Partner', w.partners.leisure.id);
    expect(errorOf(await server.graphql(UPDATE, { id: leisure, version: 1, input: { schoolLevel: 'COLLEGE' } }, w.tokens.admin))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.schoolLevel' });
    // Another programme's partner is not found.
    const otherEm = forkEm(server);
    const other = f.partner(otherEm, f.programme(otherEm), { kind: 'CULTURE' as never });
    await otherEm.flush();
    expect(errorOf(await server.graphql(UPDATE, { id: gid('Partner', other.id), version: 1, input: { name: 'x' } }, w.tokens.admin))).toEqual({ code: 'NOT_FOUND' });
  });

  it('deactivates a partner: its links stop granting on the next request, and no new write names it', async () => {
    await inclusionFollowUpOf(server, w);
    const em = forkEm(server);
    f.serviceLink(em, em.merge(w.child), em.merge(w.partners.leisure), em.merge(w.accounts.inclusionReferent));
    await em.flush();
    const child = gid('Child', w.child.id);
    const CHILD = 'query ($id: ID!) { child(id: $id) { id firstName } }';
    expect(dataOf(await server.graphql<{ child: { id: string } }>(CHILD, { id: child }, w.tokens.leisureAgent)).child.id).toBe(child);

    const leisure = gid('Partner', w.partners.leisure.id);
    const deactivated = dataOf(await server.graphql<{ deactivatePartner: PartnerData }>(DEACTIVATE, { id: leisure, version: 1 }, w.tokens.admin)).deactivatePartner;
    expect(deactivated).toMatchObject({ active: false, version: 2 });

    expect(errorOf(await server.graphql(CHILD, { id: child }, w.tokens.leisureAgent))).toEqual({ code: 'NOT_FOUND' });
    // The link itself is kept, as it was.
    expect(await sql(server, "select status from service_link where partner_id = ?", [w.partners.leisure.id])).toEqual([{ status: 'ACTIVE' }]);
    expect(errorOf(await server.graphql(DEACTIVATE, { id: leisure, version: 2 }, w.tokens.admin))).toEqual({ code: 'BAD_USER_INPUT', field: 'id', reason: 'ALREADY_INACTIVE' });

    const listed = async (all: boolean) =>
      dataOf(await server.graphql<{ partners: { id: string }[] }>('query ($all: Boolean!) { partners(includeInactive: $all) { id } }', { all }, w.tokens.admin)).partners.map((p) => p.id);
    expect(await listed(false)).not.toContain(leisure);
    expect(await listed(true)).toContain(leisure);

    const propose = await server.graphql(
      'mutation ($input: ProposeServiceLinkInput!) { proposeServiceLink(input: $input) { id } }',
      { input: { childId: child, partnerId: leisure, purpose: 'INFORMATION_SHARING', categories: ['IDENTITY'], legalBasis: 'SHARED_SECRET_L226_2_2', parentsInformedOn: '2025-01-01', validFrom: '2025-01-01' } },
      w.tokens.inclusionReferent,
    );
    expect(errorOf(propose)).toEqual({ code: 'BAD_USER_INPUT', field: 'input.partnerId', reason: 'PARTNER_INACTIVE' });
  });
});
