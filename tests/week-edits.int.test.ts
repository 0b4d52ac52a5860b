import { ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  Accommodation,
  AdaptedActivity,
  Child,
  ChildTime,
  Family,
  Grade,
  Guardian,
  InclusionStatus,
  Partner,
  PartnerKind,
  Programme,
  Referral,
  ReferralStatus,
  Review,
  Role,
} from '../src/entities';
import { startTestServer, type GraphQLResult, type TestServer } from './helpers/test-server';
import { buildPathwayWorld, dataOf, errorOf, eventsOfRequest, gid, pathwayOf, requestWithId, sql, type PathwayWorld } from './helpers/pathway-world';
import * as f from './factories';

/**
 * Issue 12, "the week without dead ends": the edits of a normal week (withdrawReferral,
 * closeInclusionFollowUp, updateChild, updateFamily, updateGuardian, update/remove an
 * accommodation or adapted activity, updateReview), each versioned (CONFLICT), validated
 * (BAD_USER_INPUT naming the field), checked against the policy table (FORBIDDEN for a role
 * it does not list, NOT_FOUND outside the rows), logged, and one transaction (a refused
 * edit changes nothing).
 */

describe('the week without dead ends: edits', () => {
  let server: TestServer;
  let world: PathwayWorld;
  let inclusionToken: string;
  let service: Partner;
  const fork = () => server.orm.em.fork() as EntityManager;

  beforeAll(async () => {
    server = await startTestServer();
    world = await buildPathwayWorld(server);
    const em = fork();
    service = f.partner(em, em.getReference(Programme, world.programme.id), { kind: PartnerKind.INCLUSION_SERVICE });
    const inclusion = f.account(em, em.getReference(Programme, world.programme.id), Role.INCLUSION_REFERENT, { partner: ref(service) });
    await em.flush();
    inclusionToken = await server.token(inclusion.subject);
  });
  afterAll(async () => {
    await server?.close();
  });

  /** A child of the world's referent's caseload (a pathway), with its household. */
  async function followedChild(): Promise<{ child: Child; family: Family; guardian: Guardian }> {
    const em = fork();
    const family = f.family(em, em.getReference(Programme, world.programme.id), { qpvCode: 'QN04701M' });
    const guardian = f.guardian(em, family);
    const child = f.child(em, family, { grade: Grade.CM1 });
    await em.flush();
    await pathwayOf(server, world, { child });
    return { child, family, guardian };
  }

  /** Runs a mutation expected to be refused, and checks that nothing changed in `rows`. */
  async function refused(run: () => Promise<GraphQLResult<unknown>>, expected: Record<string, unknown>, rows: () => Promise<unknown>): Promise<void> {
    const before = await rows();
    expect(errorOf(await run())).toEqual(expected);
    expect(await rows()).toEqual(before);
  }

  describe('updateChild, updateFamily, updateGuardian', () => {
    const UPDATE_CHILD = `mutation ($input: UpdateChildInput!) { updateChild(input: $input) { id version firstName grade school { id } } }`;
    const UPDATE_FAMILY = `mutation ($input: UpdateFamilyInput!) { updateFamily(input: $input) { id version contact { address { line postalCode city } } } }`;
    const UPDATE_GUARDIAN = `mutation ($input: UpdateGuardianInput!) { updateGuardian(input: $input) { id version phone email } }`;

    it('the referent sets the new grade and school; logged as an IDENTITY write', async () => {
      const { child } = await followedChild();
      const input = { id: gid('Child', child.id), version: child.version, grade: 'CM2', schoolId: gid('Partner', world.partners.repSchool.id), firstName: ' Inès ' };
      const { requestId, result } = await requestWithId<{ updateChild: Record<string, unknown> }>(server, UPDATE_CHILD, { input }, world.tokens.referent);
      expect(dataOf(result).updateChild).toEqual({ id: input.id, version: child.version + 1, firstName: 'Inès', grade: 'CM2', school: { id: input.schoolId } });
      const writes = (await eventsOfRequest(server, requestId)).filter((e) => e.action !== 'READ');
      expect(writes.map((e) => [e.action, e.entity, e.child_id, e.categories])).toEqual([['UPDATE', 'Child', child.id, ['IDENTITY']]]);
      const cleared = await server.graphql<{ updateChild: Record<string, unknown> }>(UPDATE_CHILD, { input: { id: input.id, version: child.version + 1, grade: null, schoolId: null } }, world.tokens.referent);
      expect(dataOf(cleared).updateChild).toMatchObject({ grade: null, school: null });
    });

    it('refuses, changing nothing: a stale version, a bad field, a role the policy does not list, a child outside the rows', async () => {
      const { child } = await followedChild();
      const row = async () => (await sql(server, 'select first_name, grade, school_id, version from child where id = ?', [child.id]))[0];
      const base = { id: gid('Child', child.id), version: child.version };
      await refused(() => server.graphql(UPDATE_CHILD, { input: { ...base, version: 9, grade: 'CM2' } }, world.tokens.referent), { code: 'CONFLICT' }, row);
      await refused(() => server.graphql(UPDATE_CHILD, { input: { ...base, firstName: '  ' } }, world.tokens.referent), { code: 'BAD_USER_INPUT', field: 'input.firstName' }, row);
      await refused(() => server.graphql(UPDATE_CHILD, { input: { ...base, schoolId: gid('Partner', world.partners.leisure.id) } }, world.tokens.referent), { code: 'BAD_USER_INPUT', field: 'input.schoolId' }, row);
      await refused(() => server.graphql(UPDATE_CHILD, { input: { ...base, grade: 'CM2' } }, world.tokens.schoolAgent), { code: 'FORBIDDEN' }, row);
      await refused(() => server.graphql(UPDATE_CHILD, { input: { ...base, grade: 'CM2' } }, world.tokens.referent2), { code: 'NOT_FOUND' }, row);
    });

    it('a new address and QPV, a new phone: CONTACT writes of each child of the household in the rows', async () => {
      const { child, family, guardian } = await followedChild();
      const moved = await requestWithId<{ updateFamily: Record<string, unknown> }>(
        server,
        UPDATE_FAMILY,
        { input: { id: gid('Family', family.id), version: family.version, addressLine: '3 rue des Lilas', postalCode: '75020', city: 'Paris', qpvCode: null } },
        world.tokens.referent,
      );
      expect(dataOf(moved.result).updateFamily).toEqual({
        id: gid('Family', family.id),
        version: family.version + 1,
        contact: { address: { line: '3 rue des Lilas', postalCode: '75020', city: 'Paris' } },
      });
      expect((await sql(server, 'select qpv_code from family where id = ?', [family.id]))[0]).toEqual({ qpv_code: null });
      const writes = (await eventsOfRequest(server, moved.requestId)).filter((e) => e.action !== 'READ');
      expect(writes.map((e) => [e.action, e.entity, e.child_id, e.categories])).toEqual([['UPDATE', 'Family', child.id, ['CONTACT']]]);

      const phoned = await server.graphql<{ updateGuardian: Record<string, unknown> }>(
        UPDATE_GUARDIAN,
        { input: { id: gid('Guardian', guardian.id), version: guardian.version, phone: '+33 6 11 22 33 44', email: null } },
        world.tokens.coordinator,
      );
      expect(dataOf(phoned).updateGuardian).toEqual({ id: gid('Guardian', guardian.id), version: guardian.version + 1, phone: '06 11 22 33 44', email: null });
    });

    it('refuses a bad postal code, QPV or phone naming the field, a stale version, and a viewer without CONTACT', async () => {
      const { family, guardian } = await followedChild();
      const familyRow = async () => (await sql(server, 'select address_line, postal_code, qpv_code, version from family where id = ?', [family.id]))[0];
      const guardianRow = async () => (await sql(server, 'select phone, email, version from guardian where id = ?', [guardian.id]))[0];
      const fam = { id: gid('Family', family.id), version: family.version };
      await refused(() => server.graphql(UPDATE_FAMILY, { input: { ...fam, postalCode: '7502' } }, world.tokens.referent), { code: 'BAD_USER_INPUT', field: 'input.postalCode' }, familyRow);
      await refused(() => server.graphql(UPDATE_FAMILY, { input: { ...fam, qpvCode: 'XX1' } }, world.tokens.referent), { code: 'BAD_USER_INPUT', field: 'input.qpvCode' }, familyRow);
      await refused(() => server.graphql(UPDATE_FAMILY, { input: { ...fam, languages: ['french'] } }, world.tokens.referent), { code: 'BAD_USER_INPUT', field: 'input.languages' }, familyRow);
      await refused(() => server.graphql(UPDATE_FAMILY, { input: { ...fam, version: 7, city: 'Lyon' } }, world.tokens.referent), { code: 'CONFLICT' }, familyRow);
      await refused(() => server.graphql(UPDATE_FAMILY, { input: { ...fam, city: 'Lyon' } }, world.tokens.referent2), { code: 'NOT_FOUND' }, familyRow);
      const g = { id: gid('Guardian', guardian.id), version: guardian.version };
      await refused(() => server.graphql(UPDATE_GUARDIAN, { input: { ...g, phone: '12345' } }, world.tokens.referent), { code: 'BAD_USER_INPUT', field: 'input.phone' }, guardianRow);
      await refused(() => server.graphql(UPDATE_GUARDIAN, { input: { ...g, phone: '0611223344' } }, world.tokens.guardian), { code: 'FORBIDDEN' }, guardianRow);
    });
  });

  describe('withdrawReferral', () => {
    const WITHDRAW = `mutation ($id: ID!, $version: Int!, $reason: String!) { withdrawReferral(id: $id, version: $version, reason: $reason) { referralId version status decidedOn } }`;

    async function referral(status = ReferralStatus.SUBMITTED): Promise<Referral> {
      const em = fork();
      const family = f.family(em, em.getReference(Programme, world.programme.id));
      f.guardian(em, family);
      const child = f.child(em, family);
      const referral = em.create(Referral, {
        programme: world.programme.id,
        child,
        referringPartner: world.partners.school.id,
        referringAccount: world.accounts.schoolAgent.id,
        referredOn: '2026-11-02',
        description: 'Absences répétées',
        status,
      } as never);
      await em.flush();
      return referral as Referral;
    }
    const row = (r: Referral) => async () => (await sql(server, 'select status, decision_reason, version from referral where id = ?', [r.id]))[0];

    it('its submitting structure withdraws it though it sees no child; the answer is the status, nothing more', async () => {
      const r = await referral();
      const { requestId, result } = await requestWithId<{ withdrawReferral: Record<string, unknown> }>(
        server,
        WITHDRAW,
        { id: gid('Referral', r.id), version: r.version, reason: 'Envoyée par erreur' },
        world.tokens.schoolAgent,
      );
      expect(dataOf(result).withdrawReferral).toMatchObject({ referralId: gid('Referral', r.id), version: r.version + 1, status: 'WITHDRAWN' });
      expect(await row(r)()).toEqual({ status: 'WITHDRAWN', decision_reason: 'Envoyée par erreur', version: r.version + 1 });
      const writes = (await eventsOfRequest(server, requestId)).filter((e) => e.action !== 'READ');
      expect(writes.map((e) => [e.action, e.entity, e.categories])).toEqual([['UPDATE', 'Referral', ['PATHWAY']]]);
    });

    it('the coordinator withdraws one under review; a decided one is an invalid transition', async () => {
      const r = await referral(ReferralStatus.UNDER_REVIEW);
      dataOf(await server.graphql(WITHDRAW, { id: gid('Referral', r.id), version: r.version, reason: 'La famille a déménagé' }, world.tokens.coordinator));
      const decided = await referral(ReferralStatus.ACCEPTED);
      await refused(() => server.graphql(WITHDRAW, { id: gid('Referral', decided.id), version: decided.version, reason: 'x' }, world.tokens.coordinator), {
        code: 'BAD_USER_INPUT', field: 'id', reason: 'INVALID_TRANSITION', currentState: 'ACCEPTED',
      }, row(decided));
    });

    it("another structure's, another referent's, a stale version, an empty reason: refused, nothing written", async () => {
      const r = await referral();
      const vars = { id: gid('Referral', r.id), version: r.version, reason: 'x' };
      await refused(() => server.graphql(WITHDRAW, vars, world.tokens.leisureAgent), { code: 'NOT_FOUND' }, row(r));
      await refused(() => server.graphql(WITHDRAW, vars, world.tokens.referent), { code: 'NOT_FOUND' }, row(r));
      await refused(() => server.graphql(WITHDRAW, vars, world.tokens.guardian), { code: 'FORBIDDEN' }, row(r));
      await refused(() => server.graphql(WITHDRAW, { ...vars, version: 5 }, world.tokens.schoolAgent), { code: 'CONFLICT' }, row(r));
      await refused(() => server.graphql(WITHDRAW, { ...vars, reason: ' ' }, world.tokens.schoolAgent), { code: 'BAD_USER_INPUT', field: 'reason' }, row(r));
    });
  });

  describe('the inclusion follow-up: accommodations, adapted activities, closing', () => {
    async function newFollowUp() {
      const em = fork();
      const family = f.family(em, em.getReference(Programme, world.programme.id));
      const parent = f.guardian(em, family);
      const child = f.child(em, family);
      const { followUp } = f.inclusionFollowUp(em, child, parent, em.getReference(Partner, service.id), { followUp: { status: InclusionStatus.ACTIVE } });
      const accommodation = em.create(Accommodation, { programme: world.programme.id, followUp, partner: world.partners.leisure.id, description: 'Temps calme' } as never) as Accommodation;
      const activity = em.create(AdaptedActivity, { programme: world.programme.id, followUp, title: 'Piscine', childTime: ChildTime.EXTRACURRICULAR } as never) as AdaptedActivity;
      await em.flush();
      return { child, followUp, accommodation, activity };
    }
    const parts = (followUpId: string) => async () =>
      sql(server, `select 'a' as kind, description as text, version from accommodation where follow_up_id = ? union all select 'b', title, version from adapted_activity where follow_up_id = ? order by 1`, [followUpId, followUpId]);

    it('edits and removes accommodations and activities, each at its version, logged', async () => {
      const { followUp, accommodation, activity } = await newFollowUp();
      const updated = await server.graphql<{ updateAccommodation: Record<string, unknown> }>(
        `mutation ($input: UpdateAccommodationInput!) { updateAccommodation(input: $input) { id version description partner { id } } }`,
        { input: { id: gid('Accommodation', accommodation.id), version: accommodation.version, description: 'Temps calme avant le repas', partnerId: gid('Partner', world.partners.school.id) } },
        inclusionToken,
      );
      expect(dataOf(updated).updateAccommodation).toMatchObject({ version: accommodation.version + 1, description: 'Temps calme avant le repas', partner: { id: gid('Partner', world.partners.school.id) } });
      const activityDone = await server.graphql<{ updateAdaptedActivity: Record<string, unknown> }>(
        `mutation ($input: UpdateAdaptedActivityInput!) { updateAdaptedActivity(input: $input) { version title childTime partner { id } } }`,
        { input: { id: gid('AdaptedActivity', activity.id), version: activity.version, title: 'Piscine adaptée', childTime: 'PERISCHOOL' } },
        inclusionToken,
      );
      expect(dataOf(activityDone).updateAdaptedActivity).toEqual({ version: activity.version + 1, title: 'Piscine adaptée', childTime: 'PERISCHOOL', partner: null });

      const stale = await server.graphql(`mutation ($id: ID!) { removeAccommodation(id: $id, version: 1) { id } }`, { id: gid('Accommodation', accommodation.id) }, inclusionToken);
      expect(errorOf(stale)).toEqual({ code: 'CONFLICT' });
      const { requestId, result } = await requestWithId<{ removeAccommodation: { id: string } }>(
        server,
        `mutation ($id: ID!, $v: Int!) { removeAccommodation(id: $id, version: $v) { id } }`,
        { id: gid('Accommodation', accommodation.id), v: accommodation.version + 1 },
        inclusionToken,
      );
      expect(dataOf(result).removeAccommodation.id).toBe(gid('InclusionFollowUp', followUp.id));
      expect((await eventsOfRequest(server, requestId)).filter((e) => e.action !== 'READ').map((e) => [e.action, e.entity, e.categories])).toEqual([['DELETE', 'Accommodation', ['INCLUSION']]]);
      dataOf(await server.graphql(`mutation ($id: ID!, $v: Int!) { removeAdaptedActivity(id: $id, version: $v) { id } }`, { id: gid('AdaptedActivity', activity.id), v: activity.version + 1 }, inclusionToken));
      expect(await parts(followUp.id)()).toEqual([]);
    });

    it('closes the follow-up with its outcome; a closed project refuses edits; other roles and stale versions are refused', async () => {
      const { followUp, accommodation } = await newFollowUp();
      const CLOSE = `mutation ($id: ID!, $v: Int!, $outcome: String!) { closeInclusionFollowUp(followUpId: $id, version: $v, outcome: $outcome) { status closedOn outcome version } }`;
      const followUpRow = async () => (await sql(server, 'select status, outcome, version from inclusion_follow_up where id = ?', [followUp.id]))[0];
      const vars = { id: gid('InclusionFollowUp', followUp.id), v: followUp.version, outcome: "Accueil en centre de loisirs tous les mercredis" };
      await refused(() => server.graphql(CLOSE, { ...vars, outcome: '' }, inclusionToken), { code: 'BAD_USER_INPUT', field: 'outcome' }, followUpRow);
      await refused(() => server.graphql(CLOSE, { ...vars, v: 42 }, inclusionToken), { code: 'CONFLICT' }, followUpRow);
      await refused(() => server.graphql(CLOSE, vars, world.tokens.coordinator), { code: 'FORBIDDEN' }, followUpRow);
      const closed = dataOf(await server.graphql<{ closeInclusionFollowUp: Record<string, unknown> }>(CLOSE, vars, inclusionToken)).closeInclusionFollowUp;
      expect(closed).toMatchObject({ status: 'CLOSED', outcome: vars.outcome, version: followUp.version + 1 });
      expect(closed.closedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      await refused(() => server.graphql(CLOSE, { ...vars, v: followUp.version + 1 }, inclusionToken), {
        code: 'BAD_USER_INPUT', field: 'followUpId', reason: 'INVALID_TRANSITION', currentState: 'CLOSED',
      }, followUpRow);
      await refused(
        () => server.graphql(`mutation ($id: ID!, $v: Int!) { removeAccommodation(id: $id, version: $v) { id } }`, { id: gid('Accommodation', accommodation.id), v: accommodation.version }, inclusionToken),
        { code: 'BAD_USER_INPUT', field: 'id', reason: 'FOLLOW_UP_CLOSED', currentState: 'CLOSED' },
        parts(followUp.id),
      );
    });
  });

  describe('updateReview', () => {
    const UPDATE = `mutation ($id: ID!, $version: Int!, $progress: String, $nextSteps: String, $heldOn: LocalDate) {
      updateReview(id: $id, version: $version, progress: $progress, nextSteps: $nextSteps, heldOn: $heldOn) { id version heldOn progress nextSteps } }`;

    async function review() {
      const { child } = await followedChild();
      const pathway = await sql<{ id: string }>(server, 'select id from pathway where child_id = ?', [child.id]);
      const em = fork();
      const r = em.create(Review, { programme: world.programme.id, pathway: pathway[0].id, heldOn: '2026-11-20', progress: 'Progrès en lecture', author: world.accounts.referent.id } as never) as Review;
      await em.flush();
      return r;
    }
    const row = (r: Review) => async () => (await sql(server, "select to_char(held_on, 'YYYY-MM-DD') as held_on, progress, next_steps, version from review where id = ?", [r.id]))[0];

    it("the pathway's referent edits the review at its version; logged as a PATHWAY write", async () => {
      const r = await review();
      const { requestId, result } = await requestWithId<{ updateReview: Record<string, unknown> }>(server, UPDATE, { id: gid('Review', r.id), version: r.version, nextSteps: 'Bilan en janvier' }, world.tokens.referent);
      expect(dataOf(result).updateReview).toEqual({ id: gid('Review', r.id), version: r.version + 1, heldOn: '2026-11-20', progress: 'Progrès en lecture', nextSteps: 'Bilan en janvier' });
      expect((await eventsOfRequest(server, requestId)).filter((e) => e.action !== 'READ').map((e) => [e.action, e.entity, e.categories])).toEqual([['UPDATE', 'Review', ['PATHWAY']]]);
    });

    it('refuses a future date, an empty progress, a stale version, another referent and the coordinator', async () => {
      const r = await review();
      const vars = { id: gid('Review', r.id), version: r.version };
      await refused(() => server.graphql(UPDATE, { ...vars, heldOn: '2099-01-01' }, world.tokens.referent), { code: 'BAD_USER_INPUT', field: 'heldOn' }, row(r));
      await refused(() => server.graphql(UPDATE, { ...vars, progress: '' }, world.tokens.referent), { code: 'BAD_USER_INPUT', field: 'progress' }, row(r));
      await refused(() => server.graphql(UPDATE, { ...vars, version: 3, progress: 'x' }, world.tokens.referent), { code: 'CONFLICT' }, row(r));
      await refused(() => server.graphql(UPDATE, { ...vars, progress: 'x' }, world.tokens.referent2), { code: 'NOT_FOUND' }, row(r));
      await refused(() => server.graphql(UPDATE, { ...vars, progress: 'x' }, world.tokens.coordinator), { code: 'FORBIDDEN' }, row(r));
    });
  });
});
