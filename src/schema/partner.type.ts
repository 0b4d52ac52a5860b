import { Field, Int, ObjectType } from 'type-graphql';
import { PartnerKind, SchoolLevel, SchoolNetwork } from '../entities/enums';
import { NodeInterface } from './node.type';
import './enums';

@ObjectType('Partner', {
  implements: NodeInterface,
  description: 'A partner structure of the programme (school, social services, leisure centre, ...). Not personal data.',
})
export class PartnerType extends NodeInterface {
  @Field({ description: 'Name of the structure.' })
  name!: string;

  @Field(() => PartnerKind, { description: 'Kind of structure.' })
  kind!: PartnerKind;

  @Field(() => String, { nullable: true, description: 'Postal address of the structure.' })
  address?: string;

  @Field(() => String, { nullable: true, description: 'UAI code of a school (7 digits and a letter); null for other kinds.' })
  uai?: string;

  @Field(() => SchoolLevel, { nullable: true, description: 'Level of a school; null for other kinds.' })
  schoolLevel?: SchoolLevel;

  @Field(() => SchoolNetwork, { description: 'Priority education network of a school (NONE for other kinds).' })
  network!: SchoolNetwork;

  @Field({ description: 'false once the ADMIN deactivated it: its links grant nothing, and no new write may name it.' })
  active!: boolean;

  @Field(() => Int, { description: 'Version to send back with updatePartner and deactivatePartner.' })
  version!: number;
}
