import { FieldResolver, Resolver, Root } from 'type-graphql';
import type { Child, Referral } from '../entities';
import { ChildConnectionType } from '../schema/child.type';
import { ReferralConnectionType } from '../schema/referral.type';
import type { Page } from './pagination';

/** totalCount costs a COUNT statement: run only when asked. */
@Resolver(() => ChildConnectionType)
export class ChildConnectionResolver {
  @FieldResolver()
  totalCount(@Root() page: Page<Child>): Promise<number> {
    return page.count();
  }
}

@Resolver(() => ReferralConnectionType)
export class ReferralConnectionResolver {
  @FieldResolver()
  totalCount(@Root() page: Page<Referral>): Promise<number> {
    return page.count();
  }
}
