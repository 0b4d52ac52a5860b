import { ArgsType, Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { Domain, Grade, GuardianRelationship, ReferralStatus } from '../entities/enums';
import { LocalDate } from './scalars';
import { ConnectionArgs } from './connection.args';
import './enums';

@ArgsType()
export class ReferralsArgs extends ConnectionArgs {
  @Field(() => ReferralStatus, { nullable: true, description: 'Only referrals with this status.' })
  status?: ReferralStatus;
}

/** The two outcomes of the team's review of a referral (REFERRAL machine: UNDER_REVIEW → ACCEPTED | DECLINED). */
export enum ReferralDecision {
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
}

registerEnumType(ReferralDecision, {
  name: 'ReferralDecision',
  description: 'What the multidisciplinary team decided about a referral under review.',
  valuesConfig: {
    ACCEPTED: { description: 'Accepted: a pathway may be opened.' },
    DECLINED: { description: 'Declined.' },
  },
});

@InputType('ReferralNewGuardianInput', { description: 'A legal guardian of a child referred for the first time.' })
export class ReferralNewGuardianInput {
  @Field({ description: 'First name (1 to 100 characters).' })
  firstName!: string;

  @Field({ description: 'Last name (1 to 100 characters).' })
  lastName!: string;

  @Field(() => GuardianRelationship, { description: 'Relationship to the child.' })
  relationship!: GuardianRelationship;

  @Field({ description: 'Holds parental authority (autorité parentale): only such a guardian can give consent.' })
  parentalAuthority!: boolean;

  @Field(() => String, { nullable: true, description: 'French phone number: 10 digits, or +33 and 9 digits.' })
  phone?: string | null;

  @Field(() => String, { nullable: true, description: 'E-mail address.' })
  email?: string | null;
}

@InputType('ReferralNewFamilyInput', { description: 'The household of a child referred for the first time.' })
export class ReferralNewFamilyInput {
  @Field({ description: 'Street address (1 to 300 characters).' })
  addressLine!: string;

  @Field({ description: 'Postal code: 5 digits.' })
  postalCode!: string;

  @Field({ description: 'City (1 to 100 characters).' })
  city!: string;

  @Field(() => String, { nullable: true, description: 'Code of the priority neighbourhood (QPV) the family lives in, e.g. QN04701M; null when none.' })
  qpvCode?: string | null;

  @Field(() => [ReferralNewGuardianInput], { description: 'The legal guardians: 1 to 4.' })
  guardians!: ReferralNewGuardianInput[];
}

@InputType('ReferralNewChildInput', { description: 'A child the programme does not know yet, with its family.' })
export class ReferralNewChildInput {
  @Field({ description: 'First name (1 to 100 characters).' })
  firstName!: string;

  @Field({ description: 'Last name (1 to 100 characters).' })
  lastName!: string;

  @Field(() => LocalDate, { description: 'Birth date: not in the future, at most 25 years ago.' })
  birthDate!: string;

  @Field(() => ID, { nullable: true, description: 'The school attended (ID of a SCHOOL partner of the programme); null when not schooled.' })
  schoolId?: string | null;

  @Field(() => Grade, { nullable: true, description: 'School grade; null when not schooled.' })
  grade?: Grade | null;

  @Field(() => ReferralNewFamilyInput, { description: 'The household.' })
  family!: ReferralNewFamilyInput;
}

@InputType('SubmitReferralInput', { description: 'A referral: exactly one of childId (a child already in your rows) and newChild.' })
export class SubmitReferralInput {
  @Field(() => ID, {
    nullable: true,
    description: "A child already known: one in the viewer's rows (for a partner agent, a child linked to its structure).",
  })
  childId?: string | null;

  @Field(() => ReferralNewChildInput, {
    nullable: true,
    description: 'A child not known yet: created with its family unless the programme already has a child of the same names and birth date.',
  })
  newChild?: ReferralNewChildInput | null;

  @Field(() => [Domain], { description: 'Domains of concern: at least one, no repeats.' })
  domains!: Domain[];

  @Field({ description: 'Why the child is referred (1 to 5000 characters).' })
  description!: string;
}

@ArgsType()
export class ReferralEditArgs {
  @Field(() => ID, { description: 'ID of the referral.' })
  id!: string;

  @Field(() => Int, { description: 'The version of the referral the client read: a stale one is CONFLICT.' })
  version!: number;
}

@ArgsType()
export class WithdrawReferralArgs extends ReferralEditArgs {
  @Field({ description: 'Why the referral is withdrawn (1 to 2000 characters; no names: the team reads it).' })
  reason!: string;
}

@InputType('DecideReferralInput', { description: 'The decision of the multidisciplinary team on a referral under review.' })
export class DecideReferralInput {
  @Field(() => ID, { description: 'ID of the referral.' })
  id!: string;

  @Field(() => Int, { description: 'The version of the referral the client read: a stale one is CONFLICT.' })
  version!: number;

  @Field(() => ReferralDecision, { description: 'Accepted or declined.' })
  decision!: ReferralDecision;

  @Field({ description: 'Reason of the decision (1 to 2000 characters).' })
  reason!: string;

  @Field(() => ID, { nullable: true, description: 'The team meeting that decided (ID of a TeamMeeting).' })
  teamMeetingId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The pathway referent the accepted referral is handed to (ID of an Account with role PATHWAY_REFERENT); only with ACCEPTED.',
  })
  assignedReferentId?: string | null;
}

@InputType('RecordTeamMeetingInput', { description: 'A meeting of the multidisciplinary team, as held.' })
export class RecordTeamMeetingInput {
  @Field(() => LocalDate, { description: 'When it was held: not in the future, at most a year ago.' })
  heldOn!: string;

  @Field(() => [ID], { description: 'The partner structures that attended (IDs of Partners): at least one, no repeats.' })
  attendingPartnerIds!: string[];

  @Field(() => String, { nullable: true, description: 'Decisions taken (at most 10000 characters). Kept for the PRE team; never shown on TeamMeeting.' })
  decisions?: string | null;

  @Field(() => [ID], { nullable: true, description: 'The referrals reviewed at the meeting (IDs of Referrals, no repeats): each is linked to the meeting.' })
  referralIds?: string[] | null;
}
