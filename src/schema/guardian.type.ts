import { Field, Int, ObjectType } from 'type-graphql';
import { GuardianRelationship } from '../entities/enums';
import { NodeInterface } from './node.type';
import './enums';

@ObjectType('Guardian', {
  implements: NodeInterface,
  description: 'A legal guardian (responsable légal) of the children of a family. CONTACT data.',
})
export class GuardianType extends NodeInterface {
  @Field(() => Int, { description: 'Version of the row: send it back with updateGuardian (a stale one is CONFLICT).' })
  version!: number;

  @Field({ description: 'First name.' })
  firstName!: string;

  @Field({ description: 'Last name.' })
  lastName!: string;

  @Field(() => GuardianRelationship, { description: 'Relationship to the children.' })
  relationship!: GuardianRelationship;

  @Field({ description: 'Whether the guardian holds parental authority (only such a guardian can give consent).' })
  parentalAuthority!: boolean;

  @Field(() => String, { nullable: true, description: 'Phone number.' })
  phone?: string;

  @Field(() => String, { nullable: true, description: 'Email address.' })
  email?: string;

  @Field({ description: 'Preferred language (ISO 639-1 code, e.g. `fr`).' })
  preferredLanguage!: string;
}

@ObjectType('Address', { description: "A family's postal address. CONTACT data." })
export class AddressType {
  @Field({ description: 'Street line (number, street, building).' })
  line!: string;

  @Field({ description: 'Postal code (5 digits).' })
  postalCode!: string;

  @Field({ description: 'City.' })
  city!: string;
}
