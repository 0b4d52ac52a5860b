import { ref } from '@mikro-orm/core';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import {
  Accommodation, Account, Action, ActionKind, ActionStatus, AdaptedActivity, Child, ChildTime, DataCategory, Domain,
  Family, Grade, Guardian, InclusionFollowUp, InclusionStatus, LegalBasis, Objective, ObjectiveStatus, Observation,
  PartnerKind, Pathway, PathwayStatus, Programme, Referral, ReferralStatus, Review, Role, SchoolNetwork,
} from '../src/entities';
import { createApp, type App } from '../src/server';
import { signLocalToken } from '../src/auth/tokens';
import { toGlobalId } from '../src/schema/global-id';
import { CHILD_FILE, COORDINATOR_LIST, LEISURE_ROSTER, SCHOOL_PUPILS } from '../bench/operations';
import { dropTestDatabase, openTestOrm, testConfig, testDatabase } from './helpers/test-server';
import * as f from './factories';
import { createLogger } from '../src/log';

/**
 * Issue 5, "Batching everywhere": the number of SQL statements of a request does not grow
 * with the page size. The server counts the statements of each request (SQL_COUNT, the
 * `x-sql-statements` header); each list below is asked at 10 and at 100 children, and one
 * child's whole file for a child with little and a child with a lot in it. The documents are
 * the benchmark's (bench/operations.ts).
 *
 * The data is built so that every branch the documents ask for has rows on both sides of
 * each comparison (a branch with no rows sends no statement, and would hide a difference).
 */

const CHILDREN = 150;

interface Answer {
  statements: number;
  data: Record<string, unknown> | null | undefined;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string } }[];
}

interface ChildrenPage {
  children: { totalCount: number; edges: { node: Record<string, unknown> }[] };
}

describe('SQL statements per request do not grow with the page size', () => {
  let url: string;
  let orm: MikroORM | undefined;
  let app: App | undefined;
  let endpoint: string;
  const tokens: Record<'coordinator' | 'referent' | 'leisure' | 'school', string> = {
    coordinator: '', referent: '', leisure: '', school: '',
  };
  let fewId = '';
  let manyId = '';

  async function ask(query: string, variables: Record<string, unknown>, token: string): Promise<Answer> {
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const header = response.headers.get('x-sql-statements');
    const body = (await response.json()) as Omit<Answer, 'statements'>;
    expect(response.status).toBe(200);
    expect(header).toMatch(/^\d+$/);
    return { statements: Number(header), ...body };
  }

  beforeAll(async () => {
    url = await testDatabase(`sqlcount_${process.pid}`);
    const config = testConfig(url, { SQL_COUNT: 'true' });
    orm = await openTestOrm(url, config);
    app = await createApp({ config, orm, logger: createLogger('silent') });
    endpoint = await app.listen(0);

    const em = orm.em.fork();
    const built = build(em);
    await em.flush();
    fewId = toGlobalId('Child', built.few.id);
    manyId = toGlobalId('Child', built.many.id);
    for (const [key, account] of Object.entries(built.accounts) as [keyof typeof tokens, Account][]) {
      tokens[key] = await signLocalToken(config.auth, account.subject);
    }
  });

  afterAll(async () => {
    await app?.stop();
    await orm?.close(true);
    if (url) await dropTestDatabase(url);
  });

  /** Asks a list at 10 and 100 children; checks both pages are full and error-free. */
  async function atBothSizes(query: string, token: string, filled: (node: Record<string, unknown>) => void) {
    const counts: number[] = [];
    for (const first of [10, 100]) {
      const answer = await ask(query, { first }, token);
      expect(answer.errors).toBeUndefined();
      const page = (answer.data as unknown as ChildrenPage).children;
      expect(page.totalCount).toBe(CHILDREN);
      expect(page.edges).toHaveLength(first);
      for (const edge of page.edges) filled(edge.node);
      counts.push(answer.statements);
    }
    return { at10: counts[0], at100: counts[1] };
  }

  it('leisure-centre list (identity, school, contact, inclusion)', async () => {
    const counts = await atBothSizes(LEISURE_ROSTER, tokens.leisure, (node) => {
      expect(node.school).toEqual({ name: expect.any(String) });
      expect((node.contact as { guardians: unknown[] }).guardians).toHaveLength(2);
      expect(node.inclusion).not.toBeNull();
    });
    expect(counts.at100).toBe(counts.at10);
  });

  it('school list (identity, schooling, inclusion, pathway actions)', async () => {
    const counts = await atBothSizes(SCHOOL_PUPILS, tokens.school, (node) => {
      expect((node.schooling as { observations: unknown[] }).observations.length).toBeGreaterThan(0);
      expect(node.inclusion).not.toBeNull();
      expect((node.pathway as { actions: { provider: unknown }[] }).actions[0]?.provider).toEqual({ name: expect.any(String) });
    });
    expect(counts.at100).toBe(counts.at10);
  });

  it('coordinator list (identity, pathway status, referrals, links)', async () => {
    const counts = await atBothSizes(COORDINATOR_LIST, tokens.coordinator, (node) => {
      const pathway = node.pathway as { status: string; referent: unknown; referrals: { referringPartner: unknown; assignedTo: unknown }[] };
      expect(pathway.status).toBe(PathwayStatus.ACTIVE);
      expect(pathway.referent).toEqual({ name: expect.any(String) });
      expect(pathway.referrals[0]).toMatchObject({ referringPartner: { name: expect.any(String) }, assignedTo: { name: expect.any(String) } });
      expect((node.serviceLinks as unknown[]).length).toBeGreaterThanOrEqual(2);
    });
    expect(counts.at100).toBe(counts.at10);
  });

  it("one child's whole file as its pathway referent sees it: a small file and a large one", async () => {
    const few = await ask(CHILD_FILE, { id: fewId }, tokens.referent);
    const many = await ask(CHILD_FILE, { id: manyId }, tokens.referent);
    for (const answer of [few, many]) expect(answer.errors).toBeUndefined();
    const sizes = (answer: Answer) => {
      const child = (answer.data as { child: Record<string, Record<string, unknown[]>> }).child;
      return [
        child.pathway.objectives.length, child.pathway.actions.length, child.pathway.referrals.length,
        child.pathway.consents.length, (child.serviceLinks as unknown as unknown[]).length,
        child.schooling.observations.length, child.inclusion.accommodations.length,
      ];
    };
    expect(sizes(few)).toEqual([1, 1, 1, 1, 2, 1, 1]);
    expect(sizes(many)).toEqual([8, 8, 4, 3, 4, 6, 3]);
    expect(many.statements).toBe(few.statements);
  });

  it('gives the same count for the same request every time (no batch is left to timing)', async () => {
    // Two branches loading the same entity type in separate ticks would merge or not depending
    // on which query returns first; repeated requests would then disagree.
    const file = new Set<number>();
    const list = new Set<number>();
    for (let i = 0; i < 5; i++) {
      const [a, b] = await Promise.all([
        ask(CHILD_FILE, { id: manyId }, tokens.referent),
        ask(COORDINATOR_LIST, { first: 100 }, tokens.coordinator),
      ]);
      file.add(a.statements);
      list.add(b.statements);
    }
    expect([...file]).toHaveLength(1);
    expect([...list]).toHaveLength(1);
  });
});

// ---------------------------------------------------------------------------------------
// The programme built for the comparisons
// ---------------------------------------------------------------------------------------

function build(em: EntityManager) {
  const prog: Programme = f.programme(em);
  const preTeam = f.partner(em, prog, { kind: PartnerKind.PRE_TEAM });
  const school = f.partner(em, prog, { kind: PartnerKind.SCHOOL, network: SchoolNetwork.REP });
  const leisure = f.partner(em, prog, { kind: PartnerKind.LEISURE_CENTRE });
  const sports = f.partner(em, prog, { kind: PartnerKind.SPORTS });
  const accounts = {
    coordinator: f.account(em, prog, Role.PRE_COORDINATOR, { partner: ref(preTeam) }),
    referent: f.account(em, prog, Role.PATHWAY_REFERENT, { partner: ref(preTeam) }),
    leisure: f.account(em, prog, Role.PARTNER_AGENT, { partner: ref(leisure) }),
    school: f.account(em, prog, Role.PARTNER_AGENT, { partner: ref(school) }),
  };
  const inclusionReferent = f.account(em, prog, Role.INCLUSION_REFERENT);
  const otherReferent = f.account(em, prog, Role.PATHWAY_REFERENT, { partner: ref(preTeam) });
  const I = DataCategory;

  /** One child with everything the documents read, `n` of each repeated item. */
  const makeChild = (family: Family, giver: Guardian, n: number, referent: Account): Child => {
    const kid = f.child(em, family, { school: ref(school), grade: Grade.CM1 });
    // Links: the leisure centre on consent (scoped), the school on the shared secret.
    const consent = f.consent(em, kid, giver, [{ partner: leisure, categories: [I.IDENTITY, I.CONTACT, I.INCLUSION] }]);
    f.serviceLink(em, kid, leisure, accounts.coordinator, {
      legalBasis: LegalBasis.CONSENT, consent: ref(consent), parentsInformedOn: undefined,
      categories: [I.IDENTITY, I.CONTACT, I.INCLUSION], originPartner: ref(preTeam),
    });
    f.serviceLink(em, kid, school, accounts.coordinator, { categories: [I.IDENTITY, I.SCHOOLING, I.INCLUSION, I.PATHWAY] });
    for (let k = 2; k < Math.min(n, 4); k++) f.serviceLink(em, kid, sports, accounts.coordinator, { validFrom: `2024-0${k}-01` });
    for (let k = 1; k < Math.min(n, 3); k++) f.consent(em, kid, giver, [{ partner: sports, categories: [I.IDENTITY] }]);

    const pathway = em.create(Pathway, {
      programme: prog, child: kid, referent, status: PathwayStatus.ACTIVE, startDate: '2025-09-15', consent,
    });
    for (let k = 0; k < n; k++) {
      em.create(Objective, { programme: prog, pathway, domain: Domain.SCHOOL, text: `Objectif ${k + 1}`, status: ObjectiveStatus.OPEN });
      const action = em.create(Action, {
        programme: prog, title: `Action ${k + 1}`, kind: ActionKind.INDIVIDUAL, domain: Domain.SPORT,
        childTime: ChildTime.EXTRACURRICULAR, provider: ref(k % 2 ? sports : leisure), startDate: '2025-10-01', status: ActionStatus.IN_PROGRESS,
      });
      action.pathways.add(pathway);
    }
    em.create(Review, { programme: prog, pathway, heldOn: '2026-01-15', progress: 'Bonne participation.', author: ref(referent) });
    for (let k = 0; k < Math.min(n, 4); k++) {
      em.create(Referral, {
        programme: prog, child: kid, referringPartner: ref(school), referringAccount: ref(accounts.school), assignedTo: ref(referent),
        referredOn: `2025-0${k + 1}-10`, domains: [Domain.SCHOOL], description: 'Fiche de repérage.', status: ReferralStatus.ACCEPTED,
      });
    }
    const followUp = em.create(InclusionFollowUp, {
      programme: prog, child: kid, status: InclusionStatus.ACTIVE, referent: ref(inclusionReferent),
      assessedOn: '2025-06-01', assessedBy: ref(inclusionReferent), findings: 'Besoins évalués.', emergencyProtocol: 'Appeler le 15.',
    });
    for (let k = 0; k < Math.min(n, 3); k++) {
      em.create(Accommodation, { programme: prog, followUp, partner: ref(k % 2 ? school : leisure), description: `Aménagement ${k + 1}` });
    }
    em.create(AdaptedActivity, { programme: prog, followUp, title: 'Natation adaptée', partner: ref(sports), childTime: ChildTime.EXTRACURRICULAR });
    for (let k = 0; k < Math.min(n, 6); k++) {
      em.create(Observation, { programme: prog, child: kid, category: I.SCHOOLING, author: ref(accounts.school), partner: ref(school), text: `Observation ${k + 1}` });
    }
    em.create(Observation, { programme: prog, child: kid, category: I.SOCIAL, author: ref(accounts.coordinator), text: 'Suivi social.' });
    em.create(Observation, { programme: prog, child: kid, category: I.INCLUSION, author: ref(inclusionReferent), partner: ref(leisure), text: 'Temps calme.' });
    return kid;
  };

  let few: Child | undefined;
  let many: Child | undefined;
  let family: Family | undefined;
  let giver: Guardian | undefined;
  for (let i = 0; i < CHILDREN; i++) {
    // Households of two children, each with two guardians.
    if (i % 2 === 0) {
      family = f.family(em, prog, { qpvCode: i % 4 === 0 ? 'QN07511M' : undefined });
      giver = f.guardian(em, family);
      f.guardian(em, family, { firstName: 'Karim' });
    }
    // The referent's two children: a small file and a large one. The others belong to another referent.
    const kid = makeChild(family!, giver!, i === 1 ? 8 : 1, i < 2 ? accounts.referent : otherReferent);
    if (i === 0) few = kid;
    if (i === 1) many = kid;
  }
  return { accounts, few: few!, many: many! };
}
