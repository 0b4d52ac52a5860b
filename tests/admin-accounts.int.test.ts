import { randomUUID } from 'node:crypto';
import { startTestServer, type TestServer } from './helpers/test-server';
import { ref } from '@mikro-orm/core';
import { Pathway, PathwayStatus, Role } from '../src/entities';
import { buildWorld, dataOf, errorOf, forkEm, gid, writeEvents, type World } from './helpers/workflow-world';
import * as f from './factories';

/**
 * Staff accounts (issue 12, "Administration"): the ADMIN creates, edits and deactivates
 * them, with the role/partner-kind combinations of ACCOUNT_PARTNER_POLICY; a deactivated
 * account's tokens stop working on the next request; an account's details are read by
 * the ADMIN and the coordinator only.
 */

const ACCOUNT_FIELDS = 'account { id name } version email role active partner { id }';
const CREATE = `mutation ($input: CreateAccountInput!) { createAccount(input: $input) { ${ACCOUNT_FIELDS} } }`;
const UPDATE = `mutation ($id: ID!, $version: Int!, $input: UpdateAccountInput!) { updateAccount(id: $id, version: $version, input: $input) { ${ACCOUNT_FIELDS} } }`;
const DEACTIVATE = `mutation ($id: ID!, $version: Int!) { deactivateAccount(id: $id, version: $version) { ${ACCOUNT_FIELDS} } }`;
const VIEWER = '{ viewer { role displayName partner { id } } }';

interface AccountData {
  account: { id: string; name: string };
  version: number;
  email: string | null;
  role: string | null;
  active: boolean | null;
  partner: { id: string } | null;
}

describe('staff accounts (ADMIN)', () => {
  let server: TestServer;
  let w: World;

  beforeAll(async () => {
    server = await startTestServer({ env: { SQL_COUNT: 'true' } });
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
    expect(created).toMatchObject({ account: { name: 'Nina Referent' }, email: input.email.toLowerCase(), role: 'PATHWAY_REFERENT', active: true, version: 1, partner: { id: w.ids.preTeam } });
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
    // Everyone else sees an account as its name only: the Account node has no e-mail.
    const NODE = 'query ($id: ID!) { node(id: $id) { ... on Account { name email } } }';
    const asReferent = await server.graphql(NODE, { id: gid('Account', w.accounts.inclusionReferent.id) }, w.tokens.pathwayReferent);
    expect(asReferent.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('edits an account at the version read, role and partner checked together', async () => {
    const id = gid('Account', w.accounts.leisureAgent.id);
    const moved = dataOf(await server.graphql<{ updateAccount: AccountData }>(UPDATE, { id, version: 1, input: { partnerId: w.ids.health, displayName: 'Agent santé' } }, w.tokens.admin)).updateAccount;
    expect(moved).toMatchObject({ account: { name: 'Agent santé' }, partner: { id: w.ids.health }, version: 2 });
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

  describe('accounts', () => {
    const ACCOUNTS = `query ($filter: AccountsFilter, $first: Int, $after: String) {
      accounts(filter: $filter, first: $first, after: $after) {
        totalCount pageInfo { hasNextPage endCursor }
        edges { node { account { id name } email role active partner { id } caseload { activePathways openReferrals } } }
      } }`;
    interface Listed {
      accounts: {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        edges: { node: { account: { id: string; name: string }; email: string; role: string; active: boolean; caseload: { activePathways: number; openReferrals: number } | null } }[];
      };
    }
    const list = (variables: Record<string, unknown>, token = w.tokens.coordinator) => server.graphql<Listed>(ACCOUNTS, variables, token);

    it('lists the staff accounts by name for ADMIN and PRE_COORDINATOR, filtered by role, partner and active; never a guardian', async () => {
      const all = dataOf(await list({ first: 100 }, w.tokens.admin)).accounts;
      const staff = Object.entries(w.accounts).filter(([key]) => !key.toLowerCase().includes('guardian'));
      expect(all.totalCount).toBe(staff.length);
      expect(all.edges.map((e) => e.node.role)).not.toContain('GUARDIAN');
      expect(all.edges.find((e) => e.node.account.id === gid('Account', w.accounts.dpo.id))?.node).toMatchObject({ email: w.accounts.dpo.email, role: 'DPO', active: true });
      const names = all.edges.map((e) => e.node.account.name);
      expect(names).toEqual([...names].sort());

      const referents = dataOf(await list({ filter: { role: 'INCLUSION_REFERENT' } })).accounts;
      expect(referents.edges.map((e) => e.node.account.id).sort()).toEqual([w.accounts.inclusionReferent.id, w.accounts.otherInclusionReferent.id].map((id) => gid('Account', id)).sort());
      const ofPartner = dataOf(await list({ filter: { partnerId: w.ids.leisure } })).accounts;
      expect(ofPartner.edges.map((e) => e.node.account.id)).toEqual([gid('Account', w.accounts.leisureAgent.id)]);
      expect(dataOf(await list({ filter: { active: false } })).accounts.totalCount).toBe(0);
      expect(dataOf(await list({ filter: { role: 'GUARDIAN' } })).accounts.totalCount).toBe(0);

      // Pages follow each other.
      const first = dataOf(await list({ first: 3 })).accounts;
      const second = dataOf(await list({ first: 3, after: first.pageInfo.endCursor })).accounts;
      expect([...first.edges, ...second.edges].map((e) => e.node.account.name)).toEqual(names.slice(0, 6));

      for (const token of [w.tokens.pathwayReferent, w.tokens.schoolAgent, w.tokens.guardian, w.tokens.analyst, w.tokens.dpo]) {
        expect(errorOf(await list({}, token))).toEqual({ code: 'FORBIDDEN' });
      }
    });

    it('gives each pathway referent its caseload, in a number of statements that does not grow with the page', async () => {
      const em = forkEm(server);
      const programme = em.merge(w.programme);
      const referent = em.merge(w.accounts.pathwayReferent);
      for (let i = 0; i < 3; i += 1) {
        const fam = f.family(em, programme);
        f.guardian(em, fam);
        em.create(Pathway, { programme, child: f.child(em, fam), referent, status: i < 2 ? PathwayStatus.ACTIVE : PathwayStatus.CLOSED });
      }
      for (let i = 0; i < 12; i += 1) f.account(em, programme, Role.PATHWAY_REFERENT, { partner: ref(em.merge(w.partners.preTeam)) });
      await em.flush();

      const caseloadOf = (data: Listed) => data.accounts.edges.find((e) => e.node.account.id === gid('Account', w.accounts.pathwayReferent.id))?.node.caseload;
      const statements = async (first: number) => {
        const response = await server.http({ body: { query: ACCOUNTS, variables: { filter: { role: 'PATHWAY_REFERENT' }, first } }, token: w.tokens.coordinator });
        expect(response.json?.errors).toBeUndefined();
        return { count: Number(response.headers.get('x-sql-statements')), data: response.json!.data as unknown as Listed };
      };
      const few = await statements(2);
      const many = await statements(13);
      expect(many.data.accounts.edges).toHaveLength(13);
      expect(caseloadOf(many.data)).toEqual({ activePathways: 2, openReferrals: 0 });
      expect(many.data.accounts.edges.filter((e) => e.node.account.id !== gid('Account', w.accounts.pathwayReferent.id)).every((e) => e.node.caseload?.activePathways === 0)).toBe(true);
      expect(many.count).toBe(few.count);
      // Other roles have no caseload.
      const agents = dataOf(await list({ filter: { role: 'PARTNER_AGENT' } })).accounts;
      expect(agents.edges.every((e) => e.node.caseload === null)).toBe(true);
    });

    it('viewer.programme: name, INSEE code and settings, for every role', async () => {
      const PROGRAMME = '{ viewer { programme { name inseeCode settings { retentionActiveYears accessLogRetentionMonths statisticsThreshold invitationLifetimeHours } } } }';
      for (const token of [w.tokens.admin, w.tokens.guardian, w.tokens.schoolAgent]) {
        expect(dataOf(await server.graphql<{ viewer: unknown }>(PROGRAMME, {}, token)).viewer).toEqual({
          programme: {
            name: w.programme.name,
            inseeCode: w.programme.inseeCode,
            settings: { retentionActiveYears: 2, accessLogRetentionMonths: 12, statisticsThreshold: 5, invitationLifetimeHours: 168 },
          },
        });
      }
    });
  });
});
