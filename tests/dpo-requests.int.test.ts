import { Child, DataCategory, Domain, Observation, Referral, ServiceLinkStatus } from '../src/entities';
import { startTestServer, type TestServer } from './helpers/test-server';
import { buildWorld, dataOf, errorOf, forkEm, gid, sql, type World } from './helpers/workflow-world';
import * as f from './factories';

/**
 * The requests of families handled by the DPO (RGPD articles 15 and 17): the search by
 * exact identity, the export (GraphQL and download, DPO and guardian), the erasure.
 */

const FIND = /* GraphQL */ `
  query Find($lastName: String!, $firstName: String!, $birthDate: LocalDate!) {
    findChildren(lastName: $lastName, firstName: $firstName, birthDate: $birthDate) { id firstName lastName lifecycle }
  }`;
const EXPORT = /* GraphQL */ `query Export($childId: ID!) { childExport(childId: $childId) { childId categories document } }`;
const ERASE = /* GraphQL */ `
  mutation Erase($input: EraseChildInput!) { eraseChild(input: $input) { childId reason familyErased eventsDetached } }`;
const CHILD = /* GraphQL */ `query Child($id: ID!) { child(id: $id) { id firstName lifecycle } }`;

type Doc = Record<string, unknown> & { child: Record<string, unknown>; family: Record<string, unknown> };

describe('requests of families, handled by the DPO', () => {
  let server: TestServer;
  let w: World;
  /** A sibling of the world's child, in the same family. */
  let sibling: Child;

  beforeAll(async () => {
    server = await startTestServer();
    w = await buildWorld(server);
    const em = forkEm(server);
    const child = await em.findOneOrFail(Child, w.child.id);
    child.firstName = 'Éloïse-Marie';
    child.lastName = "N'Diaye";
    child.diagnosis = 'Trouble du langage (diagnostic secret)';
    child.socialFollowUp = 'Suivi AEMO en cours';
    sibling = f.child(em, await em.findOneOrFail('Family', w.family.id), { firstName: 'Sibling', lastName: "N'Diaye", birthDate: '2014-03-03' });
    em.create(Observation, { programme: w.programme.id, child, category: DataCategory.SCHOOLING, author: w.accounts.schoolAgent.id, text: 'Observation scolaire' } as never);
    em.create(Referral, {
      programme: w.programme.id,
      child,
      referringPartner: w.partners.school.id,
      referringAccount: w.accounts.schoolAgent.id,
      referredOn: '2025-02-01',
      domains: [Domain.SCHOOL],
      description: 'Description du repérage',
    } as never);
    f.serviceLink(em, child, await em.findOneOrFail('Partner', w.partners.leisure.id), await em.findOneOrFail('Account', w.accounts.inclusionReferent.id), {
      categories: [DataCategory.IDENTITY, DataCategory.INCLUSION],
    });
    await em.flush();
    // Some reads of the child, for its access log.
    await server.graphql(CHILD, { id: w.ids.child }, w.tokens.coordinator);
  });
  afterAll(async () => {
    await server?.close();
  });

  describe('findChildren', () => {
    it('finds a child by exact identity, accents, case and separators folded, and records the search', async () => {
      const result = await server.graphql<{ findChildren: { id: string; firstName: string; lifecycle: string }[] }>(
        FIND,
        { lastName: 'n diaye', firstName: ' ELOISE marie ', birthDate: '2016-05-12' },
        w.tokens.dpo,
      );
      expect(dataOf(result).findChildren).toEqual([{ id: w.ids.child, firstName: 'Éloïse-Marie', lastName: "N'Diaye", lifecycle: 'ACTIVE' }]);
      const [search] = await sql(server, `select searched_last_name, searched_birth_date::text as d, matches, account_id from data_request where kind = 'SEARCH' and programme_id = ? order by at desc limit 1`, [w.programme.id]);
      expect(search).toEqual({ searched_last_name: 'n diaye', d: '2016-05-12', matches: 1, account_id: w.accounts.dpo.id });
    });

    it('is exact: another birth date or a part of a name finds nothing (and is recorded with 0 matches)', async () => {
      for (const variables of [
        { lastName: "N'Diaye", firstName: 'Éloïse-Marie', birthDate: '2016-05-13' },
        { lastName: 'Diaye', firstName: 'Éloïse-Marie', birthDate: '2016-05-12' },
      ]) {
        expect(dataOf(await server.graphql<{ findChildren: unknown[] }>(FIND, variables, w.tokens.dpo)).findChildren).toEqual([]);
      }
      const rows = await sql(server, `select matches from data_request where kind = 'SEARCH' and programme_id = ? and matches = 0`, [w.programme.id]);
      expect(rows.length).toBeGreaterThanOrEqual(2);
    });

    it('is the DPO\'s only: FORBIDDEN for a coordinator; BAD_USER_INPUT naming an empty name', async () => {
      const variables = { lastName: "N'Diaye", firstName: 'Éloïse-Marie', birthDate: '2016-05-12' };
      expect(errorOf(await server.graphql(FIND, variables, w.tokens.coordinator))).toEqual({ code: 'FORBIDDEN' });
      expect(errorOf(await server.graphql(FIND, { ...variables, lastName: '  ' }, w.tokens.dpo))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'lastName' });
    });
  });

  describe('childExport', () => {
    it('gives the DPO the whole file, every category and the access log, logged as EXPORT', async () => {
      const result = await server.graphql<{ childExport: { categories: string[]; document: Doc } }>(EXPORT, { childId: w.ids.child }, w.tokens.dpo);
      const { categories, document } = dataOf(result).childExport;
      expect(categories).toEqual(Object.values(DataCategory));
      expect(document.child).toMatchObject({ first_name: 'Éloïse-Marie', birth_date: '2016-05-12' });
      expect(document.child.health).toMatchObject({ diagnosis: 'Trouble du langage (diagnostic secret)' });
      expect(document.child.social).toMatchObject({ social_follow_up: 'Suivi AEMO en cours' });
      expect((document.family.guardians as unknown[]).length).toBe(2);
      expect(document.referrals).toEqual([expect.objectContaining({ description: 'Description du repérage' })]);
      expect(document.observations).toEqual([expect.objectContaining({ text: 'Observation scolaire', category: 'SCHOOLING' })]);
      expect(document.pathways).toEqual([expect.objectContaining({ objectives: [], actions: [], reviews: [] })]);
      expect(document.serviceLinks).toHaveLength(1);
      expect((document.accessLog as { action: string }[]).some((e) => e.action === 'READ')).toBe(true);
      expect((document.names as Record<string, string>)[w.accounts.coordinator.id]).toBe(w.accounts.coordinator.displayName);
      expect(JSON.stringify(document)).not.toContain('Sibling');
      const [event] = await sql(server, `select action, child_id, account_id from access_event where action = 'EXPORT' and programme_id = ? order by at desc limit 1`, [w.programme.id]);
      expect(event).toEqual({ action: 'EXPORT', child_id: w.child.id, account_id: w.accounts.dpo.id });
    });

    it("gives a guardian the same document within its categories, without the other family members' data", async () => {
      const { document, categories } = dataOf(await server.graphql<{ childExport: { categories: string[]; document: Doc } }>(EXPORT, { childId: w.ids.child }, w.tokens.guardian)).childExport;
      expect(categories).not.toContain('SOCIAL');
      expect(document.child.health).toBeDefined();
      expect(document.child.social).toBeUndefined();
      expect(document.family.social).toBeUndefined();
      const guardians = document.family.guardians as Record<string, unknown>[];
      const own = guardians.find((g) => g.id === w.guardian.id)!;
      const other = guardians.find((g) => g.id !== w.guardian.id)!;
      expect(own.phone).toBe(w.guardian.phone ?? null);
      expect(Object.keys(other).sort()).toEqual(['first_name', 'id', 'last_name', 'parental_authority', 'relationship']);
      expect(JSON.stringify(document)).not.toContain('Sibling');
      expect(Array.isArray(document.accessLog)).toBe(true);
    });

    it('is NOT_FOUND for a guardian of another family, a coordinator, and an absent child alike', async () => {
      for (const token of [w.tokens.otherGuardian, w.tokens.coordinator, w.tokens.guardianWithoutAuthority]) {
        expect(errorOf(await server.graphql(EXPORT, { childId: w.ids.child }, token))).toEqual({ code: 'NOT_FOUND' });
      }
      expect(errorOf(await server.graphql(EXPORT, { childId: gid('Child', '00000000-0000-4000-8000-000000000000') }, w.tokens.dpo))).toEqual({ code: 'NOT_FOUND' });
    });

    it('is a download: GET /children/<id>/export.json, 401 without a token, 404 when not found', async () => {
      const download = (id: string, token?: string) =>
        fetch(new URL(`/children/${id}/export.json`, server.url), { headers: token ? { authorization: `Bearer ${token}` } : {} });
      const ok = await download(w.ids.child, w.tokens.guardian);
      expect(ok.status).toBe(200);
      expect(ok.headers.get('content-disposition')).toContain('attachment');
      expect(ok.headers.get('cache-control')).toBe('no-store');
      const body = (await ok.json()) as Doc;
      expect(body).toMatchObject({ format: 'pre-child-export/1', child: { first_name: 'Éloïse-Marie' } });
      expect((await download(w.ids.child)).status).toBe(401);
      expect((await download(w.ids.child, w.tokens.otherGuardian)).status).toBe(404);
    });
  });

  describe('eraseChild', () => {
    /** What the anonymous statistics count (issue 10 computes them in SQL over these tables). */
    async function statistics(): Promise<Record<string, unknown>> {
      const p = [w.programme.id];
      const one = async (query: string) => (await sql(server, query, p)).map((r) => JSON.stringify(r)).sort();
      return {
        children: await one(`select c.birth_year, c.grade, pt.network, f.qpv_code, count(*) from child c join family f on f.id = c.family_id left join partner pt on pt.id = c.school_id where c.programme_id = ? group by 1, 2, 3, 4`),
        referrals: await one(`select referred_on, domains, referring_partner_id, count(*) from referral where programme_id = ? group by 1, 2, 3`),
        pathways: await one(`select count(*) from pathway where programme_id = ?`),
        consents: await one(`select purpose, method, count(*) from consent where programme_id = ? group by 1, 2`),
        links: await one(`select partner_id, legal_basis, categories, count(*) from service_link where programme_id = ? group by 1, 2, 3`),
        followUps: await one(`select count(*) from inclusion_follow_up where programme_id = ?`),
      };
    }

    it('refuses a wrong reason or a reference that could be a name, naming the field, and anyone but the DPO', async () => {
      expect(errorOf(await server.graphql(ERASE, { input: { childId: w.ids.child, reason: 'RETENTION_EXPIRED' } }, w.tokens.dpo))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.reason' });
      expect(errorOf(await server.graphql(ERASE, { input: { childId: w.ids.child, reason: 'FAMILY_REQUEST', reference: 'Mme Dupont' } }, w.tokens.dpo))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.reference' });
      expect(errorOf(await server.graphql(ERASE, { input: { childId: w.ids.child, reason: 'FAMILY_REQUEST' } }, w.tokens.coordinator))).toEqual({ code: 'FORBIDDEN' });
    });

    it('leaves nothing half-erased when a statement fails', async () => {
      await sql(server, `create function fail_erasure() returns trigger language plpgsql as $$ begin raise exception 'injected'; end $$`);
      await sql(server, `create trigger fail_erasure before update of lifecycle on child for each row execute function fail_erasure()`);
      try {
        const result = await server.graphql(ERASE, { input: { childId: w.ids.child, reason: 'FAMILY_REQUEST' } }, w.tokens.dpo);
        expect(errorOf(result)).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
      } finally {
        await sql(server, `drop trigger fail_erasure on child`);
        await sql(server, `drop function fail_erasure()`);
      }
      expect(await sql(server, `select lifecycle from child where id = ?`, [w.child.id])).toEqual([{ lifecycle: 'ACTIVE' }]);
      expect(await sql(server, `select count(*)::int as n from observation where child_id = ?`, [w.child.id])).toEqual([{ n: 1 }]);
      expect((await sql(server, `select count(*)::int as n from access_event where child_id = ?`, [w.child.id]))[0]!.n).toBeGreaterThan(0);
    });

    it("erases the child's personal data everywhere in one transaction, keeps what the statistics count, detaches its events; a second call is NOT_FOUND", async () => {
      const before = await statistics();
      const [{ n: events }] = (await sql(server, `select count(*)::int as n from access_event where child_id = ?`, [w.child.id])) as { n: number }[];
      const [{ n: total }] = (await sql(server, `select count(*)::int as n from access_event where programme_id = ?`, [w.programme.id])) as { n: number }[];

      const result = await server.graphql<{ eraseChild: { familyErased: boolean; eventsDetached: number } }>(
        ERASE,
        { input: { childId: w.ids.child, reason: 'FAMILY_REQUEST', reference: 'DPO-2026/017' } },
        w.tokens.dpo,
      );
      // The sibling remains: the family and guardians stay.
      expect(dataOf(result).eraseChild).toEqual({ childId: w.ids.child, reason: 'FAMILY_REQUEST', familyErased: false, eventsDetached: events });

      expect(await statistics()).toEqual(before);
      const [child] = await sql(server, `select first_name, last_name, birth_date, birth_year, diagnosis, social_follow_up, lifecycle from child where id = ?`, [w.child.id]);
      expect(child).toEqual({ first_name: '', last_name: '', birth_date: null, birth_year: 2016, diagnosis: null, social_follow_up: null, lifecycle: 'ANONYMISED' });
      expect(await sql(server, `select count(*)::int as n from observation where child_id = ?`, [w.child.id])).toEqual([{ n: 0 }]);
      expect(await sql(server, `select description from referral where child_id = ?`, [w.child.id])).toEqual([{ description: '' }]);
      expect(await sql(server, `select status from service_link where child_id = ?`, [w.child.id])).toEqual([{ status: ServiceLinkStatus.REVOKED }]);
      // The searches that found the child no longer say what was asked.
      expect(await sql(server, `select count(*)::int as n from data_request where searched_last_name is not null and ? = any(matched_child_ids)`, [w.child.id])).toEqual([{ n: 0 }]);
      // Its events are kept, pointing at nobody; the erasure is one DELETE more.
      expect(await sql(server, `select count(*)::int as n from access_event where child_id = ?`, [w.child.id])).toEqual([{ n: 0 }]);
      expect(await sql(server, `select count(*)::int as n from access_event where programme_id = ?`, [w.programme.id])).toEqual([{ n: total + 1 }]);
      expect(await sql(server, `select action, entity, child_id from access_event where programme_id = ? and action = 'DELETE'`, [w.programme.id])).toEqual([
        { action: 'DELETE', entity: 'Child', child_id: null },
      ]);
      expect(await sql(server, `select reason, reference, child_id from data_request where kind = 'ERASURE' and programme_id = ?`, [w.programme.id])).toEqual([
        { reason: 'FAMILY_REQUEST', reference: 'DPO-2026/017', child_id: w.child.id },
      ]);
      // Nobody reaches it any more.
      expect(errorOf(await server.graphql(CHILD, { id: w.ids.child }, w.tokens.coordinator))).toEqual({ code: 'NOT_FOUND' });
      expect(errorOf(await server.graphql(EXPORT, { childId: w.ids.child }, w.tokens.dpo))).toEqual({ code: 'NOT_FOUND' });
      expect(errorOf(await server.graphql(ERASE, { input: { childId: w.ids.child, reason: 'FAMILY_REQUEST' } }, w.tokens.dpo))).toEqual({ code: 'NOT_FOUND' });
    });

    it('erases the family and its guardians with the last child of the family', async () => {
      const result = await server.graphql<{ eraseChild: { familyErased: boolean } }>(ERASE, { input: { childId: gid('Child', sibling.id), reason: 'CONSENT_WITHDRAWN' } }, w.tokens.dpo);
      expect(dataOf(result).eraseChild.familyErased).toBe(true);
      expect(await sql(server, `select address_line, social_notes from family where id = ?`, [w.family.id])).toEqual([{ address_line: '', social_notes: null }]);
      const guardians = await sql(server, `select first_name, phone, email, parental_authority from guardian where family_id = ?`, [w.family.id]);
      expect(guardians).toEqual([
        { first_name: '', phone: null, email: null, parental_authority: false },
        { first_name: '', phone: null, email: null, parental_authority: false },
      ]);
      expect(await sql(server, `select active, display_name from account where id = ?`, [w.accounts.guardian.id])).toEqual([{ active: false, display_name: 'Erased account' }]);
      // The other family is untouched.
      expect((await sql(server, `select first_name from child where id = ?`, [w.otherChild.id]))[0]!.first_name).not.toBe('');
    });
  });
});
