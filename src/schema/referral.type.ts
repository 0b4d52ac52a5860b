import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Domain, ReferralStatus } from '../entities/enums';
import { NodeInterface } from './node.type';
import { ChildType, EligibilityType } from './child.type';
import { PartnerType } from './partner.type';
import { AccountType } from './account.type';
import { PageInfoType } from './page-info.type';
import { LocalDate } from './scalars';
import './enums';

@ObjectType('TeamMeeting', {
  implements: NodeInterface,
  description: 'A meeting of the multidisciplinary team (équipe pluridisciplinaire de soutien).',
})
export class TeamMeetingType extends NodeInterface {
  @Field(() => LocalDate, { description: 'When the meeting was held.' })
  heldOn!: string;

  @Field(() => [PartnerType], { nullable: true, description: 'The structures that attended (READ_TEAM_MEETINGS: the coordinator; FORBIDDEN for others).' })
  attendingPartners?: PartnerType[];

  @Field(() => String, { nullable: true, description: 'The decisions recorded (READ_TEAM_MEETINGS: the coordinator; FORBIDDEN for others).' })
  decisions?: string;
}

@ObjectType('Referral', { implements: NodeInterface, description: 'A referral (orientation, fiche de repérage) of a child to the programme. PATHWAY data.' })
export class ReferralType extends NodeInterface {
  @Field(() => Int, { description: 'Version of the row: send it back with an edit (a stale one is CONFLICT).' })
  version!: number;

  @Field(() => ChildType, { nullable: true, description: "The referred child; null when outside the viewer's rows." })
  child?: ChildType;

  @Field(() => ReferralStatus, { description: 'Status of the referral.' })
  status!: ReferralStatus;

  @Field(() => LocalDate, { description: 'When the child was referred.' })
  referredOn!: string;

  @Field(() => [Domain], { description: 'Domains of concern.' })
  domains!: Domain[];

  @Field({ description: 'Why the child is referred.' })
  description!: string;

  @Field(() => PartnerType, { nullable: true, description: 'The structure that referred the child.' })
  referringPartner?: PartnerType;

  @Field(() => LocalDate, { nullable: true, description: 'When the team decided.' })
  decidedOn?: string;

  @Field(() => String, { nullable: true, description: 'Reason of the decision.' })
  decisionReason?: string;

  @Field(() => TeamMeetingType, { nullable: true, description: 'The team meeting that reviewed it.' })
  teamMeeting?: TeamMeetingType;

  @Field(() => AccountType, { nullable: true, description: 'The pathway referent it was handed to.' })
  assignedTo?: AccountType;

  @Field(() => EligibilityType, { nullable: true, description: "The child's computed priority eligibility; null when the child is outside the viewer's rows." })
  eligibility?: EligibilityType;

  @Field(() => ChildType, {
    nullable: true,
    description:
      "A child of the programme with the same names and birth date as this referral's new child, for the coordinator to decide on; " +
      "null when there is none or when it is outside the viewer's rows (the submitter is never told).",
  })
  suspectedDuplicateOf?: ChildType;
}

@ObjectType('ReferralEdge', { description: 'A referral in a page of referrals.' })
export class ReferralEdgeType {
  @Field({ description: 'Opaque cursor of this referral (it names the row only): pass it as `after` for the older referrals, as `before` for the newer ones.' })
  cursor!: string;

  @Field(() => ReferralType, { description: 'The referral.' })
  node!: ReferralType;
}

@ObjectType('ReferralConnection', { description: 'A page of referrals, newest first (referral date, then id).' })
export class ReferralConnectionType {
  @Field(() => [ReferralEdgeType], { description: 'The referrals of this page.' })
  edges!: ReferralEdgeType[];

  @Field(() => PageInfoType, { description: 'Where this page stands.' })
  pageInfo!: PageInfoType;

  @Field(() => Int, { description: 'Number of referrals matching, over all pages.' })
  totalCount!: number;
}

@ObjectType('SubmittedReferral', {
  description:
    "A referral as its submitter follows it (submittedReferrals, withdrawReferral): where it stands, never the child nor what the team wrote. The submitter's own row: a structure that referred a child it has no link to sees this and nothing more.",
})
export class SubmittedReferralType {
  @Field(() => ID, { description: 'ID of the referral (pass it to withdrawReferral).' })
  referralId!: string;

  @Field(() => Int, { description: 'Version of the referral, to send back with withdrawReferral (a stale one is CONFLICT).' })
  version!: number;

  @Field(() => ReferralStatus, { description: 'Status of the referral.' })
  status!: ReferralStatus;

  @Field(() => LocalDate, { description: 'When the child was referred.' })
  referredOn!: string;

  @Field(() => LocalDate, { nullable: true, description: 'When it was decided or withdrawn.' })
  decidedOn?: string;
}
