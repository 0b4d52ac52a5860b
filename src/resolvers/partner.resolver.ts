import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { Partner } from '../entities';
import { viewerOf, type Context } from '../context';
import { PartnerType } from '../schema/partner.type';

@Resolver(() => PartnerType)
export class PartnerResolver {
  @Query(() => [PartnerType], { description: "The partner structures of the viewer's programme, by name. Not personal data." })
  partners(
    @Arg('includeInactive', () => Boolean, { defaultValue: false, description: 'Also list the deactivated partners.' }) includeInactive: boolean,
    @Ctx() ctx: Context,
  ): Promise<Partner[]> {
    const where = { programme: viewerOf(ctx).programmeId, ...(includeInactive ? {} : { active: true }) };
    return ctx.em.find(Partner, where, { orderBy: { name: 'asc', id: 'asc' } });
  }
}
