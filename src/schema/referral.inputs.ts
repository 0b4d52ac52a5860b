import { ArgsType, Field, Int } from 'type-graphql';
import { ReferralStatus } from '../entities/enums';
import './enums';

@ArgsType()
export class ReferralsArgs {
  @Field(() => Int, { nullable: true, defaultValue: 20, description: 'Page size, 0 to 100 (default 20).' })
  first?: number | null = 20;

  @Field(() => String, { nullable: true, description: 'Cursor after which the page starts (`endCursor` of the previous page).' })
  after?: string;

  @Field(() => ReferralStatus, { nullable: true, description: 'Only referrals with this status.' })
  status?: ReferralStatus;
}
