import { Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Account, Partner, Workshop } from '../entities';
import { viewerOf, type Context } from '../context';
import { WorkshopType } from '../schema/workshop.type';

@Resolver(() => WorkshopType)
export class WorkshopResolver {
  @Query(() => [WorkshopType], { description: "The awareness workshops of the viewer's programme, newest first. No child data." })
  workshops(@Ctx() ctx: Context): Promise<Workshop[]> {
    return ctx.em.find(Workshop, { programme: viewerOf(ctx).programmeId }, { orderBy: { heldOn: 'desc', id: 'asc' } });
  }

  @FieldResolver()
  async facilitator(@Root() workshop: Workshop): Promise<Account | null> {
    return (await workshop.facilitator?.load()) ?? null;
  }

  @FieldResolver()
  async attendingPartners(@Root() workshop: Workshop): Promise<Partner[]> {
    const items = (await workshop.attendingPartners.load()).getItems();
    return [...items].sort((a, b) => a.name.localeCompare(b.name));
  }
}
