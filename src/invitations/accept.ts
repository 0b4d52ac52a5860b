import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import { Role } from '../entities/enums';
import { ErrorCode } from '../errors';
import { toGlobalId } from '../schema/global-id';
import { invitationTokenHash, invitationStatusAt } from '../resolvers/invitation.mutations';
import { InvitationStatus } from '../schema/invitation.type';

/**
 * POST /invitations/accept (issue 12, "Families in the portal"): a guardian, signed in with
 * the identity provider (its token as `Authorization: Bearer`), sends the invitation's
 * token (`{ "token": "..." }`). In one transaction, with the invitation locked: the
 * invitation must be pending, the subject bound to no account; a GUARDIAN account is
 * created for the invited guardian (its e-mail the invitation's, its name the guardian's),
 * the invitation is marked used, and a GRANT event is logged for each child of the
 * household. The answer names the account and its role, nothing else.
 *
 * Refusals: 401 UNAUTHENTICATED (no valid token from the provider), 400 BAD_USER_INPUT
 * with `field: "token"` and a reason: INVITATION_UNKNOWN, INVITATION_USED,
 * INVITATION_REVOKED, INVITATION_EXPIRED; SUBJECT_TAKEN when the subject already has an
 * account (it signs in with it).
 */
export interface AcceptResult {
  status: number;
  body: unknown;
}

const refusal = (status: number, code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): AcceptResult => ({
  status,
  body: { errors: [{ message, extensions: { code, ...extensions } }] },
});

const badToken = (reason: string, message: string) => refusal(400, ErrorCode.BAD_USER_INPUT, `token: ${message}`, { field: 'token', reason });

const STATUS_REASON: Record<Exclude<InvitationStatus, InvitationStatus.PENDING>, string> = {
  [InvitationStatus.USED]: 'INVITATION_USED',
  [InvitationStatus.REVOKED]: 'INVITATION_REVOKED',
  [InvitationStatus.EXPIRED]: 'INVITATION_EXPIRED',
};

interface InvitationRow {
  id: string;
  programme_id: string;
  guardian_id: string;
  email: string;
  expires_at: Date;
  used_at: Date | null;
  revoked_at: Date | null;
  first_name: string;
  last_name: string;
  parental_authority: boolean;
}

export async function acceptInvitation(
  orm: MikroORM,
  subject: string | undefined,
  body: string,
  now: Date,
): Promise<AcceptResult> {
  if (!subject) return refusal(401, ErrorCode.UNAUTHENTICATED, "Authentication required: send the identity provider's token as a bearer token");
  let token: unknown;
  try {
    token = (JSON.parse(body) as { token?: unknown }).token;
  } catch {
    token = undefined;
  }
  if (typeof token !== 'string' || token.length === 0 || token.length > 200) return badToken('INVITATION_UNKNOWN', 'send the invitation token as {"token": "..."}');

  const em = orm.em.fork();
  return em.transactional(async (tx) => {
    const connection = tx.getConnection();
    const context = tx.getTransactionContext();
    const [invitation] = await connection.execute<InvitationRow[]>(
      `select i.id, i.programme_id, i.guardian_id, i.email, i.expires_at, i.used_at, i.revoked_at, g.first_name, g.last_name, g.parental_authority
         from invitation i join guardian g on g.id = i.guardian_id where i.token_hash = ? for update of i`,
      [invitationTokenHash(token)],
      'all',
      context,
    );
    if (!invitation) return badToken('INVITATION_UNKNOWN', 'no such invitation');
    const status = invitationStatusAt({ usedAt: invitation.used_at, revokedAt: invitation.revoked_at, expiresAt: new Date(invitation.expires_at) }, now);
    if (status !== InvitationStatus.PENDING) return badToken(STATUS_REASON[status], `the invitation is ${status.toLowerCase()}`);
    // Parental authority is checked again: it may have been withdrawn since the invitation.
    if (!invitation.parental_authority) return badToken('INVITATION_REVOKED', 'the guardian no longer holds parental authority');
    const bound = await connection.execute<{ id: string }[]>('select id from account where subject = ?', [subject], 'all', context);
    if (bound.length) return badToken('SUBJECT_TAKEN', 'this identity already has an account: sign in with it');

    const accountId = randomUUID();
    await connection.execute(
      `insert into account (id, created_at, updated_at, version, programme_id, email, subject, display_name, role, guardian_id, active)
       values (?, ?, ?, 1, ?, ?, ?, ?, ?, ?, true)`,
      [accountId, now, now, invitation.programme_id, invitation.email, subject, `${invitation.first_name} ${invitation.last_name}`.trim(), Role.GUARDIAN, invitation.guardian_id],
      'run',
      context,
    );
    await connection.execute(
      'update invitation set used_at = ?, account_id = ?, version = version + 1, updated_at = ? where id = ?',
      [now, accountId, now, invitation.id],
      'run',
      context,
    );
    // The access log: the new account was granted its children's rows.
    await connection.execute(
      `insert into access_event (id, programme_id, at, account_id, partner_id, action, entity, child_id, categories, request_id)
       select gen_random_uuid(), ?, ?, ?, null, 'GRANT', 'Invitation', c.id, '{}'::data_category[], ?
         from child c join guardian g on g.family_id = c.family_id where g.id = ?`,
      [invitation.programme_id, now, accountId, randomUUID(), invitation.guardian_id],
      'run',
      context,
    );
    return { status: 200, body: { account: { id: toGlobalId('Account', accountId), role: Role.GUARDIAN } } };
  });
}
