import { ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { DataCategory, LegalBasis, PartnerKind, Role, ServiceLinkStatus, type Consent } from '../src/entities';
import { toGlobalId } from '../src/schema/global-id';
import { startTestServer, type TestServer } from './helpers/test-server';
import * as f from './factories';

/**
 * `grantsNow` and `grantLapse` on links and consents are computed by the access check's
 * own predicate: for every combination of link status, validity, legal basis, consent
 * state and categories below, the link says it grants exactly when its partner can read
 * the child through the API (and reads its CONTACT block), and the lapse is the first
 * reason of the policy ("Links and consent over time") that applies.
 */

const NOW = new Date('2026-03-15T12:00:00Z');
const { IDENTITY, CONTACT, SOCIAL } = DataCategory;

const STATUSES = [ServiceLinkStatus.ACTIVE, ServiceLinkStatus.PROPOSED, ServiceLinkStatus.SUSPENDED, ServiceLinkStatus.REVOKED, ServiceLinkStatus.EXPIRED];
const VALIDITIES = {
  CURRENT: { validFrom: '2025-01-01', validUntil: '2026-03-15' },
  FUTURE: { validFrom: '2026-03-16', validUntil: undefined },
  PAST: { validFrom: '2025-01-01', validUntil: '2026-03-14' },
} as const;
type Validity = keyof typeof VALIDITIES;
/** SHARED_SECRET: no consent; the others: a CONSENT link on a consent in that state. */
const BASES = ['SHARED_SECRET', 'IN_FORCE', 'SCOPE_WITHOUT_PARTNER', 'WITHDRAWN', 'EXPIRED', 'NOT_YET_GIVEN'] as const;
type Basis = (typeof BASES)[number];
const CATEGORY_SETS = { WITHIN_KIND: [IDENTITY, CONTACT], BEYOND_KIND: [SOCIAL] } as const;
type Categories = keyof typeof CATEGORY_SETS;

interface Case {
  status: ServiceLinkStatus;
  validity: Validity;
  basis: Basis;
  categories: Categories;
  childId: string;
  consent?: Consent;
}

/** The policy's reasons, in its order: the link's own state, then its consent's, then what it gives. */
function expectedLapse(c: Case): string | null {
  if (c.status !== ServiceLinkStatus.ACTIVE) return c.status;
  if (c.validity === 'FUTURE') return 'NOT_YET_VALID';
  if (c.validity === 'PAST') return 'EXPIRED';
  const consentLapse = expectedConsentLapse(c.basis);
  if (consentLapse) return consentLapse;
  if (c.basis === 'SCOPE_WITHOUT_PARTNER' || c.categories === 'BEYOND_KIND') return 'NO_CATEGORY';
  return null;
}

function expectedConsentLapse(basis: Basis): string | null {
  return ({ WITHDRAWN: 'CONSENT_WITHDRAWN', EXPIRED: 'CONSENT_EXPIRED', NOT_YET_GIVEN: 'CONSENT_NOT_YET_GIVEN' } as Record<string, string>)[basis] ?? null;
}

interface LinkView {
  id: string;
  grantsNow: boolean;
  grantLapse: string | null;
  consent: { grantsNow: boolean; grantLapse: string | null } | null;
}

describe('grantsNow agrees with what a partner can read', () => {
  let server: TestServer;
  let em: EntityManager;
  const cases: Case[] = [];
  let coordinatorToken: string;
  let partnerToken: string;

  beforeAll(async () => {
    server = await startTestServer();
    em = server.orm.em.fork();
    const prog = f.programme(em);
    const centre = f.partner(em, prog, { kind: PartnerKind.LEISURE_CENTRE });
    const otherCentre = f.partner(em, prog, { kind: PartnerKind.LEISURE_CENTRE });
    const service = f.partner(em, prog, { kind: PartnerKind.INCLUSION_SERVICE });
    const agent = f.account(em, prog, Role.PARTNER_AGENT, { partner: ref(centre) });
    const referent = f.account(em, prog, Role.INCLUSION_REFERENT, { partner: ref(service) });
    const coordinator = f.account(em, prog, Role.PRE_COORDINATOR);
    for (const status of STATUSES) {
      for (const validity of Object.keys(VALIDITIES) as Validity[]) {
        for (const basis of BASES) {
          for (const categories of Object.keys(CATEGORY_SETS) as Categories[]) {
            const fam = f.family(em, prog, { languages: ['fr'] });
            const parent = f.guardian(em, fam);
            const kid = f.child(em, fam);
            const linkCategories = [...CATEGORY_SETS[categories]];
            const consent =
              basis === 'SHARED_SECRET'
                ? undefined
                : f.consent(em, kid, parent, [{ partner: basis === 'SCOPE_WITHOUT_PARTNER' ? otherCentre : centre, categories: [IDENTITY, CONTACT, SOCIAL] }], {
                    ...(basis === 'WITHDRAWN' ? { withdrawnAt: new Date('2026-02-01T10:00:00Z') } : {}),
                    ...(basis === 'EXPIRED' ? { expiresOn: '2026-03-14' } : {}),
                    ...(basis === 'NOT_YET_GIVEN' ? { givenAt: new Date('2026-03-15T12:30:00Z') } : {}),
                  });
            f.serviceLink(em, kid, centre, referent, {
              status,
              ...VALIDITIES[validity],
              categories: linkCategories,
              ...(consent ? { legalBasis: LegalBasis.CONSENT, consent: ref(consent), parentsInformedOn: undefined } : {}),
            });
            cases.push({ status, validity, basis, categories, childId: kid.id, consent });
          }
        }
      }
    }
    await em.flush();
    coordinatorToken = await server.token(coordinator.subject);
    partnerToken = await server.token(agent.subject);
    server.setNow(NOW);
  });
  afterAll(async () => {
    await server?.close();
  });

  /** Every page of `children` for a token: the ids, and whether CONTACT came back. */
  async function allChildren<N>(token: string, fields: string): Promise<N[]> {
    const nodes: N[] = [];
    let after: string | null = null;
    for (;;) {
      const page: { data?: { children: { pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: N }[] } } | null; errors?: unknown[] } =
        await server.graphql(
          `query ($after: String) { children(first: 100, after: $after) { pageInfo { hasNextPage endCursor } edges { node { ${fields} } } } }`,
          { after },
          token,
        );
      expect(page.errors).toBeUndefined();
      nodes.push(...page.data!.children.edges.map((e) => e.node));
      if (!page.data!.children.pageInfo.hasNextPage) return nodes;
      after = page.data!.children.pageInfo.endCursor;
    }
  }

  it('covers every combination', () => {
    expect(cases).toHaveLength(STATUSES.length * 3 * BASES.length * 2);
    expect(cases.filter((c) => expectedLapse(c) === null).length).toBeGreaterThan(0);
  });

  it('a link grants now exactly when its partner sees the child, with the reason the policy gives', async () => {
    const seen = await allChildren<{ id: string; contact: { languages: string[] } | null }>(partnerToken, 'id contact { languages }');
    const seenIds = new Set(seen.map((c) => c.id));
    for (const child of seen) expect(child.contact).toEqual({ languages: ['fr'] });

    const links = new Map(
      (await allChildren<{ id: string; serviceLinks: LinkView[] }>(coordinatorToken, 'id serviceLinks { id grantsNow grantLapse consent { grantsNow grantLapse } }')).map(
        (c) => [c.id, c.serviceLinks] as const,
      ),
    );
    const mismatches: string[] = [];
    for (const c of cases) {
      const id = toGlobalId('Child', c.childId);
      const [link] = links.get(id) ?? [];
      const state = `${c.status}/${c.validity}/${c.basis}/${c.categories}`;
      if (!link) {
        mismatches.push(`${state}: no link read`);
        continue;
      }
      if (link.grantsNow !== seenIds.has(id)) mismatches.push(`${state}: grantsNow ${link.grantsNow}, partner sees ${seenIds.has(id)}`);
      if (link.grantLapse !== expectedLapse(c)) mismatches.push(`${state}: lapse ${link.grantLapse}, expected ${expectedLapse(c)}`);
      if (link.grantsNow !== (link.grantLapse === null)) mismatches.push(`${state}: grantsNow and lapse disagree`);
      if (c.consent) {
        const consentLapse = expectedConsentLapse(c.basis);
        if (link.consent?.grantsNow !== (consentLapse === null) || link.consent?.grantLapse !== consentLapse) {
          mismatches.push(`${state}: consent ${JSON.stringify(link.consent)}, expected lapse ${consentLapse}`);
        }
      } else if (link.consent !== null) mismatches.push(`${state}: a consent on a shared-secret link`);
    }
    expect(mismatches).toEqual([]);
    expect(seenIds.size).toBe(cases.filter((c) => expectedLapse(c) === null).length);
  });

  it('a change takes effect on the next request, in both answers', async () => {
    const c = cases.find((x) => expectedLapse(x) === null && x.consent)!;
    const id = toGlobalId('Child', c.childId);
    const read = () =>
      server.graphql<{ child: { serviceLinks: LinkView[] } | null }>(`query ($id: ID!) { child(id: $id) { serviceLinks { id grantsNow grantLapse consent { grantsNow grantLapse } } } }`, { id }, coordinatorToken);
    const partnerSees = async () => !!(await server.graphql<{ child: { id: string } | null }>(`query ($id: ID!) { child(id: $id) { id } }`, { id }, partnerToken)).data?.child;
    expect((await read()).data?.child?.serviceLinks[0].grantsNow).toBe(true);
    expect(await partnerSees()).toBe(true);
    await em.getConnection().execute(`update consent set withdrawn_at = ? where id = ?`, [NOW, c.consent!.id]);
    try {
      const after = (await read()).data?.child?.serviceLinks[0];
      expect(after).toMatchObject({ grantsNow: false, grantLapse: 'CONSENT_WITHDRAWN', consent: { grantsNow: false, grantLapse: 'CONSENT_WITHDRAWN' } });
      expect(await partnerSees()).toBe(false);
    } finally {
      await em.getConnection().execute(`update consent set withdrawn_at = null where id = ?`, [c.consent!.id]);
    }
  });
});
