import { ref } from '@mikro-orm/core';
import { Guardian, Role } from '../src/entities';
import { startTestServer, type TestServer } from './helpers/test-server';
import { parisDay } from './helpers/queries';
import { buildWorld, dataOf, errorOf, forkEm, gid, uuidOf, writeEvents, type World } from './helpers/workflow-world';
import * as f from './factories';

/**
 * The end-to-end story of issue 4, through the GraphQL API over HTTP, each step with the
 * token of the account whose job it is: a school agent refers a new child, the
 * coordinator accepts the referral, a guardian consents, the coordinator opens the
 * pathway and its referent adds objectives and an action, the inclusion referent links a
 * leisure centre for INCLUSION; the leisure agent then sees the child's inclusion block
 * and nothing else; the guardian withdraws consent, and the leisure agent no longer sees
 * the child.
 */

const SUBMIT = `mutation ($input: SubmitReferralInput!) { submitReferral(input: $input) { duplicateSuspected referral { id version status } } }`;
const REFERRALS = `query { referrals(first: 10, status: SUBMITTED) { edges { node { id version status child { id firstName } } } } }`;
const START_REVIEW = `mutation ($id: ID!, $version: Int!) { startReferralReview(id: $id, version: $version) { id version status } }`;
const DECIDE = `mutation ($input: DecideReferralInput!) { decideReferral(input: $input) { id version status decisionReason assignedTo { id } } }`;
const GUARDIANS = `query ($id: ID!) { child(id: $id) { contact { guardians { id firstName parentalAuthority } } } }`;
const GIVE_CONSENT = `mutation ($input: GiveConsentInput!) { giveConsent(input: $input) { id version purpose scope { partner { id } categories } } }`;
const OPEN_PATHWAY = `mutation ($input: OpenPathwayInput!) { openPathway(input: $input) { id version status referent { id } consent { id } } }`;
const ADD_OBJECTIVE = `mutation ($pathwayId: ID!, $domain: Domain!, $text: String!) { addObjective(pathwayId: $pathwayId, domain: $domain, text: $text) { id status } }`;
const ADD_ACTION = `mutation ($input: AddActionInput!) { addAction(input: $input) { id title status provider { id } } }`;
const OPEN_FOLLOW_UP = `mutation ($childId: ID!) { openInclusionFollowUp(childId: $childId) { id version status } }`;
const ASSESS = `mutation ($input: RecordNeedsAssessmentInput!) { recordNeedsAssessment(input: $input) { id version status } }`;
const ADD_ACCOMMODATION = `mutation ($followUpId: ID!, $partnerId: ID!, $description: String!) {
  addAccommodation(followUpId: $followUpId, partnerId: $partnerId, description: $description) { id } }`;
const PROPOSE = `mutation ($input: ProposeServiceLinkInput!) { proposeServiceLink(input: $input) { id version status } }`;
const ACTIVATE = `mutation ($id: ID!, $version: Int!) { activateServiceLink(id: $id, version: $version) { id version status } }`;
const WITHDRAW = `mutation ($id: ID!, $version: Int!) { withdrawConsent(id: $id, version: $version) { id withdrawnAt } }`;
const LEISURE_VIEW = `query ($id: ID!) {
  child(id: $id) {
    id firstName lastName
    inclusion { status emergencyProtocol accommodations { description partner { id } } }
    contact { languages }
    schooling { hasPps }
    social { protectionMeasure }
    health { diagnosis }
    pathway { status }
    serviceLinks { id }
    consents { id }
  }
}`;
const ROSTER = `query { children(first: 100) { totalCount edges { node { id } } } }`;

interface LeisureView {
  child: {
    id: string;
    firstName: string;
    inclusion: { status: string; emergencyProtocol: string; accommodations: { description: string; partner: { id: string } }[] } | null;
    contact: unknown;
    schooling: unknown;
    social: unknown;
    health: unknown;
    pathway: unknown;
    serviceLinks: unknown;
    consents: unknown;
  } | null;
}

describe('the story of issue 4, end to end over the API', () => {
  let server: TestServer;
  let w: World;

  beforeAll(async () => {
    server = await startTestServer();
    w = await buildWorld(server);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('runs from the referral to the withdrawal of consent, and the leisure centre sees exactly what the consent and the link allow', async () => {
    const today = parisDay(new Date());
    const t = w.tokens;

    // 1. A school agent refers a child not yet known to the programme.
    const submitted = dataOf(await server.graphql<{ submitReferral: { duplicateSuspected: boolean } }>(SUBMIT, {
      input: {
        domains: ['SCHOOL', 'HEALTH'],
        description: 'Difficultés de concentration, besoin d’un accueil adapté au centre de loisirs.',
        newChild: {
          firstName: 'Inès',
          lastName: 'Benali-Story',
          birthDate: '2016-09-14',
          grade: 'CE2',
          schoolId: w.ids.school,
          family: {
            addressLine: '4 allée des Tilleuls',
            postalCode: '47300',
            city: 'Villeneuve-sur-Lot',
            guardians: [{ firstName: 'Nadia', lastName: 'Benali', relationship: 'MOTHER', parentalAuthority: true, phone: '06 11 22 33 44' }],
          },
        },
      },
    }, t.schoolAgent)).submitReferral;
    expect(submitted.duplicateSuspected).toBe(false);

    // 2. The coordinator reviews it and accepts it, handing it to the pathway referent.
    const pending = dataOf(await server.graphql<{ referrals: { edges: { node: { id: string; version: number; child: { id: string; firstName: string } } }[] } }>(REFERRALS, {}, t.coordinator)).referrals.edges;
    expect(pending.map((e) => e.node.child.firstName)).toEqual(['Inès']);
    const referral = pending[0].node;
    const childId = referral.child.id;
    const reviewing = dataOf(await server.graphql<{ startReferralReview: { version: number; status: string } }>(START_REVIEW, { id: referral.id, version: referral.version }, t.coordinator)).startReferralReview;
    expect(reviewing.status).toBe('UNDER_REVIEW');
    const decided = dataOf(await server.graphql<{ decideReferral: { status: string; assignedTo: { id: string } } }>(DECIDE, {
      input: { id: referral.id, version: reviewing.version, decision: 'ACCEPTED', reason: 'Besoins avérés, famille volontaire.', assignedReferentId: gid('Account', w.accounts.pathwayReferent.id) },
    }, t.coordinator)).decideReferral;
    expect(decided).toMatchObject({ status: 'ACCEPTED', assignedTo: { id: gid('Account', w.accounts.pathwayReferent.id) } });

    // 3. The guardian (the mother recorded on the referral) opens her portal account and consents:
    //    to the pathway, and to the leisure centre receiving INCLUSION data.
    const guardians = dataOf(await server.graphql<{ child: { contact: { guardians: { id: string; firstName: string; parentalAuthority: boolean }[] } } }>(GUARDIANS, { id: childId }, t.coordinator)).child.contact.guardians;
    expect(guardians).toEqual([{ id: expect.any(String), firstName: 'Nadia', parentalAuthority: true }]);
    const em = forkEm(server);
    const motherAccount = f.account(em, em.merge(w.programme), Role.GUARDIAN, { guardian: ref(em.getReference(Guardian, uuidOf(guardians[0].id))) });
    await em.flush();
    const mother = await server.token(motherAccount.subject);
    const consent = dataOf(await server.graphql<{ giveConsent: { id: string; version: number } }>(GIVE_CONSENT, {
      input: { childId, purpose: 'PATHWAY', scope: [{ partnerId: w.ids.leisure, categories: ['IDENTITY', 'INCLUSION'] }] },
    }, mother)).giveConsent;

    // 4. The coordinator opens the pathway on that consent; the referent adds objectives and an action.
    const pathway = dataOf(await server.graphql<{ openPathway: { id: string; status: string } }>(OPEN_PATHWAY, {
      input: { childId, referentId: gid('Account', w.accounts.pathwayReferent.id), consentId: consent.id, startDate: today },
    }, t.coordinator)).openPathway;
    expect(pathway.status).toBe('ACTIVE');
    for (const [domain, text] of [['SCHOOL', 'Retrouver de la concentration en classe'], ['EDUCATION', 'Participer aux activités du mercredi']]) {
      expect(dataOf(await server.graphql<{ addObjective: { status: string } }>(ADD_OBJECTIVE, { pathwayId: pathway.id, domain, text }, t.pathwayReferent)).addObjective.status).toBe('OPEN');
    }
    const action = dataOf(await server.graphql<{ addAction: { status: string; provider: { id: string } } }>(ADD_ACTION, {
      input: { pathwayIds: [pathway.id], kind: 'INDIVIDUAL', title: 'Accueil adapté le mercredi', domain: 'EDUCATION', childTime: 'EXTRACURRICULAR', providerPartnerId: w.ids.leisure },
    }, t.pathwayReferent)).addAction;
    expect(action).toMatchObject({ status: 'PLANNED', provider: { id: w.ids.leisure } });

    // 5. The mother agrees to the inclusion follow-up (the inclusion service, no health data);
    //    the inclusion referent builds the reception project and links the leisure centre for INCLUSION.
    dataOf(await server.graphql(GIVE_CONSENT, {
      input: { childId, purpose: 'INCLUSION_FOLLOW_UP', scope: [{ partnerId: w.ids.inclusion, categories: ['IDENTITY', 'CONTACT', 'INCLUSION'] }] },
    }, mother));
    const followUp = dataOf(await server.graphql<{ openInclusionFollowUp: { id: string; version: number } }>(OPEN_FOLLOW_UP, { childId }, t.inclusionReferent)).openInclusionFollowUp;
    dataOf(await server.graphql(ASSESS, {
      input: { followUpId: followUp.id, version: followUp.version, assessedOn: today, findings: 'Besoin de temps calmes et de consignes courtes.', emergencyProtocol: 'Appeler la mère, puis le 15.' },
    }, t.inclusionReferent));
    dataOf(await server.graphql(ADD_ACCOMMODATION, { followUpId: followUp.id, partnerId: w.ids.leisure, description: 'Coin calme et animateur référent' }, t.inclusionReferent));
    const proposed = dataOf(await server.graphql<{ proposeServiceLink: { id: string; version: number } }>(PROPOSE, {
      input: { childId, partnerId: w.ids.leisure, originPartnerId: w.ids.school, purpose: 'INCLUSION_FOLLOW_UP', categories: ['INCLUSION'], legalBasis: 'CONSENT', consentId: consent.id, validFrom: today },
    }, t.inclusionReferent)).proposeServiceLink;
    const link = dataOf(await server.graphql<{ activateServiceLink: { status: string } }>(ACTIVATE, { id: proposed.id, version: proposed.version }, t.inclusionReferent)).activateServiceLink;
    expect(link.status).toBe('ACTIVE');

    // 6. The leisure agent sees the child, its inclusion block, and nothing else.
    const roster = dataOf(await server.graphql<{ children: { totalCount: number; edges: { node: { id: string } }[] } }>(ROSTER, {}, t.leisureAgent)).children;
    expect(roster).toEqual({ totalCount: 1, edges: [{ node: { id: childId } }] });
    const seen = await server.graphql<LeisureView>(LEISURE_VIEW, { id: childId }, t.leisureAgent);
    expect(seen.data!.child).toEqual({
      id: childId,
      firstName: 'Inès',
      lastName: 'Benali-Story',
      inclusion: { status: 'ACTIVE', emergencyProtocol: 'Appeler la mère, puis le 15.', accommodations: [{ description: 'Coin calme et animateur référent', partner: { id: w.ids.leisure } }] },
      contact: null,
      schooling: null,
      social: null,
      health: null,
      pathway: null,
      serviceLinks: null,
      consents: null,
    });
    expect(seen.errors!.map((e) => [e.path!.join('.'), e.extensions!.code]).sort()).toEqual([
      ['child.consents', 'FORBIDDEN'],
      ['child.contact', 'FORBIDDEN'],
      ['child.health', 'FORBIDDEN'],
      ['child.pathway', 'FORBIDDEN'],
      ['child.schooling', 'FORBIDDEN'],
      ['child.serviceLinks', 'FORBIDDEN'],
      ['child.social', 'FORBIDDEN'],
    ]);
    expect(errorOf(await server.graphql('query ($id: ID!) { serviceLinks(childId: $id) { id } }', { id: childId }, t.leisureAgent))).toEqual({ code: 'FORBIDDEN' });
    expect(errorOf(await server.graphql('query ($id: ID!) { pathway(id: $id) { id } }', { id: pathway.id }, t.leisureAgent))).toEqual({ code: 'FORBIDDEN' });

    // 7. The guardian withdraws consent: the link on it is revoked at once, and the leisure agent loses the child.
    dataOf(await server.graphql(WITHDRAW, { id: consent.id, version: consent.version }, mother));
    expect(errorOf(await server.graphql(LEISURE_VIEW, { id: childId }, t.leisureAgent))).toEqual({ code: 'NOT_FOUND' });
    expect(dataOf(await server.graphql<{ children: { totalCount: number } }>(ROSTER, {}, t.leisureAgent)).children.totalCount).toBe(0);
    const linkState = dataOf(await server.graphql<{ serviceLinks: { id: string; status: string; revocationReason: string }[] }>(
      'query ($id: ID!) { serviceLinks(childId: $id) { id status revocationReason } }', { id: childId }, t.inclusionReferent,
    )).serviceLinks;
    expect(linkState).toEqual([{ id: proposed.id, status: 'REVOKED', revocationReason: 'Consent withdrawn by the guardian' }]);

    // The access log tells the story of the child's consents and link: given, created, granted, revoked with the consent.
    const child = uuidOf(childId);
    const linkEvents = (await writeEvents(server, w.programme.id)).filter((e) => e.child_id === child && (e.entity === 'ServiceLink' || e.entity === 'Consent'));
    expect(linkEvents.map((e) => `${e.action} ${e.entity} ${e.categories.join(',')}`)).toEqual([
      'CREATE Consent PATHWAY',
      'CREATE Consent PATHWAY',
      'CREATE ServiceLink INCLUSION',
      'GRANT ServiceLink INCLUSION',
      'REVOKE Consent PATHWAY',
      'REVOKE ServiceLink INCLUSION',
    ]);
  });
});
