import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Account, Child, DataCategory, Partner } from '../src/entities';
import { startTestServer, type GraphQLResult, type TestServer } from './helpers/test-server';
import {
  DECIDE_REFERRAL, RECORD_TEAM_MEETING, START_REVIEW, SUBMIT_REFERRAL,
  addDays, buildPathwayWorld, counts, dataOf, errorOf, eventsOfRequest, gid, requestWithId, sql, today, uuidOf, writeEvents,
  type PathwayWorld, type ReferralData,
} from './helpers/pathway-world';
import * as f from './factories';

/**
 * The referral workflow over HTTP (issue 4, "The PRE pathway"): submitReferral (a known
 * child in the viewer's rows, or a new child and family after a duplicate check that
 * reveals only that a match exists), startReferralReview, decideReferral and
 * recordTeamMeeting. Values are read back from the database; every refusal is checked to
 * have written nothing, not even an access event.
 */

interface Submission {
  duplicateSuspected: boolean;
  referral: ReferralData | null;
  eligibility: { ageInRange: boolean; priorityNetwork: boolean; priorityNeighbourhood: boolean; priority: boolean; warnings: string[] } | null;
}

const CHILD = `query Child($id: ID!) { child(id: $id) { id } }`;

/** A valid new child, with the names given; tests override one field at a time. */
function newChild(overrides: Record<string, unknown> = {}, family: Record<string, unknown> = {}, guardian: Record<string, unknown> = {}) {
  return {
    firstName: 'Élodie',
    lastName: 'Martin-Lefèvre',
    birthDate: '2015-03-04',
    grade: 'CM1',
    family: {
      addressLine: '12 rue des Lilas',
      postalCode: '47300',
      city: 'Villeneuve-sur-Lot',
      guardians: [
        { firstName: 'Sandrine', lastName: 'Martin', relationship: 'MOTHER', parentalAuthority: true, phone: '+33 6 12 34 56 78', email: 'Sandrine.Martin@Example.org', ...guardian },
        { firstName: 'Marc', lastName: 'Lefèvre', relationship: 'FATHER', parentalAuthority: true },
      ],
      ...family,
    },
    ...overrides,
  };
}

describe('referral workflow', () => {
  let server: TestServer;
  let world: PathwayWorld;
  let other: PathwayWorld;

  beforeAll(async () => {
    server = await startTestServer();
    world = await buildPathwayWorld(server);
    other = await buildPathwayWorld(server);
  });
  afterAll(async () => {
    await server?.close();
  });

  const submit = (input: Record<string, unknown>, token: string) => server.graphql<{ submitReferral: Submission }>(SUBMIT_REFERRAL, { input }, token);

  /**
   * A child has one open referral at most (tests/one-open-referral.int.test.ts): the tests
   * that refer world.child again first close, in the database, the one an earlier test left open.
   */
  const closeOpenReferrals = () => sql(server, `update referral set status = 'WITHDRAWN' where child_id = ? and status in ('SUBMITTED', 'UNDER_REVIEW')`, [world.child.id]);

  /** A referral of world.child, submitted by the coordinator (optionally moved under review). */
  async function referral(options: { review?: boolean } = {}): Promise<ReferralData> {
    await closeOpenReferrals();
    const submitted = dataOf(
      await submit({ childId: gid('Child', world.child.id), domains: ['SOCIAL'], description: 'Situation familiale fragile.' }, world.tokens.coordinator),
    ).submitReferral.referral!;
    if (!options.review) return submitted;
    return dataOf(
      await server.graphql<{ startReferralReview: ReferralData }>(START_REVIEW, { id: submitted.id, version: submitted.version }, world.tokens.coordinator),
    ).startReferralReview;
  }

  /** Runs a refused operation: the expected error, no data, and no row and no access event written in the programme. */
  async function expectRefusal(run: () => Promise<GraphQLResult<unknown>>, expected: Record<string, unknown>): Promise<void> {
    const before = await counts(server, world.programme.id);
    const result = await run();
    expect(errorOf(result)).toEqual(expected);
    expect(result.data ?? null).toBeNull();
    expect(await counts(server, world.programme.id)).toEqual(before);
  }

  describe('submitReferral', () => {
    it('creates a new child with its family and guardians, and the referral, for a school agent', async () => {
      const before = await counts(server, world.programme.id);
      const { requestId, result } = await requestWithId<{ submitReferral: Submission }>(
        server,
        SUBMIT_REFERRAL,
        {
          input: {
            newChild: newChild({ schoolId: gid('Partner', world.partners.repSchool.id) }, { qpvCode: 'qn04701m' }),
            domains: ['SCHOOL', 'PARENTING'],
            description: '  Absences répétées depuis la rentrée.  ',
          },
        },
        world.tokens.schoolAgent,
      );
      const payload = dataOf(result).submitReferral;
      expect(payload.duplicateSuspected).toBe(false);
      expect(payload.referral).toMatchObject({
        version: 1,
        status: 'SUBMITTED',
        referredOn: today(),
        domains: ['SCHOOL', 'PARENTING'],
        description: 'Absences répétées depuis la rentrée.',
        decidedOn: null,
        referringPartner: { id: gid('Partner', world.partners.school.id) },
        // The agent has no link to the child it referred: it does not see it (access-policy.md).
        child: null,
      });
      expect(payload.eligibility).toEqual({ ageInRange: true, priorityNetwork: true, priorityNeighbourhood: true, priority: true, warnings: [] });

      const after = await counts(server, world.programme.id);
      expect(after).toEqual({ ...before, child: before.child + 1, family: before.family + 1, guardian: before.guardian + 2, referral: before.referral + 1, access_event: after.access_event });
      const [row] = await sql<Record<string, unknown>>(
        server,
        `select r.status, r.referring_partner_id, r.referring_account_id, r.domains::text[] as domains, c.id as child_id, c.first_name, c.last_name,
                to_char(c.birth_date, 'YYYY-MM-DD') as birth_date, c.school_id, c.grade, f.address_line, f.postal_code, f.city, f.qpv_code
           from referral r join child c on c.id = r.child_id join family f on f.id = c.family_id where r.id = ?`,
        [uuidOf(payload.referral!.id)],
      );
      expect(row).toMatchObject({
        status: 'SUBMITTED',
        referring_partner_id: world.partners.school.id,
        referring_account_id: world.accounts.schoolAgent.id,
        first_name: 'Élodie',
        last_name: 'Martin-Lefèvre',
        birth_date: '2015-03-04',
        school_id: world.partners.repSchool.id,
        grade: 'CM1',
        address_line: '12 rue des Lilas',
        postal_code: '47300',
        city: 'Villeneuve-sur-Lot',
        qpv_code: 'QN04701M',
      });
      const guardians = await sql(
        server,
        `select g.first_name, g.relationship, g.parental_authority, g.phone, g.email from guardian g
           join child c on c.family_id = g.family_id where c.id = ? order by g.first_name`,
        [row.child_id],
      );
      expect(guardians).toEqual([
        { first_name: 'Marc', relationship: 'FATHER', parental_authority: true, phone: null, email: null },
        { first_name: 'Sandrine', relationship: 'MOTHER', parental_authority: true, phone: '06 12 34 56 78', email: 'sandrine.martin@example.org' },
      ]);
      // Logged in the same request: the child created (its identity and its family's contact), the referral.
      expect((await eventsOfRequest(server, requestId)).map((e) => [e.action, e.entity, e.child_id, e.categories, e.account_id])).toEqual([
        ['CREATE', 'Child', row.child_id, ['CONTACT', 'IDENTITY'], world.accounts.schoolAgent.id],
        ['CREATE', 'Referral', row.child_id, ['PATHWAY'], world.accounts.schoolAgent.id],
      ]);
    });

    it('warns, never forbids, outside the age band and the priority public', async () => {
      const birthDate = addDays(today(), -400);
      const payload = dataOf(
        await submit(
          { newChild: newChild({ firstName: 'Noé', lastName: 'Petit', birthDate, schoolId: gid('Partner', world.partners.school.id), grade: null }), domains: ['HEALTH'], description: 'Retard de langage.' },
          world.tokens.coordinator,
        ),
      ).submitReferral;
      expect(payload.eligibility).toEqual({
        ageInRange: false, priorityNetwork: false, priorityNeighbourhood: false, priority: false, warnings: ['AGE_OUT_OF_RANGE', 'NOT_PRIORITY_PUBLIC'],
      });
      expect(payload.referral?.status).toBe('SUBMITTED');
      // The coordinator sees every child of the programme: the new one included.
      expect(payload.referral?.child).not.toBeNull();
    });

    it('tells the submitter of a match among the children it may see, and creates nothing', async () => {
      const em = server.orm.em.fork() as EntityManager;
      const known = f.child(em, world.otherFamily, { firstName: 'Inès', lastName: 'Benali', birthDate: '2014-09-30' });
      // The school sees the child: a link to it.
      f.serviceLink(em, known, em.merge(world.partners.school), em.merge(world.accounts.coordinator));
      await em.flush();
      const before = await counts(server, world.programme.id);
      const { requestId, result } = await requestWithId<{ submitReferral: Submission }>(
        server,
        SUBMIT_REFERRAL,
        { input: { newChild: newChild({ firstName: ' INES ', lastName: 'benalí', birthDate: '2014-09-30' }), domains: ['SOCIAL'], description: 'Famille isolée.' } },
        world.tokens.schoolAgent,
      );
      expect(dataOf(result)).toEqual({ submitReferral: { duplicateSuspected: true, referral: null, eligibility: null } });
      const body = JSON.stringify(result);
      for (const secret of [known.id, gid('Child', known.id), world.otherFamily.id, 'Benali']) expect(body).not.toContain(secret);
      expect(await counts(server, world.programme.id)).toEqual(before);
      expect(await eventsOfRequest(server, requestId)).toEqual([]);
      // The same names in another programme are no match.
      const elsewhere = dataOf(
        await submit({ newChild: newChild({ firstName: 'Inès', lastName: 'Benali', birthDate: '2014-09-30' }), domains: ['SOCIAL'], description: 'Famille isolée.' }, other.tokens.schoolAgent),
      ).submitReferral;
      expect(elsewhere.duplicateSuspected).toBe(false);
    });

    it('never tells the submitter of a match it may not see: the referral is created as for a new child, marked for the coordinator only', async () => {
      const em = server.orm.em.fork() as EntityManager;
      const hidden = f.child(em, world.otherFamily, { firstName: 'Noé', lastName: 'Girard', birthDate: '2015-02-11' });
      await em.flush();
      const submitted = (who: 'lookalike' | 'new') =>
        submit(
          { newChild: newChild(who === 'lookalike' ? { firstName: 'NOE', lastName: 'girard', birthDate: '2015-02-11' } : { firstName: 'Nils', lastName: 'Girard', birthDate: '2015-02-11' }), domains: ['SOCIAL'], description: 'Famille isolée.' },
          world.tokens.schoolAgent,
        );
      const lookalike = dataOf(await submitted('lookalike')).submitReferral;
      const fresh = dataOf(await submitted('new')).submitReferral;
      // The same answer, field for field, as for a child nobody has seen before.
      const shape = (answer: Submission) => ({ ...answer, referral: { ...answer.referral!, id: 'ID' } });
      expect(shape(lookalike)).toEqual(shape(fresh));
      expect(lookalike.duplicateSuspected).toBe(false);
      expect(JSON.stringify(lookalike)).not.toContain(hidden.id);
      expect(JSON.stringify(lookalike)).not.toContain(gid('Child', hidden.id));

      const READ = 'query ($id: ID!) { node(id: $id) { ... on Referral { suspectedDuplicateOf { id } } } }';
      const byCoordinator = dataOf(await server.graphql<{ node: { suspectedDuplicateOf: { id: string } | null } }>(READ, { id: lookalike.referral!.id }, world.tokens.coordinator));
      expect(byCoordinator.node.suspectedDuplicateOf).toEqual({ id: gid('Child', hidden.id) });
      const freshByCoordinator = dataOf(await server.graphql<{ node: { suspectedDuplicateOf: unknown } }>(READ, { id: fresh.referral!.id }, world.tokens.coordinator));
      expect(freshByCoordinator.node.suspectedDuplicateOf).toBeNull();
      const [row] = await sql<{ suspected_duplicate_of_id: string | null }>(server, 'select suspected_duplicate_of_id from referral where id = ?', [uuidOf(lookalike.referral!.id)]);
      expect(row.suspected_duplicate_of_id).toBe(hidden.id);
    });

    it('creates one child when the same new child is submitted twice at once', async () => {
      const input = { newChild: newChild({ firstName: 'Lina', lastName: 'Moreau', birthDate: '2013-01-20' }), domains: ['SCHOOL'], description: 'Décrochage.' };
      // Both by the coordinator, who sees every child: the second is told of the first.
      const results = await Promise.all([submit(input, world.tokens.coordinator), submit(input, world.tokens.coordinator)]);
      const flags = results.map((r) => dataOf(r).submitReferral.duplicateSuspected).sort();
      expect(flags).toEqual([false, true]);
      const [{ n }] = await sql<{ n: number }>(
        server,
        `select count(*)::int as n from child where programme_id = ? and first_name = 'Lina' and last_name = 'Moreau'`,
        [world.programme.id],
      );
      expect(n).toBe(1);
    });

    it('refers a child linked to the agent, and answers NOT_FOUND for a child that is not', async () => {
      const em = server.orm.em.fork() as EntityManager;
      const [kid, school, inclusion] = await Promise.all([
        em.findOneOrFail(Child, world.child.id),
        em.findOneOrFail(Partner, world.partners.school.id),
        em.findOneOrFail(Account, world.accounts.inclusion.id),
      ]);
      f.serviceLink(em, kid, school, inclusion, { categories: [DataCategory.IDENTITY, DataCategory.SCHOOLING, DataCategory.PATHWAY] });
      await em.flush();
      await closeOpenReferrals();
      const linked = dataOf(
        await submit({ childId: gid('Child', world.child.id), domains: ['SCHOOL'], description: 'Difficultés de lecture.' }, world.tokens.schoolAgent),
      ).submitReferral;
      expect(linked.duplicateSuspected).toBe(false);
      expect(linked.referral).toMatchObject({ status: 'SUBMITTED', child: { id: gid('Child', world.child.id) }, referringPartner: { id: gid('Partner', world.partners.school.id) } });
      expect(linked.eligibility).toEqual({ ageInRange: true, priorityNetwork: false, priorityNeighbourhood: true, priority: true, warnings: [] });

      const input = { childId: gid('Child', world.otherChild.id), domains: ['SCHOOL'], description: 'Difficultés de lecture.' };
      await expectRefusal(() => submit(input, world.tokens.schoolAgent), { code: 'NOT_FOUND' });
      // A child of another programme is as absent as one that does not exist.
      await expectRefusal(() => submit({ ...input, childId: gid('Child', other.child.id) }, world.tokens.coordinator), { code: 'NOT_FOUND' });
      await expectRefusal(() => submit({ ...input, childId: gid('Child', randomUUID()) }, world.tokens.coordinator), { code: 'NOT_FOUND' });
    });

    it.each<[string, Record<string, unknown>, string]>([
      ['an empty description', { description: '   ' }, 'input.description'],
      ['a description of 5001 characters', { description: 'x'.repeat(5001) }, 'input.description'],
      ['no domain', { domains: [] }, 'input.domains'],
      ['a repeated domain', { domains: ['SCHOOL', 'SCHOOL'] }, 'input.domains'],
      ['both a known and a new child', { childId: 'CHILD' }, 'input.childId'],
      ['neither a known nor a new child', { newChild: null }, 'input.childId'],
      ['a first name of 101 characters', { newChild: newChild({ firstName: 'x'.repeat(101) }) }, 'input.newChild.firstName'],
      ['a birth date in the future', { newChild: newChild({ birthDate: addDays(today(), 1) }) }, 'input.newChild.birthDate'],
      ['a birth date 30 years ago', { newChild: newChild({ birthDate: addDays(today(), -30 * 366) }) }, 'input.newChild.birthDate'],
      ['a school that is a leisure centre', { newChild: newChild({ schoolId: 'LEISURE' }) }, 'input.newChild.schoolId'],
      ['a postal code of letters', { newChild: newChild({}, { postalCode: 'ABCDE' }) }, 'input.newChild.family.postalCode'],
      ['a malformed QPV code', { newChild: newChild({}, { qpvCode: 'XYZ' }) }, 'input.newChild.family.qpvCode'],
      ['no guardian', { newChild: newChild({}, { guardians: [] }) }, 'input.newChild.family.guardians'],
      ['a guardian phone of 2 digits', { newChild: newChild({}, {}, { phone: '12' }) }, 'input.newChild.family.guardians[0].phone'],
      ['a guardian e-mail without @', { newChild: newChild({}, {}, { email: 'sandrine.example.org' }) }, 'input.newChild.family.guardians[0].email'],
    ])('refuses %s: BAD_USER_INPUT naming the field, and writes nothing', async (...[, change, field]) => {
      const input: Record<string, unknown> = { newChild: newChild(), domains: ['SCHOOL'], description: 'Absences.', ...change };
      if (input.childId === 'CHILD') input.childId = gid('Child', world.child.id);
      const fresh = input.newChild as { schoolId?: string } | null;
      if (fresh?.schoolId === 'LEISURE') fresh.schoolId = gid('Partner', world.partners.leisure.id);
      await expectRefusal(() => submit(input, world.tokens.coordinator), { code: 'BAD_USER_INPUT', field });
    });

    it.each(['analyst', 'admin', 'dpo', 'guardian', 'inclusion'] as const)('is FORBIDDEN to the %s, and writes nothing', async (who) => {
      await expectRefusal(
        () => submit({ newChild: newChild({ firstName: 'Hugo' }), domains: ['SCHOOL'], description: 'Absences.' }, world.tokens[who]),
        { code: 'FORBIDDEN' },
      );
    });
  });

  describe('startReferralReview and decideReferral', () => {
    it('moves a referral under review, then accepts it, with the meeting and the referent it is handed to', async () => {
      const submitted = await referral();
      const { requestId: reviewRequest, result: reviewResult } = await requestWithId<{ startReferralReview: ReferralData }>(
        server, START_REVIEW, { id: submitted.id, version: submitted.version }, world.tokens.coordinator,
      );
      const reviewed = dataOf(reviewResult).startReferralReview;
      expect(reviewed).toMatchObject({ id: submitted.id, status: 'UNDER_REVIEW', version: submitted.version + 1 });
      expect((await eventsOfRequest(server, reviewRequest)).filter((e) => e.action !== 'READ').map((e) => [e.action, e.entity, e.child_id, e.categories])).toEqual([
        ['UPDATE', 'Referral', world.child.id, ['PATHWAY']],
      ]);

      const meeting = dataOf(
        await server.graphql<{ recordTeamMeeting: { teamMeeting: { id: string } } }>(
          RECORD_TEAM_MEETING,
          { input: { heldOn: today(), attendingPartnerIds: [gid('Partner', world.partners.preTeam.id)] } },
          world.tokens.coordinator,
        ),
      ).recordTeamMeeting.teamMeeting;
      // Before: the second referent has no row on the child.
      expect(errorOf(await server.graphql(CHILD, { id: gid('Child', world.child.id) }, world.tokens.referent2))).toEqual({ code: 'NOT_FOUND' });
      const decided = dataOf(
        await server.graphql<{ decideReferral: ReferralData }>(
          DECIDE_REFERRAL,
          {
            input: {
              id: reviewed.id, version: reviewed.version, decision: 'ACCEPTED', reason: ' Accord de l’équipe. ',
              teamMeetingId: meeting.id, assignedReferentId: gid('Account', world.accounts.referent2.id),
            },
          },
          world.tokens.coordinator,
        ),
      ).decideReferral;
      expect(decided).toMatchObject({
        status: 'ACCEPTED',
        version: reviewed.version + 1,
        decidedOn: today(),
        decisionReason: 'Accord de l’équipe.',
        teamMeeting: { id: meeting.id },
        assignedTo: { id: gid('Account', world.accounts.referent2.id) },
      });
      const [row] = await sql(server, 'select status, assigned_to_id, team_meeting_id, decision_reason from referral where id = ?', [uuidOf(decided.id)]);
      expect(row).toEqual({ status: 'ACCEPTED', assigned_to_id: world.accounts.referent2.id, team_meeting_id: uuidOf(meeting.id), decision_reason: 'Accord de l’équipe.' });
      // A referral handed to a referent puts its child in the referent's rows.
      expect(dataOf(await server.graphql(CHILD, { id: gid('Child', world.child.id) }, world.tokens.referent2))).toEqual({ child: { id: gid('Child', world.child.id) } });
    });

    it('declines a referral under review', async () => {
      const reviewed = await referral({ review: true });
      const declined = dataOf(
        await server.graphql<{ decideReferral: ReferralData }>(
          DECIDE_REFERRAL,
          { input: { id: reviewed.id, version: reviewed.version, decision: 'DECLINED', reason: 'Relève du droit commun.' } },
          world.tokens.coordinator,
        ),
      ).decideReferral;
      expect(declined).toMatchObject({ status: 'DECLINED', decidedOn: today(), decisionReason: 'Relève du droit commun.', teamMeeting: null, assignedTo: null });
    });

    it('refuses a stale version with CONFLICT and changes nothing', async () => {
      const reviewed = await referral({ review: true });
      await expectRefusal(() => server.graphql(START_REVIEW, { id: reviewed.id, version: reviewed.version - 1 }, world.tokens.coordinator), { code: 'CONFLICT' });
      await expectRefusal(
        () => server.graphql(DECIDE_REFERRAL, { input: { id: reviewed.id, version: reviewed.version - 1, decision: 'DECLINED', reason: 'Non.' } }, world.tokens.coordinator),
        { code: 'CONFLICT' },
      );
      const [row] = await sql(server, 'select status, version, decided_on from referral where id = ?', [uuidOf(reviewed.id)]);
      expect(row).toEqual({ status: 'UNDER_REVIEW', version: reviewed.version, decided_on: null });
    });

    it.each<[string, (r: ReferralData, w: PathwayWorld) => Record<string, unknown>, string, string | undefined]>([
      ['an empty reason', () => ({ reason: ' ' }), 'input.reason', undefined],
      ['a referent for a declined referral', (_r, w) => ({ decision: 'DECLINED', assignedReferentId: gid('Account', w.accounts.referent.id) }), 'input.assignedReferentId', undefined],
      ['a referent that is the coordinator', (_r, w) => ({ assignedReferentId: gid('Account', w.accounts.coordinator.id) }), 'input.assignedReferentId', 'NOT_A_PATHWAY_REFERENT'],
      ['a referent of another programme', () => ({ assignedReferentId: gid('Account', other.accounts.referent.id) }), 'input.assignedReferentId', 'NOT_A_PATHWAY_REFERENT'],
      ['a team meeting ID that is a partner', (_r, w) => ({ teamMeetingId: gid('Partner', w.partners.preTeam.id) }), 'input.teamMeetingId', undefined],
      ['an unknown team meeting', () => ({ teamMeetingId: gid('TeamMeeting', randomUUID()) }), 'input.teamMeetingId', undefined],
    ])('refuses %s: BAD_USER_INPUT naming the field, and writes nothing', async (...[, change, field, reason]) => {
      const reviewed = await referral({ review: true });
      const input = { id: reviewed.id, version: reviewed.version, decision: 'ACCEPTED', reason: 'Accord.', ...change(reviewed, world) };
      await expectRefusal(
        () => server.graphql(DECIDE_REFERRAL, { input }, world.tokens.coordinator),
        reason ? { code: 'BAD_USER_INPUT', field, reason } : { code: 'BAD_USER_INPUT', field },
      );
    });

    it('is FORBIDDEN to everyone but the coordinator, and NOT_FOUND across programmes', async () => {
      const submitted = await referral();
      for (const who of ['schoolAgent', 'referent', 'inclusion', 'guardian', 'analyst'] as const) {
        await expectRefusal(() => server.graphql(START_REVIEW, { id: submitted.id, version: submitted.version }, world.tokens[who]), { code: 'FORBIDDEN' });
        await expectRefusal(
          () => server.graphql(DECIDE_REFERRAL, { input: { id: submitted.id, version: submitted.version, decision: 'DECLINED', reason: 'Non.' } }, world.tokens[who]),
          { code: 'FORBIDDEN' },
        );
      }
      await expectRefusal(() => server.graphql(START_REVIEW, { id: submitted.id, version: submitted.version }, other.tokens.coordinator), { code: 'NOT_FOUND' });
      await expectRefusal(() => server.graphql(START_REVIEW, { id: gid('Referral', randomUUID()), version: 1 }, world.tokens.coordinator), { code: 'NOT_FOUND' });
    });
  });

  describe('recordTeamMeeting', () => {
    it('records the meeting, its attending partners and decisions, and links the referrals it reviewed', async () => {
      const [a, b] = [await referral({ review: true }), await referral()];
      const before = await counts(server, world.programme.id);
      const heldOn = addDays(today(), -3);
      const { requestId, result } = await requestWithId<{
        recordTeamMeeting: { teamMeeting: { id: string; heldOn: string }; referrals: { id: string; version: number; teamMeeting: { id: string } }[] };
      }>(
        server,
        RECORD_TEAM_MEETING,
        {
          input: {
            heldOn,
            attendingPartnerIds: [gid('Partner', world.partners.preTeam.id), gid('Partner', world.partners.social.id)],
            decisions: 'Deux situations examinées.',
            referralIds: [a.id, b.id],
          },
        },
        world.tokens.coordinator,
      );
      const recorded = dataOf(result).recordTeamMeeting;
      expect(recorded.teamMeeting.heldOn).toBe(heldOn);
      expect(recorded.referrals).toEqual([
        { id: a.id, version: a.version + 1, teamMeeting: { id: recorded.teamMeeting.id } },
        { id: b.id, version: b.version + 1, teamMeeting: { id: recorded.teamMeeting.id } },
      ]);
      const after = await counts(server, world.programme.id);
      expect(after).toEqual({
        ...before,
        team_meeting: before.team_meeting + 1,
        team_meeting_attending_partners: before.team_meeting_attending_partners + 2,
        access_event: after.access_event,
      });
      const [meeting] = await sql(server, `select to_char(held_on, 'YYYY-MM-DD') as held_on, decisions from team_meeting where id = ?`, [uuidOf(recorded.teamMeeting.id)]);
      expect(meeting).toEqual({ held_on: heldOn, decisions: 'Deux situations examinées.' });
      const partners = await sql<{ partner_id: string }>(server, 'select partner_id from team_meeting_attending_partners where team_meeting_id = ? order by partner_id', [
        uuidOf(recorded.teamMeeting.id),
      ]);
      expect(partners.map((p) => p.partner_id)).toEqual([world.partners.preTeam.id, world.partners.social.id].sort());
      const writes = (await eventsOfRequest(server, requestId)).filter((e) => e.action !== 'READ').map((e) => [e.action, e.entity, e.child_id, e.categories]);
      expect(writes).toEqual([
        ['CREATE', 'TeamMeeting', null, []],
        ['UPDATE', 'Referral', world.child.id, ['PATHWAY']],
        ['UPDATE', 'Referral', world.child.id, ['PATHWAY']],
      ]);
    });

    it.each<[string, Record<string, unknown>, string]>([
      ['a meeting held tomorrow', { heldOn: addDays(today(), 1) }, 'input.heldOn'],
      ['a meeting held two years ago', { heldOn: addDays(today(), -731) }, 'input.heldOn'],
      ['no attending partner', { attendingPartnerIds: [] }, 'input.attendingPartnerIds'],
      ['an unknown partner', { attendingPartnerIds: [gid('Partner', randomUUID())] }, 'input.attendingPartnerIds[0]'],
      ['decisions of 10001 characters', { decisions: 'x'.repeat(10001) }, 'input.decisions'],
      ['a repeated referral', { referralIds: ['R', 'R'] }, 'input.referralIds'],
    ])('refuses %s: BAD_USER_INPUT naming the field, and writes nothing', async (...[, change, field]) => {
      const input: Record<string, unknown> = { heldOn: today(), attendingPartnerIds: [gid('Partner', world.partners.preTeam.id)], ...change };
      if (Array.isArray(input.referralIds)) {
        const r = await referral();
        input.referralIds = input.referralIds.map(() => r.id);
      }
      await expectRefusal(() => server.graphql(RECORD_TEAM_MEETING, { input }, world.tokens.coordinator), { code: 'BAD_USER_INPUT', field });
    });

    it('is FORBIDDEN to a partner agent, and a referral of another programme is NOT_FOUND', async () => {
      const input = { heldOn: today(), attendingPartnerIds: [gid('Partner', world.partners.preTeam.id)] };
      await expectRefusal(() => server.graphql(RECORD_TEAM_MEETING, { input }, world.tokens.schoolAgent), { code: 'FORBIDDEN' });
      const foreign = dataOf(
        await submit({ childId: gid('Child', other.child.id), domains: ['SOCIAL'], description: 'Ailleurs.' }, other.tokens.coordinator),
      ).submitReferral.referral!;
      await expectRefusal(() => server.graphql(RECORD_TEAM_MEETING, { input: { ...input, referralIds: [foreign.id] } }, world.tokens.coordinator), { code: 'NOT_FOUND' });
    });
  });

  it('logged every write of the programme as a PATHWAY write (and IDENTITY and CONTACT for the children it created)', async () => {
    const events = await writeEvents(server, world.programme.id);
    expect(events.length).toBeGreaterThan(0);
    for (const event of events) {
      if (event.entity === 'Child') expect(event.categories).toEqual(['CONTACT', 'IDENTITY']);
      else if (event.entity === 'TeamMeeting') expect(event.categories).toEqual([]);
      else expect([event.entity, event.categories]).toEqual([expect.stringMatching(/^Referral$/), ['PATHWAY']]);
    }
  });
});
