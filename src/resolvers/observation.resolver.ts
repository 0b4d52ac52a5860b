import { FieldResolver, Resolver, Root } from 'type-graphql';
import { Accommodation, Account, AdaptedActivity, Observation, Partner } from '../entities';
import { ObservationType } from '../schema/observation.type';
import { AccommodationType, AdaptedActivityType } from '../schema/inclusion.type';

@Resolver(() => ObservationType)
export class ObservationResolver {
  @FieldResolver()
  async author(@Root() observation: Observation): Promise<Account | null> {
    return (await observation.author.load()) ?? null;
  }

  @FieldResolver()
  async partner(@Root() observation: Observation): Promise<Partner | null> {
    return (await observation.partner?.load()) ?? null;
  }
}

@Resolver(() => AccommodationType)
export class AccommodationResolver {
  @FieldResolver()
  async partner(@Root() accommodation: Accommodation): Promise<Partner | null> {
    return (await accommodation.partner.load()) ?? null;
  }
}

@Resolver(() => AdaptedActivityType)
export class AdaptedActivityResolver {
  @FieldResolver()
  async partner(@Root() activity: AdaptedActivity): Promise<Partner | null> {
    return (await activity.partner?.load()) ?? null;
  }
}
