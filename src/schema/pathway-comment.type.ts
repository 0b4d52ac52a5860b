import { Field, ObjectType } from 'type-graphql';
import { NodeInterface } from './node.type';
import { GuardianType } from './guardian.type';
import { DateTimeISO } from './scalars';

@ObjectType('PathwayComment', { implements: NodeInterface, description: "The family's word on a pathway: a guardian's comment. PATHWAY data." })
export class PathwayCommentType extends NodeInterface {
  @Field({ description: 'The comment.' })
  text!: string;

  @Field(() => DateTimeISO, { description: 'When it was written.' })
  createdAt!: Date;

  @Field(() => GuardianType, { nullable: true, description: 'The guardian who wrote it, the same Guardian as in `contact.guardians` (CONTACT data: null with FORBIDDEN without it).' })
  author?: GuardianType;
}
