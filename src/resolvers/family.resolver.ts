import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { Child, Family } from '../entities';
import { viewerOf, type Context } from '../context';
import { FamilyContactType, FamilyType } from '../schema/family.type';
import type { ContactSource, FamilySocialSource } from '../schema/sources';
import { idOfType } from '../schema/global-id';
import { NotFound } from '../errors';
import { keepVisibleChildren } from './rows';
import { contactOf } from './contact';
import { guardiansOf } from './relations';
import type { Guardian } from '../entities';

/**
 * A family is visible when one of its children is in the viewer's rows; it lists only
 * those children. NOT_FOUND otherwise.
 */
export async function assertFamilyVisible(ctx: Context, familyId: string, shownId: string): Promise<Family> {
  const family = await ctx.em.findOne(Family, { id: familyId, programme: viewerOf(ctx).programmeId });
  if (!family) throw new NotFound('Family', shownId);
  const children = await keepVisibleChildren(ctx, await ctx.loaders.childrenByFamily.load(family.id));
  if (children.length === 0) throw new NotFound('Family', shownId);
  return family;
}

@Resolver(() => FamilyType)
export class FamilyResolver {
  @Query(() => FamilyType, {
    nullable: true,
    description: "One household by ID. NOT_FOUND unless one of its children is in the viewer's rows.",
  })
  family(@Arg('id', () => ID, { description: 'ID of the family.' }) id: string, @Ctx() ctx: Context): Promise<Family> {
    return assertFamilyVisible(ctx, idOfType(id, 'Family', 'id'), id);
  }

  @FieldResolver()
  async children(@Root() family: Family, @Ctx() ctx: Context): Promise<Child[]> {
    return keepVisibleChildren(ctx, await ctx.loaders.childrenByFamily.load(family.id));
  }

  /** Guarded by the permission layer (CONTACT); the value carries `familyId`. */
  @FieldResolver()
  contact(@Root() family: Family): ContactSource {
    return contactOf(family);
  }

  /** Guarded by the permission layer (SOCIAL); the value carries `familyId`. */
  @FieldResolver()
  social(@Root() family: Family): FamilySocialSource {
    return { familyId: family.id, situation: family.socialSituation ?? null, notes: family.socialNotes ?? null };
  }
}

@Resolver(() => FamilyContactType)
export class FamilyContactResolver {
  @FieldResolver()
  guardians(@Root() block: ContactSource): Promise<Guardian[]> {
    return guardiansOf(block.family);
  }
}
