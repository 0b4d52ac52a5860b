import { Field, Int, ObjectType } from 'type-graphql';
import { ActionKind, ActionStatus, ChildTime, Domain, ObjectiveStatus, PathwayClosureKind, PathwayStatus } from '../entities/enums';
import { NodeInterface } from './node.type';
import { PathwayCommentType } from './pathway-comment.type';
import { ChildType } from './child.type';
import { AccountType } from './account.type';
import { PartnerType } from './partner.type';
import { ConsentType } from './consent.type';
import { DateTimeISO, LocalDate } from './scalars';
import './enums';

@ObjectType('Objective', { implements: NodeInterface, description: 'An objective of a pathway. PATHWAY data.' })
export class ObjectiveType extends NodeInterface {
  @Field(() => Int, { description: 'Version of the row: send it back with an edit (a stale one is CONFLICT).' })
  version!: number;

  @Field(() => Domain, { description: 'Domain of the objective.' })
  domain!: Domain;

  @Field({ description: 'The objective.' })
  text!: string;

  @Field(() => ObjectiveStatus, { description: 'Where the objective stands.' })
  status!: ObjectiveStatus;
}

@ObjectType('Action', {
  implements: NodeInterface,
  description: 'An action of a pathway: individual, or collective (shared by several pathways). PATHWAY data.',
})
export class ActionType extends NodeInterface {
  @Field(() => Int, { description: 'Version of the row: send it back with an edit (a stale one is CONFLICT).' })
  version!: number;

  @Field({ description: 'Title of the action.' })
  title!: string;

  @Field(() => ActionKind, { description: 'Individual or collective.' })
  kind!: ActionKind;

  @Field(() => Domain, { description: 'Domain of the action.' })
  domain!: Domain;

  @Field(() => ChildTime, { description: 'Time of the child the action takes place in.' })
  childTime!: ChildTime;

  @Field(() => PartnerType, { nullable: true, description: 'The structure providing the action.' })
  provider?: PartnerType;

  @Field(() => ActionStatus, { description: 'Status of the action.' })
  status!: ActionStatus;

  @Field(() => LocalDate, { nullable: true, description: 'Start date.' })
  startDate?: string;

  @Field(() => LocalDate, { nullable: true, description: 'End date.' })
  endDate?: string;

  @Field(() => String, { nullable: true, description: 'Outcome of the action.' })
  outcome?: string;
}

@ObjectType('Review', { implements: NodeInterface, description: 'A review (bilan) of a pathway. PATHWAY data.' })
export class ReviewType extends NodeInterface {
  @Field(() => Int, { description: 'Version of the row: send it back with updateReview (a stale one is CONFLICT).' })
  version!: number;

  @Field(() => LocalDate, { description: 'When the review was held.' })
  heldOn!: string;

  @Field({ description: 'Progress observed.' })
  progress!: string;

  @Field(() => String, { nullable: true, description: 'Next steps agreed.' })
  nextSteps?: string;
}

@ObjectType('Pathway', { implements: NodeInterface, description: 'An individualised pathway (parcours individualisé) of one child. PATHWAY data.' })
export class PathwayType extends NodeInterface {
  @Field(() => Int, { description: 'Version of the row: send it back with an edit (a stale one is CONFLICT).' })
  version!: number;

  @Field(() => ChildType, { nullable: true, description: "The pathway's child; null when the child is outside the viewer's rows." })
  child?: ChildType;

  @Field(() => PathwayStatus, { description: 'Status of the pathway.' })
  status!: PathwayStatus;

  @Field(() => LocalDate, { nullable: true, description: 'Start date.' })
  startDate?: string;

  @Field(() => LocalDate, { nullable: true, description: 'End date.' })
  endDate?: string;

  @Field(() => DateTimeISO, { nullable: true, description: 'When the pathway was suspended; null unless it is SUSPENDED.' })
  suspendedAt?: Date;

  @Field(() => String, { nullable: true, description: "Why it is suspended (the coordinator's reason, or the withdrawal of its PATHWAY consent); null unless it is SUSPENDED." })
  suspensionReason?: string;

  @Field(() => String, { nullable: true, description: 'Why the pathway was closed.' })
  closureReason?: string;

  @Field(() => PathwayClosureKind, { nullable: true, description: 'The kind of the closure, from a fixed list.' })
  closureKind?: PathwayClosureKind;

  @Field(() => AccountType, { nullable: true, description: 'Pathway referent.' })
  referent?: AccountType;

  @Field(() => ConsentType, { nullable: true, description: 'The guardian consent (purpose PATHWAY) the pathway rests on.' })
  consent?: ConsentType;

  @Field(() => [ObjectiveType], { description: 'Objectives.' })
  objectives!: ObjectiveType[];

  @Field(() => [ActionType], { description: 'Actions, by start date.' })
  actions!: ActionType[];

  @Field(() => [ReviewType], { description: 'Reviews, newest first.' })
  reviews!: ReviewType[];

  @Field(() => [PathwayCommentType], { description: "The family's comments on the pathway, newest first." })
  comments!: PathwayCommentType[];
}
