import type { EntityManager } from '@mikro-orm/postgresql';
import { Account, Child, DataCategory, Family, FamilyMeeting, Partner, Programme, Referral, ReferralStatus, TeamMeeting } from '../src/entities';
import { startTestServer, type TestServer } from './helpers/test-server';
import { buildPathwayWorld, dataOf, errorOf, gid, type PathwayWorld } from './helpers/pathway-world';
import * as f from './factories';

/**
 * Issue 12, reads that were missing: team meetings with their attendees and decisions (the
 * coordinator's: READ_TEAM_MEETINGS), the family meetings of a child (its INCLUSION block),
 * and a submitter's own referrals (status only, READ_OWN_SUBMISSIONS).
 */

describe('the week without dead ends: reads', () => {
  let server: TestServer;
  let world: PathwayWorld;
  let meeting: TeamMeeting;
  let submittedByLeisure: Referral;
  const fork = () => server.orm.em.fork() as EntityManager;

  beforeAll(async () => {
    server = await startTestServer();
    world = await buildPathwayWorld(server);
    const em = fork();
    const programme = em.getReference(Programme, world.programme.id);
    const school = em.getReference(Partner, world.partners.school.id);
    meeting = em.create(TeamMeeting, { programme, heldOn: '2026-11-16', decisions: 'Deux entrées validées.' });
    meeting.attendingPartners.set([school, em.getReference(Partner, world.partners.social.id)]);
    const base = { programme, referringPartner: school, referringAccount: em.getReference(Account, world.accounts.schoolAgent.id), description: 'Absences' };
    em.create(Referral, { ...base, child: world.child.id, referredOn: '2026-11-02', status: ReferralStatus.UNDER_REVIEW, teamMeeting: meeting } as never);
    // A child no link shows the school: its referral is all the school follows of it.
    const family = f.family(em, programme);
    f.guardian(em, family);
    const newChild = f.child(em, family);
    em.create(Referral, { ...base, child: newChild, referredOn: '2026-11-20', status: ReferralStatus.SUBMITTED } as never);
    submittedByLeisure = em.create(Referral, {
      ...base,
      referringPartner: em.getReference(Partner, world.partners.leisure.id),
      referringAccount: em.getReference(Account, world.accounts.leisureAgent.id),
      child: world.otherChild.id,
      referredOn: '2026-11-21',
      status: ReferralStatus.DECLINED,
    } as never) as Referral;
    // The school sees world.child, with PATHWAY.
    f.serviceLink(em, await em.findOneOrFail(Child, world.child.id), school, em.getReference(Account, world.accounts.inclusion.id), {
      categories: [DataCategory.IDENTITY, DataCategory.PATHWAY],
    });
    await em.flush();
  });
  afterAll(async () => {
    await server?.close();
  });

  describe('team meetings', () => {
    const MEETINGS = `{ teamMeetings { id heldOn decisions attendingPartners { id } } }`;

    it('the coordinator reads who attended, what was decided and what was reviewed', async () => {
      const { teamMeetings } = dataOf(await server.graphql<{ teamMeetings: Record<string, unknown>[] }>(MEETINGS, {}, world.tokens.coordinator));
      expect(teamMeetings).toEqual([
        {
          id: gid('TeamMeeting', meeting.id),
          heldOn: '2026-11-16',
          decisions: 'Deux entrées validées.',
          attendingPartners: expect.arrayContaining([{ id: gid('Partner', world.partners.school.id) }, { id: gid('Partner', world.partners.social.id) }]),
        },
      ]);
    });

    it('is FORBIDDEN to the other roles; through a referral, a partner sees the date and not the minutes', async () => {
      for (const token of [world.tokens.referent, world.tokens.schoolAgent, world.tokens.guardian]) {
        expect(errorOf(await server.graphql(MEETINGS, {}, token))).toMatchObject({ code: 'FORBIDDEN' });
      }
      const viaReferral = await server.graphql<{ child: { pathway: { referrals: { teamMeeting: Record<string, unknown> | null }[] } } }>(
        `query ($id: ID!) { child(id: $id) { pathway { referrals { teamMeeting { heldOn decisions } } } } }`,
        { id: gid('Child', world.child.id) },
        world.tokens.schoolAgent,
      );
      expect(viaReferral.data?.child.pathway.referrals).toEqual([{ teamMeeting: { heldOn: '2026-11-16', decisions: null } }]);
      expect(viaReferral.errors?.map((e) => [e.extensions?.code, e.path?.slice(-1)[0]])).toEqual([['FORBIDDEN', 'decisions']]);
    });
  });

  describe('family meetings of a child', () => {
    it("are in the child's INCLUSION block: those about it and those about its household, not a sibling's", async () => {
      const em = fork();
      const sibling = f.child(em, await em.findOneOrFail(Family, world.family.id));
      const heldBy = em.getReference(Account, world.accounts.inclusion.id);
      const about = (child: unknown, heldOn: string, nextSteps: string) =>
        em.create(FamilyMeeting, { programme: world.programme.id, family: world.family.id, child, heldBy, heldOn, nextSteps } as never) as FamilyMeeting;
      const own = about(world.child.id, '2026-10-01', 'Visite du centre');
      const household = about(null, '2026-10-15', 'Réunion avec les deux parents');
      about(sibling, '2026-10-20', 'Bilan du frère');
      await em.flush();
      const read = await server.graphql<{ child: { inclusion: { familyMeetings: Record<string, unknown>[] } } }>(
        `query ($id: ID!) { child(id: $id) { inclusion { familyMeetings { id heldOn nextSteps child { id } } } } }`,
        { id: gid('Child', world.child.id) },
        world.tokens.coordinator,
      );
      expect(dataOf(read).child.inclusion.familyMeetings).toEqual([
        { id: gid('FamilyMeeting', household.id), heldOn: '2026-10-15', nextSteps: 'Réunion avec les deux parents', child: null },
        { id: gid('FamilyMeeting', own.id), heldOn: '2026-10-01', nextSteps: 'Visite du centre', child: { id: gid('Child', world.child.id) } },
      ]);
      // The school has no INCLUSION for the child: the block, meetings included, is FORBIDDEN.
      const school = await server.graphql<{ child: { inclusion: unknown } }>(`query ($id: ID!) { child(id: $id) { inclusion { familyMeetings { id } } } }`, { id: gid('Child', world.child.id) }, world.tokens.schoolAgent);
      expect(school.data?.child.inclusion).toBeNull();
      expect(school.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });
  });

  describe('submittedReferrals', () => {
    const MINE = `query ($open: Boolean) { submittedReferrals(open: $open) { referralId status referredOn decidedOn } }`;

    it("a school follows its own referrals, of children it sees or not, and no other structure's", async () => {
      const { submittedReferrals } = dataOf(await server.graphql<{ submittedReferrals: Record<string, unknown>[] }>(MINE, {}, world.tokens.schoolAgent));
      expect(submittedReferrals.map((r) => [r.status, r.referredOn])).toEqual([
        ['SUBMITTED', '2026-11-20'],
        ['UNDER_REVIEW', '2026-11-02'],
      ]);
      expect(JSON.stringify(submittedReferrals)).not.toContain(gid('Referral', submittedByLeisure.id));
      const leisure = dataOf(await server.graphql<{ submittedReferrals: Record<string, unknown>[] }>(MINE, {}, world.tokens.leisureAgent)).submittedReferrals;
      expect(leisure).toEqual([{ referralId: gid('Referral', submittedByLeisure.id), status: 'DECLINED', referredOn: '2026-11-21', decidedOn: null }]);
      const open = dataOf(await server.graphql<{ submittedReferrals: unknown[] }>(MINE, { open: true }, world.tokens.leisureAgent)).submittedReferrals;
      expect(open).toEqual([]);
    });

    it('names no child and no text: the type has no such field, and roles that submit nothing are FORBIDDEN', async () => {
      const asked = await server.graphql(`{ submittedReferrals { child { id } } }`, {}, world.tokens.schoolAgent);
      expect(asked.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(errorOf(await server.graphql(MINE, {}, world.tokens.guardian))).toMatchObject({ code: 'FORBIDDEN' });
      expect(errorOf(await server.graphql(MINE, {}, world.tokens.analyst))).toMatchObject({ code: 'FORBIDDEN' });
    });
  });
});
