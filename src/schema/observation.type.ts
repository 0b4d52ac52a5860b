import { Field, ObjectType } from 'type-graphql';
import { NodeInterface } from './node.type';
import { AccountType } from './account.type';
import { PartnerType } from './partner.type';
import { DateTimeISO } from './scalars';

@ObjectType('Observation', {
  implements: NodeInterface,
  description: 'A dated note a professional wrote about a child. It belongs to the category of the block it is listed in.',
})
export class ObservationType extends NodeInterface {
  @Field({ description: 'Text of the observation.' })
  text!: string;

  @Field(() => AccountType, { nullable: true, description: 'Who wrote it.' })
  author?: AccountType;

  @Field(() => PartnerType, { nullable: true, description: 'The structure the author wrote it for, if any.' })
  partner?: PartnerType;

  @Field(() => DateTimeISO, { description: 'When it was written.' })
  createdAt!: Date;
}
