import { Ctx, Query, Resolver } from 'type-graphql';
import { Partner } from '../entities';
import { viewerOf, type Context } from '../context';
import { PartnerType } from '../schema/partner.type';

@Resolver(() => PartnerType)
export class PartnerResolver {
  @Query(() => [PartnerType], { description: "The partner structures of the viewer's programme, by name. Not personal data." })
  partners(@Ctx() ctx: Context): Promise<Partner[]> {
    return ctx.em.find(Partner, { programme: viewerOf(ctx).programmeId }, { orderBy: { name: 'asc', id: 'asc' } });
  }
}
