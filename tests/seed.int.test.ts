import 'reflect-metadata';
import { createHash } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import {
  DEMO_ACCOUNTS, DEMO_ACCOUNT_ROLES, DEMO_CHILDREN, DEMO_PROGRAMME_NAME, DEMO_TODAY, OTHER_PROGRAMME_NAME, type DemoSummary,
  demoSubject, seedDemo,
} from '../src/seed/demo.seed';
import { SCALE_TABLES, type ScaleSummary, seedScale } from '../src/seed/scale.seed';
import { gradeFor, levelOf, uai } from '../src/seed/french.data';
import type { Grade } from '../src/entities';
import { dropTestDatabase, openTestOrm, testDatabase } from './helpers/test-server';

/**
 * The seeds' invariants, checked in SQL on fresh databases: the demo programme has what the
 * demo and the permission tests rely on, every row stays in the programme of its parents,
 * every link on consent is covered by that consent's scope, and the demo is deterministic.
 */

jest.setTimeout(120_000);

const created: string[] = [];
const orms: MikroORM[] = [];
const clients: Client[] = [];

/** A fresh database of this run, migrated; returns its URL. */
async function freshDatabase(tag: string): Promise<string> {
  const url = await testDatabase(`seed_${tag}_w${process.env.JEST_WORKER_ID ?? '1'}`);
  created.push(url);
  orms.push(await openTestOrm(url));
  return url;
}

async function connect(url: string): Promise<Client> {
  const client = new Client({ connectionString: url });
  await client.connect();
  clients.push(client);
  return client;
}

async function count(db: Client, sql: string, params: unknown[] = []): Promise<number> {
  const result = await db.query<{ n: string }>(sql, params);
  return Number(result.rows[0]?.n ?? 0);
}

/** [table, foreign key column, parent table]: the row and its parent must share the programme. */
const TENANT_EDGES: readonly (readonly [string, string, string])[] = [
  ['partner', 'programme_id', 'programme'],
  ['guardian', 'family_id', 'family'],
  ['account', 'partner_id', 'partner'], ['account', 'guardian_id', 'guardian'],
  ['child', 'family_id', 'family'], ['child', 'school_id', 'partner'],
  ['observation', 'child_id', 'child'], ['observation', 'author_id', 'account'], ['observation', 'partner_id', 'partner'],
  ['referral', 'child_id', 'child'], ['referral', 'referring_partner_id', 'partner'], ['referral', 'referring_account_id', 'account'],
  ['referral', 'assigned_to_id', 'account'], ['referral', 'team_meeting_id', 'team_meeting'],
  ['pathway', 'child_id', 'child'], ['pathway', 'referent_id', 'account'], ['pathway', 'consent_id', 'consent'],
  ['objective', 'pathway_id', 'pathway'], ['action', 'provider_id', 'partner'],
  ['review', 'pathway_id', 'pathway'], ['review', 'author_id', 'account'],
  ['consent', 'child_id', 'child'], ['consent', 'given_by_id', 'guardian'], ['consent', 'recorded_by_id', 'account'],
  ['consent', 'withdrawn_by_id', 'account'],
  ['consent_scope', 'consent_id', 'consent'], ['consent_scope', 'partner_id', 'partner'],
  ['service_link', 'child_id', 'child'], ['service_link', 'partner_id', 'partner'], ['service_link', 'origin_partner_id', 'partner'],
  ['service_link', 'consent_id', 'consent'], ['service_link', 'created_by_id', 'account'],
  ['inclusion_follow_up', 'child_id', 'child'], ['inclusion_follow_up', 'referent_id', 'account'],
  ['inclusion_follow_up', 'assessed_by_id', 'account'],
  ['accommodation', 'follow_up_id', 'inclusion_follow_up'], ['accommodation', 'partner_id', 'partner'],
  ['adapted_activity', 'follow_up_id', 'inclusion_follow_up'], ['adapted_activity', 'partner_id', 'partner'],
  ['family_meeting', 'family_id', 'family'], ['family_meeting', 'child_id', 'child'], ['family_meeting', 'held_by_id', 'account'],
  ['workshop', 'facilitator_id', 'account'],
];

/** [pivot, column, table, column, table]: both ends of a pivot row are in one programme. */
const PIVOT_EDGES: readonly (readonly [string, string, string, string, string])[] = [
  ['action_pathway', 'action_id', 'action', 'pathway_id', 'pathway'],
  ['team_meeting_attending_partners', 'team_meeting_id', 'team_meeting', 'partner_id', 'partner'],
  ['workshop_attending_partners', 'workshop_id', 'workshop', 'partner_id', 'partner'],
];

/** Every edge whose two ends are in different programmes, as `table.column: n`. */
async function crossTenantEdges(db: Client): Promise<string[]> {
  const bad: string[] = [];
  for (const [table, fk, parent] of TENANT_EDGES) {
    const key = parent === 'programme' ? 'p.id' : 'p.programme_id';
    const n = await count(db, `select count(*) as n from "${table}" t join "${parent}" p on p.id = t."${fk}" where t.programme_id <> ${key}`);
    if (n > 0) bad.push(`${table}.${fk}: ${n}`);
  }
  for (const [pivot, a, ta, b, tb] of PIVOT_EDGES) {
    const n = await count(db, `select count(*) as n from "${pivot}" x join "${ta}" a on a.id = x."${a}" join "${tb}" b on b.id = x."${b}" where a.programme_id <> b.programme_id`);
    if (n > 0) bad.push(`${pivot}: ${n}`);
  }
  // The giver of a consent is a guardian of the child's own family, and holds parental authority.
  const givers = await count(db, `select count(*) as n from consent c join child ch on ch.id = c.child_id join guardian g on g.id = c.given_by_id
    where g.family_id <> ch.family_id or not g.parental_authority`);
  if (givers > 0) bad.push(`consent.given_by_id outside the family or without authority: ${givers}`);
  return bad;
}

/** Links on CONSENT whose consent is missing, of another child, or whose scope lacks the partner or a category. */
const UNCOVERED_CONSENT_LINKS = `select count(*) as n from service_link sl
  where sl.legal_basis = 'CONSENT' and not exists (
    select 1 from consent c join consent_scope s on s.consent_id = c.id
    where c.id = sl.consent_id and c.child_id = sl.child_id and s.partner_id = sl.partner_id and s.categories @> sl.categories)`;

/** An ACTIVE link whose validity covers the date: the partner sees the child. */
const VISIBLE = (date = 'current_date') =>
  `sl.status = 'ACTIVE' and sl.valid_from <= ${date} and (sl.valid_until is null or sl.valid_until >= ${date})`;

let demoA: DemoSummary | undefined;
let demoB: DemoSummary | undefined;
let scale: ScaleSummary | undefined;
let dbA: Client;
let dbB: Client;
let dbScale: Client;
let demoSeconds = 0;

beforeAll(async () => {
  const [urlA, urlB, urlScale] = [await freshDatabase('a'), await freshDatabase('b'), await freshDatabase('scale')];
  const started = Date.now();
  demoA = await seedDemo(orms[0]!.em.fork());
  demoSeconds = (Date.now() - started) / 1000;
  demoB = await seedDemo(orms[1]!.em.fork());
  scale = await seedScale(urlScale, { children: 500 });
  dbA = await connect(urlA);
  dbB = await connect(urlB);
  dbScale = await connect(urlScale);
});

afterAll(async () => {
  await Promise.allSettled(clients.map((c) => c.end()));
  await Promise.allSettled(orms.map((o) => o.close(true)));
  for (const url of created) await dropTestDatabase(url);
});

describe('seedDemo', () => {
  it('runs in a couple of seconds', () => {
    expect(demoSeconds).toBeLessThan(10);
  });

  it('creates the demo accounts with their roles, partners and subjects', async () => {
    const { rows } = await dbA.query<{ email: string; role: string; subject: string; programme: string; kind: string | null; network: string | null; guardian_id: string | null }>(
      `select a.email, a.role, a.subject, pr.name as programme, p.kind, p.network, a.guardian_id
       from account a join programme pr on pr.id = a.programme_id left join partner p on p.id = a.partner_id`);
    const byEmail = new Map(rows.map((r) => [r.email, r]));
    expect(DEMO_ACCOUNTS).toHaveLength(15);
    expect(rows).toHaveLength(DEMO_ACCOUNTS.length);
    for (const email of DEMO_ACCOUNTS) {
      const row = byEmail.get(email);
      expect(row).toMatchObject({ role: DEMO_ACCOUNT_ROLES[email], subject: demoSubject(email) });
      expect(row?.programme).toBe(email.endsWith('@other.example') ? OTHER_PROGRAMME_NAME : DEMO_PROGRAMME_NAME);
    }
    const kindOf = (email: string) => byEmail.get(email)?.kind;
    expect(['admin', 'coordinator', 'referent', 'referent2'].map((e) => kindOf(`${e}@demo.example`))).toEqual(Array(4).fill('PRE_TEAM'));
    expect(kindOf('inclusion@demo.example')).toBe('INCLUSION_SERVICE');
    expect(byEmail.get('school@demo.example')).toMatchObject({ kind: 'SCHOOL', network: 'REP' });
    expect(kindOf('social@demo.example')).toBe('SOCIAL_SERVICES');
    expect(kindOf('leisure@demo.example')).toBe('LEISURE_CENTRE');
    expect(kindOf('health@demo.example')).toBe('HEALTH');
    expect(kindOf('sports@demo.example')).toBe('SPORTS');
    expect(kindOf('coordinator@other.example')).toBe('PRE_TEAM');
    expect(kindOf('school@other.example')).toBe('SCHOOL');
    expect(byEmail.get('guardian@demo.example')?.guardian_id).toBeTruthy();
    expect(kindOf('guardian@demo.example')).toBeNull();
  });

  it('gives the guardian account a family of two children with pathways and consents', async () => {
    const { rows } = await dbA.query<{ parental_authority: boolean; children: string; with_pathway: string; with_consent: string }>(
      `select g.parental_authority,
              (select count(*) from child c where c.family_id = g.family_id) as children,
              (select count(*) from child c where c.family_id = g.family_id and exists (select 1 from pathway p where p.child_id = c.id and p.status = 'ACTIVE')) as with_pathway,
              (select count(*) from child c where c.family_id = g.family_id and exists (select 1 from consent k where k.child_id = c.id and k.given_by_id = g.id)) as with_consent
       from account a join guardian g on g.id = a.guardian_id where a.email = 'guardian@demo.example'`);
    expect(rows).toEqual([{ parental_authority: true, children: '2', with_pathway: '2', with_consent: '2' }]);
  });

  it('has partners of every kind, and three schools with valid UAI codes in each network', async () => {
    const kinds = await dbA.query<{ kind: string; n: string }>(
      'select kind, count(*) as n from partner where programme_id = $1 group by kind', [demoA!.programmeId]);
    expect(Object.fromEntries(kinds.rows.map((r) => [r.kind, Number(r.n)]))).toEqual({
      SCHOOL: 3, SOCIAL_SERVICES: 1, LEISURE_CENTRE: 2, HEALTH: 1, SPORTS: 1, CULTURE: 1, PRE_TEAM: 1, INCLUSION_SERVICE: 1,
    });
    const schools = await dbA.query<{ uai: string; network: string; school_level: string }>(
      `select uai, network, school_level from partner where kind = 'SCHOOL' and programme_id = $1`, [demoA!.programmeId]);
    expect(schools.rows.map((s) => s.network).sort()).toEqual(['NONE', 'REP', 'REP_PLUS']);
    for (const s of schools.rows) {
      expect(s.uai).toMatch(/^\d{7}[A-Z]$/);
      expect(uai(Number(s.uai.slice(0, 7)))).toBe(s.uai);
      expect(s.school_level).toBeTruthy();
    }
  });

  it('has 200 children in the demo programme, about 10 in the other, with consistent ages, grades and schools', async () => {
    expect(await count(dbA, 'select count(*) as n from child where programme_id = $1', [demoA!.programmeId])).toBe(DEMO_CHILDREN);
    expect(await count(dbA, 'select count(*) as n from child where programme_id = $1', [demoA!.otherProgrammeId])).toBe(10);
    const { rows } = await dbA.query<{ birth_date: string; grade: Grade | null; school_level: string | null; age: number }>(
      `select to_char(c.birth_date, 'YYYY-MM-DD') as birth_date, c.grade, p.school_level,
              extract(year from age($2::date, c.birth_date))::int as age
       from child c left join partner p on p.id = c.school_id where c.programme_id = $1`, [demoA!.programmeId, DEMO_TODAY]);
    expect(rows.filter((r) => r.age < 2).length).toBeGreaterThan(0);
    expect(rows.filter((r) => r.age > 16).length).toBeGreaterThan(0);
    expect(rows.filter((r) => r.grade === null && r.age >= 3 && r.age <= 14).length).toBeGreaterThan(0); // a few not schooled
    for (const r of rows) {
      expect(r.grade === null).toBe(r.school_level === null);
      if (r.grade) {
        expect(gradeFor(Number(r.birth_date.slice(0, 4)), 2026)).toBe(r.grade);
        expect(levelOf(r.grade)).toBe(r.school_level);
      }
    }
    expect(await count(dbA, `select count(*) as n from family where qpv_code is not null and programme_id = $1`, [demoA!.programmeId])).toBeGreaterThan(0);
    expect(await count(dbA, `select count(*) as n from family where qpv_code is null and programme_id = $1`, [demoA!.programmeId])).toBeGreaterThan(0);
    expect(await count(dbA, 'select count(*) as n from guardian where not parental_authority')).toBeGreaterThan(0);
    for (const column of ['schooling_arrangements', 'social_follow_up', 'diagnosis', 'mdph_decision', 'aesh_hours']) {
      expect(await count(dbA, `select count(*) as n from child where ${column} is not null`)).toBeGreaterThan(0);
    }
    expect(await count(dbA, `select count(*) as n from child where protection_measure <> 'NONE'`)).toBeGreaterThan(0);
  });

  it('has every status of referrals, pathways and links, and observations in four categories', async () => {
    const statuses = async (table: string) =>
      (await dbA.query<{ status: string }>(`select distinct status::text as status from ${table} where programme_id = $1 order by 1`, [demoA!.programmeId])).rows.map((r) => r.status);
    expect(await statuses('referral')).toEqual(['ACCEPTED', 'DECLINED', 'SUBMITTED', 'UNDER_REVIEW', 'WITHDRAWN']);
    expect(await statuses('pathway')).toEqual(['ACTIVE', 'CLOSED', 'DRAFT', 'SUSPENDED']);
    expect(await statuses('service_link')).toEqual(['ACTIVE', 'EXPIRED', 'PROPOSED', 'REVOKED', 'SUSPENDED']);
    const categories = await dbA.query<{ category: string }>('select distinct category::text as category from observation order by 1');
    expect(categories.rows.map((r) => r.category)).toEqual(['HEALTH', 'INCLUSION', 'SCHOOLING', 'SOCIAL']);
    // Observations are written by partner staff, in their own partner's name.
    expect(await count(dbA, `select count(*) as n from observation o join account a on a.id = o.author_id
      where a.partner_id is distinct from o.partner_id or a.role not in ('PARTNER_AGENT', 'INCLUSION_REFERENT')`)).toBe(0);
    expect(await count(dbA, `select count(*) as n from team_meeting_attending_partners`)).toBeGreaterThan(0);
    expect(await count(dbA, `select count(*) as n from referral where team_meeting_id is not null`)).toBeGreaterThan(0);
    expect(await count(dbA, `select count(*) as n from referral r join account a on a.id = r.assigned_to_id where a.email = 'referent@demo.example'`)).toBeGreaterThan(0);
  });

  it('rests every pathway on a PATHWAY consent of its child, with objectives, actions and reviews', async () => {
    expect(await count(dbA, `select count(*) as n from pathway p left join consent c on c.id = p.consent_id
      where c.id is null or c.purpose <> 'PATHWAY' or c.child_id <> p.child_id`)).toBe(0);
    expect(await count(dbA, `select count(*) as n from pathway p join consent c on c.id = p.consent_id
      where c.withdrawn_at is not null and p.status <> 'CLOSED'`)).toBe(0);
    expect(await count(dbA, `select count(*) as n from pathway p where not exists (select 1 from objective o where o.pathway_id = p.id)`)).toBe(0);
    expect(await count(dbA, `select count(*) as n from pathway p where not exists (select 1 from action_pathway x where x.pathway_id = p.id)`)).toBe(0);
    expect(await count(dbA, `select count(*) as n from review`)).toBeGreaterThan(0);
    const collective = await dbA.query<{ n: string }>(`select count(*) as n from action a join action_pathway x on x.action_id = a.id
      where a.kind = 'COLLECTIVE' group by a.id having count(*) >= 2`);
    expect(collective.rows.length).toBeGreaterThanOrEqual(2);
    expect(await count(dbA, `select count(*) as n from action a where a.kind = 'INDIVIDUAL'
      and (select count(*) from action_pathway x where x.action_id = a.id) <> 1`)).toBe(0);
    const referent = await count(dbA, `select count(*) as n from pathway p join account a on a.id = p.referent_id where a.email = 'referent@demo.example'`);
    expect(referent).toBeGreaterThanOrEqual(30);
  });

  it('has consents of every purpose, some withdrawn, and links on consent covered by their scope', async () => {
    const purposes = await dbA.query<{ purpose: string }>('select distinct purpose::text as purpose from consent order by 1');
    expect(purposes.rows.map((r) => r.purpose)).toEqual(['INCLUSION_FOLLOW_UP', 'INFORMATION_SHARING', 'PATHWAY']);
    expect(await count(dbA, 'select count(*) as n from consent where withdrawn_at is not null')).toBeGreaterThan(0);
    expect(await count(dbA, 'select count(*) as n from consent c where not exists (select 1 from consent_scope s where s.consent_id = c.id)')).toBe(0);
    expect(await count(dbA, UNCOVERED_CONSENT_LINKS)).toBe(0);
    // A link on consent is ACTIVE only while the consent holds; a withdrawal revoked its links.
    expect(await count(dbA, `select count(*) as n from service_link sl join consent c on c.id = sl.consent_id
      where c.withdrawn_at is not null and sl.status <> 'REVOKED'`)).toBe(0);
    expect(await count(dbA, `select count(*) as n from service_link sl join consent c on c.id = sl.consent_id
      where c.given_at::date > sl.valid_from`)).toBe(0);
    expect(await count(dbA, `select count(*) as n from service_link where legal_basis = 'CONSENT' and consent_id is null`)).toBe(0);
    expect(await count(dbA, `select count(*) as n from service_link where legal_basis <> 'CONSENT'
      and (consent_id is not null or (parents_informed_on is null) = (parents_not_informed_reason is null))`)).toBe(0);
    expect(await count(dbA, `select count(*) as n from service_link where legal_basis = 'SHARED_SECRET_L226_2_2'`)).toBeGreaterThan(0);
    expect(await count(dbA, `select count(*) as n from service_link where legal_basis = 'SHARED_SECRET_L121_6_2' and parents_not_informed_reason is not null`)).toBeGreaterThan(0);
    expect(await count(dbA, `select count(*) as n from (select child_id, partner_id from service_link group by 1, 2 having count(*) > 1) d`)).toBe(0);
  });

  it('has exactly one ACTIVE link past its validUntil, whatever the date', async () => {
    expect(await count(dbA, `select count(*) as n from service_link where status = 'ACTIVE' and valid_until < current_date`)).toBe(1);
    expect(await count(dbA, `select count(*) as n from service_link where status = 'ACTIVE' and valid_until < $1::date`, [DEMO_TODAY])).toBe(1);
    expect(await count(dbA, `select count(*) as n from service_link where status = 'ACTIVE' and valid_until is not null and valid_until < '2030-01-01'`)).toBe(1);
  });

  it('links each partner agent to some children and not to others', async () => {
    const { rows } = await dbA.query<{ email: string; linked: string; unlinked: string; categories: string[] }>(
      `select a.email,
        (select count(distinct sl.child_id) from service_link sl where sl.partner_id = a.partner_id and ${VISIBLE()}) as linked,
        (select count(*) from child c where c.programme_id = a.programme_id and not exists (
          select 1 from service_link sl where sl.child_id = c.id and sl.partner_id = a.partner_id and ${VISIBLE()})) as unlinked,
        (select array_agg(distinct sl.categories::text) from service_link sl where sl.partner_id = a.partner_id and ${VISIBLE()}) as categories
       from account a where a.role = 'PARTNER_AGENT' order by a.email`);
    const byEmail = Object.fromEntries(rows.map((r) => [r.email, r]));
    expect(Object.keys(byEmail)).toHaveLength(6);
    for (const r of rows) {
      expect(Number(r.linked)).toBeGreaterThan(0);
      expect(Number(r.unlinked)).toBeGreaterThan(0);
    }
    expect(byEmail['school@demo.example']).toMatchObject({ linked: '40', categories: ['{IDENTITY,SCHOOLING,INCLUSION,PATHWAY}'] });
    expect(byEmail['leisure@demo.example']).toMatchObject({ linked: '15', categories: ['{IDENTITY,CONTACT,INCLUSION}'] });
    expect(byEmail['social@demo.example']).toMatchObject({ linked: '10', categories: ['{IDENTITY,CONTACT,SOCIAL,PATHWAY}'] });
    expect(byEmail['health@demo.example']).toMatchObject({ linked: '8', categories: ['{IDENTITY,CONTACT,HEALTH,INCLUSION}'] });
    expect(byEmail['sports@demo.example']).toMatchObject({ linked: '5' });
    // The school also has children it must not see: a link in every other status, and the stale one.
    const school = await dbA.query<{ status: string; n: string }>(`select sl.status::text as status, count(*) as n from service_link sl join account a on a.partner_id = sl.partner_id
      where a.email = 'school@demo.example' and not (${VISIBLE()}) group by 1 order by 1`);
    expect(school.rows.map((r) => r.status)).toEqual(['ACTIVE', 'EXPIRED', 'PROPOSED', 'REVOKED', 'SUSPENDED']);
    // Inclusion links are created by the inclusion referent.
    expect(await count(dbA, `select count(*) as n from service_link sl join account a on a.id = sl.created_by_id
      where sl.purpose = 'INCLUSION_FOLLOW_UP' and a.email <> 'inclusion@demo.example'`)).toBe(0);
    expect(await count(dbA, `select count(*) as n from service_link where purpose = 'INCLUSION_FOLLOW_UP'`)).toBeGreaterThan(0);
  });

  it('has inclusion follow-ups with assessments, accommodations, activities, PAI and emergency protocols; family meetings; 3 workshops', async () => {
    expect(await count(dbA, 'select count(*) as n from inclusion_follow_up')).toBe(20);
    expect(await count(dbA, 'select count(*) as n from inclusion_follow_up where assessed_on is not null and findings is not null')).toBeGreaterThan(0);
    expect(await count(dbA, 'select count(*) as n from inclusion_follow_up where pai_arrangements is not null and emergency_protocol is not null')).toBeGreaterThan(0);
    expect(await count(dbA, 'select count(distinct partner_id) as n from accommodation')).toBeGreaterThanOrEqual(3);
    expect(await count(dbA, 'select count(*) as n from adapted_activity')).toBeGreaterThan(0);
    expect(await count(dbA, 'select count(distinct status) as n from inclusion_follow_up')).toBe(4);
    expect(await count(dbA, 'select count(*) as n from family_meeting')).toBeGreaterThan(0);
    expect(await count(dbA, 'select count(*) as n from workshop where programme_id = $1', [demoA!.programmeId])).toBe(3);
    expect(await count(dbA, 'select count(*) as n from workshop_attending_partners')).toBeGreaterThan(0);
  });

  it('keeps every row in the programme of its parents', async () => {
    expect(await crossTenantEdges(dbA)).toEqual([]);
  });

  it('counts what it wrote', async () => {
    for (const [table, n] of Object.entries(demoA!.counts)) {
      expect([table, await count(dbA, `select count(*) as n from "${table}"`)]).toEqual([table, n]);
    }
  });

  it('is deterministic: two databases get the same children, ids and counts', async () => {
    const digest = async (db: Client) => {
      const { rows } = await db.query(`select c.id, c.first_name, c.last_name, to_char(c.birth_date, 'YYYY-MM-DD') as birth_date, c.grade, p.name
        from child c join programme p on p.id = c.programme_id order by p.name, c.last_name, c.first_name, c.birth_date, c.id`);
      return createHash('sha256').update(JSON.stringify(rows)).digest('hex');
    };
    expect(await digest(dbA)).toBe(await digest(dbB));
    expect(demoB).toEqual(demoA);
  });
});

describe('seedScale', () => {
  it('writes 500 children in 3 programmes, with the counts it reports', async () => {
    expect(scale).toMatchObject({ programmes: 3, children: 500 });
    expect(await count(dbScale, 'select count(*) as n from child')).toBe(500);
    expect(await count(dbScale, `select count(*) as n from programme where name like 'PRE échelle %'`)).toBe(3);
    for (const table of SCALE_TABLES) {
      expect([table, await count(dbScale, `select count(*) as n from "${table}"`)]).toEqual([table, scale!.counts[table]]);
    }
    const perProgramme = await dbScale.query<{ children: string; coordinators: string; referents: string }>(
      `select (select count(*) from child c where c.programme_id = p.id) as children,
              (select count(*) from account a where a.programme_id = p.id and a.role = 'PRE_COORDINATOR') as coordinators,
              (select count(*) from account a where a.programme_id = p.id and a.role = 'PATHWAY_REFERENT') as referents
       from programme p order by p.name`);
    expect(perProgramme.rows).toEqual([
      { children: '167', coordinators: '1', referents: '7' },
      { children: '167', coordinators: '1', referents: '7' },
      { children: '166', coordinators: '1', referents: '7' },
    ]);
  });

  it('gives ~40% of children a pathway, ~60% links, ~10% an inclusion follow-up', async () => {
    const share = async (sql: string) => (await count(dbScale, sql)) / 500;
    expect(await share('select count(distinct child_id) as n from pathway')).toBeGreaterThan(0.3);
    expect(await share('select count(distinct child_id) as n from pathway')).toBeLessThan(0.5);
    expect(await share('select count(distinct child_id) as n from service_link')).toBeGreaterThan(0.5);
    expect(await share('select count(distinct child_id) as n from service_link')).toBeLessThan(0.7);
    expect(await share('select count(*) as n from inclusion_follow_up')).toBeGreaterThan(0.05);
    expect(await share('select count(*) as n from inclusion_follow_up')).toBeLessThan(0.15);
    expect(await count(dbScale, `select count(*) as n from service_link sl where ${VISIBLE()}`)).toBeGreaterThan(300);
  });

  it('keeps programmes apart and links covered by consent', async () => {
    expect(await crossTenantEdges(dbScale)).toEqual([]);
    expect(await count(dbScale, UNCOVERED_CONSENT_LINKS)).toBe(0);
    expect(await count(dbScale, `select count(*) as n from (select child_id, partner_id from service_link group by 1, 2 having count(*) > 1) d`)).toBe(0);
    expect(await count(dbScale, `select count(*) as n from service_link where status = 'ACTIVE' and valid_until < current_date`)).toBe(0);
  });

  it("makes one programme in eight a big city whose leisure centre and collège each see 100 to 150 children", async () => {
    const url = await freshDatabase('big');
    const summary = await seedScale(url, { children: 1_300, programmes: 8 });
    const db = await connect(url);
    const sizes = await db.query<{ name: string; children: string }>(
      `select p.name, (select count(*) from child c where c.programme_id = p.id) as children from programme p order by p.name`);
    // Weights 1 × 7 and 6 × 1: 100 children each, 600 in the eighth.
    expect(sizes.rows.map((r) => Number(r.children))).toEqual([100, 100, 100, 100, 100, 100, 100, 600]);
    expect(summary.children).toBe(1_300);
    const seen = await db.query<{ programme: string; kind: string; slug: string; n: string }>(
      `select pr.name as programme, pa.kind, pa.name as slug, count(distinct sl.child_id) as n
         from service_link sl join partner pa on pa.id = sl.partner_id join programme pr on pr.id = sl.programme_id
        where ${VISIBLE()} and pa.kind in ('LEISURE_CENTRE', 'SCHOOL')
        group by pr.name, pa.kind, pa.name
        order by n desc`);
    const big = seen.rows.filter((r) => Number(r.n) >= 100);
    expect(big.map((r) => [r.programme, r.kind]).sort()).toEqual([['PRE échelle 008', 'LEISURE_CENTRE'], ['PRE échelle 008', 'SCHOOL']]);
    for (const r of big) expect(Number(r.n)).toBeLessThanOrEqual(150);
    expect(big.find((r) => r.kind === 'SCHOOL')!.slug).toMatch(/^Collège /);
    expect(await count(db, UNCOVERED_CONSENT_LINKS)).toBe(0);
  });

  it('refuses to fill a database twice', async () => {
    await expect(seedScale(created[2]!, { children: 10 })).rejects.toThrow(/already holds/);
  });
});
