import { Field, InputType } from 'type-graphql';
import { PartnerKind, SchoolLevel, SchoolNetwork } from '../entities/enums';
import './enums';

@InputType('CreatePartnerInput', {
  description: 'A new partner structure of the programme (ADMIN). A school carries its UAI code, level and network; other kinds carry none of them.',
})
export class CreatePartnerInput {
  @Field(() => PartnerKind, { description: 'Kind of structure (it cannot be changed afterwards).' })
  kind!: PartnerKind;

  @Field({ description: 'Name of the structure (1 to 200 characters).' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Postal address (at most 300 characters).' })
  address?: string | null;

  @Field(() => String, { nullable: true, description: 'Schools only, required: UAI code, 7 digits and a letter (unique).' })
  uai?: string | null;

  @Field(() => SchoolLevel, { nullable: true, description: 'Schools only, required: maternelle, élémentaire or collège.' })
  schoolLevel?: SchoolLevel | null;

  @Field(() => SchoolNetwork, { nullable: true, description: 'Schools only: priority education network (NONE when absent).' })
  network?: SchoolNetwork | null;
}

@InputType('UpdatePartnerInput', { description: 'What changes of a partner (ADMIN); absent fields are kept, a null address is removed.' })
export class UpdatePartnerInput {
  @Field(() => String, { nullable: true, description: 'Name of the structure (1 to 200 characters).' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'Postal address (at most 300 characters); empty removes it.' })
  address?: string | null;

  @Field(() => String, { nullable: true, description: 'Schools only: UAI code, 7 digits and a letter (unique).' })
  uai?: string | null;

  @Field(() => SchoolLevel, { nullable: true, description: 'Schools only: level.' })
  schoolLevel?: SchoolLevel | null;

  @Field(() => SchoolNetwork, { nullable: true, description: 'Schools only: priority education network.' })
  network?: SchoolNetwork | null;
}
