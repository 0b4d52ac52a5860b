import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ref } from '@mikro-orm/core';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Account, Child, Guardian, Invitation } from '../entities';
import { AccessAction, DataCategory } from '../entities/enums';
import { viewerOf, type Context } from '../context';
import { BadUserInput, NotFound } from '../errors';
import { WriteAction } from '../permissions/policy';
import { GuardianInvitationPayload, GuardianInvitationType, InvitationStatus } from '../schema/invitation.type';
import { idOfType } from '../schema/global-id';
import { checkVersion, type MutationScope } from '../workflows/mutation';
import { checkEmail } from '../workflows/validation';
import { mutateInRows } from '../workflows/lookups';
import { fetchNode } from './node.resolver';
import { idOf, oneOf, readRecords, type RecordOf, type ValueOf } from '../read/records';

/**
 * Portal access for families (issue 12; domain.md, "Invitation"): the staff who follow a
 * child invite a guardian holding parental authority. The invitation is one-time and
 * expires (INVITATION_LIFETIME_HOURS); only the SHA-256 of its token is kept, the token
 * is shown once to its creator. Its first use (POST /invitations/accept,
 * src/invitations/accept.ts) binds the identity provider's subject to a new GUARDIAN
 * account, whose rows are its own children (RowRule.PARENTAL_AUTHORITY). Each step is
 * logged (CREATE, REVOKE here; GRANT on acceptance), for every child of the household.
 */

/** The SHA-256 (hex) of an invitation token: what is stored and looked up. */
export function invitationTokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Where an invitation stands at `now`. */
export function invitationStatusAt(invitation: { usedAt?: Date | null; revokedAt?: Date | null; expiresAt: Date }, now: Date): InvitationStatus {
  if (invitation.usedAt) return InvitationStatus.USED;
  if (invitation.revokedAt) return InvitationStatus.REVOKED;
  if (invitation.expiresAt.getTime() <= now.getTime()) return InvitationStatus.EXPIRED;
  return InvitationStatus.PENDING;
}

/** The children of a guardian's household: whom the invitation's events are about. */
async function householdChildren(em: EntityManager, guardian: Guardian): Promise<string[]> {
  const children = await em.find(Child, { family: guardian.family.id }, { fields: ['id'] });
  return children.map((c) => c.id);
}

function logInvitation(scope: MutationScope, action: AccessAction, childIds: readonly string[]): void {
  for (const childId of childIds) scope.logWrite({ action, entity: 'Invitation', childId, categories: [DataCategory.CONTACT] });
}

@Resolver(() => GuardianInvitationType)
export class InvitationResolver {
  @Query(() => [GuardianInvitationType], {
    description:
      "The portal invitations of a guardian, newest first (status and dates: never a token). For the staff who may see the guardian (CONTACT of one of its children); NOT_FOUND otherwise.",
  })
  async guardianInvitations(@Arg('guardianId', () => ID, { description: 'ID of the guardian.' }) guardianId: string, @Ctx() ctx: Context): Promise<RecordOf<Invitation>[]> {
    const guardian = (await fetchNode(ctx, 'Guardian', idOfType(guardianId, 'Guardian', 'guardianId'), guardianId)) as RecordOf<Guardian>;
    return readRecords(ctx.em, Invitation, 't.programme_id = $1 and t.guardian_id = $2', [viewerOf(ctx).programmeId, guardian.id], 't.created_at desc, t.id');
  }

  @FieldResolver()
  status(@Root() invitation: RecordOf<Invitation>, @Ctx() ctx: Context): InvitationStatus {
    return invitationStatusAt(invitation, ctx.now);
  }

  @FieldResolver()
  createdBy(@Root() invitation: ValueOf<Invitation>, @Ctx() ctx: Context): Promise<RecordOf<Account> | null> {
    return oneOf(ctx.loaders.accountById, idOf(invitation, 'createdBy'));
  }

  @Mutation(() => GuardianInvitationPayload, {
    description:
      'Invites a guardian holding parental authority to the family portal (PRE_COORDINATOR, PATHWAY_REFERENT, INCLUSION_REFERENT; a guardian of a child in their rows, else NOT_FOUND). ' +
      "The e-mail is the guardian's unless given (reasons NO_PARENTAL_AUTHORITY, ALREADY_HAS_ACCOUNT, NO_EMAIL, EMAIL_TAKEN). A pending invitation of the same guardian is revoked. " +
      'The token is in the answer only, once.',
  })
  async inviteGuardian(
    @Arg('guardianId', () => ID, { description: 'ID of the guardian.' }) guardianId: string,
    @Arg('email', () => String, { nullable: true, description: "Where the invitation goes; the guardian's e-mail when absent." }) email: string | null | undefined,
    @Ctx() ctx: Context,
  ): Promise<{ invitation: RecordOf<Invitation>; token: string }> {
    const token = randomBytes(32).toString('base64url');
    const written = await mutateInRows(ctx, WriteAction.INVITE_GUARDIAN, async (scope) => {
      const { em, viewer } = scope;
      const guardian = await em.findOneOrFail(Guardian, { id: idOfType(guardianId, 'Guardian', 'guardianId'), programme: viewer.programmeId });
      if (!guardian.parentalAuthority) throw new BadUserInput('guardianId', 'only a guardian holding parental authority is invited to the portal', { reason: 'NO_PARENTAL_AUTHORITY' });
      if (await em.count(Account, { guardian: guardian.id, active: true })) {
        throw new BadUserInput('guardianId', 'the guardian already has an active portal account', { reason: 'ALREADY_HAS_ACCOUNT' });
      }
      const address = email ?? guardian.email;
      if (!address) throw new BadUserInput('email', 'the guardian has no e-mail: give the one to send the invitation to', { reason: 'NO_EMAIL' });
      const to = checkEmail('email', address);
      // The account's e-mail will be this one: unique among accounts (of any programme).
      const taken = await em.getConnection().execute<{ id: string }[]>('select id from account where email = ?', [to], 'all', em.getTransactionContext());
      if (taken.length) throw new BadUserInput('email', 'an account already has this e-mail', { reason: 'EMAIL_TAKEN' });
      const children = await householdChildren(em, guardian);
      for (const pending of await em.find(Invitation, { guardian: guardian.id, usedAt: null, revokedAt: null, expiresAt: { $gt: ctx.now } })) {
        pending.revokedAt = ctx.now;
        logInvitation(scope, AccessAction.REVOKE, children);
      }
      const invitation = em.create(Invitation, {
        programme: viewer.programmeId,
        guardian: ref(guardian),
        email: to,
        tokenHash: invitationTokenHash(token),
        createdBy: viewer.accountId,
        expiresAt: new Date(ctx.now.getTime() + ctx.settings.invitationLifetimeHours * 3600_000),
      });
      logInvitation(scope, AccessAction.CREATE, children);
      return invitation;
    }, [{ type: 'Guardian', id: guardianId, field: 'guardianId' }]);
    return { invitation: await invitationRecord(ctx, written.id), token };
  }

  @Mutation(() => GuardianInvitationType, {
    description: 'Revokes a pending portal invitation (the staff who may invite): it can no longer be used. Refused (reason NOT_PENDING) once used, revoked or expired.',
  })
  async revokeGuardianInvitation(
    @Arg('id', () => ID, { description: 'ID of the invitation.' }) id: string,
    @Arg('version', () => Int, { description: 'Version of the invitation the client read.' }) version: number,
    @Ctx() ctx: Context,
  ): Promise<RecordOf<Invitation>> {
    const written = await mutateInRows(ctx, WriteAction.INVITE_GUARDIAN, async (scope) => {
      const invitation = await scope.em.findOne(Invitation, { id: idOfType(id, 'GuardianInvitation', 'id'), programme: scope.viewer.programmeId });
      if (!invitation) throw new NotFound('GuardianInvitation', id);
      checkVersion('The invitation', invitation, version);
      const status = invitationStatusAt(invitation, ctx.now);
      if (status !== InvitationStatus.PENDING) throw new BadUserInput('id', `the invitation is ${status}, not pending`, { reason: 'NOT_PENDING', currentState: status });
      invitation.revokedAt = ctx.now;
      logInvitation(scope, AccessAction.REVOKE, await householdChildren(scope.em, await invitation.guardian.loadOrFail()));
      return invitation;
    }, [{ type: 'GuardianInvitation', id, field: 'id' }]);
    return invitationRecord(ctx, written.id);
  }
}

/** An invitation read back through the read model once committed. */
async function invitationRecord(ctx: Context, id: string): Promise<RecordOf<Invitation>> {
  const [record] = await readRecords(ctx.em, Invitation, 't.programme_id = $1 and t.id = $2', [viewerOf(ctx).programmeId, id]);
  if (!record) throw new Error('an invitation written is not found after its commit');
  return record;
}
