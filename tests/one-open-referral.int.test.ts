import type { EntityManager } from '@mikro-orm/postgresql';
import { Account, Child, DataCategory, Partner, Programme, Referral, ReferralStatus } from '../src/entities';
import { startTestServer, type TestServer } from './helpers/test-server';
import { buildPathwayWorld, dataOf, gid, sql, SUBMIT_REFERRAL, type PathwayWorld } from './helpers/pathway-world';
import * as f from './factories';

/**
 * Issue 12: "the same child can be referred twice the same day" no more. A second open
 * referral (SUBMITTED or UNDER_REVIEW) of a child is BAD_USER_INPUT on input.childId,
 * reason REFERRAL_ALREADY_OPEN, naming the open one to a viewer that may see it (its
 * submitter, or PATHWAY granted) and to no one else; a partial unique index in the database
 * holds when two submissions race.
 */

describe('one open referral per child', () => {
  let server: TestServer;
  let world: PathwayWorld;
  const fork = () => server.orm.em.fork() as EntityManager;

  beforeAll(async () => {
    server = await startTestServer();
    world = await buildPathwayWorld(server);
  });
  afterAll(async () => {
    await server?.close();
  });

  /** A child linked to the school (PATHWAY among the categories) and to the leisure centre (no PATHWAY). */
  async function linkedChild(): Promise<Child> {
    const em = fork();
    const family = f.family(em, em.getReference(Programme, world.programme.id));
    f.guardian(em, family);
    const child = f.child(em, family);
    const creator = em.getReference(Account, world.accounts.inclusion.id);
    const { IDENTITY, SCHOOLING, PATHWAY, CONTACT, INCLUSION } = DataCategory;
    f.serviceLink(em, child, em.getReference(Partner, world.partners.school.id), creator, { categories: [IDENTITY, SCHOOLING, PATHWAY] });
    f.serviceLink(em, child, em.getReference(Partner, world.partners.leisure.id), creator, { categories: [IDENTITY, CONTACT, INCLUSION] });
    await em.flush();
    return child;
  }

  const submit = (child: Child, token: string) =>
    server.graphql<{ submitReferral: { referral: { id: string } | null } }>(
      SUBMIT_REFERRAL,
      { input: { childId: gid('Child', child.id), domains: ['SCHOOL'], description: 'Absences répétées depuis la rentrée.' } },
      token,
    );
  const openOf = (child: Child) => sql<{ id: string }>(server, `select id from referral where child_id = ? and status in ('SUBMITTED', 'UNDER_REVIEW')`, [child.id]);

  it('refuses a second referral, naming the open one to its submitter, and writes nothing', async () => {
    const child = await linkedChild();
    const first = dataOf(await submit(child, world.tokens.schoolAgent)).submitReferral.referral!;
    const second = await submit(child, world.tokens.schoolAgent);
    expect(second.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.childId', reason: 'REFERRAL_ALREADY_OPEN', existingReferralId: first.id });
    expect(await openOf(child)).toHaveLength(1);
  });

  it('tells a partner without PATHWAY that the child is referred, and nothing of the referral', async () => {
    const child = await linkedChild();
    dataOf(await submit(child, world.tokens.schoolAgent));
    const second = await submit(child, world.tokens.leisureAgent);
    expect(second.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.childId', reason: 'REFERRAL_ALREADY_OPEN' });
    expect(second.errors?.[0]?.extensions).not.toHaveProperty('existingReferralId');
    expect(JSON.stringify(second)).not.toMatch(/UmVmZXJyYWw6/); // no global ID of a Referral anywhere
  });

  it('accepts a new referral once the open one is decided or withdrawn', async () => {
    const child = await linkedChild();
    const first = dataOf(await submit(child, world.tokens.schoolAgent)).submitReferral.referral!;
    await sql(server, `update referral set status = 'WITHDRAWN' where id = ?`, [Buffer.from(first.id, 'base64url').toString().split(':')[1]]);
    expect(dataOf(await submit(child, world.tokens.schoolAgent)).submitReferral.referral).not.toBeNull();
  });

  it('lets exactly one of concurrent submissions through (the database index), the others refused with the same code', async () => {
    const child = await linkedChild();
    const results = await Promise.all([0, 1, 2, 3].map(() => submit(child, world.tokens.schoolAgent)));
    const passed = results.filter((r) => !r.errors);
    expect(passed).toHaveLength(1);
    for (const refused of results.filter((r) => r.errors)) {
      expect(refused.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'REFERRAL_ALREADY_OPEN', existingReferralId: passed[0].data!.submitReferral.referral!.id });
    }
    expect(await openOf(child)).toHaveLength(1);
  });

  it('the database itself refuses a second open referral of a child', async () => {
    const child = await linkedChild();
    const em = fork();
    const base = { programme: world.programme.id, child: child.id, referringPartner: world.partners.school.id, referringAccount: world.accounts.schoolAgent.id, referredOn: '2026-11-02', description: 'x' };
    em.create(Referral, { ...base, status: ReferralStatus.SUBMITTED } as never);
    em.create(Referral, { ...base, status: ReferralStatus.DECLINED } as never);
    await em.flush();
    const again = fork();
    again.create(Referral, { ...base, status: ReferralStatus.UNDER_REVIEW } as never);
    await expect(again.flush()).rejects.toThrow(/referral_one_open_per_child/);
  });
});
