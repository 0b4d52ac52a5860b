import { randomUUID } from 'node:crypto';
import { ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  Account, Child, Family, Grade, Partner, PartnerKind, Pathway, PathwayStatus, Programme, Role, SchoolNetwork,
} from '../src/entities';
import { DEMO_ACCOUNTS, DEMO_ACCOUNT_ROLES, DEMO_CHILDREN, DEMO_PROGRAMME_NAME } from '../src/seed/demo.seed';
import { toGlobalId } from '../src/schema/global-id';
import { startDemoServer, startTestServer, type GraphQLResult, type TestServer } from './helpers/test-server';
import {
  CHILD, CHILD_GRAPH, CHILD_PAGE, FAMILY, NODE, PARTNERS, PATHWAY, REFERRAL_PAGE, SERVICE_LINKS, WORKSHOPS,
  allChildIds, allChildPages, codes, onlyError, parisDay, shiftDay,
  type ChildGraphData, type ChildPageData, type PartnersData, type ReferralPageData,
} from './helpers/queries';
import * as f from './factories';

/**
 * The read API over HTTP: viewer, the children connection and its filters, the lookups
 * by ID, global IDs, computed eligibility and the category blocks. Expected values come
 * from SQL on the same database (demo programme) or from rows the test built itself.
 */

type DemoServer = Awaited<ReturnType<typeof startDemoServer>>;
type Row = Record<string, unknown>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function sql<T extends Row>(server: TestServer, query: string, params: unknown[] = []): Promise<T[]> {
  return server.orm.em.getConnection().execute(query, params);
}

const gid = (type: string, uuid: string) => toGlobalId(type, uuid);

// ---------------------------------------------------------------------------------------
// The demo programme (read-only)
// ---------------------------------------------------------------------------------------

describe('read API on the demo programme', () => {
  let server: DemoServer;
  let demoId: string;
  const tokens = new Map<string, string>();
  const token = async (email: string) => {
    if (!tokens.has(email)) tokens.set(email, await server.tokenFor(email));
    return tokens.get(email)!;
  };
  /** Inès Benali: a child with a pathway, referrals, service links and an inclusion follow-up. */
  let ines: { uuid: string; id: string; familyUuid: string };

  beforeAll(async () => {
    server = await startDemoServer();
    [{ id: demoId }] = await sql<{ id: string }>(server, 'select id from programme where name = ?', [DEMO_PROGRAMME_NAME]);
    const [row] = await sql<{ id: string; family_id: string }>(
      server,
      `select id, family_id from child where programme_id = ? and first_name = 'Inès' and last_name = 'Benali'`,
      [demoId],
    );
    ines = { uuid: row.id, id: gid('Child', row.id), familyUuid: row.family_id };
  });
  afterAll(async () => {
    await server?.close();
  });

  describe('viewer', () => {
    const VIEWER = `{ viewer { account { id name } role displayName email partner { id name kind } children { id firstName lastName } } }`;
    interface ViewerData {
      viewer: {
        account: { id: string; name: string }; role: string; displayName: string; email: string;
        partner: { id: string; name: string; kind: string } | null;
        children: { id: string; firstName: string; lastName: string }[];
      };
    }

    it.each(DEMO_ACCOUNTS)('answers %s with its role, name and partner', async (email) => {
      const [account] = await sql<{ id: string; display_name: string; partner_id: string | null; p_name: string | null; p_kind: string | null }>(
        server,
        `select a.id, a.display_name, a.partner_id, p.name as p_name, p.kind as p_kind
           from account a left join partner p on p.id = a.partner_id where a.email = ?`,
        [email],
      );
      const result = await server.graphql<ViewerData>(VIEWER, {}, await token(email));
      expect(result.errors).toBeUndefined();
      const viewer = result.data!.viewer;
      expect(viewer.role).toBe(DEMO_ACCOUNT_ROLES[email]);
      expect(viewer.displayName).toBe(account.display_name);
      expect(viewer.email).toBe(email);
      expect(viewer.account).toEqual({ id: gid('Account', account.id), name: account.display_name });
      expect(viewer.partner).toEqual(
        account.partner_id ? { id: gid('Partner', account.partner_id), name: account.p_name, kind: account.p_kind } : null,
      );
      if (DEMO_ACCOUNT_ROLES[email] !== Role.GUARDIAN) expect(viewer.children).toEqual([]);
    });

    it('gives the names and partners the demo was built with', async () => {
      const coordinator = await server.graphql<ViewerData>(VIEWER, {}, await token('coordinator@demo.example'));
      expect(coordinator.data?.viewer).toMatchObject({
        role: 'PRE_COORDINATOR', displayName: 'Hélène Roques', partner: { name: 'Équipe PRE — Caisse des écoles', kind: 'PRE_TEAM' },
      });
      const school = await server.graphql<ViewerData>(VIEWER, {}, await token('school@demo.example'));
      expect(school.data?.viewer).toMatchObject({
        role: 'PARTNER_AGENT', displayName: 'Olivier Lagarde', partner: { name: 'École élémentaire Jean Macé', kind: 'SCHOOL' },
      });
      const analyst = await server.graphql<ViewerData>(VIEWER, {}, await token('analyst@demo.example'));
      expect(analyst.data?.viewer).toMatchObject({ role: 'ANALYST', displayName: 'Paul Delpech', partner: null, children: [] });
    });

    it("lists a guardian's own children, exactly those of its family it holds parental authority over", async () => {
      const expected = await sql<{ id: string }>(
        server,
        `select c.id from child c
           join guardian g on g.family_id = c.family_id and g.parental_authority
           join account a on a.guardian_id = g.id
          where a.email = 'guardian@demo.example'
          order by c.last_name, c.first_name, c.id`,
      );
      const result = await server.graphql<ViewerData>(VIEWER, {}, await token('guardian@demo.example'));
      expect(result.errors).toBeUndefined();
      const viewer = result.data!.viewer;
      expect(viewer).toMatchObject({ role: 'GUARDIAN', displayName: 'Karima Benali', partner: null });
      expect(viewer.children.map((c) => c.id)).toEqual(expected.map((r) => gid('Child', r.id)));
      expect(viewer.children.map((c) => `${c.firstName} ${c.lastName}`).sort()).toEqual(['Adam Benali', 'Inès Benali']);
      // The guardian's `children` connection holds the same two, and nothing else.
      const page = await server.graphql<ChildPageData>(CHILD_PAGE, { first: 100 }, await token('guardian@demo.example'));
      expect(page.data?.children.totalCount).toBe(2);
      expect(page.data?.children.edges.map((e) => e.node.id)).toEqual(viewer.children.map((c) => c.id));
    });

    it("resolves the relations of a guardian's own children (school, household, guardians)", async () => {
      const expected = await sql<{ id: string; school: string | null; city: string; guardians: string }>(
        server,
        `select c.id, s.name as school, f.city,
                (select string_agg(g.first_name, ',' order by g.last_name collate "C", g.first_name collate "C", g.id)
                   from guardian g where g.family_id = f.id) as guardians
           from child c join family f on f.id = c.family_id left join partner s on s.id = c.school_id
           join guardian pg on pg.family_id = c.family_id and pg.parental_authority
           join account a on a.guardian_id = pg.id
          where a.email = 'guardian@demo.example'
          order by c.last_name, c.first_name, c.id`,
      );
      const result = await server.graphql<{
        viewer: { children: { id: string; school: { name: string } | null; contact: { address: { city: string }; guardians: { firstName: string }[] } }[] };
      }>(`{ viewer { children { id school { name } contact { address { city } guardians { firstName } } } } }`, {}, await token('guardian@demo.example'));
      expect(result.errors).toBeUndefined();
      expect(result.data!.viewer.children).toEqual(
        expected.map((r) => ({
          id: gid('Child', r.id),
          school: r.school === null ? null : { name: r.school },
          contact: { address: { city: r.city }, guardians: r.guardians.split(',').map((firstName) => ({ firstName })) },
        })),
      );
    });

    it("gives an account one global ID: the viewer's own account is the Account others meet; a guardian's account resolves for itself only", async () => {
      const own = await server.graphql<{ viewer: { account: { id: string } } }>('{ viewer { account { id } } }', {}, await token('coordinator@demo.example'));
      const ownId = own.data!.viewer.account.id;
      const mine = await server.graphql(NODE, { id: ownId }, await token('coordinator@demo.example'));
      expect(mine.data).toEqual({ node: { __typename: 'Account', id: ownId } });
      // A staff account is known to the programme's staff by its name (as an author, a referent...).
      const staff = await server.graphql(NODE, { id: ownId }, await token('referent@demo.example'));
      expect(staff.data).toEqual({ node: { __typename: 'Account', id: ownId } });
      const guardian = await server.graphql<{ viewer: { account: { id: string } } }>('{ viewer { account { id } } }', {}, await token('guardian@demo.example'));
      const guardianId = guardian.data!.viewer.account.id;
      expect((await server.graphql(NODE, { id: guardianId }, await token('guardian@demo.example'))).data).toEqual({ node: { __typename: 'Account', id: guardianId } });
      expect(codes(await server.graphql(NODE, { id: guardianId }, await token('coordinator@demo.example')))).toEqual(['NOT_FOUND']);
      // No second ID for the same account.
      const uuid = Buffer.from(ownId, 'base64url').toString('utf8').split(':')[1];
      expect(codes(await server.graphql(NODE, { id: gid('Viewer', uuid) }, await token('coordinator@demo.example')))).toEqual(['NOT_FOUND']);
    });
  });

  describe('children connection', () => {
    it('walks every page of 7 and gets every child once, by last name, first name and id', async () => {
      const expected = (
        await sql<{ id: string }>(server, 'select id from child where programme_id = ? order by last_name, first_name, id', [demoId])
      ).map((r) => gid('Child', r.id));
      expect(expected).toHaveLength(DEMO_CHILDREN);

      const pages = await allChildPages(server, await token('coordinator@demo.example'), { first: 7 });
      expect(pages).toHaveLength(Math.ceil(DEMO_CHILDREN / 7));
      pages.forEach((page, i) => {
        const last = i === pages.length - 1;
        expect(page.totalCount).toBe(DEMO_CHILDREN);
        expect(page.edges).toHaveLength(last ? DEMO_CHILDREN - 7 * (pages.length - 1) : 7);
        expect(page.pageInfo.hasNextPage).toBe(!last);
        expect(page.pageInfo.endCursor).toBe(page.edges[page.edges.length - 1].cursor);
      });
      const ids = pages.flatMap((p) => p.edges.map((e) => e.node.id));
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toEqual(expected);
      expect(new Set(pages.flatMap((p) => p.edges.map((e) => e.cursor))).size).toBe(DEMO_CHILDREN);
      // The demo has homonyms, so the order above also checks the id tie-break across pages.
      const [ties] = await sql<{ n: string }>(
        server,
        'select count(*) as n from (select 1 from child where programme_id = ? group by last_name, first_name having count(*) > 1) t',
        [demoId],
      );
      expect(Number(ties.n)).toBeGreaterThan(0);
    });

    it('takes first: 100 and first: 0', async () => {
      const t = await token('coordinator@demo.example');
      const hundred = await server.graphql<ChildPageData>(CHILD_PAGE, { first: 100 }, t);
      expect(hundred.data?.children.edges).toHaveLength(100);
      expect(hundred.data?.children.pageInfo.hasNextPage).toBe(true);
      const zero = await server.graphql<ChildPageData>(CHILD_PAGE, { first: 0 }, t);
      expect(zero.errors).toBeUndefined();
      expect(zero.data?.children.edges).toEqual([]);
      expect(zero.data?.children.pageInfo.endCursor).toBeNull();
      expect(zero.data?.children.totalCount).toBe(DEMO_CHILDREN);
    });

    it.each([101, -1, 1000])('refuses first: %i with BAD_USER_INPUT naming first', async (first) => {
      const result = await server.graphql(CHILD_PAGE, { first }, await token('coordinator@demo.example'));
      const error = onlyError(result);
      expect(error.extensions?.code).toBe('BAD_USER_INPUT');
      expect(error.extensions?.field).toBe('first');
      expect(result.data ?? null).toBeNull();
    });

    it('refuses a garbage or foreign cursor with BAD_USER_INPUT naming after', async () => {
      const t = await token('coordinator@demo.example');
      const referrals = await server.graphql<ReferralPageData>(REFERRAL_PAGE, { first: 1 }, t);
      const referralCursor = referrals.data!.referrals.pageInfo.endCursor!;
      expect(referralCursor).toEqual(expect.any(String));
      for (const after of ['garbage', '', 'Zm9v', '!!!', 'x'.repeat(3000), referralCursor]) {
        const result = await server.graphql(CHILD_PAGE, { first: 5, after }, t);
        const error = onlyError(result);
        expect([after.slice(0, 20), error.extensions?.code, error.extensions?.field]).toEqual([after.slice(0, 20), 'BAD_USER_INPUT', 'after']);
      }
    });
  });

  describe('lookups by ID', () => {
    it('child(id) returns the child, with the values of its row', async () => {
      const result = await server.graphql<{ child: { id: string; firstName: string; lastName: string; birthDate: string; grade: string | null; school: { name: string } | null } }>(
        `query ($id: ID!) { child(id: $id) { id firstName lastName birthDate grade school { name } } }`,
        { id: ines.id },
        await token('coordinator@demo.example'),
      );
      const [row] = await sql<{ birth_date: string; grade: string | null; school: string | null }>(
        server,
        `select to_char(c.birth_date, 'YYYY-MM-DD') as birth_date, c.grade, p.name as school
           from child c left join partner p on p.id = c.school_id where c.id = ?`,
        [ines.uuid],
      );
      expect(result.errors).toBeUndefined();
      expect(result.data?.child).toEqual({
        id: ines.id, firstName: 'Inès', lastName: 'Benali', birthDate: row.birth_date, grade: row.grade,
        school: row.school ? { name: row.school } : null,
      });
    });

    it('node(id) fetches back every Node type reachable from a child, with its own type', async () => {
      const t = await token('coordinator@demo.example');
      const result = await server.graphql<{
        child: {
          id: string; family: { id: string }; school: { id: string } | null;
          contact: { guardians: { id: string }[] } | null;
          inclusion: { accommodations: { id: string }[]; adaptedActivities: { id: string }[]; observations: { id: string; author: { id: string } | null }[] } | null;
          pathway: {
            current: { id: string } | null; objectives: { id: string }[]; actions: { id: string }[]; reviews: { id: string }[];
            referrals: { id: string; teamMeeting: { id: string } | null }[]; consents: { id: string; givenBy: { id: string } | null }[];
            serviceLinks: { id: string }[]; referent: { id: string } | null;
          } | null;
        };
        workshops: { id: string }[];
      }>(
        `query ($id: ID!) {
          child(id: $id) {
            id family { id } school { id }
            contact { guardians { id } }
            inclusion { accommodations { id } adaptedActivities { id } observations { id author { id } } }
            pathway {
              current { id } objectives { id } actions { id } reviews { id } referent { id }
              referrals { id teamMeeting { id } } consents { id givenBy { id } } serviceLinks { id }
            }
          }
          workshops { id }
        }`,
        { id: ines.id },
        t,
      );
      expect(result.errors).toBeUndefined();
      const c = result.data!.child;
      const pairs: [string, string | undefined][] = [
        ['Child', c.id],
        ['Family', c.family.id],
        ['Partner', c.school?.id],
        ['Guardian', c.contact?.guardians[0]?.id],
        ['Accommodation', c.inclusion?.accommodations[0]?.id],
        ['AdaptedActivity', c.inclusion?.adaptedActivities[0]?.id],
        ['Pathway', c.pathway?.current?.id],
        ['Objective', c.pathway?.objectives[0]?.id],
        ['Action', c.pathway?.actions[0]?.id],
        ['Account', c.pathway?.referent?.id],
        ['Referral', c.pathway?.referrals[0]?.id],
        ['TeamMeeting', c.pathway?.referrals.find((r) => r.teamMeeting)?.teamMeeting?.id],
        ['Consent', c.pathway?.consents[0]?.id],
        // The guardian who gave a consent is the Guardian of the household: one global ID.
        ['Guardian', c.pathway?.consents[0]?.givenBy?.id],
        ['ServiceLink', c.pathway?.serviceLinks[0]?.id],
        ['Workshop', result.data!.workshops[0]?.id],
      ];
      for (const [type, id] of pairs) {
        expect([type, typeof id]).toEqual([type, 'string']);
        const node = await server.graphql(NODE, { id }, t);
        expect([type, node.errors]).toEqual([type, undefined]);
        expect(node.data).toEqual({ node: { __typename: type, id } });
      }
      expect(c.contact?.guardians.map((g) => g.id)).toContain(c.pathway?.consents[0]?.givenBy?.id);
    });

    it('node(id) of an observation checks its own category: SOCIAL for the coordinator, HEALTH FORBIDDEN', async () => {
      const t = await token('coordinator@demo.example');
      const [social] = await sql<{ id: string }>(server, `select id from observation where programme_id = ? and category = 'SOCIAL' limit 1`, [demoId]);
      const [health] = await sql<{ id: string }>(server, `select id from observation where programme_id = ? and category = 'HEALTH' limit 1`, [demoId]);
      const seen = await server.graphql(NODE, { id: gid('Observation', social.id) }, t);
      expect(seen.data).toEqual({ node: { __typename: 'Observation', id: gid('Observation', social.id) } });
      const hidden = await server.graphql(NODE, { id: gid('Observation', health.id) }, t);
      expect(codes(hidden)).toEqual(['FORBIDDEN']);
      expect(hidden.data?.node ?? null).toBeNull();
    });

    it('family(id) lists the children of the household', async () => {
      const expected = await sql<{ id: string }>(
        server, 'select id from child where family_id = ? order by last_name, first_name, id', [ines.familyUuid],
      );
      const result = await server.graphql<{ family: { id: string; children: { id: string }[] } }>(
        FAMILY, { id: gid('Family', ines.familyUuid) }, await token('coordinator@demo.example'),
      );
      expect(result.errors).toBeUndefined();
      expect(result.data?.family.id).toBe(gid('Family', ines.familyUuid));
      expect(result.data?.family.children.map((c) => c.id)).toEqual(expected.map((r) => gid('Child', r.id)));
      expect(expected).toHaveLength(2);
    });

    it('partners lists the partners of the programme, by name', async () => {
      const expected = await sql<{ id: string; name: string; kind: string; network: string }>(
        server, 'select id, name, kind, network from partner where programme_id = ? order by name, id', [demoId],
      );
      const result = await server.graphql<PartnersData>(PARTNERS, {}, await token('school@demo.example'));
      expect(result.errors).toBeUndefined();
      expect(result.data?.partners).toEqual(expected.map((p) => ({ id: gid('Partner', p.id), name: p.name, kind: p.kind, network: p.network })));
      expect(expected).toHaveLength(11);
    });

    it("serviceLinks(childId) lists the child's links, newest first", async () => {
      const expected = await sql<{ id: string; valid_from: string; partner_id: string }>(
        server,
        `select id, to_char(valid_from, 'YYYY-MM-DD') as valid_from, partner_id from service_link where child_id = ?`,
        [ines.uuid],
      );
      const result = await server.graphql<{ serviceLinks: { id: string; validFrom: string; partner: { id: string }; child: { id: string } }[] }>(
        SERVICE_LINKS, { childId: ines.id }, await token('coordinator@demo.example'),
      );
      expect(result.errors).toBeUndefined();
      const links = result.data!.serviceLinks;
      expect(expected.length).toBeGreaterThanOrEqual(2);
      expect(links.map((l) => l.id).sort()).toEqual(expected.map((r) => gid('ServiceLink', r.id)).sort());
      const dates = links.map((l) => l.validFrom);
      expect(dates).toEqual([...dates].sort().reverse());
      for (const link of links) expect(link.child).toEqual({ id: ines.id });
    });

    it('pathway(id) returns the pathway of its child', async () => {
      const [row] = await sql<{ id: string; status: string }>(server, 'select id, status from pathway where child_id = ?', [ines.uuid]);
      const result = await server.graphql<{ pathway: { id: string; status: string; child: { id: string } } }>(
        PATHWAY, { id: gid('Pathway', row.id) }, await token('coordinator@demo.example'),
      );
      expect(result.errors).toBeUndefined();
      expect(result.data?.pathway).toEqual({ id: gid('Pathway', row.id), status: row.status, child: { id: ines.id } });
    });

    it('workshops lists the workshops of the programme, newest first', async () => {
      const expected = await sql<{ id: string; held_on: string; topic: string }>(
        server, `select id, to_char(held_on, 'YYYY-MM-DD') as held_on, topic from workshop where programme_id = ? order by held_on desc`, [demoId],
      );
      const result = await server.graphql<{ workshops: { id: string; heldOn: string; topic: string; professionalsCount: number; attendingPartners: { name: string }[]; facilitator: { name: string } }[] }>(
        WORKSHOPS, {}, await token('leisure@demo.example'),
      );
      expect(result.errors).toBeUndefined();
      const workshops = result.data!.workshops;
      expect(workshops.map((w) => [w.id, w.heldOn, w.topic])).toEqual(expected.map((w) => [gid('Workshop', w.id), w.held_on, w.topic]));
      expect(workshops.map((w) => w.heldOn)).toEqual(['2026-09-30', '2026-04-08', '2026-02-11']);
      expect(workshops[2]).toMatchObject({ professionalsCount: 14, facilitator: { name: 'Mathilde Carrère' } });
      expect(workshops[2].attendingPartners.map((p) => p.name).sort()).toEqual(
        ['Accueil de loisirs Pierre de Coubertin', 'Accueil de loisirs des Haras', 'Union sportive villeneuvoise'].sort(),
      );
    });

    it('CHILD_GRAPH gives a coordinator every kind of object of a child', async () => {
      const result = await server.graphql<ChildGraphData>(CHILD_GRAPH, { id: ines.id }, await token('coordinator@demo.example'));
      expect(result.errors).toBeUndefined();
      const c = result.data!.child;
      expect(c.pathway?.current?.id).toEqual(expect.any(String));
      expect(c.pathway?.referrals.length).toBeGreaterThan(0);
      expect(c.pathway?.serviceLinks.length).toBeGreaterThan(0);
      expect(result.data!.workshops).toHaveLength(3);
    });
  });

  describe('referrals connection', () => {
    it('walks every page of 7, newest first (referral date, then id), with the right page info', async () => {
      const expected = (
        await sql<{ id: string }>(server, 'select id from referral where programme_id = ? order by referred_on desc, id desc', [demoId])
      ).map((r) => gid('Referral', r.id));
      const t = await token('coordinator@demo.example');
      const ids: string[] = [];
      let after: string | null = null;
      for (let guard = 0; guard < 100; guard++) {
        const result: GraphQLResult<ReferralPageData> = await server.graphql<ReferralPageData>(REFERRAL_PAGE, { first: 7, after }, t);
        expect(result.errors).toBeUndefined();
        const page = result.data!.referrals;
        expect(page.totalCount).toBe(expected.length);
        const remaining = expected.length - ids.length;
        expect(page.edges).toHaveLength(Math.min(7, remaining));
        expect(page.pageInfo.hasNextPage).toBe(remaining > 7);
        expect(page.pageInfo.endCursor).toBe(page.edges[page.edges.length - 1].cursor);
        ids.push(...page.edges.map((e) => e.node.id));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      expect(ids).toEqual(expected);
      expect(expected.length).toBeGreaterThan(7 * 3);
    });

    it.each(['SUBMITTED', 'UNDER_REVIEW', 'ACCEPTED', 'DECLINED', 'WITHDRAWN'])('filters on status %s', async (status) => {
      const expected = (
        await sql<{ id: string }>(
          server, 'select id from referral where programme_id = ? and status = ? order by referred_on desc, id desc', [demoId, status],
        )
      ).map((r) => gid('Referral', r.id));
      const result = await server.graphql<ReferralPageData>(REFERRAL_PAGE, { first: 100, status }, await token('coordinator@demo.example'));
      expect(result.errors).toBeUndefined();
      expect(result.data?.referrals.totalCount).toBe(expected.length);
      expect(result.data?.referrals.edges.map((e) => e.node.id)).toEqual(expected);
      expect(new Set(result.data?.referrals.edges.map((e) => e.node.status))).toEqual(new Set(expected.length ? [status] : []));
      expect(expected.length).toBeGreaterThan(0);
    });

    it('refuses first: 101 and a garbage cursor', async () => {
      const t = await token('coordinator@demo.example');
      const tooMany = onlyError(await server.graphql(REFERRAL_PAGE, { first: 101 }, t));
      expect(tooMany.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
      const children = await server.graphql<ChildPageData>(CHILD_PAGE, { first: 1 }, t);
      for (const after of ['garbage', children.data!.children.pageInfo.endCursor!]) {
        const bad = onlyError(await server.graphql(REFERRAL_PAGE, { first: 5, after }, t));
        expect(bad.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
      }
    });
  });

  describe('global IDs', () => {
    it('are opaque: never the raw UUID, nor containing it', async () => {
      const uuids = new Set(
        (await sql<{ id: string }>(server, 'select id from child where programme_id = ?', [demoId])).map((r) => r.id),
      );
      const result = await server.graphql<ChildPageData>(CHILD_PAGE, { first: 100 }, await token('coordinator@demo.example'));
      const ids = result.data!.children.edges.map((e) => e.node.id);
      expect(ids).toHaveLength(100);
      for (const id of ids) {
        expect(UUID.test(id)).toBe(false);
        expect([...uuids].some((u) => id.includes(u) || id.includes(u.replace(/-/g, '')))).toBe(false);
      }
    });

    const MALFORMED = ['', 'not-an-id', '12345', 'Q2hpbGQ6bm90LWEtdXVpZA', '👀'];

    it('refuses a malformed id with BAD_USER_INPUT naming the argument, on every lookup', async () => {
      const t = await token('coordinator@demo.example');
      const rawUuid = ines.uuid; // a raw UUID is not an ID of this API
      for (const id of [...MALFORMED, rawUuid]) {
        for (const [query, variables, field] of [
          [CHILD, { id }, 'id'], [NODE, { id }, 'id'], [FAMILY, { id }, 'id'], [PATHWAY, { id }, 'id'],
          [SERVICE_LINKS, { childId: id }, 'childId'],
        ] as const) {
          const error = onlyError(await server.graphql(query, variables, t));
          expect([id, query.slice(0, 30), error.extensions?.code, error.extensions?.field]).toEqual([id, query.slice(0, 30), 'BAD_USER_INPUT', field]);
        }
      }
    });

    it('answers an unknown well-formed id with NOT_FOUND, on every lookup', async () => {
      const t = await token('coordinator@demo.example');
      const cases: [string, Record<string, unknown>][] = [
        [CHILD, { id: gid('Child', randomUUID()) }],
        [NODE, { id: gid('Child', randomUUID()) }],
        [NODE, { id: gid('Partner', randomUUID()) }],
        [NODE, { id: gid('Referral', randomUUID()) }],
        [NODE, { id: gid('Spaceship', randomUUID()) }],
        [FAMILY, { id: gid('Family', randomUUID()) }],
        [PATHWAY, { id: gid('Pathway', randomUUID()) }],
        [SERVICE_LINKS, { childId: gid('Child', randomUUID()) }],
        // An existing object of another type is absent for a lookup of this type.
        [CHILD, { id: gid('Family', ines.familyUuid) }],
        [FAMILY, { id: ines.id }],
      ];
      for (const [query, variables] of cases) {
        const result = await server.graphql(query, variables, t);
        expect([query.slice(0, 30), variables, codes(result)]).toEqual([query.slice(0, 30), variables, ['NOT_FOUND']]);
      }
    });

    it('refuses a malformed or foreign schoolId filter with BAD_USER_INPUT naming filter.schoolId', async () => {
      const t = await token('coordinator@demo.example');
      for (const schoolId of ['nope', ines.id]) {
        const error = onlyError(await server.graphql(CHILD_PAGE, { first: 5, filter: { schoolId } }, t));
        expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.schoolId' });
      }
    });
  });

  describe('category blocks', () => {
    const BLOCKS = `
      query Blocks($first: Int) {
        children(first: $first) {
          totalCount
          edges { node {
            id firstName lastName
            contact { guardians { firstName lastName phone } address { city } }
            inclusion { status accommodations { description } emergencyProtocol }
            health { diagnosis }
            social { protectionMeasure familySituation }
            schooling { hasPps attendanceConcern }
          } }
        }
      }
    `;
    interface BlocksData {
      children: {
        totalCount: number;
        edges: { node: { id: string; firstName: string; contact: { guardians: unknown[]; address: { city: string } } | null; inclusion: { status: string | null } | null; health: unknown; social: { protectionMeasure: string } | null; schooling: unknown } }[];
      };
    }

    it('gives the leisure centre contact and inclusion, and FORBIDDEN at exactly health, social and schooling', async () => {
      const result = await server.graphql<BlocksData>(BLOCKS, { first: 100 }, await token('leisure@demo.example'));
      const edges = result.data!.children.edges;
      expect(edges.length).toBeGreaterThan(0);
      expect(edges.length).toBe(result.data!.children.totalCount);
      const expectedPaths: string[] = [];
      edges.forEach((edge, i) => {
        expect(edge.node.firstName).toEqual(expect.any(String));
        expect(edge.node.contact?.address.city).toBe('Villeneuve-sur-Lot');
        expect(edge.node.contact?.guardians.length).toBeGreaterThan(0);
        expect(edge.node.inclusion).not.toBeNull();
        expect(edge.node.health).toBeNull();
        expect(edge.node.social).toBeNull();
        expect(edge.node.schooling).toBeNull();
        for (const block of ['health', 'social', 'schooling']) expectedPaths.push(['children', 'edges', i, 'node', block].join('.'));
      });
      const errors = result.errors ?? [];
      expect(errors.map((e) => e.path?.join('.')).sort()).toEqual(expectedPaths.sort());
      expect(new Set(errors.map((e) => e.extensions?.code))).toEqual(new Set(['FORBIDDEN']));
      // Never the value: no error message carries a diagnosis or a situation.
      const diagnoses = await sql<{ diagnosis: string }>(server, 'select diagnosis from child where diagnosis is not null and programme_id = ?', [demoId]);
      const text = JSON.stringify(result);
      for (const d of diagnoses) expect(text.includes(d.diagnosis)).toBe(false);
    });

    it('refuses the leisure centre PATHWAY data: serviceLinks FORBIDDEN, no referrals', async () => {
      const t = await token('leisure@demo.example');
      const page = await server.graphql<ChildPageData>(CHILD_PAGE, { first: 1 }, t);
      const childId = page.data!.children.edges[0].node.id;
      const links = await server.graphql(SERVICE_LINKS, { childId }, t);
      expect(codes(links)).toEqual(['FORBIDDEN']);
      const referrals = await server.graphql<ReferralPageData>(REFERRAL_PAGE, { first: 100 }, t);
      expect(referrals.data?.referrals.totalCount).toBe(0);
      // The school has PATHWAY for its pupils: the same entry point answers it.
      const school = await server.graphql<ChildPageData>(CHILD_PAGE, { first: 1 }, await token('school@demo.example'));
      const schoolLinks = await server.graphql<{ serviceLinks: unknown[] }>(
        SERVICE_LINKS, { childId: school.data!.children.edges[0].node.id }, await token('school@demo.example'),
      );
      expect(schoolLinks.errors).toBeUndefined();
      expect(schoolLinks.data?.serviceLinks.length).toBeGreaterThan(0);
    });

    it('gives the coordinator social, and FORBIDDEN at health (outside its maximum)', async () => {
      const result = await server.graphql<BlocksData>(BLOCKS, { first: 20 }, await token('coordinator@demo.example'));
      const edges = result.data!.children.edges;
      expect(edges).toHaveLength(20);
      for (const edge of edges) {
        expect(edge.node.social?.protectionMeasure).toEqual(expect.any(String));
        expect(edge.node.contact).not.toBeNull();
        expect(edge.node.inclusion).not.toBeNull();
        expect(edge.node.schooling).not.toBeNull();
        expect(edge.node.health).toBeNull();
      }
      const errors = result.errors ?? [];
      expect(errors.map((e) => e.path?.join('.')).sort()).toEqual(edges.map((_e, i) => `children.edges.${i}.node.health`).sort());
      expect(new Set(errors.map((e) => e.extensions?.code))).toEqual(new Set(['FORBIDDEN']));
    });
  });
});

// ---------------------------------------------------------------------------------------
// Programmes built by the test (filters, eligibility)
// ---------------------------------------------------------------------------------------

function pathway(em: EntityManager, kid: Child, referent: Account, status: PathwayStatus, startDate?: string): Pathway {
  return em.create(Pathway, { programme: kid.programme, child: kid, referent, status, startDate });
}

describe('children filters on controlled data', () => {
  let server: TestServer;
  let coordinatorToken: string;
  const ids: Record<string, string> = {};
  let schools: { rep: Partner; none: Partner; repPlus: Partner };

  beforeAll(async () => {
    server = await startTestServer();
    const em = server.orm.em.fork();
    const prog: Programme = f.programme(em);
    const coordinator = f.account(em, prog, Role.PRE_COORDINATOR);
    schools = {
      rep: f.partner(em, prog, { kind: PartnerKind.SCHOOL, network: SchoolNetwork.REP }),
      none: f.partner(em, prog, { kind: PartnerKind.SCHOOL, network: SchoolNetwork.NONE }),
      repPlus: f.partner(em, prog, { kind: PartnerKind.SCHOOL, network: SchoolNetwork.REP_PLUS }),
    };
    const qpv: Family = f.family(em, prog, { qpvCode: 'QN07511M' });
    const plain: Family = f.family(em, prog);
    const kids = {
      lefevre: f.child(em, plain, { firstName: 'Élodie', lastName: 'Lefèvre', school: ref(schools.none), grade: Grade.CM1 }),
      martin: f.child(em, qpv, { firstName: 'Zoé', lastName: 'Martin', school: ref(schools.none), grade: Grade.CM1 }),
      dupont: f.child(em, plain, { firstName: 'Noé', lastName: 'Dupont', school: ref(schools.rep), grade: Grade.CE2 }),
      lefebvre: f.child(em, plain, { firstName: 'Chloé', lastName: 'LEFEBVRE' }),
      durand: f.child(em, plain, { firstName: 'Léa', lastName: 'Durand', school: ref(schools.repPlus), grade: Grade.SIXIEME }),
      oeuvray: f.child(em, qpv, { firstName: 'Gaëlle', lastName: 'Œuvray' }),
    };
    pathway(em, kids.lefevre, coordinator, PathwayStatus.ACTIVE, '2025-09-01');
    pathway(em, kids.martin, coordinator, PathwayStatus.CLOSED, '2024-09-01');
    // Current pathway: DRAFT wins over CLOSED, and ACTIVE/SUSPENDED over both.
    pathway(em, kids.dupont, coordinator, PathwayStatus.CLOSED, '2024-09-01');
    pathway(em, kids.dupont, coordinator, PathwayStatus.DRAFT);
    pathway(em, kids.durand, coordinator, PathwayStatus.CLOSED, '2023-09-01');
    pathway(em, kids.durand, coordinator, PathwayStatus.SUSPENDED, '2025-01-06');
    await em.flush();
    for (const [name, kid] of Object.entries(kids)) ids[name] = gid('Child', kid.id);
    coordinatorToken = await server.token(coordinator.subject);
  });
  afterAll(async () => {
    await server?.close();
  });

  /** The names of the children matching a filter, in API order, after checking totalCount. */
  async function matching(filter: Record<string, unknown>): Promise<string[]> {
    const result = await server.graphql<ChildPageData>(CHILD_PAGE, { first: 100, filter }, coordinatorToken);
    expect(result.errors).toBeUndefined();
    const page = result.data!.children;
    expect(page.totalCount).toBe(page.edges.length);
    const byId = Object.fromEntries(Object.entries(ids).map(([name, id]) => [id, name]));
    return page.edges.map((e) => byId[e.node.id] ?? `unexpected ${e.node.id}`);
  }

  it('lists the programme by last name, first name (no filter)', async () => {
    expect(await matching({})).toEqual(['dupont', 'durand', 'lefebvre', 'lefevre', 'martin', 'oeuvray']);
  });

  it.each([
    ['lefe', ['lefebvre', 'lefevre']],
    ['lefevre', ['lefevre']],
    ['LEFÈVRE', ['lefevre']],
    ['lefèvre', ['lefevre']],
    ['Lefebvre', ['lefebvre']],
    ['élodie', ['lefevre']],
    ['ELODIE', ['lefevre']],
    ['eLoDiE', ['lefevre']],
    ['zoe', ['martin']],
    ['ZOÉ', ['martin']],
    ['LE\u0301A', ['durand']], // decomposed accent
    ['oeuvray', ['oeuvray']],
    ['ŒUVRAY', ['oeuvray']],
    ['gaelle', ['oeuvray']],
    ['noe dupont', ['dupont']],
    ['  DUPONT   noé ', ['dupont']],
    ['noe martin', []],
    ['%', []],
    ['_', []],
    ['xyz', []],
  ])('search %j', async (search, expected) => {
    expect(await matching({ search })).toEqual(expected);
  });

  it('refuses a search longer than 100 characters, naming filter.search', async () => {
    expect(await matching({ search: 'a'.repeat(100) })).toEqual([]);
    const error = onlyError(await server.graphql(CHILD_PAGE, { filter: { search: 'a'.repeat(101) } }, coordinatorToken));
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.search' });
  });

  it('filters on schoolId', async () => {
    expect(await matching({ schoolId: gid('Partner', schools.none.id) })).toEqual(['lefevre', 'martin']);
    expect(await matching({ schoolId: gid('Partner', schools.rep.id) })).toEqual(['dupont']);
    expect(await matching({ schoolId: gid('Partner', schools.repPlus.id) })).toEqual(['durand']);
    expect(await matching({ schoolId: gid('Partner', randomUUID()) })).toEqual([]);
  });

  it.each([
    [Grade.CM1, ['lefevre', 'martin']],
    [Grade.CE2, ['dupont']],
    [Grade.SIXIEME, ['durand']],
    [Grade.TPS, []],
  ])('filters on grade %s', async (grade, expected) => {
    expect(await matching({ grade })).toEqual(expected);
  });

  it.each([
    [PathwayStatus.ACTIVE, ['lefevre']],
    [PathwayStatus.CLOSED, ['martin']],
    [PathwayStatus.DRAFT, ['dupont']],
    [PathwayStatus.SUSPENDED, ['durand']],
  ])('filters on the status of the current pathway: %s', async (pathwayStatus, expected) => {
    expect(await matching({ pathwayStatus })).toEqual(expected);
  });

  it('filters on eligibility (REP/REP+ school or QPV home)', async () => {
    expect(await matching({ eligible: true })).toEqual(['dupont', 'durand', 'martin', 'oeuvray']);
    expect(await matching({ eligible: false })).toEqual(['lefebvre', 'lefevre']);
  });

  it('applies several filters together', async () => {
    expect(await matching({ eligible: true, grade: Grade.CM1 })).toEqual(['martin']);
    expect(await matching({ search: 'lef', schoolId: gid('Partner', schools.none.id) })).toEqual(['lefevre']);
    expect(await matching({ search: 'é', eligible: false, pathwayStatus: PathwayStatus.ACTIVE })).toEqual(['lefevre']);
  });

  it('paginates a filtered list with the filter on every page', async () => {
    const pages = await allChildPages(server, coordinatorToken, { first: 1, filter: { eligible: true } });
    expect(pages).toHaveLength(4);
    expect(pages.map((p) => p.totalCount)).toEqual([4, 4, 4, 4]);
    expect(pages.flatMap((p) => p.edges.map((e) => e.node.id))).toEqual([ids.dupont, ids.durand, ids.martin, ids.oeuvray]);
  });
});

describe('eligibility on controlled data', () => {
  let server: TestServer;
  let coordinatorToken: string;
  let today: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    server = await startTestServer();
    // One instant for the server and the test: no race at midnight.
    const now = new Date();
    server.setNow(now);
    today = parisDay(now);
    const em = server.orm.em.fork();
    const prog = f.programme(em);
    const coordinator = f.account(em, prog, Role.PRE_COORDINATOR);
    const rep = f.partner(em, prog, { kind: PartnerKind.SCHOOL, network: SchoolNetwork.REP });
    const repPlus = f.partner(em, prog, { kind: PartnerKind.SCHOOL, network: SchoolNetwork.REP_PLUS });
    const none = f.partner(em, prog, { kind: PartnerKind.SCHOOL, network: SchoolNetwork.NONE });
    const qpv = f.family(em, prog, { qpvCode: 'QN07512M' });
    const plain = f.family(em, prog);
    const kids = {
      // Turns 2 tomorrow: 1 today.
      age1: f.child(em, plain, { birthDate: shiftDay(today, -2, 1) }),
      // Turned 2 yesterday, REP school.
      age2: f.child(em, plain, { birthDate: shiftDay(today, -2, -1), school: ref(rep) }),
      // Turns 17 tomorrow: still 16. Plain school, QPV home.
      age16: f.child(em, qpv, { birthDate: shiftDay(today, -17, 1), school: ref(none) }),
      // Turned 17 yesterday. REP+ school, QPV home.
      age17: f.child(em, qpv, { birthDate: shiftDay(today, -17, -1), school: ref(repPlus) }),
      // Ten, plain school, plain home.
      age10: f.child(em, plain, { birthDate: shiftDay(today, -10), school: ref(none) }),
    };
    await em.flush();
    for (const [name, kid] of Object.entries(kids)) ids[name] = gid('Child', kid.id);
    coordinatorToken = await server.token(coordinator.subject);
  });
  afterAll(async () => {
    server?.setNow(undefined);
    await server?.close();
  });

  const QUERY = `query ($id: ID!) { child(id: $id) { age birthDate eligibility { ageInRange priorityNetwork priorityNeighbourhood priority } } }`;

  it.each([
    ['age1', 1, { ageInRange: false, priorityNetwork: false, priorityNeighbourhood: false, priority: false }],
    ['age2', 2, { ageInRange: true, priorityNetwork: true, priorityNeighbourhood: false, priority: true }],
    ['age16', 16, { ageInRange: true, priorityNetwork: false, priorityNeighbourhood: true, priority: true }],
    ['age17', 17, { ageInRange: false, priorityNetwork: true, priorityNeighbourhood: true, priority: true }],
    ['age10', 10, { ageInRange: true, priorityNetwork: false, priorityNeighbourhood: false, priority: false }],
  ])('computes %s', async (name, age, eligibility) => {
    const result = await server.graphql<{ child: { age: number; eligibility: unknown } }>(QUERY, { id: ids[name] }, coordinatorToken);
    expect(result.errors).toBeUndefined();
    expect(result.data?.child).toMatchObject({ age, eligibility });
  });

  it('agrees with the eligible filter', async () => {
    const priority = await allChildIds(server, coordinatorToken, { eligible: true });
    expect(priority.sort()).toEqual([ids.age2, ids.age16, ids.age17].sort());
  });
});
