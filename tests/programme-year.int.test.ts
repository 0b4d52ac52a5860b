import { randomUUID } from 'node:crypto';
import { createProgramme } from '../src/admin/create-programme';
import { startTestServer, type TestServer } from './helpers/test-server';
import { parisDay } from './helpers/queries';
import { dataOf, writeEvents } from './helpers/workflow-world';

/**
 * The story of issue 12: a programme that starts empty runs its year through the HTTP API,
 * each step with the token of the account whose job it is. The ADMIN (made by `npm run
 * programme:create`, tests/programme-create.int.test.ts) creates the partners and the staff;
 * a school refers a new child; the coordinator finds a referent through `accounts` and hands
 * it the referral; the referent invites the mother, who accepts with her identity provider's
 * token and consents in the portal; the coordinator opens the pathway on that consent; the
 * school follows its referral's status; in September the referent records the new grade;
 * the mother withdraws her consent by phone, the referent records it and the pathway is
 * suspended; the coordinator closes it, and the referent's caseload is empty again.
 */

const CREATE_PARTNER = 'mutation ($input: CreatePartnerInput!) { createPartner(input: $input) { id kind } }';
const CREATE_ACCOUNT = 'mutation ($input: CreateAccountInput!) { createAccount(input: $input) { account { id } role } }';
const SUBMIT = 'mutation ($input: SubmitReferralInput!) { submitReferral(input: $input) { duplicateSuspected referral { id version status } } }';
const SUBMITTED = '{ referrals(first: 10, status: SUBMITTED) { edges { node { id version child { id firstName } } } } }';
const START_REVIEW = 'mutation ($id: ID!, $version: Int!) { startReferralReview(id: $id, version: $version) { id version status } }';
const DECIDE = 'mutation ($input: DecideReferralInput!) { decideReferral(input: $input) { id status assignedTo { id } } }';
const REFERENTS = `{ accounts(filter: { role: PATHWAY_REFERENT, active: true }) { totalCount edges { node { account { id name } caseload { activePathways openReferrals } } } } }`;
const GUARDIANS = 'query ($id: ID!) { child(id: $id) { contact { guardians { id firstName } } } }';
const INVITE = 'mutation ($guardianId: ID!) { inviteGuardian(guardianId: $guardianId) { token invitation { status } } }';
const GIVE_CONSENT = 'mutation ($input: GiveConsentInput!) { giveConsent(input: $input) { id purpose } }';
const OPEN_PATHWAY = 'mutation ($input: OpenPathwayInput!) { openPathway(input: $input) { id status referent { id } consent { id } } }';
const ADD_OBJECTIVE = 'mutation ($pathwayId: ID!, $domain: Domain!, $text: String!) { addObjective(pathwayId: $pathwayId, domain: $domain, text: $text) { id status } }';

interface Referents {
  accounts: { totalCount: number; edges: { node: { account: { id: string; name: string }; caseload: { activePathways: number; openReferrals: number } } }[] };
}

describe('a programme year, from an empty programme, over the API', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('runs from the first partner to a closed pathway: referral, portal consent, a new grade, a withdrawal by phone', async () => {
    const today = parisDay(new Date());
    const n = randomUUID().slice(0, 8);
    const gql = async <T>(query: string, variables: Record<string, unknown>, token: string): Promise<T> => dataOf(await server.graphql<T>(query, variables, token));

    // 0. The programme and its first ADMIN (what `npm run programme:create` does).
    const { programme, admin } = await createProgramme(server.orm.em.fork(), { name: `PRE de Marmande ${n}`, inseeCode: '47157', adminEmail: `admin-${n}@marmande.example`, adminName: 'Lise Fabre' });
    const adminToken = await server.token(admin.subject);
    expect(await gql<{ partners: unknown[] }>('{ partners { id } }', {}, adminToken)).toEqual({ partners: [] });

    // 1. The ADMIN creates the partners, then the staff of each.
    const partner = async (input: Record<string, unknown>) => (await gql<{ createPartner: { id: string } }>(CREATE_PARTNER, { input }, adminToken)).createPartner.id;
    const preTeam = await partner({ kind: 'PRE_TEAM', name: 'Équipe PRE' });
    const inclusionService = await partner({ kind: 'INCLUSION_SERVICE', name: 'Service inclusion' });
    const uai = `${String(1_000_000 + Math.floor(Math.random() * 8_999_999)).padStart(7, '0')}K`;
    const school = await partner({ kind: 'SCHOOL', name: 'École Jean Jaurès', uai, schoolLevel: 'ELEMENTAIRE', network: 'REP' });
    const leisure = await partner({ kind: 'LEISURE_CENTRE', name: 'Centre de loisirs' });
    const staff: Record<string, { subject: string; token: string; id: string }> = {};
    for (const [key, role, partnerId, displayName] of [
      ['coordinator', 'PRE_COORDINATOR', preTeam, 'Hélène Coordinatrice'],
      ['referent', 'PATHWAY_REFERENT', preTeam, 'Samir Référent'],
      ['inclusion', 'INCLUSION_REFERENT', inclusionService, 'Mathilde Inclusion'],
      ['school', 'PARTNER_AGENT', school, 'Olivier Directeur'],
      ['leisure', 'PARTNER_AGENT', leisure, 'Kévin Animateur'],
    ] as const) {
      const subject = `idp|${key}-${n}`;
      const created = await gql<{ createAccount: { account: { id: string } } }>(CREATE_ACCOUNT, { input: { email: `${key}-${n}@marmande.example`, displayName, role, partnerId, subject } }, adminToken);
      staff[key] = { subject, token: await server.token(subject), id: created.createAccount.account.id };
    }

    // 2. The school refers a new child, with the household the school knows.
    const submitted = (
      await gql<{ submitReferral: { duplicateSuspected: boolean; referral: { id: string; version: number } } }>(SUBMIT, {
        input: {
          domains: ['SCHOOL'],
          description: 'Absences répétées, famille demandeuse d’aide.',
          newChild: {
            firstName: 'Yanis',
            lastName: `Ferhat-${n}`,
            birthDate: '2017-03-02',
            grade: 'CE1',
            schoolId: school,
            family: {
              addressLine: '12 rue des Écoles',
              postalCode: '47200',
              city: 'Marmande',
              guardians: [{ firstName: 'Samia', lastName: 'Ferhat', relationship: 'MOTHER', parentalAuthority: true, email: `samia-${n}@famille.example` }],
            },
          },
        },
      }, staff.school.token)
    ).submitReferral;
    expect(submitted.duplicateSuspected).toBe(false);

    // 3. The coordinator finds it among the submitted referrals (the school does not see the
    //    new child: part B gives it its own referrals), reviews it, finds the programme's referent through `accounts`, and hands it the referral.
    const waiting = (await gql<{ referrals: { edges: { node: { id: string; child: { id: string; firstName: string } } }[] } }>(SUBMITTED, {}, staff.coordinator.token)).referrals.edges;
    expect(waiting.map((e) => [e.node.id, e.node.child.firstName])).toEqual([[submitted.referral.id, 'Yanis']]);
    const childId = waiting[0].node.child.id;
    const reviewing = (await gql<{ startReferralReview: { version: number } }>(START_REVIEW, { id: submitted.referral.id, version: submitted.referral.version }, staff.coordinator.token)).startReferralReview;
    const referents = (await gql<Referents>(REFERENTS, {}, staff.coordinator.token)).accounts;
    expect(referents.edges.map((e) => e.node)).toEqual([{ account: { id: staff.referent.id, name: 'Samir Référent' }, caseload: { activePathways: 0, openReferrals: 0 } }]);
    const decided = (
      await gql<{ decideReferral: { status: string; assignedTo: { id: string } } }>(DECIDE, {
        input: { id: submitted.referral.id, version: reviewing.version, decision: 'ACCEPTED', reason: 'Besoins avérés.', assignedReferentId: referents.edges[0].node.account.id },
      }, staff.coordinator.token)
    ).decideReferral;
    expect(decided).toEqual({ id: submitted.referral.id, status: 'ACCEPTED', assignedTo: { id: staff.referent.id } });
    expect((await gql<Referents>(REFERENTS, {}, staff.coordinator.token)).accounts.edges[0].node.caseload).toEqual({ activePathways: 0, openReferrals: 1 });

    // 4. The referent invites the mother to the portal; she signs in with her provider and accepts.
    const mother = (await gql<{ child: { contact: { guardians: { id: string; firstName: string }[] } } }>(GUARDIANS, { id: childId }, staff.referent.token)).child.contact.guardians[0];
    expect(mother.firstName).toBe('Samia');
    const invited = (await gql<{ inviteGuardian: { token: string; invitation: { status: string } } }>(INVITE, { guardianId: mother.id }, staff.referent.token)).inviteGuardian;
    expect(invited.invitation.status).toBe('PENDING');
    const motherToken = await server.token(`idp|samia-${n}`);
    const accepted = await fetch(new URL('/invitations/accept', server.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${motherToken}` },
      body: JSON.stringify({ token: invited.token }),
    });
    expect(accepted.status).toBe(200);
    expect(await gql<{ viewer: { role: string; children: { id: string }[] } }>('{ viewer { role children { id } } }', {}, motherToken)).toEqual({ viewer: { role: 'GUARDIAN', children: [{ id: childId }] } });

    // 5. She consents to the pathway in the portal; the coordinator opens it, the referent sets its first objective.
    const consent = (await gql<{ giveConsent: { id: string } }>(GIVE_CONSENT, { input: { childId, purpose: 'PATHWAY', scope: [{ partnerId: preTeam, categories: ['IDENTITY', 'PATHWAY'] }] } }, motherToken)).giveConsent;
    const pathway = (
      await gql<{ openPathway: { id: string; status: string; referent: { id: string }; consent: { id: string } } }>(OPEN_PATHWAY, {
        input: { childId, referentId: staff.referent.id, consentId: consent.id, startDate: today },
      }, staff.coordinator.token)
    ).openPathway;
    expect(pathway).toMatchObject({ status: 'ACTIVE', referent: { id: staff.referent.id }, consent: { id: consent.id } });
    expect((await gql<{ addObjective: { status: string } }>(ADD_OBJECTIVE, { pathwayId: pathway.id, domain: 'SCHOOL', text: 'Retrouver une présence régulière' }, staff.referent.token)).addObjective.status).toBe('OPEN');
    expect((await gql<Referents>(REFERENTS, {}, staff.coordinator.token)).accounts.edges[0].node.caseload).toEqual({ activePathways: 1, openReferrals: 0 });

    // 6. The school follows what became of its referral, status only.
    const mine = (await gql<{ submittedReferrals: { referralId: string; status: string }[] }>('{ submittedReferrals { referralId status } }', {}, staff.school.token)).submittedReferrals;
    expect(mine).toEqual([{ referralId: submitted.referral.id, status: 'ACCEPTED' }]);

    // 7. September: the referent records the new grade.
    const VERSIONED = 'query ($id: ID!) { child(id: $id) { version } }';
    const before = (await gql<{ child: { version: number } }>(VERSIONED, { id: childId }, staff.referent.token)).child;
    const moved = (await gql<{ updateChild: { grade: string; version: number } }>('mutation ($input: UpdateChildInput!) { updateChild(input: $input) { grade version } }', { input: { id: childId, version: before.version, grade: 'CE2' } }, staff.referent.token)).updateChild;
    expect(moved).toEqual({ grade: 'CE2', version: before.version + 1 });

    // 8. The mother withdraws her consent by phone: the referent records it, the pathway resting on it is suspended.
    const CONSENT = 'query ($id: ID!) { node(id: $id) { ... on Consent { version grantsNow } } }';
    const consentNow = (await gql<{ node: { version: number; grantsNow: boolean } }>(CONSENT, { id: consent.id }, staff.referent.token)).node;
    expect(consentNow.grantsNow).toBe(true);
    const withdrawn = (
      await gql<{ recordConsentWithdrawal: { withdrawalMethod: string; withdrawnBy: { id: string }; grantsNow: boolean; grantLapse: string } }>(
        'mutation ($id: ID!, $version: Int!, $at: DateTimeISO!) { recordConsentWithdrawal(id: $id, version: $version, method: ORAL_RECORDED, withdrawnAt: $at) { withdrawalMethod withdrawnBy { id } grantsNow grantLapse } }',
        { id: consent.id, version: consentNow.version, at: new Date().toISOString() },
        staff.referent.token,
      )
    ).recordConsentWithdrawal;
    expect(withdrawn).toEqual({ withdrawalMethod: 'ORAL_RECORDED', withdrawnBy: { id: staff.referent.id }, grantsNow: false, grantLapse: 'CONSENT_WITHDRAWN' });
    const PATHWAY_NOW = 'query ($id: ID!) { node(id: $id) { ... on Pathway { status version suspensionReason } } }';
    const suspended = (await gql<{ node: { status: string; version: number; suspensionReason: string } }>(PATHWAY_NOW, { id: pathway.id }, staff.coordinator.token)).node;
    expect(suspended.status).toBe('SUSPENDED');
    expect(suspended.suspensionReason).toBeTruthy();

    // 9. The year ends: the coordinator closes the pathway.
    const closed = (await gql<{ closePathway: { status: string } }>('mutation ($id: ID!, $version: Int!) { closePathway(id: $id, version: $version, reason: "Fin d’année, consentement retiré", kind: OTHER) { status } }', { id: pathway.id, version: suspended.version }, staff.coordinator.token)).closePathway;
    expect(closed.status).toBe('CLOSED');
    expect((await gql<Referents>(REFERENTS, {}, staff.coordinator.token)).accounts.edges[0].node.caseload).toEqual({ activePathways: 0, openReferrals: 0 });

    // Every step is in the access log, and no personal data is in its entities' names.
    const events = await writeEvents(server, programme.id);
    const entities = new Set(events.map((e) => e.entity));
    for (const entity of ['Partner', 'Account', 'Referral', 'Invitation', 'Consent', 'Pathway']) expect(entities).toContain(entity);
    expect(events.filter((e) => e.entity === 'Invitation').map((e) => e.action).sort()).toEqual(['CREATE', 'GRANT']);
  });
});
