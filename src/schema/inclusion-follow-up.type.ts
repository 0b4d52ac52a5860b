import { Field, Int, ObjectType } from 'type-graphql';
import { InclusionStatus } from '../entities/enums';
import { NodeInterface } from './node.type';
import { AccountType } from './account.type';
import { ChildType } from './child.type';
import { DateTimeISO, LocalDate } from './scalars';
import './enums';

@ObjectType('InclusionFollowUp', {
  implements: NodeInterface,
  description:
    "The inclusion follow-up (projet d'accueil) of a child, as the object the inclusion mutations address: its id, status and version. " +
    'Its content is read in `Child.inclusion`. INCLUSION data.',
})
export class InclusionFollowUpType extends NodeInterface {
  @Field(() => ChildType, { nullable: true, description: "The child; null when outside the viewer's rows." })
  child?: ChildType;

  @Field(() => InclusionStatus, { description: 'Status: OPEN → ASSESSED → ACTIVE → CLOSED.' })
  status!: InclusionStatus;

  @Field(() => AccountType, { nullable: true, description: 'Inclusion referent in charge.' })
  referent?: AccountType;

  @Field(() => DateTimeISO, { description: 'When the follow-up was opened.' })
  createdAt!: Date;

  @Field(() => LocalDate, { nullable: true, description: 'The day it was closed; null while open.' })
  closedOn?: string;

  @Field(() => String, { nullable: true, description: 'What the follow-up came to, written when it was closed.' })
  outcome?: string;

  @Field(() => Int, { description: 'Version of the follow-up, to send back with recordNeedsAssessment or closeInclusionFollowUp (a stale version is CONFLICT).' })
  version!: number;
}
