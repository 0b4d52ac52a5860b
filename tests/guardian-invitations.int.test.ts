import { randomUUID } from 'node:crypto';
import { ref } from '@mikro-orm/core';
import { Pathway, type Child, type Guardian } from '../src/entities';
import { startTestServer, type TestServer } from './helpers/test-server';
import { buildWorld, dataOf, errorOf, forkEm, gid, sql, writeEvents, type World } from './helpers/workflow-world';
import * as f from './factories';

/**
 * Portal access for families (issue 12): the staff who follow a child invite its guardian
 * with parental authority; the one-time, expiring invitation (only its hash stored) is
 * accepted with the identity provider's token, which binds the subject to a new GUARDIAN
 * account; invitations are revoked; each step is logged; the guardian reaches only its
 * own children.
 */

const INVITE = `mutation ($guardianId: ID!, $email: String) { inviteGuardian(guardianId: $guardianId, email: $email) {
  token invitation { id version status expiresAt usedAt revokedAt createdBy { id } } } }`;
const REVOKE = 'mutation ($id: ID!, $version: Int!) { revokeGuardianInvitation(id: $id, version: $version) { id status revokedAt version } }';
const LIST = 'query ($guardianId: ID!) { guardianInvitations(guardianId: $guardianId) { id status } }';

interface Invited {
  inviteGuardian: { token: string; invitation: { id: string; version: number; status: string; expiresAt: string; createdBy: { id: string } | null } };
}

describe('guardian invitations', () => {
  let server: TestServer;
  let w: World;
  /** A household of the referent's rows whose guardian has no portal account yet. */
  let newChild: Child;
  let newGuardian: Guardian;

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    server?.setNow(undefined);
    await server?.close();
  });
  beforeEach(async () => {
    server.setNow(undefined);
    w = await buildWorld(server);
    const em = forkEm(server);
    const fam = f.family(em, em.merge(w.programme));
    newGuardian = f.guardian(em, fam, { email: `parent-${randomUUID().slice(0, 8)}@famille.example` });
    newChild = f.child(em, fam);
    em.create(Pathway, { programme: em.merge(w.programme), child: newChild, referent: ref(em.merge(w.accounts.pathwayReferent)) });
    await em.flush();
  });

  const invite = (guardian: string, token = w.tokens.pathwayReferent, email?: string) => server.graphql<Invited>(INVITE, { guardianId: guardian, email }, token);
  const ACCEPT_URL = () => new URL('/invitations/accept', server.url).toString();
  const acceptAt = async (invitationToken: unknown, bearer?: string) => {
    const response = await fetch(ACCEPT_URL(), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
      body: JSON.stringify({ token: invitationToken }),
    });
    return { status: response.status, json: (await response.json()) as { account?: { id: string; role: string }; errors?: { extensions: { code: string; reason?: string } }[] } };
  };

  it('invites, then the guardian accepts with its provider token and reaches its own children only', async () => {
    const guardianId = gid('Guardian', newGuardian.id);
    const invited = dataOf(await invite(guardianId)).inviteGuardian;
    expect(invited.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(invited.invitation).toMatchObject({ status: 'PENDING', version: 1, createdBy: { id: gid('Account', w.accounts.pathwayReferent.id) } });
    // Only the hash is stored.
    const stored = await sql<{ token_hash: string }>(server, 'select token_hash from invitation where guardian_id = ?', [newGuardian.id]);
    expect(stored).toHaveLength(1);
    expect(stored[0].token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(invited.token);

    const subject = `idp|${randomUUID()}`;
    const providerToken = await server.token(subject);
    // Before accepting, the provider's token signs in to nothing.
    expect(errorOf(await server.graphql('{ viewer { role } }', {}, providerToken))).toEqual({ code: 'UNAUTHENTICATED' });
    const accepted = await acceptAt(invited.token, providerToken);
    expect(accepted.status).toBe(200);
    expect(accepted.json.account?.role).toBe('GUARDIAN');

    const mine = dataOf(await server.graphql<{ viewer: { role: string; children: { id: string }[] } }>('{ viewer { role children { id } } }', {}, providerToken)).viewer;
    expect(mine).toEqual({ role: 'GUARDIAN', children: [{ id: gid('Child', newChild.id) }] });
    expect(errorOf(await server.graphql('query ($id: ID!) { child(id: $id) { id } }', { id: w.ids.child }, providerToken))).toEqual({ code: 'NOT_FOUND' });
    expect(dataOf(await server.graphql<{ child: { id: string } }>('query ($id: ID!) { child(id: $id) { id } }', { id: gid('Child', newChild.id) }, providerToken)).child.id).toBe(gid('Child', newChild.id));

    // One use only.
    const again = await acceptAt(invited.token, await server.token(`idp|${randomUUID()}`));
    expect([again.status, again.json.errors?.[0].extensions]).toEqual([400, { code: 'BAD_USER_INPUT', field: 'token', reason: 'INVITATION_USED' }]);
    expect(dataOf(await server.graphql<{ guardianInvitations: { status: string }[] }>(LIST, { guardianId }, w.tokens.pathwayReferent)).guardianInvitations).toEqual([
      { id: invited.invitation.id, status: 'USED' },
    ]);
    // Each step logged, about the household's child, without personal data.
    const events = (await writeEvents(server, w.programme.id)).filter((e) => e.entity === 'Invitation');
    expect(events.map((e) => [e.action, e.child_id])).toEqual(
      expect.arrayContaining([
        ['CREATE', newChild.id],
        ['GRANT', newChild.id],
      ]),
    );
    // A second invitation is refused: the guardian has its account.
    expect(errorOf(await invite(guardianId))).toEqual({ code: 'BAD_USER_INPUT', field: 'guardianId', reason: 'ALREADY_HAS_ACCOUNT' });
  });

  it('refuses a guardian without parental authority, one outside the rows, and the roles that may not invite', async () => {
    expect(errorOf(await invite(w.ids.guardianWithoutAuthority))).toEqual({ code: 'BAD_USER_INPUT', field: 'guardianId', reason: 'NO_PARENTAL_AUTHORITY' });
    const outside = gid('Guardian', newGuardian.id);
    expect(errorOf(await invite(outside, w.tokens.inclusionReferent))).toEqual({ code: 'NOT_FOUND' });
    for (const token of [w.tokens.admin, w.tokens.schoolAgent, w.tokens.guardian, w.tokens.dpo]) {
      expect(errorOf(await invite(outside, token))).toEqual({ code: 'FORBIDDEN' });
    }
    expect(errorOf(await invite(outside, w.tokens.coordinator, 'pas un e-mail'))).toEqual({ code: 'BAD_USER_INPUT', field: 'email' });
    expect(errorOf(await invite(outside, w.tokens.coordinator, w.accounts.dpo.email))).toEqual({ code: 'BAD_USER_INPUT', field: 'email', reason: 'EMAIL_TAKEN' });
    expect(await sql(server, 'select id from invitation where guardian_id = ?', [newGuardian.id])).toEqual([]);
  });

  it('revokes: a revoked or replaced invitation cannot be used; an expired one neither; a bad request is refused', async () => {
    const guardianId = gid('Guardian', newGuardian.id);
    const first = dataOf(await invite(guardianId)).inviteGuardian;
    const second = dataOf(await invite(guardianId, w.tokens.coordinator)).inviteGuardian;
    const replaced = await acceptAt(first.token, await server.token(`idp|${randomUUID()}`));
    expect(replaced.json.errors?.[0].extensions.reason).toBe('INVITATION_REVOKED');

    const revoked = dataOf(await server.graphql<{ revokeGuardianInvitation: { status: string; version: number } }>(REVOKE, { id: second.invitation.id, version: 1 }, w.tokens.pathwayReferent));
    expect(revoked.revokeGuardianInvitation).toMatchObject({ status: 'REVOKED', version: 2 });
    expect(errorOf(await server.graphql(REVOKE, { id: second.invitation.id, version: 2 }, w.tokens.pathwayReferent))).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NOT_PENDING' });
    expect((await acceptAt(second.token, await server.token(`idp|${randomUUID()}`))).json.errors?.[0].extensions.reason).toBe('INVITATION_REVOKED');
    expect(errorOf(await server.graphql(REVOKE, { id: second.invitation.id, version: 2 }, w.tokens.inclusionReferent))).toEqual({ code: 'NOT_FOUND' });

    const third = dataOf(await invite(guardianId)).inviteGuardian;
    server.setNow(new Date(Date.now() + (server.config.invitations.lifetimeHours + 1) * 3600_000));
    expect((await acceptAt(third.token, await server.token(`idp|${randomUUID()}`))).json.errors?.[0].extensions.reason).toBe('INVITATION_EXPIRED');
    server.setNow(undefined);

    expect((await acceptAt('no-such-token', await server.token(`idp|${randomUUID()}`))).json.errors?.[0].extensions.reason).toBe('INVITATION_UNKNOWN');
    const anonymous = await acceptAt(third.token);
    expect([anonymous.status, anonymous.json.errors?.[0].extensions.code]).toEqual([401, 'UNAUTHENTICATED']);
    // A subject that already has an account signs in with it.
    const taken = await acceptAt(third.token, w.tokens.guardian);
    expect(taken.json.errors?.[0].extensions.reason).toBe('SUBJECT_TAKEN');
    expect(await sql(server, "select id from account where guardian_id = ?", [newGuardian.id])).toEqual([]);
  });
});
