import { ref } from '@mikro-orm/core';
import { DataCategory, InclusionFollowUp, InclusionStatus, Workshop } from '../src/entities';
import { startTestServer, type TestServer } from './helpers/test-server';
import { parisDay } from './helpers/queries';
import { addDays, buildWorld, count, dataOf, errorOf, forkEm, gid, inclusionFollowUpOf, sql, uuidOf, writeEvents, type World } from './helpers/workflow-world';
import * as f from './factories';

/**
 * The inclusion referent's work (issue 4, "Inclusion") and partners' observations:
 * open a follow-up, assess needs, accommodations and adapted activities after the
 * assessment, family meetings, awareness workshops; a partner agent adds observations
 * only in the categories it may read for a linked child.
 */

const FOLLOW_UP = 'id version status createdAt referent { id } child { id inclusion { status needsAssessment { date findings assessedBy { id } } familyExpectations paiArrangements emergencyProtocol accommodations { description partner { id } } adaptedActivities { title childTime } } }';
const OPEN = `mutation ($childId: ID!) { openInclusionFollowUp(childId: $childId) { ${FOLLOW_UP} } }`;
const ASSESS = `mutation ($input: RecordNeedsAssessmentInput!) { recordNeedsAssessment(input: $input) { ${FOLLOW_UP} } }`;
const ADD_ACCOMMODATION = `mutation ($followUpId: ID!, $partnerId: ID!, $description: String!) {
  addAccommodation(followUpId: $followUpId, partnerId: $partnerId, description: $description) { id description partner { id } } }`;
const ADD_ACTIVITY = 'mutation ($input: AddAdaptedActivityInput!) { addAdaptedActivity(input: $input) { id title description childTime partner { id } } }';
const FAMILY_MEETING = `mutation ($input: RecordFamilyMeetingInput!) { recordFamilyMeeting(input: $input) {
  id version heldOn attendees expectations needs existingMeans nextSteps family { id } child { id } heldBy { id } } }`;
const SCHEDULE = 'mutation ($input: ScheduleWorkshopInput!) { scheduleWorkshop(input: $input) { id version heldOn topic professionalsCount facilitator { id } attendingPartners { id } } }';
const ATTENDANCE = `mutation ($id: ID!, $version: Int!, $partners: [ID!]!, $count: Int!) {
  recordWorkshopAttendance(workshopId: $id, version: $version, attendingPartnerIds: $partners, professionalsCount: $count) { id version professionalsCount attendingPartners { id } } }`;
const ADD_OBSERVATION = `mutation ($childId: ID!, $category: DataCategory!, $text: String!) {
  addObservation(childId: $childId, category: $category, text: $text) { id text author { id } partner { id } createdAt } }`;
const NODE = 'query ($id: ID!) { node(id: $id) { __typename id } }';

interface FollowUpData {
  id: string;
  version: number;
  status: string;
  referent: { id: string } | null;
  child: {
    id: string;
    inclusion: {
      status: string | null;
      needsAssessment: { date: string; findings: string; assessedBy: { id: string } | null } | null;
      familyExpectations: string | null;
      paiArrangements: string | null;
      emergencyProtocol: string | null;
      accommodations: { description: string; partner: { id: string } | null }[];
      adaptedActivities: { title: string; childTime: string }[];
    } | null;
  } | null;
}

describe('inclusion workflow', () => {
  let server: TestServer;
  let w: World;
  let today: string;

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.close();
  });
  beforeEach(async () => {
    w = await buildWorld(server);
    today = parisDay(new Date());
  });

  /** A follow-up of the child, made by the factory in the given state. */
  async function followUpIn(status: InclusionStatus): Promise<InclusionFollowUp> {
    const { followUp } = await inclusionFollowUpOf(server, w, { followUp: { status, referent: ref(w.accounts.inclusionReferent) } });
    return followUp!;
  }
  const followUpRow = async (id: string) =>
    (await sql(server, 'select status, version, assessed_on, findings, family_expectations, pai_arrangements from inclusion_follow_up where id = ?', [id]))[0];

  describe('openInclusionFollowUp and recordNeedsAssessment', () => {
    it("opens a follow-up on the family's consent (the child then enters the referent rows), then records its assessment", async () => {
      await inclusionFollowUpOf(server, w, { open: false });
      const opened = dataOf(await server.graphql<{ openInclusionFollowUp: FollowUpData }>(OPEN, { childId: w.ids.child }, w.tokens.inclusionReferent)).openInclusionFollowUp;
      expect(opened).toMatchObject({
        version: 1,
        status: 'OPEN',
        referent: { id: gid('Account', w.accounts.inclusionReferent.id) },
        child: { id: w.ids.child, inclusion: { status: 'OPEN', needsAssessment: null, accommodations: [] } },
      });
      expect(uuidOf(opened.id)).toEqual((await sql(server, 'select id from inclusion_follow_up where child_id = ?', [w.child.id]))[0].id);

      const input = {
        followUpId: opened.id,
        version: 1,
        assessedOn: today,
        findings: ' Besoin d’un accompagnement aux transitions ',
        familyExpectations: 'Accueil le mercredi',
        paiArrangements: 'Repas sans arachide',
        emergencyProtocol: 'Stylo auto-injecteur dans le sac',
      };
      const assessed = dataOf(await server.graphql<{ recordNeedsAssessment: FollowUpData }>(ASSESS, { input }, w.tokens.inclusionReferent)).recordNeedsAssessment;
      expect(assessed).toMatchObject({
        version: 2,
        status: 'ASSESSED',
        child: {
          inclusion: {
            status: 'ASSESSED',
            needsAssessment: { date: today, findings: 'Besoin d’un accompagnement aux transitions', assessedBy: { id: gid('Account', w.accounts.inclusionReferent.id) } },
            familyExpectations: 'Accueil le mercredi',
            paiArrangements: 'Repas sans arachide',
            emergencyProtocol: 'Stylo auto-injecteur dans le sac',
          },
        },
      });
      // A re-assessment keeps the status and the fields left out.
      const again = dataOf(await server.graphql<{ recordNeedsAssessment: FollowUpData }>(ASSESS, { input: { followUpId: opened.id, version: 2, assessedOn: today, findings: 'Révisé' } }, w.tokens.inclusionReferent)).recordNeedsAssessment;
      expect(again).toMatchObject({ version: 3, status: 'ASSESSED', child: { inclusion: { needsAssessment: { findings: 'Révisé' }, paiArrangements: 'Repas sans arachide' } } });

      expect(await writeEvents(server, w.programme.id)).toEqual([
        { action: 'CREATE', entity: 'InclusionFollowUp', child_id: w.child.id, categories: ['INCLUSION'] },
        { action: 'UPDATE', entity: 'InclusionFollowUp', child_id: w.child.id, categories: ['INCLUSION'] },
        { action: 'UPDATE', entity: 'InclusionFollowUp', child_id: w.child.id, categories: ['INCLUSION'] },
      ]);
      expect(dataOf(await server.graphql<{ node: { __typename: string } }>(NODE, { id: opened.id }, w.tokens.inclusionReferent)).node.__typename).toBe('InclusionFollowUp');
    });

    it('refuses a second follow-up for a child (ALREADY_OPEN), a child of another programme (NOT_FOUND), other roles (FORBIDDEN)', async () => {
      await followUpIn(InclusionStatus.OPEN);
      expect(errorOf(await server.graphql(OPEN, { childId: w.ids.child }, w.tokens.inclusionReferent))).toEqual({ code: 'BAD_USER_INPUT', field: 'childId', reason: 'ALREADY_OPEN' });
      const elsewhere = await buildWorld(server);
      expect(errorOf(await server.graphql(OPEN, { childId: elsewhere.ids.child }, w.tokens.inclusionReferent))).toEqual({ code: 'NOT_FOUND' });
      for (const who of ['coordinator', 'pathwayReferent', 'leisureAgent', 'guardian', 'dpo'] as const) {
        expect([who, errorOf(await server.graphql(OPEN, { childId: w.ids.otherChild }, w.tokens[who]))]).toEqual([who, { code: 'FORBIDDEN' }]);
      }
      expect(await count(server, 'inclusion_follow_up', w.programme.id)).toBe(1);
      expect(await count(server, 'inclusion_follow_up', elsewhere.programme.id)).toBe(0);
      expect(await writeEvents(server, w.programme.id)).toEqual([]);
    });

    it.each([
      ['assessedOn in the future', { assessedOn: 'TOMORROW' }, 'input.assessedOn'],
      ['empty findings', { findings: '  ' }, 'input.findings'],
      ['too long an emergency protocol', { emergencyProtocol: 'x'.repeat(4001) }, 'input.emergencyProtocol'],
    ] as [string, Record<string, unknown>, string][])('refuses %s: BAD_USER_INPUT naming the field, nothing changes', async (_name, change, field) => {
      const followUp = await followUpIn(InclusionStatus.OPEN);
      const input = { followUpId: gid('InclusionFollowUp', followUp.id), version: 1, assessedOn: today, findings: 'ok', ...change };
      if (input.assessedOn === 'TOMORROW') input.assessedOn = addDays(today, 1);
      expect(errorOf(await server.graphql(ASSESS, { input }, w.tokens.inclusionReferent))).toEqual({ code: 'BAD_USER_INPUT', field });
      expect(await followUpRow(followUp.id)).toMatchObject({ status: 'OPEN', version: 1, findings: null });
      expect(await writeEvents(server, w.programme.id)).toEqual([]);
    });

    it('answers CONFLICT for a stale version, INVALID_TRANSITION on a closed follow-up, NOT_FOUND outside the rows; nothing changes', async () => {
      const followUp = await followUpIn(InclusionStatus.OPEN);
      const input = { followUpId: gid('InclusionFollowUp', followUp.id), version: 1, assessedOn: today, findings: 'ok' };
      const stale = await server.graphql(ASSESS, { input: { ...input, version: 7 } }, w.tokens.inclusionReferent);
      expect(errorOf(stale)).toEqual({ code: 'CONFLICT' });
      expect(await followUpRow(followUp.id)).toMatchObject({ status: 'OPEN', version: 1, findings: null });

      await sql(server, "update inclusion_follow_up set status = 'CLOSED' where id = ?", [followUp.id]);
      const closed = await server.graphql(ASSESS, { input }, w.tokens.inclusionReferent);
      expect(errorOf(closed)).toEqual({ code: 'BAD_USER_INPUT', field: 'status', reason: 'INVALID_TRANSITION' });
      expect(closed.errors![0].extensions!.currentState).toBe('CLOSED');

      const elsewhere = await buildWorld(server);
      expect(errorOf(await server.graphql(ASSESS, { input }, elsewhere.tokens.inclusionReferent))).toEqual({ code: 'NOT_FOUND' });
      expect(errorOf(await server.graphql(ASSESS, { input }, w.tokens.coordinator))).toEqual({ code: 'FORBIDDEN' });
      expect(await followUpRow(followUp.id)).toMatchObject({ status: 'CLOSED', version: 1, findings: null });
      expect(await writeEvents(server, w.programme.id)).toEqual([]);
    });
  });

  describe('addAccommodation and addAdaptedActivity', () => {
    it('adds them once the needs are assessed; the first one puts the project in place (ASSESSED → ACTIVE)', async () => {
      const followUp = await followUpIn(InclusionStatus.ASSESSED);
      const id = gid('InclusionFollowUp', followUp.id);
      const accommodation = dataOf(await server.graphql<{ addAccommodation: { description: string; partner: { id: string } } }>(
        ADD_ACCOMMODATION, { followUpId: id, partnerId: w.ids.leisure, description: 'Animateur référent' }, w.tokens.inclusionReferent,
      )).addAccommodation;
      expect(accommodation).toMatchObject({ description: 'Animateur référent', partner: { id: w.ids.leisure } });
      expect(await followUpRow(followUp.id)).toMatchObject({ status: 'ACTIVE', version: 2 });

      const activity = dataOf(await server.graphql<{ addAdaptedActivity: Record<string, unknown> }>(
        ADD_ACTIVITY, { input: { followUpId: id, title: 'Atelier sensoriel', childTime: 'EXTRACURRICULAR', partnerId: w.ids.leisure } }, w.tokens.inclusionReferent,
      )).addAdaptedActivity;
      expect(activity).toMatchObject({ title: 'Atelier sensoriel', description: null, childTime: 'EXTRACURRICULAR', partner: { id: w.ids.leisure } });
      expect(await followUpRow(followUp.id)).toMatchObject({ status: 'ACTIVE', version: 2 });
      expect(await count(server, 'accommodation', w.programme.id)).toBe(1);
      expect(await count(server, 'adapted_activity', w.programme.id)).toBe(1);
      expect((await writeEvents(server, w.programme.id)).map((e) => `${e.action} ${e.entity} ${e.categories}`)).toEqual([
        'CREATE Accommodation INCLUSION',
        'CREATE AdaptedActivity INCLUSION',
      ]);
    });

    it.each([
      ['an accommodation before the assessment', 'OPEN', ADD_ACCOMMODATION, {}, 'followUpId', 'NEEDS_NOT_ASSESSED'],
      ['an activity on a closed follow-up', 'CLOSED', ADD_ACTIVITY, {}, 'input.followUpId', 'FOLLOW_UP_CLOSED'],
      ['an empty description', 'ASSESSED', ADD_ACCOMMODATION, { description: ' ' }, 'description', undefined],
      ['an unknown partner', 'ASSESSED', ADD_ACCOMMODATION, { partnerId: 'CHILD' }, 'partnerId', undefined],
      ['too long a title', 'ASSESSED', ADD_ACTIVITY, { title: 'x'.repeat(201) }, 'input.title', undefined],
      ['an unknown partner for the activity', 'ASSESSED', ADD_ACTIVITY, { partnerId: 'CHILD' }, 'input.partnerId', undefined],
    ] as [string, InclusionStatus, string, Record<string, unknown>, string, string | undefined][])(
      'refuses %s: BAD_USER_INPUT naming the field, nothing written',
      async (_name, status, mutation, change, field, reason) => {
        const followUp = await followUpIn(status);
        const id = gid('InclusionFollowUp', followUp.id);
        const resolved = Object.fromEntries(Object.entries(change).map(([k, v]) => [k, v === 'CHILD' ? w.ids.child : v]));
        const variables =
          mutation === ADD_ACCOMMODATION
            ? { followUpId: id, partnerId: w.ids.leisure, description: 'ok', ...resolved }
            : { input: { followUpId: id, title: 'ok', childTime: 'PERISCHOOL', ...resolved } };
        expect(errorOf(await server.graphql(mutation, variables, w.tokens.inclusionReferent))).toEqual({ code: 'BAD_USER_INPUT', field, ...(reason ? { reason } : {}) });
        expect(await followUpRow(followUp.id)).toMatchObject({ status, version: 1 });
        expect(await count(server, 'accommodation', w.programme.id) + (await count(server, 'adapted_activity', w.programme.id))).toBe(0);
        expect(await writeEvents(server, w.programme.id)).toEqual([]);
      },
    );
  });

  describe('recordFamilyMeeting', () => {
    it('records a meeting with a family of the rows, about one child, and logs it for that child', async () => {
      await followUpIn(InclusionStatus.OPEN);
      const input = { familyId: w.ids.family, childId: w.ids.child, heldOn: today, attendees: 'Mère, référente', expectations: 'Accueil', needs: 'Temps calme', existingMeans: 'AESH', nextSteps: 'Visite du centre' };
      const meeting = dataOf(await server.graphql<{ recordFamilyMeeting: Record<string, unknown> }>(FAMILY_MEETING, { input }, w.tokens.inclusionReferent)).recordFamilyMeeting;
      expect(meeting).toMatchObject({
        version: 1,
        heldOn: today,
        attendees: 'Mère, référente',
        nextSteps: 'Visite du centre',
        family: { id: w.ids.family },
        child: { id: w.ids.child },
        heldBy: { id: gid('Account', w.accounts.inclusionReferent.id) },
      });
      expect(await writeEvents(server, w.programme.id)).toEqual([{ action: 'CREATE', entity: 'FamilyMeeting', child_id: w.child.id, categories: ['INCLUSION'] }]);
      expect(dataOf(await server.graphql<{ node: { __typename: string } }>(NODE, { id: meeting.id }, w.tokens.inclusionReferent)).node.__typename).toBe('FamilyMeeting');
    });

    it.each([
      ['heldOn in the future', { heldOn: 'TOMORROW' }, { code: 'BAD_USER_INPUT', field: 'input.heldOn' }],
      ['a child of another family', { childId: 'OTHER_CHILD' }, { code: 'BAD_USER_INPUT', field: 'input.childId' }],
      ['a family outside the rows', { familyId: 'OTHER_FAMILY', childId: null }, { code: 'NOT_FOUND' }],
      ['too long next steps', { nextSteps: 'x'.repeat(4001) }, { code: 'BAD_USER_INPUT', field: 'input.nextSteps' }],
    ] as [string, Record<string, unknown>, Record<string, unknown>][])('refuses %s, nothing written', async (_name, change, expected) => {
      await followUpIn(InclusionStatus.OPEN);
      // The other child is in the rows too (a follow-up), but of another household.
      if (change.childId === 'OTHER_CHILD') await inclusionFollowUpOf(server, w, { child: w.otherChild, guardian: w.otherGuardian });
      const values: Record<string, unknown> = { TOMORROW: addDays(today, 1), OTHER_CHILD: w.ids.otherChild, OTHER_FAMILY: w.ids.otherFamily };
      const input = { familyId: w.ids.family, childId: w.ids.child, heldOn: today, ...Object.fromEntries(Object.entries(change).map(([k, v]) => [k, typeof v === 'string' && v in values ? values[v] : v])) };
      expect(errorOf(await server.graphql(FAMILY_MEETING, { input }, w.tokens.inclusionReferent))).toEqual(expected);
      expect(await count(server, 'family_meeting', w.programme.id)).toBe(0);
      expect(await writeEvents(server, w.programme.id)).toEqual([]);
    });
  });

  describe('scheduleWorkshop and recordWorkshopAttendance', () => {
    it('schedules a workshop, then records its attendance once held (the version moves); no child in the log', async () => {
      const scheduled = dataOf(await server.graphql<{ scheduleWorkshop: { id: string; version: number; facilitator: { id: string }; attendingPartners: { id: string }[] } }>(
        SCHEDULE, { input: { heldOn: today, topic: ' Accueillir un enfant autiste ', attendingPartnerIds: [w.ids.leisure] } }, w.tokens.inclusionReferent,
      )).scheduleWorkshop;
      expect(scheduled).toMatchObject({ version: 1, heldOn: today, topic: 'Accueillir un enfant autiste', professionalsCount: 0, facilitator: { id: gid('Account', w.accounts.inclusionReferent.id) }, attendingPartners: [{ id: w.ids.leisure }] });

      const recorded = dataOf(await server.graphql<{ recordWorkshopAttendance: { version: number; professionalsCount: number; attendingPartners: { id: string }[] } }>(
        ATTENDANCE, { id: scheduled.id, version: 1, partners: [w.ids.school, w.ids.leisure], count: 7 }, w.tokens.inclusionReferent,
      )).recordWorkshopAttendance;
      expect(recorded.version).toBe(2);
      expect(recorded.professionalsCount).toBe(7);
      expect(recorded.attendingPartners.map((p) => p.id).sort()).toEqual([w.ids.school, w.ids.leisure].sort());
      expect(await writeEvents(server, w.programme.id)).toEqual([
        { action: 'CREATE', entity: 'Workshop', child_id: null, categories: [] },
        { action: 'UPDATE', entity: 'Workshop', child_id: null, categories: [] },
      ]);

      const stale = await server.graphql(ATTENDANCE, { id: scheduled.id, version: 1, partners: [], count: 0 }, w.tokens.inclusionReferent);
      expect(errorOf(stale)).toEqual({ code: 'CONFLICT' });
      const [row] = await sql(server, 'select version, professionals_count from workshop where id = ?', [uuidOf(scheduled.id)]);
      expect(row).toEqual({ version: 2, professionals_count: 7 });
      expect(await sql(server, 'select count(*)::int as n from workshop_attending_partners where workshop_id = ?', [uuidOf(scheduled.id)])).toEqual([{ n: 2 }]);
    });

    it.each([
      ['heldOn more than two years ahead', SCHEDULE, { heldOn: 'FAR' }, 'input.heldOn'],
      ['an empty topic', SCHEDULE, { topic: '' }, 'input.topic'],
      ['a partner twice', SCHEDULE, { attendingPartnerIds: ['LEISURE', 'LEISURE'] }, 'input.attendingPartnerIds'],
      ['an ID that is not a partner', SCHEDULE, { attendingPartnerIds: ['LEISURE', 'CHILD'] }, 'input.attendingPartnerIds[1]'],
    ] as [string, string, Record<string, unknown>, string][])('refuses to schedule with %s: BAD_USER_INPUT naming the field, nothing written', async (_name, mutation, change, field) => {
      const values: Record<string, unknown> = { FAR: addDays(today, 800), LEISURE: w.ids.leisure, CHILD: w.ids.child };
      const resolve = (v: unknown): unknown => (Array.isArray(v) ? v.map(resolve) : typeof v === 'string' && v in values ? values[v] : v);
      const input = { heldOn: today, topic: 'ok', attendingPartnerIds: [], ...Object.fromEntries(Object.entries(change).map(([k, v]) => [k, resolve(v)])) };
      expect(errorOf(await server.graphql(mutation, { input }, w.tokens.inclusionReferent))).toEqual({ code: 'BAD_USER_INPUT', field });
      expect(await count(server, 'workshop', w.programme.id)).toBe(0);
      expect(await writeEvents(server, w.programme.id)).toEqual([]);
    });

    it('refuses attendance of a workshop not held yet, and fewer professionals than partners; FORBIDDEN to partners', async () => {
      const em = forkEm(server);
      const future = em.create(Workshop, { programme: w.programme.id, heldOn: addDays(today, 10), topic: 'Plus tard' });
      const past = em.create(Workshop, { programme: w.programme.id, heldOn: addDays(today, -10), topic: 'Hier' });
      await em.flush();
      expect(errorOf(await server.graphql(ATTENDANCE, { id: gid('Workshop', future.id), version: 1, partners: [], count: 3 }, w.tokens.inclusionReferent))).toEqual({
        code: 'BAD_USER_INPUT', field: 'workshopId', reason: 'NOT_HELD_YET',
      });
      expect(errorOf(await server.graphql(ATTENDANCE, { id: gid('Workshop', past.id), version: 1, partners: [w.ids.school, w.ids.leisure], count: 1 }, w.tokens.inclusionReferent))).toEqual({
        code: 'BAD_USER_INPUT', field: 'professionalsCount',
      });
      expect(errorOf(await server.graphql(ATTENDANCE, { id: gid('Workshop', past.id), version: 1, partners: [], count: 1 }, w.tokens.leisureAgent))).toEqual({ code: 'FORBIDDEN' });
      expect(await sql(server, 'select professionals_count, version from workshop where programme_id = ? order by held_on', [w.programme.id])).toEqual([
        { professionals_count: 0, version: 1 },
        { professionals_count: 0, version: 1 },
      ]);
      expect(await writeEvents(server, w.programme.id)).toEqual([]);
    });
  });

  describe('addObservation', () => {
    /** The leisure centre linked for IDENTITY and INCLUSION on a shared-secret basis. */
    async function linkLeisure(): Promise<void> {
      const em = forkEm(server);
      f.serviceLink(em, em.merge(w.child), em.merge(w.partners.leisure), em.merge(w.accounts.inclusionReferent), {
        categories: [DataCategory.IDENTITY, DataCategory.INCLUSION],
      });
      await em.flush();
    }

    it('lets a partner write in a category it may read for a linked child; the observation is listed in that block', async () => {
      await linkLeisure();
      const added = dataOf(await server.graphql<{ addObservation: { text: string; author: { id: string }; partner: { id: string } } }>(
        ADD_OBSERVATION, { childId: w.ids.child, category: 'INCLUSION', text: ' Bonne intégration au groupe ' }, w.tokens.leisureAgent,
      )).addObservation;
      expect(added).toMatchObject({ text: 'Bonne intégration au groupe', author: { id: gid('Account', w.accounts.leisureAgent.id) }, partner: { id: w.ids.leisure } });
      const listed = dataOf(await server.graphql<{ child: { inclusion: { observations: { text: string }[] } } }>(
        'query ($id: ID!) { child(id: $id) { inclusion { observations { text } } } }', { id: w.ids.child }, w.tokens.leisureAgent,
      ));
      expect(listed.child.inclusion.observations).toEqual([{ text: 'Bonne intégration au groupe' }]);
      expect(await writeEvents(server, w.programme.id)).toEqual([{ action: 'CREATE', entity: 'Observation', child_id: w.child.id, categories: ['INCLUSION'] }]);
      const [row] = await sql(server, 'select category, author_id, partner_id from observation where programme_id = ?', [w.programme.id]);
      expect(row).toEqual({ category: 'INCLUSION', author_id: w.accounts.leisureAgent.id, partner_id: w.partners.leisure.id });
    });

    it('is FORBIDDEN outside the categories the partner may read, NOT_FOUND outside its rows, FORBIDDEN to other roles; nothing written', async () => {
      await linkLeisure();
      // CONTACT is in the leisure kind's maximum but not in its link; HEALTH is in neither.
      const forbidden = await server.graphql(ADD_OBSERVATION, { childId: w.ids.child, category: 'HEALTH', text: 'x' }, w.tokens.leisureAgent);
      expect(errorOf(forbidden)).toEqual({ code: 'FORBIDDEN' });
      expect(errorOf(await server.graphql(ADD_OBSERVATION, { childId: w.ids.child, category: 'SCHOOLING', text: 'x' }, w.tokens.leisureAgent))).toEqual({ code: 'FORBIDDEN' });
      // The school has no link to the child.
      expect(errorOf(await server.graphql(ADD_OBSERVATION, { childId: w.ids.child, category: 'SCHOOLING', text: 'x' }, w.tokens.schoolAgent))).toEqual({ code: 'NOT_FOUND' });
      expect(errorOf(await server.graphql(ADD_OBSERVATION, { childId: w.ids.otherChild, category: 'INCLUSION', text: 'x' }, w.tokens.leisureAgent))).toEqual({ code: 'NOT_FOUND' });
      for (const who of ['coordinator', 'inclusionReferent', 'guardian'] as const) {
        expect([who, errorOf(await server.graphql(ADD_OBSERVATION, { childId: w.ids.child, category: 'INCLUSION', text: 'x' }, w.tokens[who]))]).toEqual([who, { code: 'FORBIDDEN' }]);
      }
      expect(await count(server, 'observation', w.programme.id)).toBe(0);
      expect(await writeEvents(server, w.programme.id)).toEqual([]);
    });

    it.each([
      ['an empty text', { text: '   ' }, 'text'],
      ['too long a text', { text: 'x'.repeat(4001) }, 'text'],
      ['a category without observations (IDENTITY)', { category: 'IDENTITY' }, 'category'],
    ] as [string, Record<string, unknown>, string][])('refuses %s: BAD_USER_INPUT naming the field, nothing written', async (_name, change, field) => {
      await linkLeisure();
      expect(errorOf(await server.graphql(ADD_OBSERVATION, { childId: w.ids.child, category: 'INCLUSION', text: 'ok', ...change }, w.tokens.leisureAgent))).toEqual({ code: 'BAD_USER_INPUT', field });
      expect(await count(server, 'observation', w.programme.id)).toBe(0);
    });
  });

  it('keeps the follow-up of a child readable as INCLUSION only: a school agent linked for SCHOOLING gets FORBIDDEN on node(followUp)', async () => {
    const followUp = await followUpIn(InclusionStatus.OPEN);
    const em = forkEm(server);
    f.serviceLink(em, em.merge(w.child), em.merge(w.partners.school), em.merge(w.accounts.inclusionReferent), { categories: [DataCategory.SCHOOLING] });
    await em.flush();
    expect(errorOf(await server.graphql(NODE, { id: gid('InclusionFollowUp', followUp.id) }, w.tokens.schoolAgent))).toEqual({ code: 'FORBIDDEN' });
    expect(errorOf(await server.graphql(NODE, { id: gid('InclusionFollowUp', followUp.id) }, w.tokens.leisureAgent))).toEqual({ code: 'NOT_FOUND' });
  });
});
