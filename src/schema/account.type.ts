import { ArgsType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ConnectionArgs } from './connection.args';
import { PageInfoType } from './page-info.type';
import { ProgrammeType } from './programme.type';
import { Role } from '../entities/enums';
import { NodeInterface } from './node.type';
import { PartnerType } from './partner.type';
import { ChildType } from './child.type';
import { AccessPolicyType } from './access-log.type';
import './enums';

@ObjectType('Caseload', { description: "What a pathway referent follows now: counts only, no child." })
export class CaseloadType {
  @Field(() => Int, { description: 'Its ACTIVE pathways (of active files).' })
  activePathways!: number;

  @Field(() => Int, { description: 'Accepted referrals handed to it whose child has no open pathway yet.' })
  openReferrals!: number;
}

@ObjectType('Account', {
  implements: NodeInterface,
  description:
    "An account as others see it: its name only (never its email). One global ID per account: the signed-in account's own is `viewer.account.id`. A guardian's portal account is known only to itself (its name is its family's).",
})
export class AccountType extends NodeInterface {
  @Field({ description: 'Display name of the person.' })
  name!: string;
}

@ObjectType('StaffAccount', {
  description:
    "A staff account as the ADMIN and the coordinator see it (accounts, and the ADMIN's account mutations): the Account node, its e-mail, role, partner, state and caseload. " +
    'Everyone else sees an account as its name only.',
})
export class StaffAccountType {
  @Field(() => AccountType, { description: 'The account (its global ID, to send to decideReferral or updateAccount).' })
  account!: AccountType;

  @Field({ description: 'E-mail of the account.' })
  email!: string;

  @Field(() => Role, { description: 'Role of the account.' })
  role!: Role;

  @Field(() => PartnerType, { nullable: true, description: 'The structure the account works for; null when none.' })
  partner?: PartnerType;

  @Field({ description: 'false once deactivated: its tokens no longer sign in.' })
  active!: boolean;

  @Field(() => Int, { description: 'Version to send back with updateAccount and deactivateAccount.' })
  version!: number;

  @Field(() => CaseloadType, { nullable: true, description: "A pathway referent's caseload; null for the other roles." })
  caseload?: CaseloadType;
}

@ObjectType('AccountEdge', { description: 'An account in a page of accounts.' })
export class AccountEdgeType {
  @Field({ description: 'Opaque cursor of this account (it names the row only).' })
  cursor!: string;

  @Field(() => StaffAccountType, { description: 'The account.' })
  node!: StaffAccountType;
}

@ObjectType('AccountConnection', { description: 'A page of staff accounts, by name (then id).' })
export class AccountConnectionType {
  @Field(() => [AccountEdgeType], { description: 'The accounts of this page.' })
  edges!: AccountEdgeType[];

  @Field(() => PageInfoType, { description: 'Where this page stands.' })
  pageInfo!: PageInfoType;

  @Field(() => Int, { description: 'Number of accounts matching, over all pages.' })
  totalCount!: number;
}

@InputType('AccountsFilter', { description: 'Which staff accounts to list; absent fields do not filter.' })
export class AccountsFilter {
  @Field(() => Role, { nullable: true, description: 'Only this role (GUARDIAN lists nothing: portal accounts are the families’).' })
  role?: Role | null;

  @Field(() => ID, { nullable: true, description: 'Only the accounts of this partner.' })
  partnerId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Only active (true) or deactivated (false) accounts.' })
  active?: boolean | null;
}

@ArgsType()
export class AccountsArgs extends ConnectionArgs {
  @Field(() => AccountsFilter, { nullable: true, description: 'Which accounts.' })
  filter?: AccountsFilter | null;
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

  @Field(() => ProgrammeType, { description: "The viewer's programme: name, INSEE code and settings." })
  programme!: ProgrammeType;

  @Field(() => AccessPolicyType, { description: 'What this account may ask for: its category maximum and its rows, so that a portal can hide what it cannot show.' })
  accessPolicy!: AccessPolicyType;

  @Field(() => [ChildType], {
    description: "A guardian's own children (those it holds parental authority over); an empty list for every other role.",
  })
  children!: ChildType[];
}
