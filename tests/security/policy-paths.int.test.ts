import { randomUUID } from 'node:crypto';
import {
  Accommodation,
  Action,
  ActionKind,
  AdaptedActivity,
  ChildTime,
  ConsentPurpose,
  DataCategory,
  Domain,
  FamilyMeeting,
  InclusionFollowUp,
  Objective,
  Observation,
  Pathway,
  PathwayStatus,
  Referral,
  Review,
  Role,
  ServiceLinkStatus,
} from '../../src/entities';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { buildWorld, dataOf, errorOf, forkEm, gid, inclusionFollowUpOf, type World } from '../helpers/workflow-world';
import * as f from '../factories';

/**
 * The breaches of the access model found by trying the API as an attacker with an ordinary
 * account would, each a test that failed before its fix (../shared/access-policy.md):
 * - node(id) of a GuardianSummary (now merged into Guardian: one global ID) checked PATHWAY
 *   where a guardian's name is CONTACT;
 * - node(id) of another structure's link answered FORBIDDEN (telling that it exists);
 * - the inclusion referent took any child into its rows by proposing a link or opening a
 *   follow-up, without the family's consent, and kept it after the link was revoked;
 * - "absent" and "not yours" cost different statements (3 against 2).
 * The duplicate check of submitReferral is in tests/referral-workflow.int.test.ts.
 */

const { IDENTITY, CONTACT, SCHOOLING, INCLUSION, PATHWAY } = DataCategory;

const CHILD = 'query ($id: ID!) { child(id: $id) { id firstName contact { guardians { firstName } } health { diagnosis } inclusion { status } } }';
const NODE = 'query ($id: ID!) { node(id: $id) { __typename id ... on Guardian { firstName lastName } ... on ServiceLink { status } } }';
const CONSENTS = 'query ($id: ID!) { child(id: $id) { consents { givenBy { firstName } } } }';
const PROPOSE = 'mutation ($input: ProposeServiceLinkInput!) { proposeServiceLink(input: $input) { id status } }';
const OPEN = 'mutation ($childId: ID!) { openInclusionFollowUp(childId: $childId) { id status } }';
const GIVE = 'mutation ($input: GiveConsentInput!) { giveConsent(input: $input) { id version } }';
const WITHDRAW = 'mutation ($id: ID!, $version: Int!) { withdrawConsent(id: $id, version: $version) { id } }';
const REVOKE = 'mutation ($id: ID!, $version: Int!, $reason: String!) { revokeServiceLink(id: $id, version: $version, reason: $reason) { id status } }';

interface Answer {
  statements: number;
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

describe('the policy through every path', () => {
  let server: TestServer;
  let w: World;

  async function ask(query: string, variables: Record<string, unknown>, token: string): Promise<Answer> {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as Omit<Answer, 'statements'>;
    return { statements: Number(response.headers.get('x-sql-statements')), ...body };
  }

  beforeAll(async () => {
    server = await startTestServer({ env: { SQL_COUNT: 'true' } });
  });
  afterAll(async () => {
    await server?.close();
  });
  beforeEach(async () => {
    w = await buildWorld(server);
  });

  it("answers node(id) of a guardian with the category of a guardian's name, CONTACT: FORBIDDEN to a school, as child.contact and consents.givenBy are", async () => {
    const em = forkEm(server);
    f.serviceLink(em, em.merge(w.child), em.merge(w.partners.school), em.merge(w.accounts.coordinator), { categories: [IDENTITY, SCHOOLING, INCLUSION, PATHWAY] });
    f.consent(em, em.merge(w.child), em.merge(w.guardian), [], { purpose: ConsentPurpose.PATHWAY });
    await em.flush();
    const school = w.tokens.schoolAgent;
    const name = w.guardian.lastName;
    const viaChild = await server.graphql('query ($id: ID!) { child(id: $id) { contact { guardians { firstName lastName } } } }', { id: w.ids.child }, school);
    const viaConsents = await server.graphql(CONSENTS, { id: w.ids.child }, school);
    // The type GuardianSummary is gone: its old ID names no object.
    const viaSummary = await server.graphql(NODE, { id: gid('GuardianSummary', w.guardian.id) }, school);
    const viaGuardian = await server.graphql(NODE, { id: gid('Guardian', w.guardian.id) }, school);
    expect(errorOf(viaSummary)).toEqual({ code: 'NOT_FOUND' });
    expect(JSON.stringify(viaSummary)).not.toContain(name);
    for (const [path, result] of [['child.contact', viaChild], ['child.consents.0.givenBy', viaConsents], ['node', viaGuardian]] as const) {
      expect([path, result.errors?.map((e) => [e.path?.join('.'), e.extensions?.code])]).toEqual([path, [[path, 'FORBIDDEN']]]);
      expect(JSON.stringify(result)).not.toContain(name);
    }
  });

  it("answers node(id) of another structure's link NOT_FOUND, exactly as an absent link, never FORBIDDEN", async () => {
    const em = forkEm(server);
    // The school reads links (PATHWAY), its own only: the leisure centre's is none of its business.
    const own = f.serviceLink(em, em.merge(w.child), em.merge(w.partners.school), em.merge(w.accounts.coordinator), { categories: [IDENTITY, SCHOOLING, PATHWAY] });
    const other = f.serviceLink(em, em.merge(w.child), em.merge(w.partners.leisure), em.merge(w.accounts.coordinator), { categories: [IDENTITY, CONTACT, INCLUSION] });
    await em.flush();
    const school = w.tokens.schoolAgent;
    expect(dataOf(await server.graphql<{ node: { id: string } }>(NODE, { id: gid('ServiceLink', own.id) }, school)).node.id).toBe(gid('ServiceLink', own.id));
    const absentId = gid('ServiceLink', randomUUID());
    const absent = await ask(NODE, { id: absentId }, school);
    const hidden = await ask(NODE, { id: gid('ServiceLink', other.id) }, school);
    expect(errorOf(hidden as never)).toEqual({ code: 'NOT_FOUND' });
    expect(hidden.errors![0].message.replace(gid('ServiceLink', other.id), 'ID')).toBe(absent.errors![0].message.replace(absentId, 'ID'));
    expect(hidden.statements).toBe(absent.statements);
  });

  describe("the inclusion referent's rows rest on the family's consent", () => {
    it('proposing a link brings no child into its rows: NOT_FOUND for a child outside them, and a proposed link of its own grants it nothing', async () => {
      const referent = w.tokens.inclusionReferent;
      const input = { childId: w.ids.child, partnerId: w.ids.leisure, purpose: 'INCLUSION_FOLLOW_UP', categories: ['INCLUSION'], legalBasis: 'SHARED_SECRET_L121_6_2', parentsInformedOn: '2025-01-02', validFrom: '2025-01-02' };
      expect(errorOf(await server.graphql(PROPOSE, { input }, referent))).toEqual({ code: 'NOT_FOUND' });
      const em = forkEm(server);
      f.serviceLink(em, em.merge(w.child), em.merge(w.partners.leisure), em.merge(w.accounts.inclusionReferent), { status: ServiceLinkStatus.PROPOSED });
      f.serviceLink(em, em.merge(w.child), em.merge(w.partners.health), em.merge(w.accounts.inclusionReferent), { status: ServiceLinkStatus.SUSPENDED });
      await em.flush();
      expect(errorOf(await server.graphql(CHILD, { id: w.ids.child }, referent))).toEqual({ code: 'NOT_FOUND' });
    });

    it('a follow-up cannot be opened without the consent: NOT_FOUND, the same as for an absent child', async () => {
      const referent = w.tokens.inclusionReferent;
      const absentId = gid('Child', randomUUID());
      const absent = await ask(OPEN, { childId: absentId }, referent);
      const noConsent = await ask(OPEN, { childId: w.ids.child }, referent);
      // A consent naming another structure is no consent to the inclusion service.
      const em = forkEm(server);
      f.consent(em, em.merge(w.otherChild), em.merge(w.otherGuardian), [{ partner: em.merge(w.partners.leisure), categories: [IDENTITY, INCLUSION] }], { purpose: ConsentPurpose.INCLUSION_FOLLOW_UP });
      await em.flush();
      const otherScope = await ask(OPEN, { childId: w.ids.otherChild }, referent);
      for (const [label, answer, id] of [['no consent', noConsent, w.ids.child], ['another structure', otherScope, w.ids.otherChild]] as const) {
        expect([label, errorOf(answer as never)]).toEqual([label, { code: 'NOT_FOUND' }]);
        expect([label, answer.errors![0].message.replace(id, 'ID')]).toEqual([label, absent.errors![0].message.replace(absentId, 'ID')]);
        expect([label, answer.statements]).toEqual([label, absent.statements]);
      }
      expect(errorOf(await server.graphql(CHILD, { id: w.ids.child }, referent))).toEqual({ code: 'NOT_FOUND' });
    });

    it("the family consents on the portal, the referent opens the follow-up and sees the child, HEALTH only if the consent gives it; the child leaves its rows when the consent is withdrawn", async () => {
      const referent = w.tokens.inclusionReferent;
      const given = dataOf(await server.graphql<{ giveConsent: { id: string; version: number } }>(GIVE, {
        input: { childId: w.ids.child, purpose: 'INCLUSION_FOLLOW_UP', scope: [{ partnerId: w.ids.inclusion, categories: ['IDENTITY', 'CONTACT', 'INCLUSION'] }] },
      }, w.tokens.guardian)).giveConsent;
      expect(dataOf(await server.graphql<{ openInclusionFollowUp: { status: string } }>(OPEN, { childId: w.ids.child }, referent)).openInclusionFollowUp.status).toBe('OPEN');
      const seen = await server.graphql<{ child: { firstName: string; contact: unknown; health: unknown; inclusion: unknown } }>(CHILD, { id: w.ids.child }, referent);
      expect(seen.data!.child).toMatchObject({ firstName: w.child.firstName, contact: { guardians: expect.any(Array) }, health: null, inclusion: { status: 'OPEN' } });
      expect(seen.errors!.map((e) => [e.path!.join('.'), e.extensions!.code])).toEqual([['child.health', 'FORBIDDEN']]);

      // A consent giving HEALTH to the inclusion service, for the other child: HEALTH is read.
      await inclusionFollowUpOf(server, w, { child: w.otherChild, guardian: w.otherGuardian, health: true });
      const withHealth = await server.graphql<{ child: { health: unknown } }>(CHILD, { id: w.ids.otherChild }, referent);
      expect(withHealth.errors).toBeUndefined();
      expect(withHealth.data!.child.health).toEqual({ diagnosis: null });

      dataOf(await server.graphql(WITHDRAW, { id: given.id, version: given.version }, w.tokens.guardian));
      expect(errorOf(await server.graphql(CHILD, { id: w.ids.child }, referent))).toEqual({ code: 'NOT_FOUND' });
    });

    it('an ACTIVE link it created brings the child in (never with HEALTH), and the child leaves when the link is revoked', async () => {
      const referent = w.tokens.inclusionReferent;
      const em = forkEm(server);
      const link = f.serviceLink(em, em.merge(w.child), em.merge(w.partners.leisure), em.merge(w.accounts.inclusionReferent), { categories: [IDENTITY, INCLUSION] });
      await em.flush();
      const seen = await server.graphql<{ child: { inclusion: unknown } }>(CHILD, { id: w.ids.child }, referent);
      expect(seen.data!.child.inclusion).toEqual({ status: null });
      expect(seen.errors!.map((e) => [e.path!.join('.'), e.extensions!.code])).toEqual([['child.health', 'FORBIDDEN']]);
      dataOf(await server.graphql(REVOKE, { id: gid('ServiceLink', link.id), version: 1, reason: 'Fin de l’accueil' }, referent));
      expect(errorOf(await server.graphql(CHILD, { id: w.ids.child }, referent))).toEqual({ code: 'NOT_FOUND' });
    });
  });

  describe('"absent" and "not yours": the same answer after the same statements, for every role', () => {
    /** Objects of every kind for the other child, in no account's rows but the coordinator's. */
    async function otherChildsObjects(): Promise<Record<string, string>> {
      const em = forkEm(server);
      const child = em.merge(w.otherChild);
      const family = em.merge(w.otherFamily);
      const referent = f.account(em, em.merge(w.programme), Role.PATHWAY_REFERENT);
      const pathway = em.create(Pathway, { programme: w.programme.id, child, referent, status: PathwayStatus.ACTIVE, startDate: '2025-01-15' });
      const objective = em.create(Objective, { programme: w.programme.id, pathway, domain: Domain.SCHOOL, text: 'Lire' });
      const review = em.create(Review, { programme: w.programme.id, pathway, heldOn: '2025-06-01', progress: 'Progrès' });
      const action = em.create(Action, { programme: w.programme.id, title: 'Atelier', kind: ActionKind.INDIVIDUAL, domain: Domain.CULTURE, childTime: ChildTime.EXTRACURRICULAR });
      action.pathways.add(pathway);
      // Its follow-up rests on a consent to the leisure centre only: no inclusion referent's row.
      const consent = f.consent(em, child, em.merge(w.otherGuardian), [{ partner: em.merge(w.partners.leisure), categories: [IDENTITY, INCLUSION] }], { purpose: ConsentPurpose.INCLUSION_FOLLOW_UP });
      const followUp = em.create(InclusionFollowUp, { programme: w.programme.id, child, consent });
      const accommodation = em.create(Accommodation, { programme: w.programme.id, followUp, partner: em.merge(w.partners.leisure), description: 'Coin calme' });
      const activity = em.create(AdaptedActivity, { programme: w.programme.id, followUp, title: 'Natation', childTime: ChildTime.EXTRACURRICULAR });
      const meeting = em.create(FamilyMeeting, { programme: w.programme.id, family, child, heldOn: '2025-02-02' });
      const observation = em.create(Observation, { programme: w.programme.id, child, category: DataCategory.SCHOOLING, author: em.merge(w.accounts.coordinator), text: 'Absences' });
      const link = f.serviceLink(em, child, em.merge(w.partners.social), em.merge(w.accounts.coordinator));
      const referral = em.create(Referral, { programme: w.programme.id, child, referringPartner: em.merge(w.partners.social), referringAccount: em.merge(w.accounts.coordinator), referredOn: '2025-01-05', description: 'Isolement' });
      await em.flush();
      return {
        Child: child.id, Family: family.id, Guardian: w.otherGuardian.id, Pathway: pathway.id, Objective: objective.id,
        Review: review.id, Action: action.id, Consent: consent.id, InclusionFollowUp: followUp.id, Accommodation: accommodation.id, AdaptedActivity: activity.id,
        FamilyMeeting: meeting.id, Observation: observation.id, ServiceLink: link.id, Referral: referral.id, Account: w.accounts.otherGuardian.id,
      };
    }

    it('child, family, node of every type, pathway, serviceLinks, accessLog and the mutations on an object', async () => {
      const objects = await otherChildsObjects();
      const elsewhere = await buildWorld(server);
      const lookups: [string, string, (id: string) => Record<string, unknown>, string][] = [
        ['child', 'query ($id: ID!) { child(id: $id) { id } }', (id) => ({ id }), 'Child'],
        ['family', 'query ($id: ID!) { family(id: $id) { id } }', (id) => ({ id }), 'Family'],
        ['pathway', 'query ($id: ID!) { pathway(childId: $id) { id } }', (id) => ({ id }), 'Child'],
        ['serviceLinks', 'query ($id: ID!) { serviceLinks(childId: $id) { id } }', (id) => ({ id }), 'Child'],
        ['accessLog', 'query ($id: ID!) { accessLog(childId: $id, first: 5) { totalCount } }', (id) => ({ id }), 'Child'],
        ...Object.keys(objects).map((type): [string, string, (id: string) => Record<string, unknown>, string] => [`node ${type}`, 'query ($id: ID!) { node(id: $id) { id } }', (id) => ({ id }), type]),
        ['updateObjective', 'mutation ($id: ID!) { updateObjective(id: $id, version: 1, text: "x") { id } }', (id) => ({ id }), 'Objective'],
        ['updateAction', 'mutation ($id: ID!) { updateAction(id: $id, version: 1, title: "x") { id } }', (id) => ({ id }), 'Action'],
        ['recordNeedsAssessment', 'mutation ($id: ID!) { recordNeedsAssessment(input: { followUpId: $id, version: 1, assessedOn: "2025-03-01", findings: "x" }) { id } }', (id) => ({ id }), 'InclusionFollowUp'],
        ['recordFamilyMeeting', 'mutation ($id: ID!) { recordFamilyMeeting(input: { familyId: $id, heldOn: "2025-03-01" }) { id } }', (id) => ({ id }), 'Family'],
        ['activateServiceLink', 'mutation ($id: ID!) { activateServiceLink(id: $id, version: 1) { id } }', (id) => ({ id }), 'ServiceLink'],
        ['withdrawConsent', 'mutation ($id: ID!) { withdrawConsent(id: $id, version: 1) { id } }', (id) => ({ id }), 'Consent'],
        ['startReferralReview', 'mutation ($id: ID!) { startReferralReview(id: $id, version: 1) { id } }', (id) => ({ id }), 'Referral'],
        ['suspendPathway', 'mutation ($id: ID!) { suspendPathway(id: $id, version: 1, reason: "Pause") { id } }', (id) => ({ id }), 'Pathway'],
      ];
      const roles = ['pathwayReferent', 'inclusionReferent', 'guardian', 'schoolAgent', 'leisureAgent', 'dpo', 'coordinator'] as const;
      const differences: string[] = [];
      for (const role of roles) {
        for (const [label, query, variables, type] of lookups) {
          const absentId = gid(type, randomUUID());
          // Another programme's object is not yours to anyone; the other child's is not yours to all but the coordinator.
          // (The DPO reads the access log of any child of its programme.)
          const sees = role === 'coordinator' || (role === 'dpo' && label === 'accessLog');
          const candidates = sees ? [] : [gid(type, objects[type])];
          const elsewhereChild = { Child: elsewhere.child.id, Family: elsewhere.family.id } as Record<string, string>;
          if (elsewhereChild[type]) candidates.push(gid(type, elsewhereChild[type]));
          const absent = await ask(query, variables(absentId), w.tokens[role]);
          for (const notYours of candidates) {
            const answer = await ask(query, variables(notYours), w.tokens[role]);
            const shape = (a: Answer, id: string) => ({ statements: a.statements, errors: a.errors?.map((e) => [e.extensions?.code, e.message.replace(id, 'ID')]) });
            const [left, right] = [shape(absent, absentId), shape(answer, notYours)];
            if (JSON.stringify(left) !== JSON.stringify(right)) differences.push(`${role} ${label}: absent ${JSON.stringify(left)} / not yours ${JSON.stringify(right)}`);
          }
        }
      }
      expect(differences).toEqual([]);
    }, 120_000);
  });
});
