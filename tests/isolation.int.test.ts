import { randomUUID } from 'node:crypto';
import { ref } from '@mikro-orm/core';
import { DataCategory, LegalBasis, PartnerKind, Role, ServiceLinkStatus } from '../src/entities';
import { DEMO_PROGRAMME_NAME, OTHER_PROGRAMME_NAME } from '../src/seed/demo.seed';
import { toGlobalId } from '../src/schema/global-id';
import { startDemoServer, startTestServer, type TestServer } from './helpers/test-server';
import {
  CHILD, CHILD_GRAPH, CHILD_PAGE, FAMILY, NODE, PARTNERS, PATHWAY, REFERRAL_PAGE, SERVICE_LINKS, WORKSHOPS,
  allChildIds, codes, onlyError, parisDay, shiftDay,
  type ChildGraphData, type ChildPageData, type PartnersData, type ReferralPageData,
} from './helpers/queries';
import * as f from './factories';

/**
 * Isolation (access-policy.md, questions 1 and 2): nothing crosses programmes, for any
 * role, and a viewer sees only the children in its rows. An id outside them answers
 * exactly like an id that does not exist (NOT_FOUND, same message but for the id).
 */

type DemoServer = Awaited<ReturnType<typeof startDemoServer>>;
type Row = Record<string, unknown>;

const gid = (type: string, uuid: string) => toGlobalId(type, uuid);

/** The ids of one programme, as its own coordinator obtains them through the API. */
interface ProgrammeIds {
  child: string;
  family: string;
  partner: string;
  pathway: string;
  serviceLink: string;
  referral: string;
  account: string;
  consent: string;
  workshop?: string;
}

describe('isolation between programmes and rows', () => {
  let server: DemoServer;
  let demoId: string;
  let otherId: string;
  const tokens = new Map<string, string>();
  const token = async (email: string) => {
    if (!tokens.has(email)) tokens.set(email, await server.tokenFor(email));
    return tokens.get(email)!;
  };
  const sql = <T extends Row>(query: string, params: unknown[] = []): Promise<T[]> =>
    server.orm.em.getConnection().execute(query, params);

  /** The ids of a child of `programmeId` that has a pathway, a service link and a referral. */
  async function idsOf(programmeId: string, coordinatorEmail: string): Promise<ProgrammeIds> {
    const [row] = await sql<{ id: string }>(
      `select c.id from child c
        where c.programme_id = ?
          and exists (select 1 from pathway p where p.child_id = c.id)
          and exists (select 1 from service_link l where l.child_id = c.id)
          and exists (select 1 from referral r where r.child_id = c.id)
          and exists (select 1 from consent k where k.child_id = c.id)
        order by c.last_name, c.first_name, c.id limit 1`,
      [programmeId],
    );
    const result = await server.graphql<ChildGraphData>(CHILD_GRAPH, { id: gid('Child', row.id) }, await token(coordinatorEmail));
    expect(result.errors).toBeUndefined();
    const c = result.data!.child;
    const partner = c.school?.id ?? c.pathway!.serviceLinks[0].partner!.id;
    return {
      child: c.id,
      family: c.family.id,
      partner,
      pathway: c.pathway!.current!.id,
      serviceLink: c.pathway!.serviceLinks[0].id,
      referral: c.pathway!.referrals[0].id,
      account: c.pathway!.referent!.id,
      consent: c.pathway!.consents[0].id,
      workshop: result.data!.workshops[0]?.id,
    };
  }

  let demoIds: ProgrammeIds;
  let otherIds: ProgrammeIds;

  beforeAll(async () => {
    server = await startDemoServer();
    [{ id: demoId }] = await sql<{ id: string }>('select id from programme where name = ?', [DEMO_PROGRAMME_NAME]);
    [{ id: otherId }] = await sql<{ id: string }>('select id from programme where name = ?', [OTHER_PROGRAMME_NAME]);
    demoIds = await idsOf(demoId, 'coordinator@demo.example');
    otherIds = await idsOf(otherId, 'coordinator@other.example');
  });
  afterAll(async () => {
    await server?.close();
  });

  /**
   * Asserts that every lookup of `ids` answers NOT_FOUND for `email`, with the same
   * message as a well-formed id of the same type that does not exist.
   */
  async function expectAllNotFound(email: string, ids: ProgrammeIds): Promise<void> {
    const t = await token(email);
    const absent = (type: string) => gid(type, randomUUID());
    const lookups: [string, string, string, (id: string) => Record<string, unknown>][] = [
      ['child', CHILD, 'Child', (id) => ({ id })],
      ['serviceLinks', SERVICE_LINKS, 'Child', (id) => ({ childId: id })],
      ['family', FAMILY, 'Family', (id) => ({ id })],
      ['pathway', PATHWAY, 'Pathway', (id) => ({ id })],
    ];
    const byType: Record<string, string> = {
      Child: ids.child, Family: ids.family, Pathway: ids.pathway, Partner: ids.partner,
      ServiceLink: ids.serviceLink, Referral: ids.referral, Account: ids.account, Consent: ids.consent, ...(ids.workshop ? { Workshop: ids.workshop } : {}),
    };
    const cases: [string, string, string, Record<string, unknown>, Record<string, unknown>][] = [
      ...lookups.map(([name, query, type, vars]) => [name, query, byType[type], vars(byType[type]), vars(absent(type))] as [string, string, string, Record<string, unknown>, Record<string, unknown>]),
      ...Object.entries(byType).map(([type, id]) => [`node(${type})`, NODE, id, { id }, { id: absent(type) }] as [string, string, string, Record<string, unknown>, Record<string, unknown>]),
    ];
    for (const [name, query, id, vars, absentVars] of cases) {
      const foreign = await server.graphql(query, vars, t);
      const missing = await server.graphql(query, absentVars, t);
      const absentId = Object.values(absentVars)[0] as string;
      expect([email, name, codes(foreign)]).toEqual([email, name, ['NOT_FOUND']]);
      expect([email, name, codes(missing)]).toEqual([email, name, ['NOT_FOUND']]);
      // Indistinguishable: the same message once the id the client sent is masked.
      expect(onlyError(foreign).message.replace(id, '<id>')).toBe(onlyError(missing).message.replace(absentId, '<id>'));
      expect(foreign.data ?? null).toEqual(missing.data ?? null);
    }
  }

  it('finds the objects of each programme for its own coordinator (the ids below are real)', async () => {
    for (const [email, ids] of [['coordinator@demo.example', demoIds], ['coordinator@other.example', otherIds]] as const) {
      const t = await token(email);
      for (const id of [ids.child, ids.family, ids.partner, ids.pathway, ids.serviceLink, ids.referral, ids.account, ids.consent, ids.workshop].filter(Boolean)) {
        const result = await server.graphql(NODE, { id }, t);
        expect([email, id, result.errors]).toEqual([email, id, undefined]);
      }
    }
    expect(demoIds.workshop).toEqual(expect.any(String));
  });

  describe.each(['coordinator@other.example', 'school@other.example'])('%s, in the other programme', (email) => {
    it('gets NOT_FOUND for every id of the demo programme, exactly as for a missing id', async () => {
      await expectAllNotFound(email, demoIds);
    });

    it('counts and lists only children, partners, referrals and workshops of its own programme', async () => {
      const t = await token(email);
      const otherChildren = new Set(
        (await sql<{ id: string }>('select id from child where programme_id = ?', [otherId])).map((r) => gid('Child', r.id)),
      );
      const ids = await allChildIds(server, t);
      const page = await server.graphql<ChildPageData>(CHILD_PAGE, { first: 0 }, t);
      expect(page.data?.children.totalCount).toBe(ids.length);
      expect(ids.length).toBeGreaterThan(0);
      for (const id of ids) expect(otherChildren.has(id)).toBe(true);
      if (email.startsWith('coordinator')) expect(ids.length).toBe(otherChildren.size);

      const partners = await server.graphql<PartnersData>(PARTNERS, {}, t);
      const expected = await sql<{ id: string }>('select id from partner where programme_id = ? order by name, id', [otherId]);
      expect(partners.data?.partners.map((p) => p.id)).toEqual(expected.map((p) => gid('Partner', p.id)));

      const referrals = await server.graphql<ReferralPageData>(REFERRAL_PAGE, { first: 100 }, t);
      const otherReferrals = new Set(
        (await sql<{ id: string }>('select id from referral where programme_id = ?', [otherId])).map((r) => gid('Referral', r.id)),
      );
      for (const edge of referrals.data!.referrals.edges) expect(otherReferrals.has(edge.node.id)).toBe(true);

      const workshops = await server.graphql<{ workshops: unknown[] }>(WORKSHOPS, {}, t);
      expect(workshops.data?.workshops).toEqual([]);
    });
  });

  describe('coordinator@demo.example, in the demo programme', () => {
    it('gets NOT_FOUND for every id of the other programme, exactly as for a missing id', async () => {
      await expectAllNotFound('coordinator@demo.example', otherIds);
    });

    it('counts and lists only children and partners of its own programme', async () => {
      const t = await token('coordinator@demo.example');
      const [{ n }] = await sql<{ n: string }>('select count(*) as n from child where programme_id = ?', [demoId]);
      const page = await server.graphql<ChildPageData>(CHILD_PAGE, { first: 0 }, t);
      expect(page.data?.children.totalCount).toBe(Number(n));
      const partners = await server.graphql<PartnersData>(PARTNERS, {}, t);
      const expected = await sql<{ id: string }>('select id from partner where programme_id = ? order by name, id', [demoId]);
      expect(partners.data?.partners.map((p) => p.id)).toEqual(expected.map((p) => gid('Partner', p.id)));
      const foreignNames = new Set((await sql<{ name: string }>('select name from partner where programme_id = ?', [otherId])).map((r) => r.name));
      for (const p of partners.data!.partners) expect(foreignNames.has(p.name)).toBe(false);
    });
  });

  describe('partner agents see only the children of their ACTIVE, currently valid links', () => {
    /**
     * The policy's visible set, in SQL: an ACTIVE link to the agent's partner whose validity
     * covers today (France), resting on a consent still given and unexpired when its basis
     * is CONSENT.
     */
    async function linkedChildren(email: string, today: string): Promise<Set<string>> {
      const rows = await sql<{ child_id: string }>(
        `select distinct l.child_id
           from service_link l
           join account a on a.partner_id = l.partner_id and a.programme_id = l.programme_id
           left join consent c on c.id = l.consent_id
          where a.email = ? and l.status = 'ACTIVE'
            and l.valid_from <= ?::date and (l.valid_until is null or l.valid_until >= ?::date)
            and (l.legal_basis <> 'CONSENT' or (c.withdrawn_at is null and (c.expires_on is null or c.expires_on >= ?::date)))`,
        [email, today, today, today],
      );
      return new Set(rows.map((r) => gid('Child', r.child_id)));
    }

    /** Children of the agent's programme that have a link to its partner, but not a visible one. */
    async function hiddenLinkedChildren(email: string, visible: Set<string>): Promise<string[]> {
      const rows = await sql<{ child_id: string }>(
        `select distinct l.child_id from service_link l join account a on a.partner_id = l.partner_id where a.email = ?`,
        [email],
      );
      return rows.map((r) => gid('Child', r.child_id)).filter((id) => !visible.has(id));
    }

    it.each([
      'school@demo.example', 'social@demo.example', 'leisure@demo.example', 'health@demo.example', 'sports@demo.example',
      'school@other.example',
    ])('%s: children = the linked children, and every other child is NOT_FOUND', async (email) => {
      const t = await token(email);
      const today = parisDay(new Date());
      const expected = await linkedChildren(email, today);
      const ids = await allChildIds(server, t);
      expect(expected.size).toBeGreaterThan(0);
      expect(new Set(ids)).toEqual(expected);
      expect(ids).toHaveLength(expected.size);
      const page = await server.graphql<ChildPageData>(CHILD_PAGE, { first: 0 }, t);
      expect(page.data?.children.totalCount).toBe(expected.size);

      // Children with a link that grants nothing today (expired by date, revoked,
      // suspended, proposed), and one child with no link at all.
      const hidden = await hiddenLinkedChildren(email, expected);
      const [unlinked] = await sql<{ id: string }>(
        `select c.id from child c join account a on a.programme_id = c.programme_id
          where a.email = ? and not exists (select 1 from service_link l where l.child_id = c.id and l.partner_id = a.partner_id)
          order by c.id limit 1`,
        [email],
      );
      for (const id of [...hidden, gid('Child', unlinked.id)]) {
        for (const [name, query, vars] of [['child', CHILD, { id }], ['node', NODE, { id }], ['serviceLinks', SERVICE_LINKS, { childId: id }]] as const) {
          const result = await server.graphql(query, vars, t);
          expect([email, name, id, codes(result)]).toEqual([email, name, id, ['NOT_FOUND']]);
        }
      }
    });

    it('the school agent does not see the child whose ACTIVE link ended in 2025', async () => {
      const [stale] = await sql<{ child_id: string }>(
        `select l.child_id from service_link l join account a on a.partner_id = l.partner_id
          where a.email = 'school@demo.example' and l.status = 'ACTIVE' and l.valid_until < '2026-01-01'`,
      );
      expect(stale).toBeDefined();
      const t = await token('school@demo.example');
      const ids = await allChildIds(server, t);
      expect(ids).not.toContain(gid('Child', stale.child_id));
      expect(ids).toHaveLength(40);
      const result = await server.graphql(CHILD, { id: gid('Child', stale.child_id) }, t);
      expect(codes(result)).toEqual(['NOT_FOUND']);
    });
  });

  describe.each(['admin@demo.example', 'analyst@demo.example', 'dpo@demo.example'])('%s sees no child', (email) => {
    it('has an empty children list, NOT_FOUND on a child, its family and its pathway, and no referrals', async () => {
      const t = await token(email);
      const page = await server.graphql<ChildPageData>(CHILD_PAGE, { first: 100 }, t);
      expect(page.errors).toBeUndefined();
      expect(page.data?.children).toEqual({ totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] });
      for (const [query, vars] of [
        [CHILD, { id: demoIds.child }], [NODE, { id: demoIds.child }], [FAMILY, { id: demoIds.family }],
        [PATHWAY, { id: demoIds.pathway }], [SERVICE_LINKS, { childId: demoIds.child }],
      ] as const) {
        const result = await server.graphql(query, vars, t);
        expect([query.slice(0, 25), codes(result)]).toEqual([query.slice(0, 25), ['NOT_FOUND']]);
      }
      const referrals = await server.graphql<ReferralPageData>(REFERRAL_PAGE, { first: 100 }, t);
      expect(referrals.data?.referrals.totalCount).toBe(0);
      expect(referrals.data?.referrals.edges).toEqual([]);
    });
  });
});

describe('a partner agent\'s rows on controlled links', () => {
  let server: TestServer;
  let agentToken: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    server = await startTestServer();
    const now = new Date();
    server.setNow(now);
    const today = parisDay(now);
    const em = server.orm.em.fork();
    const prog = f.programme(em);
    const school = f.partner(em, prog, { kind: PartnerKind.SCHOOL });
    const otherPartner = f.partner(em, prog, { kind: PartnerKind.SOCIAL_SERVICES });
    const coordinator = f.account(em, prog, Role.PRE_COORDINATOR);
    const agent = f.account(em, prog, Role.PARTNER_AGENT, { partner: ref(school) });
    const fam = f.family(em, prog);
    const parent = f.guardian(em, fam, { parentalAuthority: true });
    const kid = () => f.child(em, fam);
    const SCHOOLING = [DataCategory.IDENTITY, DataCategory.SCHOOLING];
    const kids = {
      active: kid(), untilToday: kid(), untilYesterday: kid(), startsTomorrow: kid(), suspended: kid(), revoked: kid(),
      consentOk: kid(), consentWithdrawn: kid(), consentExpired: kid(), consentForAnother: kid(), outsideMaximum: kid(),
      otherPartner: kid(), noLink: kid(),
    };
    const link = (k: (typeof kids)[keyof typeof kids], overrides: Parameters<typeof f.serviceLink>[4] = {}) =>
      f.serviceLink(em, k, school, coordinator, { categories: SCHOOLING, ...overrides });
    const consented = (k: (typeof kids)[keyof typeof kids], scopePartner = school, overrides: Parameters<typeof f.consent>[4] = {}) =>
      link(k, {
        legalBasis: LegalBasis.CONSENT, parentsInformedOn: undefined,
        consent: ref(f.consent(em, k, parent, [{ partner: scopePartner, categories: SCHOOLING }], overrides)),
      });
    link(kids.active);
    link(kids.untilToday, { validUntil: today });
    link(kids.untilYesterday, { validUntil: shiftDay(today, 0, -1) });
    link(kids.startsTomorrow, { validFrom: shiftDay(today, 0, 1) });
    link(kids.suspended, { status: ServiceLinkStatus.SUSPENDED });
    link(kids.revoked, { status: ServiceLinkStatus.REVOKED, revokedAt: new Date('2025-06-01T10:00:00Z') });
    consented(kids.consentOk);
    consented(kids.consentWithdrawn, school, { withdrawnAt: new Date(now.getTime() - 3600_000) });
    consented(kids.consentExpired, school, { expiresOn: shiftDay(today, 0, -1) });
    consented(kids.consentForAnother, otherPartner);
    link(kids.outsideMaximum, { categories: [DataCategory.HEALTH, DataCategory.SOCIAL] });
    f.serviceLink(em, kids.otherPartner, otherPartner, coordinator, { categories: SCHOOLING });
    await em.flush();
    for (const [name, k] of Object.entries(kids)) ids[name] = gid('Child', k.id);
    agentToken = await server.token(agent.subject);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('lists exactly the children of ACTIVE links valid today, on a consent still in force for this partner', async () => {
    const names = Object.fromEntries(Object.entries(ids).map(([name, id]) => [id, name]));
    const seen = (await allChildIds(server, agentToken)).map((id) => names[id] ?? id);
    expect(seen.sort()).toEqual(['active', 'consentOk', 'untilToday']);
  });

  it('lists only those children in their family, never their siblings', async () => {
    const result = await server.graphql<{ child: { family: { id: string; children: { id: string }[] } } }>(
      `query ($id: ID!) { child(id: $id) { family { id children { id } } } }`,
      { id: ids.active },
      agentToken,
    );
    expect(result.errors).toBeUndefined();
    const family = result.data!.child.family;
    expect(family.children.map((c) => c.id).sort()).toEqual([ids.active, ids.consentOk, ids.untilToday].sort());
    const direct = await server.graphql<{ family: { children: { id: string }[] } }>(FAMILY, { id: family.id }, agentToken);
    expect(direct.data?.family.children.map((c) => c.id).sort()).toEqual([ids.active, ids.consentOk, ids.untilToday].sort());
  });

  it.each([
    'untilYesterday', 'startsTomorrow', 'suspended', 'revoked', 'consentWithdrawn', 'consentExpired', 'consentForAnother',
    'outsideMaximum', 'otherPartner', 'noLink',
  ])('answers NOT_FOUND for the child with %s, through child() and node()', async (name) => {
    for (const query of [CHILD, NODE]) {
      const result = await server.graphql(query, { id: ids[name] }, agentToken);
      expect([name, codes(result)]).toEqual([name, ['NOT_FOUND']]);
    }
  });
});
