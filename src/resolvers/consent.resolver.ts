import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { ConsentMethod, type GrantLapse } from '../entities/enums';
import { concernsViewer } from './rows';
import type { Account, Consent, ConsentScope, Guardian, Partner } from '../entities';
import { ConsentScopeType, ConsentType } from '../schema/consent.type';
import { idOf, oneOf, type RecordOf, type ValueOf } from '../read/records';

/**
 * A consent of a child by id: read with the child's consents (the child file lists them
 * anyway, and one batch per child keeps the statements of a request fixed), else alone.
 */
export async function consentOf(ctx: Context, childId: string | null, consentId: string | null): Promise<RecordOf<Consent> | null> {
  if (!consentId) return null;
  if (childId) {
    const found = (await ctx.loaders.consentsByChild.load(childId)).find((c) => c.id === consentId);
    if (found) return found;
  }
  return ctx.loaders.consentById.load(consentId);
}

@Resolver(() => ConsentType)
export class ConsentResolver {
  /**
   * The giver: the Guardian of the child's household (CONTACT data, as child.contact.guardians). Read with
   * the guardians of the child's household (one batch per household), else alone.
   */
  @FieldResolver()
  async givenBy(@Root() consent: ValueOf<Consent>, @Ctx() ctx: Context): Promise<RecordOf<Guardian> | null> {
    const guardianId = idOf(consent, 'givenBy');
    if (!guardianId) return null;
    const child = await oneOf(ctx.loaders.childById, idOf(consent, 'child'));
    const household = child ? await ctx.loaders.householdByFamily.load(child.familyId) : null;
    return household?.guardians.find((g) => g.id === guardianId) ?? ctx.loaders.guardianById.load(guardianId);
  }

  /** A partner agent sees only its own structure's line of a consent's scope (see concernsViewer). */
  @FieldResolver()
  async scope(@Root() consent: ValueOf<Consent>, @Ctx() ctx: Context): Promise<RecordOf<ConsentScope>[]> {
    const lines = await ctx.loaders.scopeByConsent.load(consent.id);
    return lines.filter((line) => concernsViewer(ctx, [line.partnerId]));
  }

  @FieldResolver()
  async grantsNow(@Root() consent: ValueOf<Consent>, @Ctx() ctx: Context): Promise<boolean> {
    return (await ctx.access.consentState(consent.id)).grantsNow;
  }

  @FieldResolver()
  async grantLapse(@Root() consent: ValueOf<Consent>, @Ctx() ctx: Context): Promise<GrantLapse | null> {
    return (await ctx.access.consentState(consent.id)).lapse;
  }

  @FieldResolver()
  withdrawnBy(@Root() consent: ValueOf<Consent>, @Ctx() ctx: Context): Promise<RecordOf<Account> | null> | null {
    if (consent.withdrawalMethod === ConsentMethod.PORTAL) return null;
    return oneOf(ctx.loaders.accountById, idOf(consent, 'withdrawnBy'));
  }

  @FieldResolver()
  recordedBy(@Root() consent: ValueOf<Consent>, @Ctx() ctx: Context): Promise<RecordOf<Account> | null> {
    return oneOf(ctx.loaders.accountById, idOf(consent, 'recordedBy'));
  }
}

@Resolver(() => ConsentScopeType)
export class ConsentScopeResolver {
  @FieldResolver()
  partner(@Root() scope: ValueOf<ConsentScope>, @Ctx() ctx: Context): Promise<RecordOf<Partner> | null> {
    return oneOf(ctx.loaders.partnerById, idOf(scope, 'partner'));
  }
}
