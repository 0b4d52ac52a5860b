import type { EntityManager } from '@mikro-orm/postgresql';
import { Account, Child, Consent, DataCategory, Partner, Referral, ReferralStatus, Review, ServiceLinkStatus } from '../src/entities';
import { startTestServer, type TestServer } from './helpers/test-server';
import { addDays, buildPathwayWorld, dataOf, errorOf, gid, pathwayOf, sql, today, type PathwayWorld } from './helpers/pathway-world';
import * as f from './factories';

/**
 * Issue 12, the "due" view: reviews to hold (no review for N weeks), links and consents
 * about to expire (within N days, only those that grant now), referrals waiting for a
 * decision; a referent's from its rows, the coordinator's from the programme.
 */

const DUE = `query ($weeks: Int, $days: Int) { due(reviewWeeks: $weeks, withinDays: $days) {
  today reviewsDue { id } linksExpiring { id validUntil } consentsExpiring { id expiresOn } referralsAwaitingDecision { id status } } }`;

interface Due {
  today: string;
  reviewsDue: { id: string }[];
  linksExpiring: { id: string; validUntil: string }[];
  consentsExpiring: { id: string; expiresOn: string }[];
  referralsAwaitingDecision: { id: string; status: string }[];
}

describe('the due view', () => {
  let server: TestServer;
  let world: PathwayWorld;
  const ids: Record<string, string> = {};
  const fork = () => server.orm.em.fork() as EntityManager;

  beforeAll(async () => {
    server = await startTestServer();
    world = await buildPathwayWorld(server);
    const pathway = await pathwayOf(server, world, { startDate: addDays(today(), -30) });
    ids.pathway = gid('Pathway', pathway.id);
    const em = fork();
    const child = await em.findOneOrFail(Child, world.child.id);
    const creator = em.getReference(Account, world.accounts.inclusion.id);
    const school = em.getReference(Partner, world.partners.school.id);
    ids.expiring = gid('ServiceLink', f.serviceLink(em, child, school, creator, { validUntil: addDays(today(), 10), categories: [DataCategory.IDENTITY] }).id);
    f.serviceLink(em, child, school, creator, { validUntil: addDays(today(), 10), status: ServiceLinkStatus.REVOKED });
    f.serviceLink(em, child, school, creator, { validUntil: addDays(today(), 200) });
    ids.referral = gid('Referral', em.create(Referral, {
      programme: world.programme.id, child: child.id, referringPartner: school, referringAccount: world.accounts.schoolAgent.id,
      referredOn: addDays(today(), -3), description: 'x', status: ReferralStatus.SUBMITTED,
    } as never).id);
    await em.flush();
    await sql(server, 'update consent set expires_on = ? where id = ?', [addDays(today(), 20), world.consent.id]);
    const withdrawn = fork();
    const guardian = await withdrawn.findOneOrFail(Consent, world.consent.id, { populate: ['givenBy'] });
    f.consent(withdrawn, child, guardian.givenBy.getEntity(), [], { expiresOn: addDays(today(), 5), withdrawnAt: new Date() });
    await withdrawn.flush();
  });
  afterAll(async () => {
    await server?.close();
  });

  const due = (token: string, weeks?: number, days?: number) => server.graphql<{ due: Due }>(DUE, { weeks, days }, token);

  it("lists the referent's review due, the link and consent about to expire that still grant, and the referral waiting", async () => {
    const view = dataOf(await due(world.tokens.referent, 2, 30)).due;
    expect(view).toEqual({
      today: today(),
      reviewsDue: [{ id: ids.pathway }],
      linksExpiring: [{ id: ids.expiring, validUntil: addDays(today(), 10) }],
      consentsExpiring: [{ id: gid('Consent', world.consent.id), expiresOn: addDays(today(), 20) }],
      referralsAwaitingDecision: [{ id: ids.referral, status: 'SUBMITTED' }],
    });
  });

  it('follows its thresholds: a review held recently, a longer period, a shorter window', async () => {
    expect(dataOf(await due(world.tokens.referent, 12, 5)).due).toMatchObject({ reviewsDue: [], linksExpiring: [], consentsExpiring: [] });
    const em = fork();
    em.create(Review, { programme: world.programme.id, pathway: Buffer.from(ids.pathway, 'base64url').toString().split(':')[1], heldOn: addDays(today(), -5), progress: 'Bien' } as never);
    await em.flush();
    expect(dataOf(await due(world.tokens.referent, 2, 30)).due.reviewsDue).toEqual([]);
    expect(dataOf(await due(world.tokens.referent)).due.linksExpiring).toHaveLength(1);
  });

  it('the coordinator sees the same from the programme; another referent sees none of it; other roles are FORBIDDEN; bad thresholds name the argument', async () => {
    const coordinator = dataOf(await due(world.tokens.coordinator, 2, 30)).due;
    expect(coordinator.linksExpiring.map((l) => l.id)).toContain(ids.expiring);
    expect(coordinator.referralsAwaitingDecision.map((r) => r.id)).toContain(ids.referral);
    expect(dataOf(await due(world.tokens.referent2, 2, 30)).due).toMatchObject({ reviewsDue: [], linksExpiring: [], consentsExpiring: [], referralsAwaitingDecision: [] });
    for (const token of [world.tokens.schoolAgent, world.tokens.guardian, world.tokens.inclusion]) expect(errorOf(await due(token))).toMatchObject({ code: 'FORBIDDEN' });
    expect(errorOf(await due(world.tokens.referent, 0))).toEqual({ code: 'BAD_USER_INPUT', field: 'reviewWeeks' });
    expect(errorOf(await due(world.tokens.referent, 2, 1000))).toEqual({ code: 'BAD_USER_INPUT', field: 'withinDays' });
  });
});
