import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { ActionKind, ActionStatus, ChildTime, Domain, ObjectiveStatus, PathwayClosureKind } from '../entities/enums';
import { LocalDate } from './scalars';
import './enums';

@InputType('OpenPathwayInput', { description: 'Opens the individualised pathway of a child, resting on a guardian consent.' })
export class OpenPathwayInput {
  @Field(() => ID, { description: 'ID of the child.' })
  childId!: string;

  @Field(() => ID, { description: 'The pathway referent (ID of an Account with role PATHWAY_REFERENT).' })
  referentId!: string;

  @Field(() => ID, {
    description: 'The consent the pathway rests on (ID of a Consent): of this child, purpose PATHWAY, given, not withdrawn, not expired.',
  })
  consentId!: string;

  @Field(() => LocalDate, { description: 'Start date: not in the future, at most a year ago.' })
  startDate!: string;
}

@ArgsType()
export class PathwayEditArgs {
  @Field(() => ID, { description: 'ID of the pathway.' })
  id!: string;

  @Field(() => Int, { description: 'The version of the pathway the client read: a stale one is CONFLICT.' })
  version!: number;
}

@ArgsType()
export class SuspendPathwayArgs extends PathwayEditArgs {
  @Field({ description: 'Why the pathway is suspended (1 to 2000 characters).' })
  reason!: string;
}

@ArgsType()
export class ClosePathwayArgs extends PathwayEditArgs {
  @Field({ description: 'Why the pathway is closed (1 to 2000 characters).' })
  reason!: string;

  @Field(() => PathwayClosureKind, { nullable: true, description: 'The kind of the closure, counted by the statistics (OTHER when not given).' })
  kind?: PathwayClosureKind;
}

@ArgsType()
export class AddObjectiveArgs {
  @Field(() => ID, { description: 'ID of the pathway.' })
  pathwayId!: string;

  @Field(() => Domain, { description: 'Domain of the objective.' })
  domain!: Domain;

  @Field({ description: 'The objective (1 to 1000 characters).' })
  text!: string;
}

@ArgsType()
export class UpdateObjectiveArgs {
  @Field(() => ID, { description: 'ID of the objective.' })
  id!: string;

  @Field(() => Int, { description: 'The version of the objective the client read: a stale one is CONFLICT.' })
  version!: number;

  @Field(() => String, { nullable: true, description: 'New text (1 to 1000 characters); absent or null: unchanged.' })
  text?: string | null;

  @Field(() => ObjectiveStatus, { nullable: true, description: 'New status (OPEN → an outcome); absent or null: unchanged.' })
  status?: ObjectiveStatus | null;
}

@InputType('AddActionInput', { description: 'An action: of one pathway (INDIVIDUAL) or shared by several (COLLECTIVE).' })
export class AddActionInput {
  @Field(() => [ID], {
    description: 'The pathways taking part (IDs of Pathways, no repeats): exactly one for INDIVIDUAL, at least two for COLLECTIVE; the viewer must be the referent of each.',
  })
  pathwayIds!: string[];

  @Field({ description: 'Title (1 to 200 characters).' })
  title!: string;

  @Field(() => ActionKind, { description: 'Individual or collective.' })
  kind!: ActionKind;

  @Field(() => Domain, { description: 'Domain of the action.' })
  domain!: Domain;

  @Field(() => ChildTime, { description: 'Time of the child the action takes place in.' })
  childTime!: ChildTime;

  @Field(() => ID, { nullable: true, description: 'The structure providing the action (ID of a Partner).' })
  providerPartnerId?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Start date, within two years of today.' })
  startDate?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'End date, within two years of today and not before the start date.' })
  endDate?: string | null;
}

@ArgsType()
export class UpdateActionArgs {
  @Field(() => ID, { description: 'ID of the action.' })
  id!: string;

  @Field(() => Int, { description: 'The version of the action the client read: a stale one is CONFLICT.' })
  version!: number;

  @Field(() => String, { nullable: true, description: 'New title (1 to 200 characters); absent or null: unchanged.' })
  title?: string | null;

  @Field(() => ActionStatus, { nullable: true, description: 'New status (PLANNED → IN_PROGRESS → DONE, or CANCELLED); absent or null: unchanged.' })
  status?: ActionStatus | null;

  @Field(() => String, { nullable: true, description: 'Outcome (1 to 2000 characters); absent or null: unchanged.' })
  outcome?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'New start date, within two years of today; absent or null: unchanged.' })
  startDate?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'New end date, within two years of today and not before the start date; absent or null: unchanged.' })
  endDate?: string | null;
}

@ArgsType()
export class AddReviewArgs {
  @Field(() => ID, { description: 'ID of the pathway.' })
  pathwayId!: string;

  @Field(() => LocalDate, { description: "When the review was held: not before the pathway's start date, not in the future." })
  heldOn!: string;

  @Field({ description: 'Progress observed (1 to 5000 characters).' })
  progress!: string;

  @Field(() => String, { nullable: true, description: 'Next steps agreed (at most 5000 characters).' })
  nextSteps?: string | null;
}

@ArgsType()
export class UpdateReviewArgs {
  @Field(() => ID, { description: 'ID of the review.' })
  id!: string;

  @Field(() => Int, { description: 'The version of the review the client read: a stale one is CONFLICT.' })
  version!: number;

  @Field(() => LocalDate, { nullable: true, description: "When the review was held: not before the pathway's start date, not in the future." })
  heldOn?: string;

  @Field(() => String, { nullable: true, description: 'Progress observed (1 to 5000 characters).' })
  progress?: string;

  @Field(() => String, { nullable: true, description: 'Next steps agreed (at most 5000 characters; null clears them).' })
  nextSteps?: string | null;
}
