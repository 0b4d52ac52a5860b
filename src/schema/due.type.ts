import { Field, ObjectType } from 'type-graphql';
import { PathwayType } from './pathway.type';
import { ServiceLinkType } from './service-link.type';
import { ConsentType } from './consent.type';
import { ReferralType } from './referral.type';
import { LocalDate } from './scalars';

@ObjectType('DueView', {
  description:
    "What is due for the viewer (a pathway referent: its own caseload; the coordinator: the programme), as a portal's to-do list. " +
    'Only children of its rows with PATHWAY granted; each list oldest first (what is most overdue, or soonest, first).',
})
export class DueViewType {
  @Field(() => LocalDate, { description: 'The day the view was computed for (today, in France).' })
  today!: string;

  @Field(() => [PathwayType], { description: 'ACTIVE pathways with no review for `reviewWeeks` weeks (counted from their start when they have none).' })
  reviewsDue!: PathwayType[];

  @Field(() => [ServiceLinkType], { description: 'Links that grant now and whose last day (validUntil) is within `withinDays` days.' })
  linksExpiring!: ServiceLinkType[];

  @Field(() => [ConsentType], { description: 'Consents in force whose last day (expiresOn) is within `withinDays` days.' })
  consentsExpiring!: ConsentType[];

  @Field(() => [ReferralType], { description: 'Referrals waiting for a decision (SUBMITTED or UNDER_REVIEW), oldest first.' })
  referralsAwaitingDecision!: ReferralType[];
}
