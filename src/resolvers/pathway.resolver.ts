import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { Pathway, type Account, type Action, type Consent, type Objective, type Partner, type PathwayComment, type Review } from '../entities';
import { DataCategory } from '../entities/enums';
import { viewerOf, type Context } from '../context';
import { ActionType, PathwayType } from '../schema/pathway.type';
import { idOfType } from '../schema/global-id';
import { NotFound } from '../errors';
import { assertCategory, assertChildVisible, visibleChild, type ChildRecord } from './rows';
import { idOf, oneOf, type RecordOf, type ValueOf } from '../read/records';
import { consentOf } from './consent.resolver';

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
  child(@Root() pathway: ValueOf<Pathway>, @Ctx() ctx: Context): Promise<ChildRecord | null> {
    return visibleChild(ctx, idOf(pathway, 'child'));
  }

  @FieldResolver()
  referent(@Root() pathway: ValueOf<Pathway>, @Ctx() ctx: Context): Promise<RecordOf<Account> | null> {
    return oneOf(ctx.loaders.accountById, idOf(pathway, 'referent'));
  }

  @FieldResolver()
  consent(@Root() pathway: ValueOf<Pathway>, @Ctx() ctx: Context): Promise<RecordOf<Consent> | null> {
    return consentOf(ctx, idOf(pathway, 'child'), idOf(pathway, 'consent'));
  }

  @FieldResolver()
  objectives(@Root() pathway: ValueOf<Pathway>, @Ctx() ctx: Context): Promise<RecordOf<Objective>[]> {
    return ctx.loaders.objectivesByPathway.load(pathway.id);
  }

  @FieldResolver()
  actions(@Root() pathway: ValueOf<Pathway>, @Ctx() ctx: Context): Promise<RecordOf<Action>[]> {
    return ctx.loaders.actionsByPathway.load(pathway.id);
  }

  @FieldResolver()
  reviews(@Root() pathway: ValueOf<Pathway>, @Ctx() ctx: Context): Promise<RecordOf<Review>[]> {
    return ctx.loaders.reviewsByPathway.load(pathway.id);
  }

  @FieldResolver()
  comments(@Root() pathway: ValueOf<Pathway>, @Ctx() ctx: Context): Promise<RecordOf<PathwayComment>[]> {
    return ctx.loaders.commentsByPathway.load(pathway.id);
  }
}

@Resolver(() => ActionType)
export class ActionResolver {
  @FieldResolver()
  provider(@Root() action: ValueOf<Action>, @Ctx() ctx: Context): Promise<RecordOf<Partner> | null> {
    return oneOf(ctx.loaders.partnerById, idOf(action, 'provider'));
  }
}
