import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type {
  Accommodation,
  Account,
  Action,
  AdaptedActivity,
  Consent,
  FamilyMeeting,
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
import type { RecordOf } from '../read/records';
import { childLinks } from './rows';

/*
 * Field resolvers of the category blocks of a child (Child.contact, .schooling, ...).
 * The block itself was allowed or refused by the permission layer; what is below only
 * fetches the block's lazy relations, in batches.
 */

@Resolver(() => ChildContactType)
export class ChildContactResolver {
  @FieldResolver()
  async guardians(@Root() block: ContactSource, @Ctx() ctx: Context): Promise<RecordOf<Guardian>[]> {
    return (await ctx.loaders.householdByFamily.load(block.familyId))?.guardians ?? [];
  }
}

@Resolver(() => ChildSchoolingType)
export class ChildSchoolingResolver {
  @FieldResolver()
  observations(@Root() block: SchoolingSource, @Ctx() ctx: Context): Promise<RecordOf<Observation>[]> {
    return ctx.loaders.observationsByChild.load({ childId: block.childId, category: DataCategory.SCHOOLING });
  }
}

@Resolver(() => ChildSocialType)
export class ChildSocialResolver {
  @FieldResolver()
  observations(@Root() block: SocialSource, @Ctx() ctx: Context): Promise<RecordOf<Observation>[]> {
    return ctx.loaders.observationsByChild.load({ childId: block.childId, category: DataCategory.SOCIAL });
  }
}

@Resolver(() => ChildHealthType)
export class ChildHealthResolver {
  @FieldResolver()
  observations(@Root() block: HealthSource, @Ctx() ctx: Context): Promise<RecordOf<Observation>[]> {
    return ctx.loaders.observationsByChild.load({ childId: block.childId, category: DataCategory.HEALTH });
  }
}

@Resolver(() => ChildInclusionType)
export class ChildInclusionResolver {
  @FieldResolver()
  async referent(@Root() block: InclusionSource, @Ctx() ctx: Context): Promise<RecordOf<Account> | null> {
    const id = block.followUp?.referentId;
    return id ? ctx.loaders.accountById.load(id) : null;
  }

  @FieldResolver()
  needsAssessment(@Root() block: InclusionSource): NeedsAssessmentSource | null {
    const f = block.followUp;
    if (!f || (f.assessedOn == null && f.findings == null && f.assessedById == null)) return null;
    return { childId: block.childId, followUp: f, date: f.assessedOn ?? null, findings: f.findings ?? null };
  }

  @FieldResolver()
  async accommodations(@Root() block: InclusionSource, @Ctx() ctx: Context): Promise<RecordOf<Accommodation>[]> {
    return block.followUp ? ctx.loaders.accommodationsByFollowUp.load(block.followUp.id) : [];
  }

  @FieldResolver()
  async adaptedActivities(@Root() block: InclusionSource, @Ctx() ctx: Context): Promise<RecordOf<AdaptedActivity>[]> {
    return block.followUp ? ctx.loaders.adaptedActivitiesByFollowUp.load(block.followUp.id) : [];
  }

  @FieldResolver()
  familyMeetings(@Root() block: InclusionSource, @Ctx() ctx: Context): Promise<RecordOf<FamilyMeeting>[]> {
    return ctx.loaders.familyMeetingsByChild.load(block.childId);
  }

  @FieldResolver()
  observations(@Root() block: InclusionSource, @Ctx() ctx: Context): Promise<RecordOf<Observation>[]> {
    return ctx.loaders.observationsByChild.load({ childId: block.childId, category: DataCategory.INCLUSION });
  }
}

@Resolver(() => NeedsAssessmentType)
export class NeedsAssessmentResolver {
  @FieldResolver()
  async assessedBy(@Root() block: NeedsAssessmentSource, @Ctx() ctx: Context): Promise<RecordOf<Account> | null> {
    const id = block.followUp.assessedById;
    return id ? ctx.loaders.accountById.load(id) : null;
  }
}

@Resolver(() => ChildPathwayType)
export class ChildPathwayResolver {
  @FieldResolver()
  current(@Root() block: PathwayBlockSource): RecordOf<Pathway> | null {
    return block.pathway;
  }

  @FieldResolver()
  async referent(@Root() block: PathwayBlockSource, @Ctx() ctx: Context): Promise<RecordOf<Account> | null> {
    return block.pathway ? ctx.loaders.accountById.load(block.pathway.referentId) : null;
  }

  @FieldResolver()
  async objectives(@Root() block: PathwayBlockSource, @Ctx() ctx: Context): Promise<RecordOf<Objective>[]> {
    return block.pathway ? ctx.loaders.objectivesByPathway.load(block.pathway.id) : [];
  }

  @FieldResolver()
  async actions(@Root() block: PathwayBlockSource, @Ctx() ctx: Context): Promise<RecordOf<Action>[]> {
    return block.pathway ? ctx.loaders.actionsByPathway.load(block.pathway.id) : [];
  }

  @FieldResolver()
  async reviews(@Root() block: PathwayBlockSource, @Ctx() ctx: Context): Promise<RecordOf<Review>[]> {
    return block.pathway ? ctx.loaders.reviewsByPathway.load(block.pathway.id) : [];
  }

  @FieldResolver()
  referrals(@Root() block: PathwayBlockSource, @Ctx() ctx: Context): Promise<RecordOf<Referral>[]> {
    return ctx.loaders.referralsByChild.load(block.childId);
  }

  @FieldResolver()
  consents(@Root() block: PathwayBlockSource, @Ctx() ctx: Context): Promise<RecordOf<Consent>[]> {
    return ctx.loaders.consentsByChild.load(block.childId);
  }

  @FieldResolver()
  serviceLinks(@Root() block: PathwayBlockSource, @Ctx() ctx: Context): Promise<RecordOf<ServiceLink>[]> {
    return childLinks(ctx, block.childId);
  }
}
