import { ref } from '@mikro-orm/core';
import { DataCategory, LegalBasis, ServiceLinkStatus } from '../src/entities';
import { startTestServer, type TestServer } from './helpers/test-server';
import { parisDay } from './helpers/queries';
import { addDays, buildWorld, count, dataOf, errorOf, forkEm, gid, inclusionFollowUpOf, sql, writeEvents, type World } from './helpers/workflow-world';
import * as f from './factories';

/**
 * Consent (issue 4, "Consent and links"): an agent records a consent given on paper or
 * orally, a guardian gives and withdraws one; only a guardian holding parental authority
 * can; withdrawing revokes every link resting on the consent, in the same transaction,
 * and the partner loses the child on the next request.
 */

const CONSENT_FIELDS = 'id version purpose method givenAt expiresOn withdrawnAt givenBy { id firstName } recordedBy { id } scope { partner { id } categories }';

const RECORD_CONSENT = `mutation ($input: RecordConsentInput!) { recordConsent(input: $input) { ${CONSENT_FIELDS} } }`;
const GIVE_CONSENT = `mutation ($input: GiveConsentInput!) { giveConsent(input: $input) { ${CONSENT_FIELDS} } }`;
const WITHDRAW_CONSENT = `mutation ($id: ID!, $version: Int!) { withdrawConsent(id: $id, version: $version) { ${CONSENT_FIELDS} } }`;
const CHILD_INCLUSION = 'query ($id: ID!) { child(id: $id) { id firstName inclusion { status } } }';

interface ConsentData {
  id: string;
  version: number;
  purpose: string;
  method: string;
  givenAt: string;
  expiresOn: string | null;
  withdrawnAt: string | null;
  givenBy: { id: string; firstName: string } | null;
  recordedBy: { id: string } | null;
  scope: { partner: { id: string } | null; categories: string[] }[];
}

describe('consent workflow', () => {
  let server: TestServer;
  let w: World;
  let today: string;

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.close();
  });
  beforeEach(async () => {
    w = await buildWorld(server);
    today = parisDay(new Date());
  });

  const recordInput = (overrides: Record<string, unknown> = {}) => ({
    childId: w.ids.child,
    guardianId: w.ids.guardian,
    purpose: 'INFORMATION_SHARING',
    method: 'SIGNED_FORM',
    givenAt: '2025-03-01T09:30:00.000Z',
    scope: [{ partnerId: w.ids.leisure, categories: ['IDENTITY', 'INCLUSION'] }],
    ...overrides,
  });
  const giveInput = (overrides: Record<string, unknown> = {}) => ({
    childId: w.ids.child,
    purpose: 'INFORMATION_SHARING',
    scope: [{ partnerId: w.ids.leisure, categories: ['INCLUSION'] }],
    ...overrides,
  });

  describe('recordConsent', () => {
    it('records a signed form for a child of the referent, with its scope and the recording agent, and logs it', async () => {
      const result = await server.graphql<{ recordConsent: ConsentData }>(
        RECORD_CONSENT,
        { input: recordInput({ expiresOn: addDays(today, 365) }) },
        w.tokens.pathwayReferent,
      );
      const consent = dataOf(result).recordConsent;
      expect(consent).toMatchObject({
        version: 1,
        purpose: 'INFORMATION_SHARING',
        method: 'SIGNED_FORM',
        givenAt: '2025-03-01T09:30:00.000Z',
        expiresOn: addDays(today, 365),
        withdrawnAt: null,
        givenBy: { id: gid('Guardian', w.guardian.id), firstName: 'Fatou' },
        recordedBy: { id: gid('Account', w.accounts.pathwayReferent.id) },
        scope: [{ partner: { id: w.ids.leisure }, categories: ['IDENTITY', 'INCLUSION'] }],
      });
      const [row] = await sql(server, 'select child_id, given_by_id, recorded_by_id, method from consent where programme_id = ?', [w.programme.id]);
      expect(row).toEqual({ child_id: w.child.id, given_by_id: w.guardian.id, recorded_by_id: w.accounts.pathwayReferent.id, method: 'SIGNED_FORM' });
      expect(await count(server, 'consent_scope', w.programme.id)).toBe(1);
      expect(await writeEvents(server, w.programme.id)).toEqual([
        { action: 'CREATE', entity: 'Consent', child_id: w.child.id, categories: ['PATHWAY'] },
      ]);
    });

    it('is open to the inclusion referent for a child of its rows (oral consent, empty scope for PATHWAY)', async () => {
      // The child's follow-up, opened with the family's consent, puts it in its rows.
      await inclusionFollowUpOf(server, w);
      const result = await server.graphql<{ recordConsent: ConsentData }>(
        RECORD_CONSENT,
        { input: recordInput({ guardianId: gid('Guardian', w.guardian.id), method: 'ORAL_RECORDED', purpose: 'PATHWAY', scope: [] }) },
        w.tokens.inclusionReferent,
      );
      expect(dataOf(result).recordConsent).toMatchObject({ method: 'ORAL_RECORDED', purpose: 'PATHWAY', scope: [] });
    });

    it.each([
      ['method PORTAL', { method: 'PORTAL' }, 'input.method', undefined],
      ['givenAt in the future', { givenAt: new Date(Date.now() + 86_400_000).toISOString() }, 'input.givenAt', undefined],
      ['a guardian of another household', 'otherGuardian', 'input.guardianId', undefined],
      ['a guardian without parental authority', 'guardianWithoutAuthority', 'input.guardianId', 'NO_PARENTAL_AUTHORITY'],
      ['a partner ID that is not a partner', 'partnerIsChild', 'input.scope[0].partnerId', undefined],
      ['a partner twice', 'partnerTwice', 'input.scope[1].partnerId', undefined],
      ['categories beyond the partner kind', { scope: [{ partnerId: 'LEISURE', categories: ['HEALTH'] }] }, 'input.scope[0].categories', 'BEYOND_KIND_MAXIMUM'],
      ['no category', { scope: [{ partnerId: 'LEISURE', categories: [] }] }, 'input.scope[0].categories', undefined],
      ['an empty scope for INFORMATION_SHARING', { scope: [] }, 'input.scope', undefined],
      ['expiresOn in the past', { expiresOn: '2024-12-31' }, 'input.expiresOn', undefined],
    ] as [string, Record<string, unknown> | string, string, string | undefined][])(
      'refuses %s: BAD_USER_INPUT naming the field, nothing written',
      async (_name, change, field, reason) => {
        const overrides: Record<string, unknown> =
          change === 'otherGuardian' ? { guardianId: w.ids.otherGuardian }
          : change === 'guardianWithoutAuthority' ? { guardianId: w.ids.guardianWithoutAuthority }
          : change === 'partnerIsChild' ? { scope: [{ partnerId: w.ids.child, categories: ['INCLUSION'] }] }
          : change === 'partnerTwice' ? { scope: [{ partnerId: w.ids.leisure, categories: ['INCLUSION'] }, { partnerId: w.ids.leisure, categories: ['IDENTITY'] }] }
          : JSON.parse(JSON.stringify(change).replace(/"LEISURE"/g, JSON.stringify(w.ids.leisure)));
        const result = await server.graphql(RECORD_CONSENT, { input: recordInput(overrides) }, w.tokens.pathwayReferent);
        expect(errorOf(result)).toEqual({ code: 'BAD_USER_INPUT', field, ...(reason ? { reason } : {}) });
        expect(result.data).toBeNull();
        expect(await count(server, 'consent', w.programme.id)).toBe(0);
        expect(await count(server, 'consent_scope', w.programme.id)).toBe(0);
        expect(await writeEvents(server, w.programme.id)).toEqual([]);
      },
    );

    it.each(['coordinator', 'schoolAgent', 'guardian', 'admin', 'analyst', 'dpo'] as const)(
      'is FORBIDDEN to %s (policy table "Writes"), nothing written',
      async (who) => {
        const result = await server.graphql(RECORD_CONSENT, { input: recordInput() }, w.tokens[who]);
        expect(errorOf(result)).toEqual({ code: 'FORBIDDEN' });
        expect(await count(server, 'consent', w.programme.id)).toBe(0);
      },
    );

    it('answers NOT_FOUND for a child outside the rows of the agent', async () => {
      const result = await server.graphql(RECORD_CONSENT, { input: recordInput({ childId: w.ids.otherChild, guardianId: w.ids.otherGuardian }) }, w.tokens.pathwayReferent);
      expect(errorOf(result)).toEqual({ code: 'NOT_FOUND' });
      // The inclusion referent has no follow-up nor link for the child: not in its rows either.
      const byInclusion = await server.graphql(RECORD_CONSENT, { input: recordInput() }, w.tokens.inclusionReferent);
      expect(errorOf(byInclusion)).toEqual({ code: 'NOT_FOUND' });
      expect(await count(server, 'consent', w.programme.id)).toBe(0);
    });
  });

  describe('giveConsent', () => {
    it('lets a guardian holding parental authority consent on the portal, now, and logs it', async () => {
      const before = Date.now();
      const consent = dataOf(await server.graphql<{ giveConsent: ConsentData }>(GIVE_CONSENT, { input: giveInput({ expiresOn: today }) }, w.tokens.guardian)).giveConsent;
      expect(consent).toMatchObject({
        version: 1,
        method: 'PORTAL',
        purpose: 'INFORMATION_SHARING',
        expiresOn: today,
        recordedBy: null,
        givenBy: { id: gid('Guardian', w.guardian.id) },
        scope: [{ partner: { id: w.ids.leisure }, categories: ['INCLUSION'] }],
      });
      expect(Date.parse(consent.givenAt)).toBeGreaterThanOrEqual(before - 1000);
      expect(Date.parse(consent.givenAt)).toBeLessThanOrEqual(Date.now() + 1000);
      expect(await writeEvents(server, w.programme.id)).toEqual([
        { action: 'CREATE', entity: 'Consent', child_id: w.child.id, categories: ['PATHWAY'] },
      ]);
    });

    it('is FORBIDDEN to a guardian without parental authority, even for a child of its household; nothing written', async () => {
      const result = await server.graphql(GIVE_CONSENT, { input: giveInput() }, w.tokens.guardianWithoutAuthority);
      expect(errorOf(result)).toEqual({ code: 'FORBIDDEN' });
      expect(result.errors![0].message).toMatch(/parental authority/);
      expect(await count(server, 'consent', w.programme.id)).toBe(0);
      expect(await writeEvents(server, w.programme.id)).toEqual([]);
    });

    it('answers NOT_FOUND for a child of another household, and FORBIDDEN to staff', async () => {
      expect(errorOf(await server.graphql(GIVE_CONSENT, { input: giveInput({ childId: w.ids.otherChild }) }, w.tokens.guardian))).toEqual({ code: 'NOT_FOUND' });
      for (const who of ['pathwayReferent', 'inclusionReferent', 'coordinator', 'leisureAgent'] as const) {
        expect([who, errorOf(await server.graphql(GIVE_CONSENT, { input: giveInput() }, w.tokens[who]))]).toEqual([who, { code: 'FORBIDDEN' }]);
      }
      expect(await count(server, 'consent', w.programme.id)).toBe(0);
    });

    it.each([
      ['expiresOn in the past', { expiresOn: '2020-01-01' }, 'input.expiresOn'],
      ['a category twice', { scope: [{ partnerId: 'LEISURE', categories: ['INCLUSION', 'INCLUSION'] }] }, 'input.scope[0].categories'],
      // The PRE team's staff act as referents: a consent line gives it at most their categories, never HEALTH.
      ['HEALTH for the PRE team', { scope: [{ partnerId: 'PRE_TEAM', categories: ['IDENTITY', 'HEALTH'] }] }, 'input.scope[0].categories'],
    ] as [string, Record<string, unknown>, string][])('refuses %s: BAD_USER_INPUT naming the field, nothing written', async (_name, change, field) => {
      const overrides = JSON.parse(JSON.stringify(change).replace(/"LEISURE"/g, JSON.stringify(w.ids.leisure)).replace(/"PRE_TEAM"/g, JSON.stringify(w.ids.preTeam)));
      const result = await server.graphql(GIVE_CONSENT, { input: giveInput(overrides) }, w.tokens.guardian);
      expect(errorOf(result)).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(await count(server, 'consent', w.programme.id)).toBe(0);
      expect(await writeEvents(server, w.programme.id)).toEqual([]);
    });
  });

  describe('withdrawConsent', () => {
    /** A consent of the child scoping the leisure centre, with links in every state resting on it or not. */
    async function consentWithLinks() {
      const em = forkEm(server);
      const child = em.merge(w.child);
      const leisure = em.merge(w.partners.leisure);
      const health = em.merge(w.partners.health);
      const referent = em.merge(w.accounts.inclusionReferent);
      const consent = f.consent(em, child, em.merge(w.guardian), [
        { partner: leisure, categories: [DataCategory.IDENTITY, DataCategory.INCLUSION] },
        { partner: health, categories: [DataCategory.HEALTH] },
      ]);
      const onConsent = { legalBasis: LegalBasis.CONSENT, consent: ref(consent), parentsInformedOn: undefined };
      const links = {
        active: f.serviceLink(em, child, leisure, referent, { ...onConsent, categories: [DataCategory.INCLUSION] }),
        suspended: f.serviceLink(em, child, health, referent, { ...onConsent, categories: [DataCategory.HEALTH], status: ServiceLinkStatus.SUSPENDED }),
        proposed: f.serviceLink(em, child, leisure, referent, { ...onConsent, categories: [DataCategory.IDENTITY], status: ServiceLinkStatus.PROPOSED }),
        alreadyRevoked: f.serviceLink(em, child, leisure, referent, { ...onConsent, status: ServiceLinkStatus.REVOKED, revocationReason: 'before' }),
        sharedSecret: f.serviceLink(em, child, em.merge(w.partners.school), referent),
      };
      await em.flush();
      return { consent, links };
    }

    const statuses = async () =>
      Object.fromEntries(
        (await sql<{ id: string; status: string; revocation_reason: string | null }>(server, 'select id, status, revocation_reason from service_link where programme_id = ?', [w.programme.id])).map((r) => [
          r.id,
          [r.status, r.revocation_reason],
        ]),
      );

    it('withdraws, revokes every live link resting on the consent in the same request, and the partner loses the child on the next one', async () => {
      const { consent, links } = await consentWithLinks();
      // Before: the leisure centre sees the child, through the ACTIVE link on the consent.
      expect(dataOf(await server.graphql<{ child: { id: string } }>(CHILD_INCLUSION, { id: w.ids.child }, w.tokens.leisureAgent)).child.id).toBe(w.ids.child);

      const result = await server.graphql<{ withdrawConsent: ConsentData }>(WITHDRAW_CONSENT, { id: gid('Consent', consent.id), version: 1 }, w.tokens.guardian);
      const withdrawn = dataOf(result).withdrawConsent;
      expect(withdrawn.version).toBe(2);
      expect(Date.parse(withdrawn.withdrawnAt!)).toBeGreaterThan(Date.now() - 60_000);
      const [row] = await sql(server, 'select withdrawn_by_id from consent where id = ?', [consent.id]);
      expect(row.withdrawn_by_id).toBe(w.accounts.guardian.id);

      const reason = 'Consent withdrawn by the guardian';
      expect(await statuses()).toEqual({
        [links.active.id]: ['REVOKED', reason],
        [links.suspended.id]: ['REVOKED', reason],
        [links.proposed.id]: ['REVOKED', reason],
        [links.alreadyRevoked.id]: ['REVOKED', 'before'],
        [links.sharedSecret.id]: ['ACTIVE', null],
      });
      const revokedAt = await sql<{ n: number }>(server, 'select count(*)::int as n from service_link where programme_id = ? and revoked_at is not null', [w.programme.id]);
      expect(revokedAt[0].n).toBe(3);

      const events = await writeEvents(server, w.programme.id);
      expect(events).toHaveLength(4);
      expect(events).toEqual(
        expect.arrayContaining([
          { action: 'REVOKE', entity: 'Consent', child_id: w.child.id, categories: ['PATHWAY'] },
          { action: 'REVOKE', entity: 'ServiceLink', child_id: w.child.id, categories: ['INCLUSION'] },
          { action: 'REVOKE', entity: 'ServiceLink', child_id: w.child.id, categories: ['HEALTH'] },
          { action: 'REVOKE', entity: 'ServiceLink', child_id: w.child.id, categories: ['IDENTITY'] },
        ]),
      );

      const after = await server.graphql(CHILD_INCLUSION, { id: w.ids.child }, w.tokens.leisureAgent);
      expect(errorOf(after)).toEqual({ code: 'NOT_FOUND' });
    });

    it('rolls everything back when revoking one of the links fails: the consent stays given, no link changes, nothing logged', async () => {
      const { consent, links } = await consentWithLinks();
      const before = await statuses();
      // A fault injected in the database on one link only (dropped right after).
      const fn = `fail_link_${links.suspended.id.replace(/-/g, '')}`;
      await sql(server, `create function ${fn}() returns trigger language plpgsql as $$ begin
          if new.id = '${links.suspended.id}' then raise exception 'injected failure'; end if; return new; end $$`);
      await sql(server, `create trigger ${fn} before update on service_link for each row execute function ${fn}()`);
      try {
        const result = await server.graphql(WITHDRAW_CONSENT, { id: gid('Consent', consent.id), version: 1 }, w.tokens.guardian);
        expect(errorOf(result)).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
      } finally {
        await sql(server, `drop trigger ${fn} on service_link`);
        await sql(server, `drop function ${fn}()`);
      }
      const [row] = await sql(server, 'select withdrawn_at, version from consent where id = ?', [consent.id]);
      expect(row).toEqual({ withdrawn_at: null, version: 1 });
      expect(await statuses()).toEqual(before);
      expect(await writeEvents(server, w.programme.id)).toEqual([]);
      expect(dataOf(await server.graphql<{ child: { id: string } }>(CHILD_INCLUSION, { id: w.ids.child }, w.tokens.leisureAgent)).child.id).toBe(w.ids.child);
    });

    it('answers CONFLICT for a stale version and changes nothing', async () => {
      const { consent, links } = await consentWithLinks();
      const result = await server.graphql(WITHDRAW_CONSENT, { id: gid('Consent', consent.id), version: 0 }, w.tokens.guardian);
      expect(errorOf(result)).toEqual({ code: 'CONFLICT' });
      expect(result.errors![0].extensions!.currentVersion).toBe(1);
      const [row] = await sql(server, 'select withdrawn_at, version from consent where id = ?', [consent.id]);
      expect(row).toEqual({ withdrawn_at: null, version: 1 });
      expect((await statuses())[links.active.id]).toEqual(['ACTIVE', null]);
      expect(await writeEvents(server, w.programme.id)).toEqual([]);
    });

    it('refuses a second withdrawal: INVALID_TRANSITION from WITHDRAWN', async () => {
      const { consent } = await consentWithLinks();
      dataOf(await server.graphql(WITHDRAW_CONSENT, { id: gid('Consent', consent.id), version: 1 }, w.tokens.guardian));
      const again = await server.graphql(WITHDRAW_CONSENT, { id: gid('Consent', consent.id), version: 2 }, w.tokens.guardian);
      expect(errorOf(again)).toEqual({ code: 'BAD_USER_INPUT', field: 'id', reason: 'INVALID_TRANSITION' });
      expect(again.errors![0].extensions!.currentState).toBe('WITHDRAWN');
      expect(await writeEvents(server, w.programme.id)).toHaveLength(4);
    });

    it('is FORBIDDEN without parental authority, NOT_FOUND for another household, FORBIDDEN to staff; nothing changes', async () => {
      const { consent } = await consentWithLinks();
      const id = gid('Consent', consent.id);
      expect(errorOf(await server.graphql(WITHDRAW_CONSENT, { id, version: 1 }, w.tokens.guardianWithoutAuthority))).toEqual({ code: 'FORBIDDEN' });
      expect(errorOf(await server.graphql(WITHDRAW_CONSENT, { id, version: 1 }, w.tokens.otherGuardian))).toEqual({ code: 'NOT_FOUND' });
      expect(errorOf(await server.graphql(WITHDRAW_CONSENT, { id, version: 1 }, w.tokens.inclusionReferent))).toEqual({ code: 'FORBIDDEN' });
      expect(errorOf(await server.graphql(WITHDRAW_CONSENT, { id: gid('Consent', w.child.id), version: 1 }, w.tokens.guardian))).toEqual({ code: 'NOT_FOUND' });
      const [row] = await sql(server, 'select withdrawn_at from consent where id = ?', [consent.id]);
      expect(row.withdrawn_at).toBeNull();
      expect(await writeEvents(server, w.programme.id)).toEqual([]);
    });
  });
});
