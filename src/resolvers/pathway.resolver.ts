import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { Account, Action, Child, Consent, Objective, Partner, Pathway, Review } from '../entities';
import { DataCategory } from '../entities/enums';
import { viewerOf, type Context } from '../context';
import { ActionType, PathwayType } from '../schema/pathway.type';
import { idOfType } from '../schema/global-id';
import { NotFound } from '../errors';
import { assertCategory, assertChildVisible, visibleChild } from './rows';
import { pathwayActions, pathwayObjectives, pathwayReviews } from './relations';

@Resolver(() => PathwayType)
export class PathwayResolver {
  @Query(() => PathwayType, {
    nullable: true,
    description:
      "One pathway by ID. NOT_FOUND when absent or when its child is outside the viewer's rows; FORBIDDEN without PATHWAY for that child.",
  })
  async pathway(@Arg('id', () => ID, { description: 'ID of the pathway.' }) id: string, @Ctx() ctx: Context): Promise<Pathway> {
    const pathway = await ctx.em.findOne(Pathway, { id: idOfType(id, 'Pathway', 'id'), programme: viewerOf(ctx).programmeId });
    if (!pathway) throw new NotFound('Pathway', id);
    await assertChildVisible(ctx, pathway.child.id, 'Pathway', id);
    await assertCategory(ctx, [pathway.child.id], DataCategory.PATHWAY);
    return pathway;
  }

  @FieldResolver()
  child(@Root() pathway: Pathway, @Ctx() ctx: Context): Promise<Child | null> {
    return visibleChild(ctx, pathway.child);
  }

  @FieldResolver()
  async referent(@Root() pathway: Pathway): Promise<Account | null> {
    return (await pathway.referent.load()) ?? null;
  }

  @FieldResolver()
  async consent(@Root() pathway: Pathway): Promise<Consent | null> {
    return (await pathway.consent?.load()) ?? null;
  }

  @FieldResolver()
  objectives(@Root() pathway: Pathway): Promise<Objective[]> {
    return pathwayObjectives(pathway);
  }

  @FieldResolver()
  actions(@Root() pathway: Pathway): Promise<Action[]> {
    return pathwayActions(pathway);
  }

  @FieldResolver()
  reviews(@Root() pathway: Pathway): Promise<Review[]> {
    return pathwayReviews(pathway);
  }
}

@Resolver(() => ActionType)
export class ActionResolver {
  /** Through a request loader, not Ref.load(): see partnerById in src/loaders/index.ts. */
  @FieldResolver()
  async provider(@Root() action: Action, @Ctx() ctx: Context): Promise<Partner | null> {
    return action.provider ? ctx.loaders.partnerById.load(action.provider.id) : null;
  }
}
