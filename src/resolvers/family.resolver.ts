import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { Family } from '../entities';
import type { RecordOf } from '../read/records';
import type { Context } from '../context';
import { FamilyContactType, FamilyType } from '../schema/family.type';
import type { ContactSource, FamilySocialSource } from '../schema/sources';
import { idOfType } from '../schema/global-id';
import { fetchNode } from './node.resolver';
import { keepVisibleChildren, type ChildRecord } from './rows';
import { contactOf } from './contact';
import type { Guardian } from '../entities';

/** A family as the read paths give it, or as a mutation wrote it. */
type FamilyValue = Family | RecordOf<Family>;

@Resolver(() => FamilyType)
export class FamilyResolver {
  @Query(() => FamilyType, {
    nullable: true,
    description: "One household by ID. NOT_FOUND unless one of its children is in the viewer's rows.",
  })
  async family(@Arg('id', () => ID, { description: 'ID of the family.' }) id: string, @Ctx() ctx: Context): Promise<RecordOf<Family>> {
    // A family is visible when one of its children is in the viewer's rows (node.resolver.ts).
    return (await fetchNode(ctx, 'Family', idOfType(id, 'Family', 'id'), id)) as RecordOf<Family>;
  }

  @FieldResolver()
  async children(@Root() family: FamilyValue, @Ctx() ctx: Context): Promise<ChildRecord[]> {
    return keepVisibleChildren(ctx, await ctx.loaders.childrenByFamily.load(family.id));
  }

  /** Guarded by the permission layer (CONTACT); the value carries `familyId`. */
  @FieldResolver()
  contact(@Root() family: FamilyValue): ContactSource {
    return contactOf(family);
  }

  /** Guarded by the permission layer (SOCIAL); the value carries `familyId`. */
  @FieldResolver()
  social(@Root() family: FamilyValue): FamilySocialSource {
    return { familyId: family.id, situation: family.socialSituation ?? null, notes: family.socialNotes ?? null };
  }
}

@Resolver(() => FamilyContactType)
export class FamilyContactResolver {
  @FieldResolver()
  async guardians(@Root() block: ContactSource, @Ctx() ctx: Context): Promise<RecordOf<Guardian>[]> {
    return (await ctx.loaders.householdByFamily.load(block.familyId))?.guardians ?? [];
  }
}
