import { ref } from '@mikro-orm/core';
import { DataCategory, LegalBasis, ServiceLinkStatus, type Consent, type ServiceLink } from '../src/entities';
import { startTestServer, type TestServer } from './helpers/test-server';
import { parisDay } from './helpers/queries';
import { addDays, buildWorld, count, dataOf, errorOf, forkEm, gid, inclusionFollowUpOf, sql, uuidOf, writeEvents, type World } from './helpers/workflow-world';
import * as f from './factories';

/**
 * Links between services (issue 4, "Consent and links"): the inclusion referent proposes,
 * activates, suspends and revokes them. Activation needs a legal basis (a consent of the
 * child covering the partner and every category, or a shared secret with the parents
 * informed or the reason they were not); a link never shares more than its partner's
 * kind may see; transitions follow the SERVICE_LINK table; edits carry the version.
 */

const LINK_FIELDS =
  'id version status categories purpose legalBasis validFrom validUntil parentsInformedOn parentsNotInformedReason suspendedAt suspensionReason revokedAt revocationReason ' +
  'partner { id } originPartner { id } consent { id } createdBy { id } child { id }';

const PROPOSE = `mutation ($input: ProposeServiceLinkInput!) { proposeServiceLink(input: $input) { ${LINK_FIELDS} } }`;
const ACTIVATE = `mutation ($id: ID!, $version: Int!) { activateServiceLink(id: $id, version: $version) { ${LINK_FIELDS} } }`;
const SUSPEND = `mutation ($id: ID!, $version: Int!, $reason: String) { suspendServiceLink(id: $id, version: $version, reason: $reason) { ${LINK_FIELDS} } }`;
const REVOKE = `mutation ($id: ID!, $version: Int!, $reason: String!) { revokeServiceLink(id: $id, version: $version, reason: $reason) { ${LINK_FIELDS} } }`;
const CHILD_BLOCKS = 'query ($id: ID!) { child(id: $id) { id firstName inclusion { status } contact { languages } health { diagnosis } } }';
const CHILD = 'query ($id: ID!) { child(id: $id) { id firstName } }';

interface LinkData {
  id: string;
  version: number;
  status: string;
  categories: string[];
  legalBasis: string;
  validFrom: string;
  validUntil: string | null;
  parentsInformedOn: string | null;
  parentsNotInformedReason: string | null;
  suspendedAt: string | null;
  suspensionReason: string | null;
  revokedAt: string | null;
  revocationReason: string | null;
  partner: { id: string } | null;
  originPartner: { id: string } | null;
  consent: { id: string } | null;
  createdBy: { id: string } | null;
  child: { id: string } | null;
}

describe('service link workflow', () => {
  let server: TestServer;
  let w: World;
  let today: string;

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    server?.setNow(undefined);
    await server?.close();
  });
  beforeEach(async () => {
    server.setNow(undefined);
    w = await buildWorld(server);
    // The inclusion referents' rows: the child's follow-up, opened with the family's consent.
    await inclusionFollowUpOf(server, w);
    today = parisDay(new Date());
  });

  /** A consent of the child: the leisure centre may receive IDENTITY and INCLUSION, the health centre HEALTH. */
  async function givenConsent(overrides: Partial<Consent> = {}): Promise<Consent> {
    const em = forkEm(server);
    const consent = f.consent(
      em,
      em.merge(w.child),
      em.merge(w.guardian),
      [
        { partner: em.merge(w.partners.leisure), categories: [DataCategory.IDENTITY, DataCategory.INCLUSION] },
        { partner: em.merge(w.partners.health), categories: [DataCategory.HEALTH] },
      ],
      overrides,
    );
    await em.flush();
    return consent;
  }

  /** A link made by the factory (for states the API cannot reach directly). */
  async function factoryLink(overrides: Partial<ServiceLink>): Promise<ServiceLink> {
    const em = forkEm(server);
    const link = f.serviceLink(em, em.merge(w.child), em.merge(w.partners.leisure), em.merge(w.accounts.inclusionReferent), overrides);
    await em.flush();
    return link;
  }

  const proposeInput = (overrides: Record<string, unknown> = {}) => ({
    childId: w.ids.child,
    partnerId: w.ids.leisure,
    purpose: 'INCLUSION_FOLLOW_UP',
    categories: ['INCLUSION'],
    legalBasis: 'SHARED_SECRET_L121_6_2',
    parentsInformedOn: today,
    validFrom: today,
    ...overrides,
  });

  async function propose(overrides: Record<string, unknown> = {}): Promise<LinkData> {
    return dataOf(await server.graphql<{ proposeServiceLink: LinkData }>(PROPOSE, { input: proposeInput(overrides) }, w.tokens.inclusionReferent)).proposeServiceLink;
  }

  const linkRow = async (id: string) =>
    (await sql(server, 'select status, version, suspended_at, suspension_reason, revoked_at, revocation_reason from service_link where id = ?', [id]))[0];

  describe('proposeServiceLink', () => {
    it('proposes a link for a child of the referent rows; it grants nothing yet', async () => {
      const consent = await givenConsent();
      const link = await propose({
        legalBasis: 'CONSENT',
        consentId: gid('Consent', consent.id),
        parentsInformedOn: null,
        originPartnerId: w.ids.school,
        categories: ['IDENTITY', 'INCLUSION'],
        validUntil: addDays(today, 30),
      });
      expect(link).toEqual({
        id: expect.any(String),
        version: 1,
        status: 'PROPOSED',
        categories: ['IDENTITY', 'INCLUSION'],
        purpose: 'INCLUSION_FOLLOW_UP',
        legalBasis: 'CONSENT',
        validFrom: today,
        validUntil: addDays(today, 30),
        parentsInformedOn: null,
        parentsNotInformedReason: null,
        suspendedAt: null,
        suspensionReason: null,
        revokedAt: null,
        revocationReason: null,
        partner: { id: w.ids.leisure },
        originPartner: { id: w.ids.school },
        consent: { id: gid('Consent', consent.id) },
        createdBy: { id: gid('Account', w.accounts.inclusionReferent.id) },
        child: { id: w.ids.child },
      });
      expect(await writeEvents(server, w.programme.id)).toEqual([
        { action: 'CREATE', entity: 'ServiceLink', child_id: w.child.id, categories: ['IDENTITY', 'INCLUSION'] },
      ]);
      expect(errorOf(await server.graphql(CHILD, { id: w.ids.child }, w.tokens.leisureAgent))).toEqual({ code: 'NOT_FOUND' });
    });

    it('is NOT_FOUND for a child outside the referent rows (a proposed link would grant nothing to bring it in), nothing written', async () => {
      const links = await count(server, 'service_link', w.programme.id);
      expect(errorOf(await server.graphql(PROPOSE, { input: proposeInput({ childId: w.ids.otherChild }) }, w.tokens.inclusionReferent))).toEqual({ code: 'NOT_FOUND' });
      expect(await count(server, 'service_link', w.programme.id)).toBe(links);
      expect(await writeEvents(server, w.programme.id)).toEqual([]);
    });

    it.each([
      ['categories beyond the partner kind (HEALTH for a leisure centre)', { categories: ['INCLUSION', 'HEALTH'] }, 'input.categories', 'BEYOND_KIND_MAXIMUM'],
      ['no category', { categories: [] }, 'input.categories', undefined],
      ['a category twice', { categories: ['INCLUSION', 'INCLUSION'] }, 'input.categories', undefined],
      ['an unknown partner', { partnerId: 'CHILD_AS_PARTNER' }, 'input.partnerId', undefined],
      ['the receiving partner as origin', { originPartnerId: 'LEISURE' }, 'input.originPartnerId', undefined],
      ['a consent on a shared-secret basis', { consentId: 'THE_CONSENT' }, 'input.consentId', undefined],
      ['parents informed on a CONSENT basis', { legalBasis: 'CONSENT' }, 'input.parentsInformedOn', undefined],
      ['a consent of another child', { legalBasis: 'CONSENT', parentsInformedOn: null, consentId: 'OTHER_CONSENT' }, 'input.consentId', undefined],
      ['both parentsInformedOn and a reason', { parentsNotInformedReason: 'danger' }, 'input.parentsNotInformedReason', undefined],
      ['parents informed in the future', { parentsInformedOn: 'TOMORROW' }, 'input.parentsInformedOn', undefined],
      ['validUntil before validFrom', { validFrom: 'TOMORROW', validUntil: 'TODAY' }, 'input.validUntil', undefined],
      ['validUntil in the past', { validFrom: '2025-01-01', validUntil: '2025-02-01' }, 'input.validUntil', undefined],
      ['validFrom before the programme existed', { validFrom: '1999-01-01' }, 'input.validFrom', undefined],
    ] as [string, Record<string, unknown>, string, string | undefined][])(
      'refuses %s: BAD_USER_INPUT naming the field, nothing written',
      async (_name, change, field, reason) => {
        const consent = await givenConsent();
        const em = forkEm(server);
        const otherConsent = f.consent(em, em.merge(w.otherChild), em.merge(w.otherGuardian), [{ partner: em.merge(w.partners.leisure), categories: [DataCategory.INCLUSION] }]);
        await em.flush();
        const values: Record<string, unknown> = {
          CHILD_AS_PARTNER: w.ids.child,
          LEISURE: w.ids.leisure,
          THE_CONSENT: gid('Consent', consent.id),
          OTHER_CONSENT: gid('Consent', otherConsent.id),
          TODAY: today,
          TOMORROW: addDays(today, 1),
        };
        const overrides = Object.fromEntries(Object.entries(change).map(([k, v]) => [k, typeof v === 'string' && v in values ? values[v] : v]));
        const result = await server.graphql(PROPOSE, { input: proposeInput(overrides) }, w.tokens.inclusionReferent);
        expect(errorOf(result)).toEqual({ code: 'BAD_USER_INPUT', field, ...(reason ? { reason } : {}) });
        expect(await count(server, 'service_link', w.programme.id)).toBe(0);
        expect(await writeEvents(server, w.programme.id)).toEqual([]);
      },
    );

    it('is FORBIDDEN to every role but the inclusion referent; NOT_FOUND for a child of another programme', async () => {
      for (const who of ['coordinator', 'pathwayReferent', 'leisureAgent', 'guardian', 'admin', 'analyst', 'dpo'] as const) {
        expect([who, errorOf(await server.graphql(PROPOSE, { input: proposeInput() }, w.tokens[who]))]).toEqual([who, { code: 'FORBIDDEN' }]);
      }
      const elsewhere = await buildWorld(server);
      expect(errorOf(await server.graphql(PROPOSE, { input: proposeInput({ childId: elsewhere.ids.child }) }, w.tokens.inclusionReferent))).toEqual({ code: 'NOT_FOUND' });
      expect(await count(server, 'service_link', w.programme.id)).toBe(0);
      expect(await count(server, 'service_link', elsewhere.programme.id)).toBe(0);
    });
  });

  describe('activateServiceLink', () => {
    it('activates a link whose consent covers its partner and categories: the partner then sees exactly those blocks', async () => {
      const consent = await givenConsent();
      const proposed = await propose({ legalBasis: 'CONSENT', consentId: gid('Consent', consent.id), parentsInformedOn: null, categories: ['IDENTITY', 'INCLUSION'] });
      const active = dataOf(await server.graphql<{ activateServiceLink: LinkData }>(ACTIVATE, { id: proposed.id, version: 1 }, w.tokens.inclusionReferent)).activateServiceLink;
      expect(active).toMatchObject({ status: 'ACTIVE', version: 2 });
      expect((await writeEvents(server, w.programme.id)).map((e) => [e.action, e.categories])).toEqual([
        ['CREATE', ['IDENTITY', 'INCLUSION']],
        ['GRANT', ['IDENTITY', 'INCLUSION']],
      ]);
      const seen = await server.graphql<{ child: { id: string; inclusion: unknown; contact: unknown; health: unknown } }>(CHILD_BLOCKS, { id: w.ids.child }, w.tokens.leisureAgent);
      expect(seen.data!.child).toMatchObject({ id: w.ids.child, inclusion: { status: 'OPEN' }, contact: null, health: null });
      expect(seen.errors!.map((e) => [e.path!.join('.'), e.extensions!.code])).toEqual([
        ['child.contact', 'FORBIDDEN'],
        ['child.health', 'FORBIDDEN'],
      ]);
    });

    it('activates a shared-secret link with the date parents were informed, or with the reason they were not', async () => {
      const informed = await propose();
      expect(dataOf(await server.graphql<{ activateServiceLink: LinkData }>(ACTIVATE, { id: informed.id, version: 1 }, w.tokens.inclusionReferent)).activateServiceLink.status).toBe('ACTIVE');
      const notInformed = await propose({ parentsInformedOn: null, parentsNotInformedReason: "Contraire à l'intérêt de l'enfant", partnerId: w.ids.health, categories: ['HEALTH'] });
      const result = dataOf(await server.graphql<{ activateServiceLink: LinkData }>(ACTIVATE, { id: notInformed.id, version: 1 }, w.tokens.inclusionReferent)).activateServiceLink;
      expect(result).toMatchObject({ status: 'ACTIVE', parentsNotInformedReason: "Contraire à l'intérêt de l'enfant" });
    });

    it.each([
      ['without a consent', 'none', 'consentId'],
      ["whose consent scope lacks one of the link's categories", 'notCovering', 'consentId'],
      ["whose consent does not name the link's partner", 'otherPartner', 'consentId'],
      ['whose consent has expired', 'expired', 'consentId'],
      ['whose consent was withdrawn', 'withdrawn', 'consentId'],
      ['on a shared secret without the parents informed nor the reason', 'sharedSecretBare', 'parentsInformedOn'],
    ])('refuses a link %s: BAD_USER_INPUT, reason NO_LEGAL_BASIS, nothing changes', async (_name, kind, field) => {
      let link: ServiceLink;
      const consentLink = { legalBasis: LegalBasis.CONSENT, parentsInformedOn: undefined, status: ServiceLinkStatus.PROPOSED };
      if (kind === 'none') link = await factoryLink({ ...consentLink, categories: [DataCategory.INCLUSION] });
      else if (kind === 'notCovering') {
        // Proposed through the API: the consent covers IDENTITY and INCLUSION, not CONTACT.
        const consent = await givenConsent();
        const proposed = await propose({ legalBasis: 'CONSENT', consentId: gid('Consent', consent.id), parentsInformedOn: null, categories: ['INCLUSION', 'CONTACT'] });
        link = { id: uuidOf(proposed.id) } as ServiceLink;
      } else if (kind === 'otherPartner') {
        const em = forkEm(server);
        const consent = f.consent(em, em.merge(w.child), em.merge(w.guardian), [{ partner: em.merge(w.partners.school), categories: [DataCategory.INCLUSION] }]);
        await em.flush();
        link = await factoryLink({ ...consentLink, consent: ref(consent), categories: [DataCategory.INCLUSION] });
      } else if (kind === 'expired') link = await factoryLink({ ...consentLink, consent: ref(await givenConsent({ expiresOn: addDays(today, -1) })), categories: [DataCategory.INCLUSION] });
      else if (kind === 'withdrawn') link = await factoryLink({ ...consentLink, consent: ref(await givenConsent({ withdrawnAt: new Date() })), categories: [DataCategory.INCLUSION] });
      else link = await factoryLink({ parentsInformedOn: undefined, status: ServiceLinkStatus.PROPOSED });
      const before = await writeEvents(server, w.programme.id);

      const result = await server.graphql(ACTIVATE, { id: gid('ServiceLink', link.id), version: 1 }, w.tokens.inclusionReferent);
      expect(errorOf(result)).toEqual({ code: 'BAD_USER_INPUT', field, reason: 'NO_LEGAL_BASIS' });
      expect(await linkRow(link.id)).toMatchObject({ status: 'PROPOSED', version: 1 });
      expect(await writeEvents(server, w.programme.id)).toEqual(before);
      expect(errorOf(await server.graphql(CHILD, { id: w.ids.child }, w.tokens.leisureAgent))).toEqual({ code: 'NOT_FOUND' });
    });

    it("refuses a link sharing more than its partner's kind may see (made before the check), naming categories", async () => {
      const link = await factoryLink({ status: ServiceLinkStatus.PROPOSED, categories: [DataCategory.INCLUSION, DataCategory.SOCIAL] });
      expect(errorOf(await server.graphql(ACTIVATE, { id: gid('ServiceLink', link.id), version: 1 }, w.tokens.inclusionReferent))).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'categories',
        reason: 'BEYOND_KIND_MAXIMUM',
      });
      expect(await linkRow(link.id)).toMatchObject({ status: 'PROPOSED', version: 1 });
    });

    it('refuses an active, revoked or expired link: INVALID_TRANSITION with the current state', async () => {
      const cases: [ServiceLink, string][] = [
        [await factoryLink({}), 'ACTIVE'],
        [await factoryLink({ status: ServiceLinkStatus.REVOKED }), 'REVOKED'],
        [await factoryLink({ validUntil: addDays(today, -1) }), 'EXPIRED'],
      ];
      for (const [link, state] of cases) {
        const result = await server.graphql(ACTIVATE, { id: gid('ServiceLink', link.id), version: 1 }, w.tokens.inclusionReferent);
        expect([state, errorOf(result), result.errors![0].extensions!.currentState]).toEqual([state, { code: 'BAD_USER_INPUT', field: 'status', reason: 'INVALID_TRANSITION' }, state]);
      }
      expect(await writeEvents(server, w.programme.id)).toEqual([]);
    });
  });

  describe('suspendServiceLink and revokeServiceLink', () => {
    it('suspends (the partner loses the child), activates again (it sees it back), then revokes for good', async () => {
      const link = await propose();
      dataOf(await server.graphql(ACTIVATE, { id: link.id, version: 1 }, w.tokens.inclusionReferent));
      expect(dataOf(await server.graphql<{ child: { id: string } }>(CHILD, { id: w.ids.child }, w.tokens.leisureAgent)).child.id).toBe(w.ids.child);

      const suspended = dataOf(await server.graphql<{ suspendServiceLink: LinkData }>(SUSPEND, { id: link.id, version: 2, reason: '  Vacances  ' }, w.tokens.inclusionReferent)).suspendServiceLink;
      expect(suspended).toMatchObject({ status: 'SUSPENDED', version: 3, suspensionReason: 'Vacances' });
      expect(suspended.suspendedAt).not.toBeNull();
      expect(errorOf(await server.graphql(CHILD, { id: w.ids.child }, w.tokens.leisureAgent))).toEqual({ code: 'NOT_FOUND' });

      const resumed = dataOf(await server.graphql<{ activateServiceLink: LinkData }>(ACTIVATE, { id: link.id, version: 3 }, w.tokens.inclusionReferent)).activateServiceLink;
      expect(resumed).toMatchObject({ status: 'ACTIVE', version: 4, suspendedAt: null, suspensionReason: null });
      expect(dataOf(await server.graphql<{ child: { id: string } }>(CHILD, { id: w.ids.child }, w.tokens.leisureAgent)).child.id).toBe(w.ids.child);

      const revoked = dataOf(await server.graphql<{ revokeServiceLink: LinkData }>(REVOKE, { id: link.id, version: 4, reason: 'Fin de la prise en charge' }, w.tokens.inclusionReferent)).revokeServiceLink;
      expect(revoked).toMatchObject({ status: 'REVOKED', version: 5, revocationReason: 'Fin de la prise en charge' });
      expect(Date.parse(revoked.revokedAt!)).toBeGreaterThan(Date.now() - 60_000);
      expect(errorOf(await server.graphql(CHILD, { id: w.ids.child }, w.tokens.leisureAgent))).toEqual({ code: 'NOT_FOUND' });

      expect((await writeEvents(server, w.programme.id)).map((e) => `${e.action} ${e.entity} ${e.categories.join(',')}`)).toEqual([
        'CREATE ServiceLink INCLUSION',
        'GRANT ServiceLink INCLUSION',
        'UPDATE ServiceLink INCLUSION',
        'GRANT ServiceLink INCLUSION',
        'REVOKE ServiceLink INCLUSION',
      ]);
      // Revoked is final.
      const again = await server.graphql(ACTIVATE, { id: link.id, version: 5 }, w.tokens.inclusionReferent);
      expect(errorOf(again)).toEqual({ code: 'BAD_USER_INPUT', field: 'status', reason: 'INVALID_TRANSITION' });
      expect(again.errors![0].extensions!.currentState).toBe('REVOKED');
    });

    it('refuses to suspend a proposed link (INVALID_TRANSITION), and to revoke without a reason (naming reason)', async () => {
      const link = await propose();
      const suspend = await server.graphql(SUSPEND, { id: link.id, version: 1 }, w.tokens.inclusionReferent);
      expect(errorOf(suspend)).toEqual({ code: 'BAD_USER_INPUT', field: 'status', reason: 'INVALID_TRANSITION' });
      expect(suspend.errors![0].extensions).toMatchObject({ currentState: 'PROPOSED', requestedState: 'SUSPENDED' });
      expect(errorOf(await server.graphql(REVOKE, { id: link.id, version: 1, reason: '   ' }, w.tokens.inclusionReferent))).toEqual({ code: 'BAD_USER_INPUT', field: 'reason' });
      expect(errorOf(await server.graphql(SUSPEND, { id: link.id, version: 1, reason: 'x'.repeat(2001) }, w.tokens.inclusionReferent))).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect(await linkRow(uuidOf(link.id))).toMatchObject({ status: 'PROPOSED', version: 1, revoked_at: null });
      expect(await writeEvents(server, w.programme.id)).toHaveLength(1);
    });

    it('answers CONFLICT for a stale version and changes nothing; of two concurrent edits of one version, one wins', async () => {
      const link = await propose();
      dataOf(await server.graphql(ACTIVATE, { id: link.id, version: 1 }, w.tokens.inclusionReferent));
      const uuid = uuidOf(link.id);

      const stale = await server.graphql(SUSPEND, { id: link.id, version: 1, reason: 'stale' }, w.tokens.inclusionReferent);
      expect(errorOf(stale)).toEqual({ code: 'CONFLICT' });
      expect(stale.errors![0].extensions!.currentVersion).toBe(2);
      expect(await linkRow(uuid)).toMatchObject({ status: 'ACTIVE', version: 2, suspension_reason: null });
      expect(await writeEvents(server, w.programme.id)).toHaveLength(2);

      const results = await Promise.all([
        server.graphql<{ suspendServiceLink: LinkData }>(SUSPEND, { id: link.id, version: 2, reason: 'first' }, w.tokens.inclusionReferent),
        server.graphql<{ revokeServiceLink: LinkData }>(REVOKE, { id: link.id, version: 2, reason: 'second' }, w.tokens.inclusionReferent),
      ]);
      const codes = results.map((r) => (r.errors ? r.errors[0].extensions!.code : 'OK')).sort();
      expect(codes).toEqual(['CONFLICT', 'OK']);
      const row = await linkRow(uuid);
      expect(row.version).toBe(3);
      expect(row.status === 'SUSPENDED' ? row.suspension_reason : row.revocation_reason).toBe(row.status === 'SUSPENDED' ? 'first' : 'second');
      expect(await writeEvents(server, w.programme.id)).toHaveLength(3);
    });

    it('is FORBIDDEN to other roles, NOT_FOUND to an inclusion referent whose rows miss the child', async () => {
      const link = await propose();
      for (const mutation of [ACTIVATE, SUSPEND]) {
        for (const who of ['coordinator', 'pathwayReferent', 'leisureAgent', 'guardian'] as const) {
          expect([who, errorOf(await server.graphql(mutation, { id: link.id, version: 1 }, w.tokens[who]))]).toEqual([who, { code: 'FORBIDDEN' }]);
        }
      }
      // A proposed link of a child without follow-up: it puts the child in nobody's rows,
      // its own creator's included.
      const em = forkEm(server);
      const outside = f.serviceLink(em, em.merge(w.otherChild), em.merge(w.partners.leisure), em.merge(w.accounts.inclusionReferent), { status: ServiceLinkStatus.PROPOSED });
      await em.flush();
      for (const who of ['inclusionReferent', 'otherInclusionReferent'] as const) {
        expect([who, errorOf(await server.graphql(ACTIVATE, { id: gid('ServiceLink', outside.id), version: 1 }, w.tokens[who]))]).toEqual([who, { code: 'NOT_FOUND' }]);
        expect([who, errorOf(await server.graphql(REVOKE, { id: gid('ServiceLink', outside.id), version: 1, reason: 'x' }, w.tokens[who]))]).toEqual([who, { code: 'NOT_FOUND' }]);
      }
      expect(errorOf(await server.graphql(ACTIVATE, { id: gid('ServiceLink', w.child.id), version: 1 }, w.tokens.inclusionReferent))).toEqual({ code: 'NOT_FOUND' });
      expect(await writeEvents(server, w.programme.id)).toHaveLength(1);
    });
  });
});
