import { randomUUID } from 'node:crypto';
import { startTestServer, type TestServer } from './helpers/test-server';
import { buildWorld, dataOf, errorOf, gid, writeEvents, type World } from './helpers/workflow-world';

/**
 * Staff accounts (issue 12, "Administration"): the ADMIN creates, edits and deactivates
 * them, with the role/partner-kind combinations of ACCOUNT_PARTNER_POLICY; a deactivated
 * account's tokens stop working on the next request; an account's details are read by
 * the ADMIN and the coordinator only.
 */

const ACCOUNT_FIELDS = 'id version name email role active partner { id }';
const CREATE = `mutation ($input: CreateAccountInput!) { createAccount(input: $input) { ${ACCOUNT_FIELDS} } }`;
const UPDATE = `mutation ($id: ID!, $version: Int!, $input: UpdateAccountInput!) { updateAccount(id: $id, version: $version, input: $input) { ${ACCOUNT_FIELDS} } }`;
const DEACTIVATE = `mutation ($id: ID!, $version: Int!) { deactivateAccount(id: $id, version: $version) { ${ACCOUNT_FIELDS} } }`;
const VIEWER = '{ viewer { role displayName partner { id } } }';

interface AccountData {
  id: string;
  version: number;
  name: string;
  email: string | null;
  role: string | null;
  active: boolean | null;
  partner: { id: string } | null;
}

describe('staff accounts (ADMIN)', () => {
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

  const fresh = () => randomUUID().slice(0, 8);
  const create = (input: Record<string, unknown>, token = w.tokens.admin) => server.graphql<{ createAccount: AccountData }>(CREATE, { input }, token);
  const referentInput = () => {
    const n = fresh();
    return { email: `Referent-${n}@Test.example`, displayName: ' Nina Referent ', role: 'PATHWAY_REFERENT', partnerId: w.ids.preTeam, subject: `idp|${n}` };
  };

  it('creates a referent who then signs in with the identity provider’s subject', async () => {
    const input = referentInput();
    const created = dataOf(await create(input)).createAccount;
    expect(created).toMatchObject({ name: 'Nina Referent', email: input.email.toLowerCase(), role: 'PATHWAY_REFERENT', active: true, version: 1, partner: { id: w.ids.preTeam } });
    const viewer = dataOf(await server.graphql<{ viewer: unknown }>(VIEWER, {}, await server.token(input.subject))).viewer;
    expect(viewer).toEqual({ role: 'PATHWAY_REFERENT', displayName: 'Nina Referent', partner: { id: w.ids.preTeam } });
    expect(await writeEvents(server, w.programme.id)).toEqual([{ action: 'CREATE', entity: 'Account', child_id: null, categories: [] }]);
  });

  it('allows only the role/partner-kind combinations of the policy', async () => {
    const refused: [Record<string, unknown>, string][] = [
      [{ role: 'PARTNER_AGENT', partnerId: w.ids.preTeam }, 'input.partnerId'],
      [{ role: 'PARTNER_AGENT', partnerId: null }, 'input.role'],
      [{ role: 'INCLUSION_REFERENT', partnerId: w.ids.school }, 'input.partnerId'],
      [{ role: 'PATHWAY_REFERENT', partnerId: w.ids.inclusion }, 'input.partnerId'],
      [{ role: 'ANALYST', partnerId: w.ids.preTeam }, 'input.partnerId'],
      [{ role: 'GUARDIAN', partnerId: null }, 'input.role'],
    ];
    for (const [change, field] of refused) {
      expect(errorOf(await create({ ...referentInput(), ...change }))).toEqual({ code: 'BAD_USER_INPUT', field, reason: 'ROLE_PARTNER_MISMATCH' });
    }
    for (const change of [{ role: 'PARTNER_AGENT', partnerId: w.ids.leisure }, { role: 'INCLUSION_REFERENT', partnerId: w.ids.inclusion }, { role: 'DPO', partnerId: null }, { role: 'ADMIN', partnerId: null }]) {
      expect(dataOf(await create({ ...referentInput(), ...change })).createAccount.role).toBe(change.role);
    }
  });

  it('validates the input: e-mail, name, subject unique; nothing half-written', async () => {
    expect(errorOf(await create({ ...referentInput(), email: 'not-an-email' }))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.email' });
    expect(errorOf(await create({ ...referentInput(), displayName: '' }))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.displayName' });
    expect(errorOf(await create({ ...referentInput(), email: w.accounts.coordinator.email }))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.email', reason: 'EMAIL_TAKEN' });
    expect(errorOf(await create({ ...referentInput(), subject: w.accounts.coordinator.subject }))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.subject', reason: 'SUBJECT_TAKEN' });
    expect(errorOf(await create({ ...referentInput(), partnerId: gid('Partner', randomUUID()) }))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.partnerId' });
    expect(await writeEvents(server, w.programme.id)).toEqual([]);
  });

  it('is the ADMIN’s alone; the details of an account are the ADMIN’s and the coordinator’s', async () => {
    for (const token of [w.tokens.coordinator, w.tokens.pathwayReferent, w.tokens.schoolAgent, w.tokens.guardian]) {
      expect(errorOf(await create(referentInput(), token))).toEqual({ code: 'FORBIDDEN' });
    }
    const NODE = 'query ($id: ID!) { node(id: $id) { ... on Account { name email role } } }';
    const id = gid('Account', w.accounts.inclusionReferent.id);
    for (const token of [w.tokens.admin, w.tokens.coordinator]) {
      expect(dataOf(await server.graphql<{ node: unknown }>(NODE, { id }, token)).node).toEqual({
        name: w.accounts.inclusionReferent.displayName,
        email: w.accounts.inclusionReferent.email,
        role: 'INCLUSION_REFERENT',
      });
    }
    const asReferent = await server.graphql<{ node: { name: string; email: null } }>(NODE, { id }, w.tokens.pathwayReferent);
    expect(asReferent.data?.node).toEqual({ name: w.accounts.inclusionReferent.displayName, email: null, role: null });
    expect(asReferent.errors?.map((e) => [e.path?.join('.'), e.extensions?.code]).sort()).toEqual([
      ['node.email', 'FORBIDDEN'],
      ['node.role', 'FORBIDDEN'],
    ]);
  });

  it('edits an account at the version read, role and partner checked together', async () => {
    const id = gid('Account', w.accounts.leisureAgent.id);
    const moved = dataOf(await server.graphql<{ updateAccount: AccountData }>(UPDATE, { id, version: 1, input: { partnerId: w.ids.health, displayName: 'Agent santé' } }, w.tokens.admin)).updateAccount;
    expect(moved).toMatchObject({ name: 'Agent santé', partner: { id: w.ids.health }, version: 2 });
    expect(errorOf(await server.graphql(UPDATE, { id, version: 1, input: { displayName: 'x' } }, w.tokens.admin))).toEqual({ code: 'CONFLICT' });
    expect(errorOf(await server.graphql(UPDATE, { id, version: 2, input: { role: 'PATHWAY_REFERENT' } }, w.tokens.admin))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.role',
      reason: 'ROLE_PARTNER_MISMATCH',
    });
    const both = dataOf(await server.graphql<{ updateAccount: AccountData }>(UPDATE, { id, version: 2, input: { role: 'PATHWAY_REFERENT', partnerId: w.ids.preTeam } }, w.tokens.admin)).updateAccount;
    expect(both).toMatchObject({ role: 'PATHWAY_REFERENT', partner: { id: w.ids.preTeam }, version: 3 });
    expect(errorOf(await server.graphql(UPDATE, { id: gid('Account', w.accounts.guardian.id), version: 1, input: { displayName: 'x' } }, w.tokens.admin))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'id',
      reason: 'GUARDIAN_ACCOUNT',
    });
  });

  it('deactivates an account: its token stops working on the next request', async () => {
    const token = w.tokens.schoolAgent;
    expect(dataOf(await server.graphql<{ viewer: { role: string } }>(VIEWER, {}, token)).viewer.role).toBe('PARTNER_AGENT');
    const id = gid('Account', w.accounts.schoolAgent.id);
    expect(dataOf(await server.graphql<{ deactivateAccount: AccountData }>(DEACTIVATE, { id, version: 1 }, w.tokens.admin)).deactivateAccount).toMatchObject({ active: false, version: 2 });
    expect(errorOf(await server.graphql(VIEWER, {}, token))).toEqual({ code: 'UNAUTHENTICATED' });
    expect(errorOf(await server.graphql(DEACTIVATE, { id, version: 2 }, w.tokens.admin))).toEqual({ code: 'BAD_USER_INPUT', field: 'id', reason: 'ALREADY_INACTIVE' });
    expect(errorOf(await server.graphql(DEACTIVATE, { id: gid('Account', w.accounts.admin.id), version: 1 }, w.tokens.admin))).toEqual({ code: 'BAD_USER_INPUT', field: 'id', reason: 'SELF' });
  });
});
