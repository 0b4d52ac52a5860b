import { Field, Int, ObjectType } from 'type-graphql';
import { Role } from '../entities/enums';
import { NodeInterface } from './node.type';
import { PartnerType } from './partner.type';
import { ChildType } from './child.type';
import { AccessPolicyType } from './access-log.type';
import './enums';

@ObjectType('Account', {
  implements: NodeInterface,
  description:
    "An account as others see it: its name only (never its email). One global ID per account: the signed-in account's own is `viewer.account.id`. A guardian's portal account is known only to itself (its name is its family's).",
})
export class AccountType extends NodeInterface {
  @Field({ description: 'Display name of the person.' })
  name!: string;

  // The fields below are read by the roles of READ_ACCOUNTS only (ADMIN, PRE_COORDINATOR:
  // src/permissions/policy.ts); FORBIDDEN for every other role.
  @Field(() => String, { nullable: true, description: 'E-mail of the account (ADMIN and PRE_COORDINATOR only).' })
  email?: string;

  @Field(() => Role, { nullable: true, description: 'Role of the account (ADMIN and PRE_COORDINATOR only).' })
  role?: Role;

  @Field(() => PartnerType, { nullable: true, description: 'The structure the account works for (ADMIN and PRE_COORDINATOR only; null when none).' })
  partner?: PartnerType;

  @Field(() => Boolean, { nullable: true, description: 'false once deactivated: its tokens no longer sign in (ADMIN and PRE_COORDINATOR only).' })
  active?: boolean;

  @Field(() => Int, { nullable: true, description: 'Version to send back with updateAccount and deactivateAccount (ADMIN and PRE_COORDINATOR only).' })
  version?: number;
}

@ObjectType('Viewer', {
  description: 'The signed-in account: what it may see, and its own details. Its global ID is `account.id`.',
})
export class ViewerType {
  @Field(() => AccountType, { description: 'The signed-in account as the others see it (the Account node: the same global ID everywhere).' })
  account!: AccountType;

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
