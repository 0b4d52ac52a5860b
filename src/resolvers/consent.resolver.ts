import { FieldResolver, Resolver, Root } from 'type-graphql';
import { Account, Consent, ConsentScope, Guardian, Partner } from '../entities';
import { ConsentScopeType, ConsentType } from '../schema/consent.type';

@Resolver(() => ConsentType)
export class ConsentResolver {
  /** The giver as a GuardianSummary: names and relationship, never phone or email. */
  @FieldResolver()
  async givenBy(@Root() consent: Consent): Promise<Guardian | null> {
    return (await consent.givenBy.load()) ?? null;
  }

  @FieldResolver()
  async scope(@Root() consent: Consent): Promise<ConsentScope[]> {
    return (await consent.scope.load()).getItems();
  }

  @FieldResolver()
  async recordedBy(@Root() consent: Consent): Promise<Account | null> {
    return (await consent.recordedBy?.load()) ?? null;
  }
}

@Resolver(() => ConsentScopeType)
export class ConsentScopeResolver {
  @FieldResolver()
  async partner(@Root() scope: ConsentScope): Promise<Partner | null> {
    return (await scope.partner.load()) ?? null;
  }
}
