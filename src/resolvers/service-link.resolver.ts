import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { Account, Consent, Partner, ServiceLink } from '../entities';
import { DataCategory, GrantLapse, ServiceLinkStatus } from '../entities/enums';
import type { Context } from '../context';
import { ServiceLinkType } from '../schema/service-link.type';
import { idOfType } from '../schema/global-id';
import { parisDate } from '../util/dates';
import { assertCategory, assertChildVisible, childLinks, visibleChild, type ChildRecord } from './rows';
import { idOf, oneOf, type RecordOf, type ValueOf } from '../read/records';
import { consentOf } from './consent.resolver';

/**
 * Policy ("Links and consent over time"): "past validUntil it counts as EXPIRED without
 * any job having to run". validUntil is the last valid day, in France.
 */
export function linkStatusAt(link: Pick<ServiceLink, 'status'> & { validUntil?: string | null }, now: Date): ServiceLinkStatus {
  if (link.status === ServiceLinkStatus.ACTIVE && link.validUntil != null && link.validUntil < parisDate(now)) {
    return ServiceLinkStatus.EXPIRED;
  }
  return link.status;
}

@Resolver(() => ServiceLinkType)
export class ServiceLinkResolver {
  @Query(() => [ServiceLinkType], {
    description:
      "The links between services of one child, newest first. NOT_FOUND when the child is outside the viewer's rows; FORBIDDEN without PATHWAY for it.",
  })
  async serviceLinks(
    @Arg('childId', () => ID, { description: 'ID of the child.' }) childId: string,
    @Ctx() ctx: Context,
  ): Promise<RecordOf<ServiceLink>[]> {
    const child = await assertChildVisible(ctx, idOfType(childId, 'Child', 'childId'), 'Child', childId);
    await assertCategory(ctx, [child.id], DataCategory.PATHWAY);
    return childLinks(ctx, child.id);
  }

  @FieldResolver()
  child(@Root() link: ValueOf<ServiceLink>, @Ctx() ctx: Context): Promise<ChildRecord | null> {
    return visibleChild(ctx, idOf(link, 'child'));
  }

  @FieldResolver()
  partner(@Root() link: ValueOf<ServiceLink>, @Ctx() ctx: Context): Promise<RecordOf<Partner> | null> {
    return oneOf(ctx.loaders.partnerById, idOf(link, 'partner'));
  }

  @FieldResolver()
  originPartner(@Root() link: ValueOf<ServiceLink>, @Ctx() ctx: Context): Promise<RecordOf<Partner> | null> {
    return oneOf(ctx.loaders.partnerById, idOf(link, 'originPartner'));
  }

  @FieldResolver()
  status(@Root() link: ValueOf<ServiceLink>, @Ctx() ctx: Context): ServiceLinkStatus {
    return linkStatusAt(link, ctx.now);
  }

  @FieldResolver()
  async grantsNow(@Root() link: ValueOf<ServiceLink>, @Ctx() ctx: Context): Promise<boolean> {
    return (await ctx.access.linkState(link.id)).grantsNow;
  }

  @FieldResolver()
  async grantLapse(@Root() link: ValueOf<ServiceLink>, @Ctx() ctx: Context): Promise<GrantLapse | null> {
    return (await ctx.access.linkState(link.id)).lapse;
  }

  @FieldResolver()
  consent(@Root() link: ValueOf<ServiceLink>, @Ctx() ctx: Context): Promise<RecordOf<Consent> | null> {
    return consentOf(ctx, idOf(link, 'child'), idOf(link, 'consent'));
  }

  @FieldResolver()
  createdBy(@Root() link: ValueOf<ServiceLink>, @Ctx() ctx: Context): Promise<RecordOf<Account> | null> {
    return oneOf(ctx.loaders.accountById, idOf(link, 'createdBy'));
  }
}
