import { Field, Int, ObjectType } from 'type-graphql';
import { NodeInterface } from './node.type';
import { ChildType } from './child.type';
import { AddressType, GuardianType } from './guardian.type';

@ObjectType('FamilyContact', { description: "CONTACT data of a household: guardians, address and languages." })
export class FamilyContactType {
  @Field(() => [GuardianType], { description: 'Legal guardians of the household.' })
  guardians!: GuardianType[];

  @Field(() => AddressType, { description: 'Address of the household.' })
  address!: AddressType;

  @Field(() => [String], { description: 'Languages spoken at home (ISO 639-1 codes).' })
  languages!: string[];

  @Field({ description: 'Whether an interpreter is needed to talk with the family.' })
  interpreterNeeded!: boolean;
}

@ObjectType('FamilySocial', { description: 'SOCIAL data of a household.' })
export class FamilySocialType {
  @Field(() => String, { nullable: true, description: 'Situation of the household.' })
  situation?: string;

  @Field(() => String, { nullable: true, description: 'Social notes about the household.' })
  notes?: string;
}

@ObjectType('Family', {
  implements: NodeInterface,
  description:
    "A household (foyer). It has no identity fields of its own: its contact and social data are nullable blocks, granted when granted for one of its children in the viewer's rows.",
})
export class FamilyType extends NodeInterface {
  @Field(() => Int, { description: 'Version of the row: send it back with updateFamily (a stale one is CONFLICT).' })
  version!: number;

  @Field(() => [ChildType], { description: "The household's children that are in the viewer's rows." })
  children!: ChildType[];

  @Field(() => FamilyContactType, { nullable: true, description: 'CONTACT block. Null when CONTACT is not granted.' })
  contact?: FamilyContactType;

  @Field(() => FamilySocialType, { nullable: true, description: 'SOCIAL block. Null when SOCIAL is not granted.' })
  social?: FamilySocialType;
}
