import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { idOf, oneOf, type RecordOf, type ValueOf } from '../read/records';
import type { Accommodation, Account, AdaptedActivity, Observation, Partner } from '../entities';
import { ObservationType } from '../schema/observation.type';
import { AccommodationType, AdaptedActivityType } from '../schema/inclusion.type';

@Resolver(() => ObservationType)
export class ObservationResolver {
  @FieldResolver()
  author(@Root() observation: ValueOf<Observation>, @Ctx() ctx: Context): Promise<RecordOf<Account> | null> {
    return oneOf(ctx.loaders.accountById, idOf(observation, 'author'));
  }

  @FieldResolver()
  partner(@Root() observation: ValueOf<Observation>, @Ctx() ctx: Context): Promise<RecordOf<Partner> | null> {
    return oneOf(ctx.loaders.partnerById, idOf(observation, 'partner'));
  }
}

@Resolver(() => AccommodationType)
export class AccommodationResolver {
  @FieldResolver()
  partner(@Root() accommodation: ValueOf<Accommodation>, @Ctx() ctx: Context): Promise<RecordOf<Partner> | null> {
    return oneOf(ctx.loaders.partnerById, idOf(accommodation, 'partner'));
  }
}

@Resolver(() => AdaptedActivityType)
export class AdaptedActivityResolver {
  @FieldResolver()
  partner(@Root() activity: ValueOf<AdaptedActivity>, @Ctx() ctx: Context): Promise<RecordOf<Partner> | null> {
    return oneOf(ctx.loaders.partnerById, idOf(activity, 'partner'));
  }
}
