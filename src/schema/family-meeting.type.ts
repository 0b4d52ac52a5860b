import { Field, Int, ObjectType } from 'type-graphql';
import { NodeInterface } from './node.type';
import { AccountType } from './account.type';
import { ChildType } from './child.type';
import { FamilyType } from './family.type';
import { LocalDate } from './scalars';

@ObjectType('FamilyMeeting', {
  implements: NodeInterface,
  description: 'A meeting of the inclusion referent with a family: expectations, needs, existing means, next steps. INCLUSION data.',
})
export class FamilyMeetingType extends NodeInterface {
  @Field(() => FamilyType, { nullable: true, description: "The household met; null when outside the viewer's rows." })
  family?: FamilyType;

  @Field(() => ChildType, { nullable: true, description: "The child the meeting was about, if one; null when none or outside the viewer's rows." })
  child?: ChildType;

  @Field(() => LocalDate, { description: 'When the meeting was held.' })
  heldOn!: string;

  @Field(() => AccountType, { nullable: true, description: 'Who held the meeting.' })
  heldBy?: AccountType;

  @Field(() => String, { nullable: true, description: 'Who attended.' })
  attendees?: string;

  @Field(() => String, { nullable: true, description: "The family's expectations." })
  expectations?: string;

  @Field(() => String, { nullable: true, description: 'Needs expressed or observed.' })
  needs?: string;

  @Field(() => String, { nullable: true, description: 'Means already in place.' })
  existingMeans?: string;

  @Field(() => String, { nullable: true, description: 'Next steps agreed.' })
  nextSteps?: string;

  @Field(() => Int, { description: 'Version of the record.' })
  version!: number;
}
