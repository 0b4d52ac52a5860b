import { Field, Int, ObjectType } from 'type-graphql';
import { ChildTime } from '../entities/enums';
import { NodeInterface } from './node.type';
import { PartnerType } from './partner.type';
import { AccountType } from './account.type';
import { LocalDate } from './scalars';
import './enums';

@ObjectType('NeedsAssessment', { description: "Assessment of a child's needs by the inclusion referent. INCLUSION data." })
export class NeedsAssessmentType {
  @Field(() => LocalDate, { nullable: true, description: 'When the needs were assessed.' })
  date?: string;

  @Field(() => String, { nullable: true, description: 'Findings (needs, never the diagnosis).' })
  findings?: string;

  @Field(() => AccountType, { nullable: true, description: 'Who assessed them.' })
  assessedBy?: AccountType;
}

@ObjectType('Accommodation', { implements: NodeInterface, description: 'An accommodation a structure puts in place for the child. INCLUSION data.' })
export class AccommodationType extends NodeInterface {
  @Field(() => Int, { description: 'Version of the row: send it back with updateAccommodation or removeAccommodation (a stale one is CONFLICT).' })
  version!: number;

  @Field(() => PartnerType, { nullable: true, description: 'The structure that puts it in place.' })
  partner?: PartnerType;

  @Field({ description: 'What is put in place.' })
  description!: string;
}

@ObjectType('AdaptedActivity', {
  implements: NodeInterface,
  description: "An activity adapted to the child's needs in periscolaire or extrascolaire time. INCLUSION data.",
})
export class AdaptedActivityType extends NodeInterface {
  @Field(() => Int, { description: 'Version of the row: send it back with updateAdaptedActivity or removeAdaptedActivity (a stale one is CONFLICT).' })
  version!: number;

  @Field({ description: 'Title of the activity.' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'What the activity is and how it is adapted.' })
  description?: string;

  @Field(() => ChildTime, { description: 'Time of the child it takes place in.' })
  childTime!: ChildTime;

  @Field(() => PartnerType, { nullable: true, description: 'The structure running it.' })
  partner?: PartnerType;
}
