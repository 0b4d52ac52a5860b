import { ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Account, Child, ConsentPurpose, DataCategory, LegalBasis, Partner, Programme, type Consent, type Pathway, type ServiceLink } from '../src/entities';
import { startTestServer, type GraphQLResult, type TestServer } from './helpers/test-server';
import { buildPathwayWorld, dataOf, errorOf, eventsOfRequest, gid, pathwayOf, requestWithId, RESUME_PATHWAY, sql, type PathwayWorld } from './helpers/pathway-world';
import * as f from './factories';

/**
 * Issue 12: a withdrawal the family makes on paper or by phone is recorded by an agent
 * (recordConsentWithdrawal) with the same effect as the guardian's own withdrawConsent, by
 * the same code path and in the same transaction: the links resting on the consent are
 * revoked at once, and a pathway resting on a withdrawn PATHWAY consent is suspended with
 * that reason. The consent says how, and by whom, it was withdrawn.
 */

const RECORD = /* GraphQL */ `
  mutation ($id: ID!, $version: Int!, $method: ConsentMethod!, $at: DateTimeISO!) {
    recordConsentWithdrawal(id: $id, version: $version, method: $method, withdrawnAt: $at) {
      id version withdrawnAt withdrawalMethod withdrawnBy { id } grantsNow grantLapse
    }
  }
`;
const WITHDRAW = /* GraphQL */ `
  mutation ($id: ID!, $version: Int!) { withdrawConsent(id: $id, version: $version) { id withdrawnAt withdrawalMethod withdrawnBy { id } grantsNow grantLapse } }
`;
const SEES = `query ($id: ID!) { child(id: $id) { id } }`;
const PATHWAY = `query ($id: ID!) { node(id: $id) { ... on Pathway { status suspendedAt suspensionReason version } } }`;

describe('consent withdrawn on paper or by phone', () => {
  let server: TestServer;
  let world: PathwayWorld;
  const fork = () => server.orm.em.fork() as EntityManager;

  beforeAll(async () => {
    server = await startTestServer();
    world = await buildPathwayWorld(server);
  });
  afterAll(async () => {
    await server?.close();
  });

  /** A child of the world's referent's caseload, its PATHWAY consent, an INFORMATION_SHARING one and an active link to the school on it. */
  async function household(): Promise<{ child: Child; pathwayConsent: Consent; sharing: Consent; link: ServiceLink; pathway: Pathway }> {
    const em = fork();
    const family = f.family(em, em.getReference(Programme, world.programme.id));
    const parent = f.guardian(em, family);
    const child = f.child(em, family);
    const pathwayConsent = f.consent(em, child, parent, [], { purpose: ConsentPurpose.PATHWAY });
    const school = em.getReference(Partner, world.partners.school.id);
    const sharing = f.consent(em, child, parent, [{ partner: school, categories: [DataCategory.IDENTITY, DataCategory.SCHOOLING] }]);
    const link = f.serviceLink(em, child, school, em.getReference(Account, world.accounts.inclusion.id), {
      legalBasis: LegalBasis.CONSENT,
      consent: ref(sharing),
      parentsInformedOn: undefined,
      categories: [DataCategory.IDENTITY, DataCategory.SCHOOLING],
    });
    await em.flush();
    const pathway = await pathwayOf(server, world, { child });
    await sql(server, 'update pathway set consent_id = ? where id = ?', [pathwayConsent.id, pathway.id]);
    return { child, pathwayConsent, sharing, link, pathway };
  }

  const record = (consent: Consent, token: string, variables: Record<string, unknown> = {}) =>
    requestWithId<{ recordConsentWithdrawal: Record<string, unknown> }>(
      server,
      RECORD,
      { id: gid('Consent', consent.id), version: consent.version, method: 'ORAL_RECORDED', at: new Date(Date.now() - 3_600_000).toISOString(), ...variables },
      token,
    );

  const state = async (h: { sharing: Consent; link: ServiceLink; pathway: Pathway; pathwayConsent: Consent }) => ({
    consents: await sql(server, 'select id, version, withdrawn_at is not null as withdrawn, withdrawal_method, withdrawn_by_id from consent where id in (?, ?) order by id', [
      h.sharing.id,
      h.pathwayConsent.id,
    ]),
    link: (await sql(server, 'select status, revocation_reason, version from service_link where id = ?', [h.link.id]))[0],
    pathway: (await sql(server, 'select status, suspension_reason, version from pathway where id = ?', [h.pathway.id]))[0],
  });

  it('revokes the links resting on it at once, in the same request, and says who received it and how', async () => {
    const h = await household();
    const childId = gid('Child', h.child.id);
    expect(dataOf(await server.graphql(SEES, { id: childId }, world.tokens.schoolAgent))).toEqual({ child: { id: childId } });
    const at = new Date(Date.now() - 2 * 3_600_000).toISOString();
    const { requestId, result } = await record(h.sharing, world.tokens.referent, { method: 'SIGNED_FORM', at });
    expect(dataOf(result).recordConsentWithdrawal).toEqual({
      id: gid('Consent', h.sharing.id),
      version: h.sharing.version + 1,
      withdrawnAt: at,
      withdrawalMethod: 'SIGNED_FORM',
      withdrawnBy: { id: gid('Account', world.accounts.referent.id) },
      grantsNow: false,
      grantLapse: 'CONSENT_WITHDRAWN',
    });
    const after = await state(h);
    expect(after.link).toEqual({ status: 'REVOKED', revocation_reason: 'Consent withdrawn by the family, recorded by an agent', version: h.link.version + 1 });
    expect(after.pathway).toMatchObject({ status: 'ACTIVE', suspension_reason: null });
    const writes = (await eventsOfRequest(server, requestId)).filter((e) => e.action !== 'READ');
    expect(writes.map((e) => [e.action, e.entity, e.child_id])).toEqual([
      ['REVOKE', 'Consent', h.child.id],
      ['REVOKE', 'ServiceLink', h.child.id],
    ]);
    const seen = await server.graphql(SEES, { id: childId }, world.tokens.schoolAgent);
    expect(errorOf(seen)).toEqual({ code: 'NOT_FOUND' });
  });

  it('withdrawing the PATHWAY consent suspends its pathway with that reason; the pathway cannot resume on it', async () => {
    const h = await household();
    const { requestId, result } = await record(h.pathwayConsent, world.tokens.referent);
    dataOf(result);
    const pathway = dataOf(await server.graphql<{ node: Record<string, unknown> }>(PATHWAY, { id: gid('Pathway', h.pathway.id) }, world.tokens.coordinator)).node;
    expect(pathway).toMatchObject({ status: 'SUSPENDED', suspensionReason: 'The PATHWAY consent it rests on was withdrawn', version: h.pathway.version + 1 });
    expect(Date.parse(pathway.suspendedAt as string)).toBeGreaterThan(Date.now() - 60_000);
    const writes = (await eventsOfRequest(server, requestId)).filter((e) => e.action !== 'READ');
    expect(writes.map((e) => [e.action, e.entity]).sort()).toEqual([
      ['REVOKE', 'Consent'],
      ['UPDATE', 'Pathway'],
    ]);
    const resumed = await server.graphql(RESUME_PATHWAY, { id: gid('Pathway', h.pathway.id), version: pathway.version }, world.tokens.coordinator);
    expect(errorOf(resumed)).toEqual({ code: 'BAD_USER_INPUT', field: 'id', reason: 'CONSENT_REQUIRED' });
    expect((await state(h)).pathway).toMatchObject({ status: 'SUSPENDED', version: pathway.version });
  });

  it("the guardian's own withdrawal takes the same path: links revoked, pathway suspended, method PORTAL, no account shown", async () => {
    const h = await household();
    // The world's guardian account is the guardian of the world's child: give it this household's consents.
    await sql(server, 'update account set guardian_id = (select given_by_id from consent where id = ?) where id = ?', [h.sharing.id, world.accounts.guardian.id]);
    try {
      for (const consent of [h.sharing, h.pathwayConsent]) {
        const result = await server.graphql<{ withdrawConsent: Record<string, unknown> }>(WITHDRAW, { id: gid('Consent', consent.id), version: consent.version }, world.tokens.guardian);
        expect(dataOf(result).withdrawConsent).toMatchObject({ withdrawalMethod: 'PORTAL', withdrawnBy: null, grantsNow: false, grantLapse: 'CONSENT_WITHDRAWN' });
      }
    } finally {
      await sql(server, 'update account set guardian_id = ? where id = ?', [world.guardian.id, world.accounts.guardian.id]);
    }
    const after = await state(h);
    expect(after.link).toMatchObject({ status: 'REVOKED', revocation_reason: 'Consent withdrawn by the guardian' });
    expect(after.pathway).toMatchObject({ status: 'SUSPENDED', suspension_reason: 'The PATHWAY consent it rests on was withdrawn' });
    expect(after.consents).toEqual([
      expect.objectContaining({ withdrawn: true, withdrawal_method: 'PORTAL', withdrawn_by_id: world.accounts.guardian.id }),
      expect.objectContaining({ withdrawn: true, withdrawal_method: 'PORTAL', withdrawn_by_id: world.accounts.guardian.id }),
    ]);
  });

  it.each([
    ['PORTAL as the method', 'referent', { method: 'PORTAL' }, { code: 'BAD_USER_INPUT', field: 'method' }],
    ['a withdrawal in the future', 'referent', { at: new Date(Date.now() + 3_600_000).toISOString() }, { code: 'BAD_USER_INPUT', field: 'withdrawnAt' }],
    ['a withdrawal before the consent', 'referent', { at: '2020-01-01T00:00:00.000Z' }, { code: 'BAD_USER_INPUT', field: 'withdrawnAt' }],
    ['a stale version', 'referent', { version: 99 }, { code: 'CONFLICT' }],
    ['a referent of other children', 'referent2', {}, { code: 'NOT_FOUND' }],
    ['a partner agent', 'schoolAgent', {}, { code: 'FORBIDDEN' }],
    ['the coordinator (policy: referents record consent)', 'coordinator', {}, { code: 'FORBIDDEN' }],
  ] as const)('refuses %s and changes nothing', async (_, who, variables, expected) => {
    const h = await household();
    const before = await state(h);
    const { result } = await record(h.pathwayConsent, world.tokens[who], variables);
    expect(errorOf(result as GraphQLResult<unknown>)).toEqual(expected);
    expect(await state(h)).toEqual(before);
  });

  it('refuses a second withdrawal (final), naming the state', async () => {
    const h = await household();
    dataOf((await record(h.sharing, world.tokens.referent)).result);
    const again = await record({ ...h.sharing, version: h.sharing.version + 1 } as Consent, world.tokens.referent);
    expect(errorOf(again.result)).toEqual({ code: 'BAD_USER_INPUT', field: 'id', reason: 'INVALID_TRANSITION', currentState: 'WITHDRAWN' });
  });
});
