import { Field, ObjectType } from 'type-graphql';
import { EligibilityType } from './child.type';
import { ReferralType, TeamMeetingType } from './referral.type';

/** Warnings of ReferralEligibility: eligibility is computed and shown, never enforced (domain.md). */
export enum EligibilityWarning {
  /** Outside the programme's age band (2 to 16). */
  AGE_OUT_OF_RANGE = 'AGE_OUT_OF_RANGE',
  /** Neither schooled in REP/REP+ nor living in a QPV: not the priority public. */
  NOT_PRIORITY_PUBLIC = 'NOT_PRIORITY_PUBLIC',
}

@ObjectType('ReferralEligibility', {
  description: "The referred child's priority eligibility, with warnings for what falls outside it (a warning never prevents the referral).",
})
export class ReferralEligibilityType extends EligibilityType {
  @Field(() => [String], {
    description:
      'AGE_OUT_OF_RANGE (not aged 2 to 16 today), NOT_PRIORITY_PUBLIC (neither a REP/REP+ school nor a QPV home); empty when within the priority public.',
  })
  warnings!: string[];
}

@ObjectType('ReferralSubmissionPayload', { description: 'What submitReferral did.' })
export class ReferralSubmissionPayload {
  @Field({
    description:
      'true when the programme already has a child with the same first name, last name and birth date: nothing was created, and nothing about that child is shown; ask the PRE team.',
  })
  duplicateSuspected!: boolean;

  @Field(() => ReferralType, { nullable: true, description: 'The referral created; null when duplicateSuspected.' })
  referral?: ReferralType;

  @Field(() => ReferralEligibilityType, { nullable: true, description: "The child's eligibility, with warnings; null when duplicateSuspected." })
  eligibility?: ReferralEligibilityType;
}

@ObjectType('TeamMeetingPayload', { description: 'What recordTeamMeeting did.' })
export class TeamMeetingPayload {
  @Field(() => TeamMeetingType, { description: 'The meeting recorded.' })
  teamMeeting!: TeamMeetingType;

  @Field(() => [ReferralType], { description: 'The referrals linked to it, with their new versions.' })
  referrals!: ReferralType[];
}
