import { Field, ObjectType } from 'type-graphql';
import { Role } from '../entities/enums';
import { NodeInterface } from './node.type';
import { PartnerType } from './partner.type';
import { ChildType } from './child.type';
import { AccessPolicyType } from './access-log.type';
import './enums';

@ObjectType('AccountSummary', {
  implements: NodeInterface,
  description: "A professional's account as others see it: its name only (never its email).",
})
export class AccountSummaryType extends NodeInterface {
  @Field({ description: 'Display name of the person.' })
  name!: string;
}

@ObjectType('Viewer', {
  implements: NodeInterface,
  description: 'The signed-in account. Its id is only resolvable by the account itself.',
})
export class ViewerType extends NodeInterface {
  @Field({ description: 'Display name of the signed-in person.' })
  displayName!: string;

  @Field({ description: 'Email of the signed-in account.' })
  email!: string;

  @Field(() => Role, { description: 'Role of the account.' })
  role!: Role;

  @Field(() => PartnerType, { nullable: true, description: 'The structure the account works for; null for guardians and programme-wide roles without one.' })
  partner?: PartnerType;

  @Field(() => AccessPolicyType, { description: 'What this account may ask for: its category maximum and its rows, so that a portal can hide what it cannot show.' })
  accessPolicy!: AccessPolicyType;

  @Field(() => [ChildType], {
    description: "A guardian's own children (those it holds parental authority over); an empty list for every other role.",
  })
  children!: ChildType[];
}
