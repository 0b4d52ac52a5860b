import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type {
  Accommodation,
  Account,
  Action,
  AdaptedActivity,
  Consent,
  Guardian,
  Objective,
  Observation,
  Pathway,
  Referral,
  Review,
  ServiceLink,
} from '../entities';
import { DataCategory } from '../entities/enums';
import type { Context } from '../context';
import {
  ChildContactType,
  ChildHealthType,
  ChildInclusionType,
  ChildPathwayType,
  ChildSchoolingType,
  ChildSocialType,
} from '../schema/child-blocks.type';
import { NeedsAssessmentType } from '../schema/inclusion.type';
import type {
  ContactSource,
  HealthSource,
  InclusionSource,
  NeedsAssessmentSource,
  PathwayBlockSource,
  SchoolingSource,
  SocialSource,
} from '../schema/sources';
import { guardiansOf, pathwayActions, pathwayObjectives, pathwayReviews } from './relations';
import { childLinks } from './rows';

/*
 * Field resolvers of the category blocks of a child (Child.contact, .schooling, ...).
 * The block itself was allowed or refused by the permission layer; what is below only
 * fetches the block's lazy relations, in batches.
 */

@Resolver(() => ChildContactType)
export class ChildContactResolver {
  @FieldResolver()
  guardians(@Root() block: ContactSource): Promise<Guardian[]> {
    return guardiansOf(block.family);
  }
}

@Resolver(() => ChildSchoolingType)
export class ChildSchoolingResolver {
  @FieldResolver()
  observations(@Root() block: SchoolingSource, @Ctx() ctx: Context): Promise<Observation[]> {
    return ctx.loaders.observationsByChild.load({ childId: block.childId, category: DataCategory.SCHOOLING });
  }
}

@Resolver(() => ChildSocialType)
export class ChildSocialResolver {
  @FieldResolver()
  observations(@Root() block: SocialSource, @Ctx() ctx: Context): Promise<Observation[]> {
    return ctx.loaders.observationsByChild.load({ childId: block.childId, category: DataCategory.SOCIAL });
  }
}

@Resolver(() => ChildHealthType)
export class ChildHealthResolver {
  @FieldResolver()
  observations(@Root() block: HealthSource, @Ctx() ctx: Context): Promise<Observation[]> {
    return ctx.loaders.observationsByChild.load({ childId: block.childId, category: DataCategory.HEALTH });
  }
}

@Resolver(() => ChildInclusionType)
export class ChildInclusionResolver {
  @FieldResolver()
  async referent(@Root() block: InclusionSource): Promise<Account | null> {
    return (await block.followUp?.referent?.load()) ?? null;
  }

  @FieldResolver()
  needsAssessment(@Root() block: InclusionSource): NeedsAssessmentSource | null {
    const f = block.followUp;
    if (!f || (f.assessedOn == null && f.findings == null && f.assessedBy == null)) return null;
    return { childId: block.childId, followUp: f, date: f.assessedOn ?? null, findings: f.findings ?? null };
  }

  @FieldResolver()
  async accommodations(@Root() block: InclusionSource): Promise<Accommodation[]> {
    if (!block.followUp) return [];
    return (await block.followUp.accommodations.load()).getItems();
  }

  @FieldResolver()
  async adaptedActivities(@Root() block: InclusionSource): Promise<AdaptedActivity[]> {
    if (!block.followUp) return [];
    return (await block.followUp.adaptedActivities.load()).getItems();
  }

  @FieldResolver()
  observations(@Root() block: InclusionSource, @Ctx() ctx: Context): Promise<Observation[]> {
    return ctx.loaders.observationsByChild.load({ childId: block.childId, category: DataCategory.INCLUSION });
  }
}

@Resolver(() => NeedsAssessmentType)
export class NeedsAssessmentResolver {
  @FieldResolver()
  async assessedBy(@Root() block: NeedsAssessmentSource): Promise<Account | null> {
    return (await block.followUp.assessedBy?.load()) ?? null;
  }
}

@Resolver(() => ChildPathwayType)
export class ChildPathwayResolver {
  @FieldResolver()
  current(@Root() block: PathwayBlockSource): Pathway | null {
    return block.pathway;
  }

  @FieldResolver()
  async referent(@Root() block: PathwayBlockSource): Promise<Account | null> {
    return (await block.pathway?.referent.load()) ?? null;
  }

  @FieldResolver()
  objectives(@Root() block: PathwayBlockSource): Promise<Objective[]> {
    return block.pathway ? pathwayObjectives(block.pathway) : Promise.resolve([]);
  }

  @FieldResolver()
  actions(@Root() block: PathwayBlockSource): Promise<Action[]> {
    return block.pathway ? pathwayActions(block.pathway) : Promise.resolve([]);
  }

  @FieldResolver()
  reviews(@Root() block: PathwayBlockSource): Promise<Review[]> {
    return block.pathway ? pathwayReviews(block.pathway) : Promise.resolve([]);
  }

  @FieldResolver()
  referrals(@Root() block: PathwayBlockSource, @Ctx() ctx: Context): Promise<Referral[]> {
    return ctx.loaders.referralsByChild.load(block.childId);
  }

  @FieldResolver()
  consents(@Root() block: PathwayBlockSource, @Ctx() ctx: Context): Promise<Consent[]> {
    return ctx.loaders.consentsByChild.load(block.childId);
  }

  @FieldResolver()
  serviceLinks(@Root() block: PathwayBlockSource, @Ctx() ctx: Context): Promise<ServiceLink[]> {
    return childLinks(ctx, block.childId);
  }
}
