import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Child, ConsentPurpose, Guardian, Pathway, PathwayStatus, Programme, Referral, Role } from '../src/entities';
import { startTestServer, type GraphQLResult, type TestServer } from './helpers/test-server';
import {
  ADD_ACTION, ADD_OBJECTIVE, ADD_REVIEW, CLOSE_PATHWAY, OPEN_PATHWAY, RESUME_PATHWAY, SUSPEND_PATHWAY, UPDATE_ACTION, UPDATE_OBJECTIVE,
  addDays, buildPathwayWorld, counts, dataOf, errorOf, eventsOfRequest, gid, pathwayOf, requestWithId, sql, today, uuidOf,
  type ActionData, type ObjectiveData, type PathwayData, type PathwayWorld,
} from './helpers/pathway-world';
import * as f from './factories';

/**
 * The pathway workflow over HTTP (issue 4, "The PRE pathway"): the coordinator opens a
 * pathway on a PATHWAY consent, suspends, resumes and closes it; the pathway's referent
 * edits objectives, actions and reviews. Every refusal is checked to have written
 * nothing (rows and access events); concurrent edits of one pathway at the same version
 * let exactly one through.
 */

const CHILD = `query Child($id: ID!) { child(id: $id) { id } }`;

describe('pathway workflow', () => {
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

  const fork = () => server.orm.em.fork() as EntityManager;

  /** Runs a refused operation: the expected error, no data, and no row and no access event written in the programme. */
  async function expectRefusal(run: () => Promise<GraphQLResult<unknown>>, expected: Record<string, unknown>): Promise<void> {
    const before = await counts(server, world.programme.id);
    const result = await run();
    expect(errorOf(result)).toEqual(expected);
    expect(result.data ?? null).toBeNull();
    expect(await counts(server, world.programme.id)).toEqual(before);
  }

  /** A new household of the world's programme: a child, a guardian holding parental authority, and its PATHWAY consent. */
  async function household(consent: Record<string, unknown> = {}, guardian: Record<string, unknown> = {}) {
    const em = fork();
    const family = f.family(em, em.getReference(Programme, world.programme.id));
    const parent = f.guardian(em, family, guardian as Partial<Guardian>);
    const kid = f.child(em, family);
    const given = f.consent(em, kid, parent, [], { purpose: ConsentPurpose.PATHWAY, givenAt: new Date(Date.now() - 3_600_000), ...consent });
    await em.flush();
    return { child: kid, consent: given, childId: gid('Child', kid.id), consentId: gid('Consent', given.id) };
  }

  const openInput = (h: { childId: string; consentId: string }, overrides: Record<string, unknown> = {}) => ({
    childId: h.childId,
    referentId: gid('Account', world.accounts.referent.id),
    consentId: h.consentId,
    startDate: addDays(today(), -7),
    ...overrides,
  });

  const open = (input: Record<string, unknown>, token = world.tokens.coordinator) =>
    server.graphql<{ openPathway: PathwayData }>(OPEN_PATHWAY, { input }, token);

  describe('openPathway', () => {
    it('opens an ACTIVE pathway on the consent, with its referent, and puts the child in the referent’s rows', async () => {
      const h = await household();
      expect(errorOf(await server.graphql(CHILD, { id: h.childId }, world.tokens.referent))).toEqual({ code: 'NOT_FOUND' });
      const before = await counts(server, world.programme.id);
      const { requestId, result } = await requestWithId<{ openPathway: PathwayData }>(server, OPEN_PATHWAY, { input: openInput(h) }, world.tokens.coordinator);
      const pathway = dataOf(result).openPathway;
      expect(pathway).toEqual({
        id: expect.any(String),
        version: 1,
        status: 'ACTIVE',
        startDate: addDays(today(), -7),
        endDate: null,
        closureReason: null,
        child: { id: h.childId },
        referent: { id: gid('Account', world.accounts.referent.id) },
        consent: { id: h.consentId },
      });
      const after = await counts(server, world.programme.id);
      expect(after).toEqual({ ...before, pathway: before.pathway + 1, access_event: after.access_event });
      const [row] = await sql(server, 'select child_id, referent_id, consent_id, status, version from pathway where id = ?', [uuidOf(pathway.id)]);
      expect(row).toEqual({ child_id: h.child.id, referent_id: world.accounts.referent.id, consent_id: h.consent.id, status: 'ACTIVE', version: 1 });
      const writes = (await eventsOfRequest(server, requestId)).filter((e) => e.action !== 'READ');
      expect(writes.map((e) => [e.action, e.entity, e.child_id, e.categories, e.account_id])).toEqual([
        ['CREATE', 'Pathway', h.child.id, ['PATHWAY'], world.accounts.coordinator.id],
      ]);
      expect(dataOf(await server.graphql(CHILD, { id: h.childId }, world.tokens.referent))).toEqual({ child: { id: h.childId } });
      // One pathway that is not closed per child.
      await expectRefusal(() => open(openInput(h)), { code: 'BAD_USER_INPUT', field: 'input.childId', reason: 'PATHWAY_ALREADY_OPEN' });
    });

    it.each<[string, () => Promise<{ childId: string; consentId: string }>]>([
      ['a withdrawn consent', () => household({ withdrawnAt: new Date(Date.now() - 60_000) })],
      ['an expired consent', () => household({ expiresOn: addDays(today(), -1) })],
      ['a consent given in the future', () => household({ givenAt: new Date(Date.now() + 86_400_000) })],
      ['a consent for another purpose', () => household({ purpose: ConsentPurpose.INFORMATION_SHARING })],
      ['a consent given by a guardian without parental authority', () => household({}, { parentalAuthority: false })],
      ['the consent of another child', async () => ({ ...(await household()), consentId: gid('Consent', world.consent.id) })],
      ['an unknown consent', async () => ({ ...(await household()), consentId: gid('Consent', randomUUID()) })],
    ])('refuses %s: BAD_USER_INPUT on input.consentId, reason CONSENT_REQUIRED, and writes nothing', async (...[, make]) => {
      const h = await make();
      await expectRefusal(() => open(openInput(h)), { code: 'BAD_USER_INPUT', field: 'input.consentId', reason: 'CONSENT_REQUIRED' });
    });

    it('opens on a consent that expires today', async () => {
      const h = await household({ expiresOn: today() });
      expect(dataOf(await open(openInput(h))).openPathway.status).toBe('ACTIVE');
    });

    it.each<[string, (w: PathwayWorld) => Record<string, unknown>, Record<string, unknown>]>([
      ['a start date tomorrow', () => ({ startDate: addDays(today(), 1) }), { field: 'input.startDate' }],
      ['a start date two years ago', () => ({ startDate: addDays(today(), -731) }), { field: 'input.startDate' }],
      ['a referent that is a coordinator', (w) => ({ referentId: gid('Account', w.accounts.coordinator.id) }), { field: 'input.referentId', reason: 'NOT_A_PATHWAY_REFERENT' }],
      ['a referent of another programme', () => ({ referentId: gid('Account', other.accounts.referent.id) }), { field: 'input.referentId', reason: 'NOT_A_PATHWAY_REFERENT' }],
      ['a referent ID that is a partner', (w) => ({ referentId: gid('Partner', w.partners.preTeam.id) }), { field: 'input.referentId' }],
      ['a malformed child ID', () => ({ childId: 'not-an-id' }), { field: 'input.childId' }],
    ])('refuses %s: BAD_USER_INPUT naming the field, and writes nothing', async (...[, change, expected]) => {
      const h = await household();
      await expectRefusal(() => open(openInput(h, change(world))), { code: 'BAD_USER_INPUT', ...expected });
    });

    it('refuses an inactive referent', async () => {
      const em = fork();
      const retired = f.account(em, em.getReference(Programme, world.programme.id), Role.PATHWAY_REFERENT, { active: false });
      await em.flush();
      const h = await household();
      await expectRefusal(() => open(openInput(h, { referentId: gid('Account', retired.id) })), {
        code: 'BAD_USER_INPUT', field: 'input.referentId', reason: 'NOT_A_PATHWAY_REFERENT',
      });
    });

    it('is FORBIDDEN to everyone but the coordinator, and NOT_FOUND for a child of another programme', async () => {
      const h = await household();
      for (const who of ['referent', 'schoolAgent', 'inclusion', 'guardian', 'admin'] as const) {
        await expectRefusal(() => open(openInput(h), world.tokens[who]), { code: 'FORBIDDEN' });
      }
      await expectRefusal(() => open(openInput(h), other.tokens.coordinator), { code: 'NOT_FOUND' });
      await expectRefusal(() => open(openInput(h, { childId: gid('Child', randomUUID()) })), { code: 'NOT_FOUND' });
    });
  });

  describe('suspendPathway, resumePathway, closePathway', () => {
    it('suspends, resumes and closes, each at the version read, and logs each move', async () => {
      const pathway = await pathwayOf(server, world, { child: world.otherChild });
      const id = gid('Pathway', pathway.id);
      const moves: [string, string, Record<string, unknown>, string][] = [
        [SUSPEND_PATHWAY, 'suspendPathway', {}, 'SUSPENDED'],
        [RESUME_PATHWAY, 'resumePathway', {}, 'ACTIVE'],
        [CLOSE_PATHWAY, 'closePathway', { reason: ' Déménagement de la famille. ' }, 'CLOSED'],
      ];
      let version = pathway.version;
      for (const [doc, name, extra, status] of moves) {
        const { requestId, result } = await requestWithId<Record<string, PathwayData>>(server, doc, { id, version, ...extra }, world.tokens.coordinator);
        const moved = dataOf(result)[name];
        expect(moved).toMatchObject({ status, version: version + 1 });
        version = moved.version;
        const writes = (await eventsOfRequest(server, requestId)).filter((e) => e.action !== 'READ');
        expect(writes.map((e) => [e.action, e.entity, e.child_id, e.categories])).toEqual([['UPDATE', 'Pathway', world.otherChild.id, ['PATHWAY']]]);
      }
      const [row] = await sql(server, `select status, version, closure_reason, closure_kind, to_char(end_date, 'YYYY-MM-DD') as end_date from pathway where id = ?`, [pathway.id]);
      expect(row).toEqual({ status: 'CLOSED', version, closure_reason: 'Déménagement de la famille.', closure_kind: 'OTHER', end_date: today() });
    });

    it('records the kind of the closure, what the statistics count', async () => {
      const pathway = await pathwayOf(server, world, { child: world.otherChild });
      const closed = dataOf(
        await server.graphql<{ closePathway: { closureKind: string } }>(
          `mutation ($id: ID!, $version: Int!) { closePathway(id: $id, version: $version, reason: "Départ de la famille", kind: FAMILY_MOVED) { closureKind } }`,
          { id: gid('Pathway', pathway.id), version: pathway.version },
          world.tokens.coordinator,
        ),
      ).closePathway;
      expect(closed.closureKind).toBe('FAMILY_MOVED');
      const [row] = await sql(server, 'select closure_kind from pathway where id = ?', [pathway.id]);
      expect(row).toEqual({ closure_kind: 'FAMILY_MOVED' });
    });

    it('refuses a stale version with CONFLICT, an empty closing reason with BAD_USER_INPUT, and changes nothing', async () => {
      const pathway = await pathwayOf(server, world, { child: world.otherChild, status: PathwayStatus.SUSPENDED });
      const id = gid('Pathway', pathway.id);
      await expectRefusal(() => server.graphql(RESUME_PATHWAY, { id, version: pathway.version + 1 }, world.tokens.coordinator), { code: 'CONFLICT' });
      await expectRefusal(() => server.graphql(CLOSE_PATHWAY, { id, version: pathway.version, reason: '  ' }, world.tokens.coordinator), {
        code: 'BAD_USER_INPUT', field: 'reason',
      });
      await expectRefusal(() => server.graphql(CLOSE_PATHWAY, { id, version: pathway.version, reason: 'x'.repeat(2001) }, world.tokens.coordinator), {
        code: 'BAD_USER_INPUT', field: 'reason',
      });
      const [row] = await sql(server, 'select status, version, closure_reason from pathway where id = ?', [pathway.id]);
      expect(row).toEqual({ status: 'SUSPENDED', version: pathway.version, closure_reason: null });
    });

    it('is FORBIDDEN to the referent, and NOT_FOUND across programmes', async () => {
      const pathway = await pathwayOf(server, world);
      const id = gid('Pathway', pathway.id);
      await expectRefusal(() => server.graphql(SUSPEND_PATHWAY, { id, version: pathway.version }, world.tokens.referent), { code: 'FORBIDDEN' });
      await expectRefusal(() => server.graphql(SUSPEND_PATHWAY, { id, version: pathway.version }, other.tokens.coordinator), { code: 'NOT_FOUND' });
      await expectRefusal(() => server.graphql(SUSPEND_PATHWAY, { id: gid('Objective', pathway.id), version: 1 }, world.tokens.coordinator), { code: 'NOT_FOUND' });
    });
  });

  describe("the pathway's content, edited by its referent", () => {
    let pathway: Pathway;
    let pathwayId: string;

    beforeAll(async () => {
      pathway = await pathwayOf(server, world, { startDate: addDays(today(), -60) });
      pathwayId = gid('Pathway', pathway.id);
    });

    const addObjective = (text: string, token = world.tokens.referent, id = pathwayId) =>
      server.graphql<{ addObjective: ObjectiveData }>(ADD_OBJECTIVE, { pathwayId: id, domain: 'SCHOOL', text }, token);

    it('adds and updates an objective', async () => {
      const { requestId, result } = await requestWithId<{ addObjective: ObjectiveData }>(
        server, ADD_OBJECTIVE, { pathwayId, domain: 'PARENTING', text: ' Soutenir la mère dans le suivi scolaire. ' }, world.tokens.referent,
      );
      const objective = dataOf(result).addObjective;
      expect(objective).toEqual({ id: expect.any(String), version: 1, domain: 'PARENTING', text: 'Soutenir la mère dans le suivi scolaire.', status: 'OPEN' });
      expect((await eventsOfRequest(server, requestId)).filter((e) => e.action !== 'READ').map((e) => [e.action, e.entity, e.child_id, e.categories])).toEqual([
        ['CREATE', 'Objective', world.child.id, ['PATHWAY']],
      ]);
      const updated = dataOf(
        await server.graphql<{ updateObjective: ObjectiveData }>(
          UPDATE_OBJECTIVE, { id: objective.id, version: objective.version, text: 'Soutenir les deux parents.', status: 'PARTLY_ACHIEVED' }, world.tokens.referent,
        ),
      ).updateObjective;
      expect(updated).toEqual({ ...objective, version: 2, text: 'Soutenir les deux parents.', status: 'PARTLY_ACHIEVED' });
      const [row] = await sql(server, 'select text, status, version from objective where id = ?', [uuidOf(objective.id)]);
      expect(row).toEqual({ text: 'Soutenir les deux parents.', status: 'PARTLY_ACHIEVED', version: 2 });
      await expectRefusal(
        () => server.graphql(UPDATE_OBJECTIVE, { id: objective.id, version: 1, text: 'Ancienne version.' }, world.tokens.referent),
        { code: 'CONFLICT' },
      );
    });

    it.each<[string, () => Promise<GraphQLResult<unknown>>, string]>([
      ['an empty objective', () => addObjective('  '), 'text'],
      ['an objective of 1001 characters', () => addObjective('x'.repeat(1001)), 'text'],
    ])('refuses %s: BAD_USER_INPUT naming the field, and writes nothing', async (...[, run, field]) => {
      await expectRefusal(run, { code: 'BAD_USER_INPUT', field });
    });

    it('refuses an empty text in updateObjective', async () => {
      const objective = dataOf(await addObjective('Lire chaque soir.')).addObjective;
      await expectRefusal(() => server.graphql(UPDATE_OBJECTIVE, { id: objective.id, version: objective.version, text: '' }, world.tokens.referent), {
        code: 'BAD_USER_INPUT', field: 'text',
      });
    });

    it('adds an individual action with its provider and dates, and takes it to DONE with an outcome', async () => {
      const start = addDays(today(), 7);
      const action = dataOf(
        await server.graphql<{ addAction: ActionData }>(
          ADD_ACTION,
          {
            input: {
              pathwayIds: [pathwayId], title: 'Stage de football', kind: 'INDIVIDUAL', domain: 'SPORT', childTime: 'EXTRACURRICULAR',
              providerPartnerId: gid('Partner', world.partners.leisure.id), startDate: start, endDate: addDays(start, 30),
            },
          },
          world.tokens.referent,
        ),
      ).addAction;
      expect(action).toEqual({
        id: expect.any(String), version: 1, title: 'Stage de football', kind: 'INDIVIDUAL', domain: 'SPORT', childTime: 'EXTRACURRICULAR',
        status: 'PLANNED', startDate: start, endDate: addDays(start, 30), outcome: null, provider: { id: gid('Partner', world.partners.leisure.id) },
      });
      const started = dataOf(
        await server.graphql<{ updateAction: ActionData }>(UPDATE_ACTION, { id: action.id, version: 1, status: 'IN_PROGRESS', endDate: addDays(start, 60) }, world.tokens.referent),
      ).updateAction;
      expect(started).toMatchObject({ status: 'IN_PROGRESS', version: 2, endDate: addDays(start, 60) });
      const done = dataOf(
        await server.graphql<{ updateAction: ActionData }>(UPDATE_ACTION, { id: action.id, version: 2, status: 'DONE', outcome: 'Inscrit au club.' }, world.tokens.referent),
      ).updateAction;
      expect(done).toMatchObject({ status: 'DONE', version: 3, outcome: 'Inscrit au club.' });
      const [row] = await sql(server, `select status, outcome, version, to_char(end_date, 'YYYY-MM-DD') as end_date from action where id = ?`, [uuidOf(action.id)]);
      expect(row).toEqual({ status: 'DONE', outcome: 'Inscrit au club.', version: 3, end_date: addDays(start, 60) });
    });

    it('adds a collective action to several pathways of the referent, logged for each child', async () => {
      const second = await pathwayOf(server, world, { child: world.otherChild });
      const { requestId, result } = await requestWithId<{ addAction: ActionData }>(
        server,
        ADD_ACTION,
        { input: { pathwayIds: [pathwayId, gid('Pathway', second.id)], title: 'Atelier théâtre', kind: 'COLLECTIVE', domain: 'CULTURE', childTime: 'PERISCHOOL' } },
        world.tokens.referent,
      );
      const action = dataOf(result).addAction;
      expect(action).toMatchObject({ kind: 'COLLECTIVE', title: 'Atelier théâtre', provider: null, startDate: null });
      const links = await sql<{ pathway_id: string }>(server, 'select pathway_id from action_pathway where action_id = ? order by pathway_id', [uuidOf(action.id)]);
      expect(links.map((l) => l.pathway_id)).toEqual([pathway.id, second.id].sort());
      const writes = (await eventsOfRequest(server, requestId)).filter((e) => e.action !== 'READ');
      expect(writes.map((e) => [e.action, e.entity, e.child_id]).sort()).toEqual(
        [['CREATE', 'Action', world.child.id], ['CREATE', 'Action', world.otherChild.id]].sort(),
      );
      // Closing one child's pathway does not freeze the action for the others.
      await sql(server, `update pathway set status = 'CLOSED' where id = ?`, [second.id]);
      expect(dataOf(await server.graphql<{ updateAction: ActionData }>(UPDATE_ACTION, { id: action.id, version: 1, status: 'IN_PROGRESS' }, world.tokens.referent)).updateAction.status).toBe('IN_PROGRESS');
    });

    it.each<[string, (second: string) => Record<string, unknown>, string]>([
      ['an individual action of two pathways', (second) => ({ pathwayIds: ['P', second] }), 'input.pathwayIds'],
      ['a collective action of one pathway', () => ({ kind: 'COLLECTIVE' }), 'input.pathwayIds'],
      ['no pathway', () => ({ pathwayIds: [] }), 'input.pathwayIds'],
      ['an empty title', () => ({ title: ' ' }), 'input.title'],
      ['a title of 201 characters', () => ({ title: 'x'.repeat(201) }), 'input.title'],
      ['an end before the start', () => ({ startDate: addDays(today(), 10), endDate: addDays(today(), 9) }), 'input.endDate'],
      ['a start three years ahead', () => ({ startDate: addDays(today(), 3 * 366) }), 'input.startDate'],
      ['an unknown provider', () => ({ providerPartnerId: gid('Partner', randomUUID()) }), 'input.providerPartnerId'],
    ])('refuses %s in addAction: BAD_USER_INPUT naming the field, and writes nothing', async (...[, change, field]) => {
      const second = gid('Pathway', (await pathwayOf(server, world, { child: world.otherChild })).id);
      const input: Record<string, unknown> = { pathwayIds: [pathwayId], title: 'Soutien', kind: 'INDIVIDUAL', domain: 'SCHOOL', childTime: 'SCHOOL_TIME', ...change(second) };
      input.pathwayIds = (input.pathwayIds as string[]).map((p) => (p === 'P' ? pathwayId : p));
      await expectRefusal(() => server.graphql(ADD_ACTION, { input }, world.tokens.referent), { code: 'BAD_USER_INPUT', field });
    });

    it.each<[string, Record<string, unknown>, string]>([
      ['an empty title', { title: '' }, 'title'],
      ['an outcome of 2001 characters', { outcome: 'x'.repeat(2001) }, 'outcome'],
      ['an end before the start', { endDate: addDays(today(), 1) }, 'endDate'],
      ['a start after the end', { startDate: addDays(today(), 40) }, 'startDate'],
    ])('refuses %s in updateAction: BAD_USER_INPUT naming the field, and writes nothing', async (...[, change, field]) => {
      const action = dataOf(
        await server.graphql<{ addAction: ActionData }>(
          ADD_ACTION,
          { input: { pathwayIds: [pathwayId], title: 'Orthophonie', kind: 'INDIVIDUAL', domain: 'HEALTH', childTime: 'SCHOOL_TIME', startDate: addDays(today(), 5), endDate: addDays(today(), 30) } },
          world.tokens.referent,
        ),
      ).addAction;
      await expectRefusal(() => server.graphql(UPDATE_ACTION, { id: action.id, version: action.version, ...change }, world.tokens.referent), { code: 'BAD_USER_INPUT', field });
    });

    it('adds a review', async () => {
      const heldOn = addDays(today(), -2);
      const review = dataOf(
        await server.graphql<{ addReview: { id: string; heldOn: string; progress: string; nextSteps: string | null } }>(
          ADD_REVIEW, { pathwayId, heldOn, progress: 'Assiduité en net progrès.', nextSteps: 'Bilan au prochain trimestre.' }, world.tokens.referent,
        ),
      ).addReview;
      expect(review).toEqual({ id: expect.any(String), heldOn, progress: 'Assiduité en net progrès.', nextSteps: 'Bilan au prochain trimestre.' });
      const [row] = await sql(server, 'select author_id, pathway_id from review where id = ?', [uuidOf(review.id)]);
      expect(row).toEqual({ author_id: world.accounts.referent.id, pathway_id: pathway.id });
    });

    it.each<[string, Record<string, unknown>, string]>([
      ['a review held tomorrow', { heldOn: addDays(today(), 1) }, 'heldOn'],
      ['a review held before the pathway started', { heldOn: addDays(today(), -61) }, 'heldOn'],
      ['an empty progress', { progress: '' }, 'progress'],
      ['next steps of 5001 characters', { nextSteps: 'x'.repeat(5001) }, 'nextSteps'],
    ])('refuses %s: BAD_USER_INPUT naming the field, and writes nothing', async (...[, change, field]) => {
      await expectRefusal(
        () => server.graphql(ADD_REVIEW, { pathwayId, heldOn: today(), progress: 'Progrès.', ...change }, world.tokens.referent),
        { code: 'BAD_USER_INPUT', field },
      );
    });

    it('is FORBIDDEN to the coordinator and to another referent that sees the child, NOT_FOUND to a referent that does not', async () => {
      const objective = dataOf(await addObjective('Objectif de référence.')).addObjective;
      // referent2 does not see the child yet: the row rule answers first.
      await expectRefusal(() => addObjective('Intrusion.', world.tokens.referent2), { code: 'NOT_FOUND' });
      await expectRefusal(() => server.graphql(UPDATE_OBJECTIVE, { id: objective.id, version: 1, text: 'Intrusion.' }, world.tokens.referent2), { code: 'NOT_FOUND' });
      await expectRefusal(
        () => server.graphql(ADD_REVIEW, { pathwayId, heldOn: today(), progress: 'Intrusion.' }, world.tokens.referent2),
        { code: 'NOT_FOUND' },
      );
      // A referral of the child handed to referent2 puts the child in its rows; the pathway is still not its own.
      const em = fork();
      em.create(Referral, {
        programme: world.programme.id, child: world.child.id, referringPartner: world.partners.school.id, referringAccount: world.accounts.schoolAgent.id,
        assignedTo: world.accounts.referent2.id, referredOn: today(), description: 'Orientation.',
      });
      await em.flush();
      await expectRefusal(() => addObjective('Intrusion.', world.tokens.referent2), { code: 'FORBIDDEN' });
      await expectRefusal(() => server.graphql(UPDATE_OBJECTIVE, { id: objective.id, version: 1, text: 'Intrusion.' }, world.tokens.referent2), { code: 'FORBIDDEN' });
      for (const who of ['coordinator', 'inclusion', 'schoolAgent', 'guardian'] as const) {
        await expectRefusal(() => addObjective('Intrusion.', world.tokens[who]), { code: 'FORBIDDEN' });
      }
      await expectRefusal(() => addObjective('Intrusion.', world.tokens.referent, gid('Pathway', randomUUID())), { code: 'NOT_FOUND' });
      // A collective action with a pathway the referent cannot see: NOT_FOUND, and nothing written.
      const foreign = await pathwayOf(server, world, { child: (await newChild()).child, referent: world.accounts.referent2 });
      await expectRefusal(
        () => server.graphql(ADD_ACTION, { input: { pathwayIds: [pathwayId, gid('Pathway', foreign.id)], title: 'Groupe', kind: 'COLLECTIVE', domain: 'SCHOOL', childTime: 'SCHOOL_TIME' } }, world.tokens.referent),
        { code: 'NOT_FOUND' },
      );
    });

    it('refuses any content change of a closed pathway (reason PATHWAY_CLOSED)', async () => {
      const closed = await pathwayOf(server, world, { status: PathwayStatus.CLOSED });
      await expectRefusal(() => addObjective('Trop tard.', world.tokens.referent, gid('Pathway', closed.id)), {
        code: 'BAD_USER_INPUT', field: 'pathwayId', reason: 'PATHWAY_CLOSED', currentState: 'CLOSED',
      });
      await expectRefusal(() => server.graphql(ADD_REVIEW, { pathwayId: gid('Pathway', closed.id), heldOn: today(), progress: 'Fin.' }, world.tokens.referent), {
        code: 'BAD_USER_INPUT', field: 'pathwayId', reason: 'PATHWAY_CLOSED', currentState: 'CLOSED',
      });
    });
  });

  /** A child of the world's programme, with nothing attached. */
  async function newChild(): Promise<{ child: Child }> {
    const em = fork();
    const family = f.family(em, em.getReference(Programme, world.programme.id));
    const child = f.child(em, family);
    await em.flush();
    return { child };
  }

  describe('concurrent edits of one pathway', () => {
    it('lets exactly one of two suspensions at the same version through; the other is CONFLICT and writes nothing', async () => {
      const { child } = await newChild();
      const pathway = await pathwayOf(server, world, { child });
      const id = gid('Pathway', pathway.id);
      let version = pathway.version;
      for (let round = 0; round < 4; round++) {
        const [doc, name, status] = round % 2 === 0 ? [SUSPEND_PATHWAY, 'suspendPathway', 'SUSPENDED'] : [RESUME_PATHWAY, 'resumePathway', 'ACTIVE'];
        const results = await Promise.all(
          [0, 1].map(() => requestWithId<Record<string, PathwayData>>(server, doc, { id, version }, world.tokens.coordinator)),
        );
        const winners = results.filter((r) => !r.result.errors);
        const losers = results.filter((r) => r.result.errors);
        expect([winners.length, losers.length]).toEqual([1, 1]);
        expect(errorOf(losers[0].result)).toEqual({ code: 'CONFLICT' });
        expect(winners[0].result.data![name]).toMatchObject({ status, version: version + 1 });
        // The winner's write and its access event are there; the loser wrote neither.
        const [row] = await sql(server, 'select status, version from pathway where id = ?', [pathway.id]);
        expect(row).toEqual({ status, version: version + 1 });
        const written = (await eventsOfRequest(server, winners[0].requestId)).filter((e) => e.action !== 'READ');
        expect(written.map((e) => [e.action, e.entity, e.child_id])).toEqual([['UPDATE', 'Pathway', child.id]]);
        expect(await eventsOfRequest(server, losers[0].requestId)).toEqual([]);
        version += 1;
      }
    });

    it('catches at flush a change committed between the read and the write (optimistic lock): CONFLICT, nothing written', async () => {
      const { child } = await newChild();
      const pathway = await pathwayOf(server, world, { child });
      const id = gid('Pathway', pathway.id);
      // Another writer holds the row: the mutation reads the committed version, passes
      // checkVersion, and its UPDATE ... WHERE version = ? waits; the other writer then
      // commits a new version, and the waiting UPDATE matches no row.
      const rival = new Client({ connectionString: server.databaseUrl });
      await rival.connect();
      try {
        await rival.query('begin');
        await rival.query(`update pathway set version = version + 1, closure_reason = 'rival' where id = $1`, [pathway.id]);
        const pending = requestWithId(server, SUSPEND_PATHWAY, { id, version: pathway.version }, world.tokens.coordinator);
        let waiting = false;
        for (let i = 0; i < 200 && !waiting; i++) {
          const { rows } = await rival.query(
            `select count(*)::int as n from pg_locks l join pg_stat_activity a on a.pid = l.pid
              where not l.granted and a.application_name = 'pre-api'`,
          );
          waiting = rows[0].n > 0;
          if (!waiting) await new Promise((resolve) => setTimeout(resolve, 25));
        }
        expect(waiting).toBe(true);
        await rival.query('commit');
        const { requestId, result } = await pending;
        expect(errorOf(result)).toEqual({ code: 'CONFLICT' });
        expect(await eventsOfRequest(server, requestId)).toEqual([]);
      } finally {
        await rival.end();
      }
      const [row] = await sql(server, 'select status, version, closure_reason from pathway where id = ?', [pathway.id]);
      expect(row).toEqual({ status: 'ACTIVE', version: pathway.version + 1, closure_reason: 'rival' });
    });

    it('keeps the winner of two objective edits at the same version, and both of two edits of different objectives', async () => {
      const { child } = await newChild();
      const pathway = await pathwayOf(server, world, { child });
      const pathwayId = gid('Pathway', pathway.id);
      const add = (text: string) => server.graphql<{ addObjective: ObjectiveData }>(ADD_OBJECTIVE, { pathwayId, domain: 'SCHOOL', text }, world.tokens.referent);
      const [a, b] = (await Promise.all([add('Objectif A'), add('Objectif B')])).map((r) => dataOf(r).addObjective);
      for (let round = 0; round < 3; round++) {
        const [{ version }] = await sql<{ version: number }>(server, 'select version from objective where id = ?', [uuidOf(a.id)]);
        const texts = [`A par Paul ${round}`, `A par Anne ${round}`];
        const results = await Promise.all(texts.map((text) => server.graphql<{ updateObjective: ObjectiveData }>(UPDATE_OBJECTIVE, { id: a.id, version, text }, world.tokens.referent)));
        const winners = results.filter((r) => !r.errors);
        expect(winners).toHaveLength(1);
        expect(results.flatMap((r) => (r.errors ?? []).map((e) => e.extensions?.code))).toEqual(['CONFLICT']);
        const [row] = await sql(server, 'select text, version from objective where id = ?', [uuidOf(a.id)]);
        expect(row).toEqual({ text: winners[0].data!.updateObjective.text, version: version + 1 });
        expect(texts).toContain(row.text);
      }
      const both = await Promise.all([
        server.graphql<{ updateObjective: ObjectiveData }>(UPDATE_OBJECTIVE, { id: b.id, version: b.version, status: 'ACHIEVED' }, world.tokens.referent),
        add('Objectif C'),
      ]);
      for (const r of both) expect(r.errors).toBeUndefined();
      const rows = await sql<{ text: string; status: string }>(server, 'select text, status from objective where pathway_id = ? order by text', [pathway.id]);
      expect(rows.map((r) => [r.text.startsWith('A par') ? 'A' : r.text, r.status])).toEqual([['A', 'OPEN'], ['Objectif B', 'ACHIEVED'], ['Objectif C', 'OPEN']]);
    });
  });
});
