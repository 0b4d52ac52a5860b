import { Field, Int, ObjectType } from 'type-graphql';
import { NodeInterface } from './node.type';
import { AccountType } from './account.type';
import { PartnerType } from './partner.type';
import { LocalDate } from './scalars';

@ObjectType('Workshop', { implements: NodeInterface, description: 'An awareness workshop (atelier de sensibilisation) for professionals. Holds no child data.' })
export class WorkshopType extends NodeInterface {
  @Field(() => LocalDate, { description: 'When it was held.' })
  heldOn!: string;

  @Field({ description: 'Topic.' })
  topic!: string;

  @Field(() => AccountType, { nullable: true, description: 'Who facilitated it.' })
  facilitator?: AccountType;

  @Field(() => [PartnerType], { description: 'Structures whose professionals attended.' })
  attendingPartners!: PartnerType[];

  @Field(() => Int, { description: 'Number of professionals who attended.' })
  professionalsCount!: number;

  @Field(() => Int, { description: 'Version of the workshop, to send back with recordWorkshopAttendance (a stale version is CONFLICT).' })
  version!: number;
}
