import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { Account, Child, Consent, Partner, ServiceLink } from '../entities';
import { DataCategory, ServiceLinkStatus } from '../entities/enums';
import type { Context } from '../context';
import { ServiceLinkType } from '../schema/service-link.type';
import { idOfType } from '../schema/global-id';
import { parisDate } from '../util/dates';
import { assertCategory, assertChildVisible, childLinks, visibleChild } from './rows';

/**
 * Policy ("Links and consent over time"): "past validUntil it counts as EXPIRED without
 * any job having to run". validUntil is the last valid day, in France.
 */
export function linkStatusAt(link: ServiceLink, now: Date): ServiceLinkStatus {
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
  ): Promise<ServiceLink[]> {
    const child = await assertChildVisible(ctx, idOfType(childId, 'Child', 'childId'), 'Child', childId);
    await assertCategory(ctx, [child.id], DataCategory.PATHWAY);
    return childLinks(ctx, child.id);
  }

  @FieldResolver()
  child(@Root() link: ServiceLink, @Ctx() ctx: Context): Promise<Child | null> {
    return visibleChild(ctx, link.child);
  }

  @FieldResolver()
  async partner(@Root() link: ServiceLink): Promise<Partner | null> {
    return (await link.partner.load()) ?? null;
  }

  @FieldResolver()
  async originPartner(@Root() link: ServiceLink): Promise<Partner | null> {
    return (await link.originPartner?.load()) ?? null;
  }

  @FieldResolver()
  status(@Root() link: ServiceLink, @Ctx() ctx: Context): ServiceLinkStatus {
    return linkStatusAt(link, ctx.now);
  }

  @FieldResolver()
  async consent(@Root() link: ServiceLink): Promise<Consent | null> {
    return (await link.consent?.load()) ?? null;
  }

  @FieldResolver()
  async createdBy(@Root() link: ServiceLink): Promise<Account | null> {
    return (await link.createdBy.load()) ?? null;
  }
}
