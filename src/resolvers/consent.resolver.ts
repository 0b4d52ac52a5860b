import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { concernsViewer } from './rows';
import { Account, Consent, ConsentScope, Guardian, Partner } from '../entities';
import { ConsentScopeType, ConsentType } from '../schema/consent.type';

@Resolver(() => ConsentType)
export class ConsentResolver {
  /** The giver as a GuardianSummary: names and relationship, never phone or email. */
  @FieldResolver()
  async givenBy(@Root() consent: Consent): Promise<Guardian | null> {
    return (await consent.givenBy.load()) ?? null;
  }

  /** A partner agent sees only its own structure's line of a consent's scope (see concernsViewer). */
  @FieldResolver()
  async scope(@Root() consent: Consent, @Ctx() ctx: Context): Promise<ConsentScope[]> {
    return (await consent.scope.load()).getItems().filter((line) => concernsViewer(ctx, [line.partner.id]));
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
