import type { EntityManager } from '@mikro-orm/postgresql';
import { ref } from '@mikro-orm/core';
import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import { Account, Partner } from '../entities';
import { AccessAction, type Role } from '../entities/enums';
import { viewerOf, type Context } from '../context';
import { BadUserInput, NotFound } from '../errors';
import { accountPartnerRefusal, WriteAction } from '../permissions/policy';
import { StaffAccountType } from '../schema/account.type';
import { CreateAccountInput, UpdateAccountInput } from '../schema/account.inputs';
import { idOfType } from '../schema/global-id';
import { checkVersion, mutate } from '../workflows/mutation';
import { checkEmail, checkText } from '../workflows/validation';
import { partnerOf } from '../workflows/lookups';
import type { RecordOf } from '../read/records';

/**
 * Staff accounts of the programme (access-policy.md, "Writes": "ADMIN: partners and
 * accounts (create, edit, deactivate)"). The role and the partner's kind go together as
 * ACCOUNT_PARTNER_POLICY says (src/permissions/policy.ts), checked on every write. A
 * deactivated account's tokens stop signing in on the next request: the viewer is read
 * from active accounts only (src/auth/viewer.ts). Writes are logged with no child.
 */

const DISPLAY_NAME_MAX = 200;
const SUBJECT_MAX = 255;

const accountEvent = (action: AccessAction) => ({ action, entity: 'Account', categories: [] });

/** Policy ACCOUNT_PARTNER_POLICY: the role and the partner's kind go together. */
function checkRoleAndPartner(role: Role, partner: Partner | undefined, field: string): void {
  const refusal = accountPartnerRefusal(role, partner?.kind);
  if (refusal) throw new BadUserInput(field, refusal, { reason: 'ROLE_PARTNER_MISMATCH' });
}

/** E-mail and subject are unique across programmes (the columns are): refused when another account has them. */
async function assertUnique(em: EntityManager, column: 'email' | 'subject', value: string, self: string | undefined, field: string): Promise<void> {
  // The tenant filter would hide another programme's account; the unique column would not.
  const rows = await em.getConnection().execute<{ id: string }[]>(`select id from account where ${column} = ? and id is distinct from ?`, [value, self ?? null], 'all', em.getTransactionContext());
  if (rows.length) throw new BadUserInput(field, `another account already has this ${column}`, { reason: column === 'email' ? 'EMAIL_TAKEN' : 'SUBJECT_TAKEN' });
}

/** An account of the viewer's programme, at the version the client read. */
async function accountToEdit(em: EntityManager, programmeId: string, globalId: string, version: number): Promise<Account> {
  const account = await em.findOne(Account, { id: idOfType(globalId, 'Account', 'id'), programme: programmeId });
  if (!account) throw new NotFound('Account', globalId);
  checkVersion('The account', account, version);
  return account;
}

/** The account written, read back through the read model once committed. */
async function readBack(ctx: Context, written: Promise<Account>): Promise<RecordOf<Account>> {
  const { id } = await written;
  const record = await ctx.loaders.accountById.load(id);
  if (!record) throw new Error('an account written is not found after its commit');
  return record;
}

@Resolver()
export class AccountMutations {
  @Mutation(() => StaffAccountType, {
    description:
      "Creates a staff account (ADMIN): e-mail and identity provider's subject unique (reasons EMAIL_TAKEN, SUBJECT_TAKEN), a role other than GUARDIAN, " +
      'and a partner of a kind the role allows (reason ROLE_PARTNER_MISMATCH on input.partnerId).',
  })
  createAccount(@Arg('input', () => CreateAccountInput, { description: 'The account.' }) input: CreateAccountInput, @Ctx() ctx: Context): Promise<RecordOf<Account>> {
    return readBack(ctx, mutate(ctx, WriteAction.MANAGE_ACCOUNTS, async ({ em, viewer, logWrite }) => {
      const email = checkEmail('input.email', input.email);
      const displayName = checkText('input.displayName', input.displayName, DISPLAY_NAME_MAX);
      const subject = checkText('input.subject', input.subject, SUBJECT_MAX);
      const partner = input.partnerId == null ? undefined : await partnerOf(viewer, em, input.partnerId, 'input.partnerId');
      checkRoleAndPartner(input.role, partner, input.partnerId == null ? 'input.role' : 'input.partnerId');
      await assertUnique(em, 'email', email, undefined, 'input.email');
      await assertUnique(em, 'subject', subject, undefined, 'input.subject');
      const account = em.create(Account, { programme: viewer.programmeId, email, displayName, subject, role: input.role, partner: partner && ref(partner) });
      logWrite(accountEvent(AccessAction.CREATE));
      return account;
    }));
  }

  @Mutation(() => StaffAccountType, {
    description: 'Edits a staff account (ADMIN): e-mail, name, role and partner, checked as by createAccount. CONFLICT on a stale version.',
  })
  updateAccount(
    @Arg('id', () => ID, { description: 'ID of the account.' }) id: string,
    @Arg('version', () => Int, { description: 'Version of the account the client read.' }) version: number,
    @Arg('input', () => UpdateAccountInput, { description: 'What changes.' }) input: UpdateAccountInput,
    @Ctx() ctx: Context,
  ): Promise<RecordOf<Account>> {
    return readBack(ctx, mutate(ctx, WriteAction.MANAGE_ACCOUNTS, async ({ em, viewer, logWrite }) => {
      const account = await accountToEdit(em, viewer.programmeId, id, version);
      if (account.guardian) throw new BadUserInput('id', "a guardian's portal account is the family's: it is deactivated, not edited", { reason: 'GUARDIAN_ACCOUNT' });
      if (input.email != null) {
        account.email = checkEmail('input.email', input.email);
        await assertUnique(em, 'email', account.email, account.id, 'input.email');
      }
      if (input.displayName != null) account.displayName = checkText('input.displayName', input.displayName, DISPLAY_NAME_MAX);
      if (input.role != null) account.role = input.role;
      let partner = account.partner ? await account.partner.loadOrFail() : undefined;
      if (input.partnerId !== undefined) partner = input.partnerId === null ? undefined : await partnerOf(viewer, em, input.partnerId, 'input.partnerId');
      checkRoleAndPartner(account.role, partner, input.partnerId != null ? 'input.partnerId' : 'input.role');
      if (account.id === viewer.accountId && account.role !== viewer.role) throw new BadUserInput('input.role', 'an administrator does not change its own role', { reason: 'SELF' });
      account.partner = partner && ref(partner);
      logWrite(accountEvent(AccessAction.UPDATE));
      return account;
    }));
  }

  @Mutation(() => StaffAccountType, {
    description:
      "Deactivates an account of the programme, staff or a guardian's portal account (ADMIN): its tokens stop signing in on the next request. " +
      'Refused for the administrator itself (reason SELF) and for an inactive account (reason ALREADY_INACTIVE).',
  })
  deactivateAccount(
    @Arg('id', () => ID, { description: 'ID of the account.' }) id: string,
    @Arg('version', () => Int, { description: 'Version of the account the client read.' }) version: number,
    @Ctx() ctx: Context,
  ): Promise<RecordOf<Account>> {
    return readBack(ctx, mutate(ctx, WriteAction.MANAGE_ACCOUNTS, async ({ em, viewer, logWrite }) => {
      const account = await accountToEdit(em, viewer.programmeId, id, version);
      if (account.id === viewerOf(ctx).accountId) throw new BadUserInput('id', 'an administrator does not deactivate its own account', { reason: 'SELF' });
      if (!account.active) throw new BadUserInput('id', 'the account is already inactive', { reason: 'ALREADY_INACTIVE' });
      account.active = false;
      logWrite(accountEvent(AccessAction.UPDATE));
      return account;
    }));
  }
}
