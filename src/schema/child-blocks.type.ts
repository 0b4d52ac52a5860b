import { Field, Float, ObjectType } from 'type-graphql';
import { FamilyMeetingType } from './family-meeting.type';
import { AttendanceConcern, InclusionStatus, PathwayClosureKind, PathwayStatus, ProtectionMeasure } from '../entities/enums';
import { AddressType, GuardianType } from './guardian.type';
import { ObservationType } from './observation.type';
import { AccountType } from './account.type';
import { AccommodationType, AdaptedActivityType, NeedsAssessmentType } from './inclusion.type';
import { InclusionFollowUpType } from './inclusion-follow-up.type';
import { ActionType, ObjectiveType, PathwayType, ReviewType } from './pathway.type';
import { ReferralType } from './referral.type';
import { ConsentType } from './consent.type';
import { ServiceLinkType } from './service-link.type';
import { LocalDate } from './scalars';
import './enums';

/*
 * One block per data category of a child. A block is returned whole or not at all: the
 * permission layer checks the block field on Child, and every block's runtime value
 * carries `childId` (./sources.ts) for checks on its sub-objects.
 */

@ObjectType('ChildContact', { description: "CONTACT data of a child: its household's guardians, address and languages." })
export class ChildContactType {
  @Field(() => [GuardianType], { description: 'Legal guardians of the household.' })
  guardians!: GuardianType[];

  @Field(() => AddressType, { description: 'Address of the household.' })
  address!: AddressType;

  @Field(() => [String], { description: 'Languages spoken at home (ISO 639-1 codes).' })
  languages!: string[];

  @Field({ description: 'Whether an interpreter is needed to talk with the family.' })
  interpreterNeeded!: boolean;
}

@ObjectType('ChildSchooling', { description: 'SCHOOLING data of a child.' })
export class ChildSchoolingType {
  @Field(() => AttendanceConcern, { description: 'Concern about school attendance.' })
  attendanceConcern!: AttendanceConcern;

  @Field({ description: 'Whether a personalised schooling project (PPS) is in place.' })
  hasPps!: boolean;

  @Field(() => Float, { nullable: true, description: 'Weekly hours of a support assistant (AESH), if any.' })
  aeshHours?: number;

  @Field(() => String, { nullable: true, description: 'Schooling arrangements in place.' })
  arrangements?: string;

  @Field(() => [ObservationType], { description: 'Observations of category SCHOOLING, newest first.' })
  observations!: ObservationType[];
}

@ObjectType('ChildSocial', { description: 'SOCIAL data of a child and of its household.' })
export class ChildSocialType {
  @Field(() => ProtectionMeasure, { description: 'Child protection measure in place, if any.' })
  protectionMeasure!: ProtectionMeasure;

  @Field(() => String, { nullable: true, description: 'Social follow-up of the child.' })
  followUp?: string;

  @Field(() => String, { nullable: true, description: 'Situation of the household.' })
  familySituation?: string;

  @Field(() => String, { nullable: true, description: 'Social notes about the household.' })
  familyNotes?: string;

  @Field(() => [ObservationType], { description: 'Observations of category SOCIAL, newest first.' })
  observations!: ObservationType[];
}

@ObjectType('ChildHealth', { description: 'HEALTH data of a child.' })
export class ChildHealthType {
  @Field(() => String, { nullable: true, description: 'Diagnosis.' })
  diagnosis?: string;

  @Field(() => String, { nullable: true, description: 'Medical follow-up (who, how often).' })
  medicalFollowUp?: string;

  @Field(() => String, { nullable: true, description: 'Decision of the MDPH (disability office), if any.' })
  mdphDecision?: string;

  @Field(() => String, { nullable: true, description: 'Treatments.' })
  treatments?: string;

  @Field(() => [ObservationType], { description: 'Observations of category HEALTH, newest first.' })
  observations!: ObservationType[];
}

@ObjectType('ChildInclusion', {
  description:
    "INCLUSION data of a child: its inclusion follow-up (projet d'accueil), needs and accommodations without diagnosis. " +
    'When the child has no follow-up, status is null and the lists are empty.',
})
export class ChildInclusionType {
  @Field(() => InclusionFollowUpType, { nullable: true, description: 'The follow-up as an object (its id and version, for the inclusion mutations); null when the child has none.' })
  followUp?: InclusionFollowUpType;

  @Field(() => InclusionStatus, { nullable: true, description: 'Status of the follow-up; null when the child has none.' })
  status?: InclusionStatus;

  @Field(() => AccountType, { nullable: true, description: 'Inclusion referent in charge.' })
  referent?: AccountType;

  @Field(() => NeedsAssessmentType, { nullable: true, description: 'Needs assessment; null until assessed.' })
  needsAssessment?: NeedsAssessmentType;

  @Field(() => String, { nullable: true, description: "The family's expectations." })
  familyExpectations?: string;

  @Field(() => String, { nullable: true, description: 'Inventory of needs.' })
  needsInventory?: string;

  @Field(() => String, { nullable: true, description: 'Means already in place.' })
  existingMeans?: string;

  @Field(() => String, { nullable: true, description: 'Practical arrangements of the PAI (never the diagnosis).' })
  paiArrangements?: string;

  @Field(() => String, { nullable: true, description: 'Emergency protocol staff must follow.' })
  emergencyProtocol?: string;

  @Field(() => [AccommodationType], { description: 'Accommodations, per structure.' })
  accommodations!: AccommodationType[];

  @Field(() => [AdaptedActivityType], { description: 'Activities adapted to the child.' })
  adaptedActivities!: AdaptedActivityType[];

  @Field(() => [FamilyMeetingType], { description: "The inclusion referent's meetings with the family about this child or the whole household, newest first." })
  familyMeetings!: FamilyMeetingType[];

  @Field(() => [ObservationType], { description: 'Observations of category INCLUSION, newest first.' })
  observations!: ObservationType[];
}

@ObjectType('ChildPathway', {
  description:
    "PATHWAY data of a child: its current pathway (the active one, else suspended, else draft, else the last closed), plus the child's referrals, consents and service links. " +
    'When the child has no pathway, status is null and the pathway lists are empty.',
})
export class ChildPathwayType {
  @Field(() => PathwayType, { nullable: true, description: 'The current pathway as a node (for its id); null when the child has none.' })
  current?: PathwayType;

  @Field(() => PathwayStatus, { nullable: true, description: 'Status of the current pathway; null when the child has none.' })
  status?: PathwayStatus;

  @Field(() => LocalDate, { nullable: true, description: 'Start date of the current pathway.' })
  startDate?: string;

  @Field(() => LocalDate, { nullable: true, description: 'End date of the current pathway.' })
  endDate?: string;

  @Field(() => AccountType, { nullable: true, description: 'Pathway referent.' })
  referent?: AccountType;

  @Field(() => [ObjectiveType], { description: 'Objectives of the current pathway.' })
  objectives!: ObjectiveType[];

  @Field(() => [ActionType], { description: 'Actions of the current pathway.' })
  actions!: ActionType[];

  @Field(() => [ReviewType], { description: 'Reviews (bilans) of the current pathway, newest first.' })
  reviews!: ReviewType[];

  @Field(() => String, { nullable: true, description: 'Why the pathway was closed.' })
  closureReason?: string;

  @Field(() => PathwayClosureKind, { nullable: true, description: 'The kind of the closure, from a fixed list.' })
  closureKind?: PathwayClosureKind;

  @Field(() => [ReferralType], { description: 'Referrals of the child, newest first.' })
  referrals!: ReferralType[];

  @Field(() => [ConsentType], { description: 'Consents given for the child, newest first.' })
  consents!: ConsentType[];

  @Field(() => [ServiceLinkType], { description: 'Links between services for the child, newest first.' })
  serviceLinks!: ServiceLinkType[];
}
