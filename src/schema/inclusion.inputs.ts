import { Field, ID, InputType, Int } from 'type-graphql';
import { ChildTime } from '../entities/enums';
import { LocalDate } from './scalars';
import './enums';

@InputType('RecordNeedsAssessmentInput', {
  description: "The needs assessment of an inclusion follow-up (never the diagnosis). Optional fields left absent keep their value.",
})
export class RecordNeedsAssessmentInput {
  @Field(() => ID, { description: 'ID of the inclusion follow-up.' })
  followUpId!: string;

  @Field(() => Int, { description: 'Version of the follow-up the client read.' })
  version!: number;

  @Field(() => LocalDate, { description: 'When the needs were assessed (not in the future).' })
  assessedOn!: string;

  @Field({ description: 'Findings: needs, never the diagnosis.' })
  findings!: string;

  @Field(() => String, { nullable: true, description: "The family's expectations." })
  familyExpectations?: string | null;

  @Field(() => String, { nullable: true, description: 'Inventory of needs.' })
  needsInventory?: string | null;

  @Field(() => String, { nullable: true, description: 'Means already in place.' })
  existingMeans?: string | null;

  @Field(() => String, { nullable: true, description: 'Practical arrangements of the PAI (never the diagnosis).' })
  paiArrangements?: string | null;

  @Field(() => String, { nullable: true, description: 'Emergency protocol staff must follow.' })
  emergencyProtocol?: string | null;
}

@InputType('AddAdaptedActivityInput', { description: "An activity adapted to the child's needs, once its needs are assessed." })
export class AddAdaptedActivityInput {
  @Field(() => ID, { description: 'ID of the inclusion follow-up.' })
  followUpId!: string;

  @Field({ description: 'Title of the activity.' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'What the activity is and how it is adapted.' })
  description?: string | null;

  @Field(() => ChildTime, { description: 'Time of the child it takes place in.' })
  childTime!: ChildTime;

  @Field(() => ID, { nullable: true, description: 'ID of the structure running it, if any.' })
  partnerId?: string | null;
}

@InputType('RecordFamilyMeetingInput', { description: 'A meeting of the inclusion referent with a family.' })
export class RecordFamilyMeetingInput {
  @Field(() => ID, { description: 'ID of the family.' })
  familyId!: string;

  @Field(() => ID, { nullable: true, description: 'ID of the child of that family the meeting was about, if one.' })
  childId?: string | null;

  @Field(() => LocalDate, { description: 'When the meeting was held (not in the future).' })
  heldOn!: string;

  @Field(() => String, { nullable: true, description: 'Who attended.' })
  attendees?: string | null;

  @Field(() => String, { nullable: true, description: "The family's expectations." })
  expectations?: string | null;

  @Field(() => String, { nullable: true, description: 'Needs expressed or observed.' })
  needs?: string | null;

  @Field(() => String, { nullable: true, description: 'Means already in place.' })
  existingMeans?: string | null;

  @Field(() => String, { nullable: true, description: 'Next steps agreed.' })
  nextSteps?: string | null;
}

@InputType('ScheduleWorkshopInput', { description: 'An awareness workshop for professionals (no child data).' })
export class ScheduleWorkshopInput {
  @Field(() => LocalDate, { description: 'When it is (or was) held.' })
  heldOn!: string;

  @Field({ description: 'Topic (at most 200 characters).' })
  topic!: string;

  @Field(() => [ID], { description: 'IDs of the partners whose professionals are expected (may be empty).' })
  attendingPartnerIds!: string[];
}

@InputType('UpdateAccommodationInput', { description: 'An edit of an accommodation: the fields given change, the others stay.' })
export class UpdateAccommodationInput {
  @Field(() => ID, { description: 'ID of the accommodation.' })
  id!: string;

  @Field(() => Int, { description: 'Version of the accommodation the client read (a stale one is CONFLICT).' })
  version!: number;

  @Field(() => ID, { nullable: true, description: 'ID of the structure that puts it in place.' })
  partnerId?: string;

  @Field(() => String, { nullable: true, description: 'What is put in place.' })
  description?: string;
}

@InputType('UpdateAdaptedActivityInput', { description: 'An edit of an adapted activity: the fields given change, the others stay (`description: null` and `partnerId: null` clear them).' })
export class UpdateAdaptedActivityInput {
  @Field(() => ID, { description: 'ID of the adapted activity.' })
  id!: string;

  @Field(() => Int, { description: 'Version of the activity the client read (a stale one is CONFLICT).' })
  version!: number;

  @Field(() => String, { nullable: true, description: 'Title of the activity.' })
  title?: string;

  @Field(() => String, { nullable: true, description: 'What the activity is and how it is adapted.' })
  description?: string | null;

  @Field(() => ChildTime, { nullable: true, description: 'Time of the child it takes place in.' })
  childTime?: ChildTime;

  @Field(() => ID, { nullable: true, description: 'ID of the structure running it.' })
  partnerId?: string | null;
}
