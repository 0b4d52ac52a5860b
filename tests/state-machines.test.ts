import { GraphQLError } from 'graphql';
import {
  ActionStatus,
  InclusionStatus,
  ObjectiveStatus,
  PathwayStatus,
  ReferralStatus,
  ServiceLinkStatus,
} from '../src/entities/enums';
import { assertTransition, canTransition, STATE_MACHINES, type Transitions } from '../src/workflows/state-machines';
import { startTestServer, type TestServer } from './helpers/test-server';
import {
  ADD_OBJECTIVE, ADD_ACTION, CLOSE_PATHWAY, DECIDE_REFERRAL, RESUME_PATHWAY, START_REVIEW, SUBMIT_REFERRAL, SUSPEND_PATHWAY,
  UPDATE_ACTION, UPDATE_OBJECTIVE,
  buildPathwayWorld, counts, dataOf, errorOf, gid, pathwayOf, sql, writeEvents,
  type ActionData, type ObjectiveData, type PathwayData, type PathwayWorld, type ReferralData,
} from './helpers/pathway-world';

/**
 * The state machines of the programme (domain.md), as tables. The expected moves are
 * written here from the domain's own words, independently of src/workflows/state-machines.ts,
 * and every ordered pair of states is checked: allowed iff listed. Then, through the API,
 * one refused move per machine the referral and pathway mutations drive.
 */

const EXPECTED: Record<keyof typeof STATE_MACHINES, { states: string[]; moves: string[] }> = {
  // SUBMITTED → UNDER_REVIEW → ACCEPTED | DECLINED | WITHDRAWN (withdrawable until decided)
  REFERRAL: {
    states: Object.values(ReferralStatus),
    moves: ['SUBMITTED>UNDER_REVIEW', 'SUBMITTED>WITHDRAWN', 'UNDER_REVIEW>ACCEPTED', 'UNDER_REVIEW>DECLINED', 'UNDER_REVIEW>WITHDRAWN'],
  },
  // DRAFT → ACTIVE ⇄ SUSPENDED → CLOSED (a draft may be closed unopened)
  PATHWAY: {
    states: Object.values(PathwayStatus),
    moves: ['DRAFT>ACTIVE', 'DRAFT>CLOSED', 'ACTIVE>SUSPENDED', 'ACTIVE>CLOSED', 'SUSPENDED>ACTIVE', 'SUSPENDED>CLOSED'],
  },
  // PROPOSED → ACTIVE → SUSPENDED | REVOKED | EXPIRED; a suspended link may resume
  SERVICE_LINK: {
    states: Object.values(ServiceLinkStatus),
    moves: [
      'PROPOSED>ACTIVE', 'PROPOSED>REVOKED',
      'ACTIVE>SUSPENDED', 'ACTIVE>REVOKED', 'ACTIVE>EXPIRED',
      'SUSPENDED>ACTIVE', 'SUSPENDED>REVOKED',
    ],
  },
  // OPEN → ASSESSED → ACTIVE → CLOSED, closable at any point
  INCLUSION: {
    states: Object.values(InclusionStatus),
    moves: ['OPEN>ASSESSED', 'OPEN>CLOSED', 'ASSESSED>ACTIVE', 'ASSESSED>CLOSED', 'ACTIVE>CLOSED'],
  },
  // PLANNED → IN_PROGRESS → DONE, cancellable until done
  ACTION: {
    states: Object.values(ActionStatus),
    moves: ['PLANNED>IN_PROGRESS', 'PLANNED>CANCELLED', 'IN_PROGRESS>DONE', 'IN_PROGRESS>CANCELLED'],
  },
  // OPEN → one of its outcomes
  OBJECTIVE: {
    states: Object.values(ObjectiveStatus),
    moves: ['OPEN>ACHIEVED', 'OPEN>PARTLY_ACHIEVED', 'OPEN>NOT_ACHIEVED', 'OPEN>ABANDONED'],
  },
};

describe('the state-machine tables', () => {
  it('cover exactly the machines of the domain', () => {
    expect(Object.keys(STATE_MACHINES).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  describe.each(Object.keys(EXPECTED) as (keyof typeof STATE_MACHINES)[])('%s', (name) => {
    const machine = STATE_MACHINES[name] as Transitions<string>;
    const { states, moves } = EXPECTED[name];
    const pairs = states.flatMap((from) => states.map((to) => [from, to] as const));

    it('has a row for every state of its enum, and no other', () => {
      expect(Object.keys(machine).sort()).toEqual([...states].sort());
    });

    it('allows exactly the expected moves, over every ordered pair of states', () => {
      const allowed = pairs.filter(([from, to]) => canTransition(machine, from, to)).map(([from, to]) => `${from}>${to}`);
      expect(allowed.sort()).toEqual([...moves].sort());
      // Nothing moves to itself, and every move lands on a state of the machine.
      for (const state of states) expect(canTransition(machine, state, state)).toBe(false);
      for (const targets of Object.values(machine)) for (const to of targets) expect(states).toContain(to);
    });

    it('refuses every other pair with BAD_USER_INPUT, reason INVALID_TRANSITION and the current state', () => {
      for (const [from, to] of pairs) {
        const run = () => assertTransition(machine, name, from, to, 'input.status');
        if (moves.includes(`${from}>${to}`)) {
          expect(run).not.toThrow();
          continue;
        }
        let error: unknown;
        try {
          run();
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(GraphQLError);
        expect((error as GraphQLError).extensions).toEqual({
          code: 'BAD_USER_INPUT',
          field: 'input.status',
          reason: 'INVALID_TRANSITION',
          currentState: from,
          requestedState: to,
        });
      }
    });
  });
});

describe('refused moves through the API', () => {
  let server: TestServer;
  let world: PathwayWorld;

  beforeAll(async () => {
    server = await startTestServer();
    world = await buildPathwayWorld(server);
  });
  afterAll(async () => {
    await server?.close();
  });

  /** Runs a refused mutation: INVALID_TRANSITION with the current state, and no row and no access event written. */
  async function expectRefused(run: () => Promise<unknown>, field: string, currentState: string): Promise<void> {
    const before = await counts(server, world.programme.id);
    const result = (await run()) as Parameters<typeof errorOf>[0];
    expect(errorOf(result)).toEqual({ code: 'BAD_USER_INPUT', field, reason: 'INVALID_TRANSITION', currentState });
    expect(result.data ?? null).toBeNull();
    expect(await counts(server, world.programme.id)).toEqual(before);
  }

  it('REFERRAL: a SUBMITTED referral cannot be decided before its review starts', async () => {
    const submitted = dataOf(
      await server.graphql<{ submitReferral: { referral: ReferralData } }>(
        SUBMIT_REFERRAL,
        { input: { childId: gid('Child', world.child.id), domains: ['SCHOOL'], description: 'Absences répétées.' } },
        world.tokens.coordinator,
      ),
    ).submitReferral.referral;
    expect(submitted.status).toBe('SUBMITTED');
    await expectRefused(
      () =>
        server.graphql(
          DECIDE_REFERRAL,
          { input: { id: submitted.id, version: submitted.version, decision: 'ACCEPTED', reason: 'Équipe favorable.' } },
          world.tokens.coordinator,
        ),
      'input.decision',
      'SUBMITTED',
    );
    // Reviewed once, it cannot be reviewed again.
    const reviewed = dataOf(
      await server.graphql<{ startReferralReview: ReferralData }>(START_REVIEW, { id: submitted.id, version: submitted.version }, world.tokens.coordinator),
    ).startReferralReview;
    await expectRefused(
      () => server.graphql(START_REVIEW, { id: reviewed.id, version: reviewed.version }, world.tokens.coordinator),
      'id',
      'UNDER_REVIEW',
    );
    const [row] = await sql<{ status: string; version: number }>(server, 'select status, version from referral where id = ?', [
      Buffer.from(submitted.id, 'base64url').toString().split(':')[1],
    ]);
    expect(row).toEqual({ status: 'UNDER_REVIEW', version: reviewed.version });
  });

  it('PATHWAY: an ACTIVE pathway cannot resume, a CLOSED one cannot be suspended', async () => {
    const pathway = await pathwayOf(server, world, { child: world.otherChild });
    const id = gid('Pathway', pathway.id);
    await expectRefused(() => server.graphql(RESUME_PATHWAY, { id, version: pathway.version }, world.tokens.coordinator), 'id', 'ACTIVE');
    const closed = dataOf(
      await server.graphql<{ closePathway: PathwayData }>(CLOSE_PATHWAY, { id, version: pathway.version, reason: 'Objectifs atteints.' }, world.tokens.coordinator),
    ).closePathway;
    expect(closed.status).toBe('CLOSED');
    await expectRefused(() => server.graphql(SUSPEND_PATHWAY, { id, version: closed.version }, world.tokens.coordinator), 'id', 'CLOSED');
    const [row] = await sql<{ status: string; version: number }>(server, 'select status, version from pathway where id = ?', [pathway.id]);
    expect(row).toEqual({ status: 'CLOSED', version: closed.version });
  });

  it('OBJECTIVE: an achieved objective cannot reopen', async () => {
    const pathway = await pathwayOf(server, world);
    const objective = dataOf(
      await server.graphql<{ addObjective: ObjectiveData }>(
        ADD_OBJECTIVE,
        { pathwayId: gid('Pathway', pathway.id), domain: 'SCHOOL', text: 'Retrouver une assiduité régulière.' },
        world.tokens.referent,
      ),
    ).addObjective;
    const achieved = dataOf(
      await server.graphql<{ updateObjective: ObjectiveData }>(
        UPDATE_OBJECTIVE,
        { id: objective.id, version: objective.version, status: 'ACHIEVED' },
        world.tokens.referent,
      ),
    ).updateObjective;
    expect(achieved).toMatchObject({ status: 'ACHIEVED', version: objective.version + 1 });
    await expectRefused(
      () => server.graphql(UPDATE_OBJECTIVE, { id: achieved.id, version: achieved.version, status: 'OPEN' }, world.tokens.referent),
      'status',
      'ACHIEVED',
    );
  });

  it('ACTION: a planned action cannot be done without being under way', async () => {
    const pathway = await pathwayOf(server, world, { child: world.otherChild });
    const action = dataOf(
      await server.graphql<{ addAction: ActionData }>(
        ADD_ACTION,
        {
          input: {
            pathwayIds: [gid('Pathway', pathway.id)], title: 'Aide aux devoirs', kind: 'INDIVIDUAL', domain: 'SCHOOL', childTime: 'PERISCHOOL',
          },
        },
        world.tokens.referent,
      ),
    ).addAction;
    expect(action.status).toBe('PLANNED');
    const eventsBefore = (await writeEvents(server, world.programme.id)).length;
    await expectRefused(
      () => server.graphql(UPDATE_ACTION, { id: action.id, version: action.version, status: 'DONE' }, world.tokens.referent),
      'status',
      'PLANNED',
    );
    expect((await writeEvents(server, world.programme.id)).length).toBe(eventsBefore);
  });
});
