import { ArgsType, Field, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeISO } from './scalars';
import { AccessAction, DataCategory } from '../entities/enums';
import { PageInfoType } from './page-info.type';
import { ConnectionArgs } from './connection.args';
import { AccountType } from './account.type';
import { PartnerType } from './partner.type';
import './enums';
import './data-request.type';
import { DataRequestAction } from '../permissions/policy';

@ObjectType('AccessEvent', { description: "One entry of the access log: who read or changed a child's data, when, and which categories." })
export class AccessEventType {
  @Field(() => DateTimeISO, { description: 'When it happened.' })
  at!: Date;

  @Field(() => AccessAction, { description: 'What was done (READ, DENIED, CREATE, UPDATE, GRANT, REVOKE...).' })
  action!: AccessAction;

  @Field({ description: 'The kind of object concerned (Child, Referral, ServiceLink...).' })
  entity!: string;

  @Field(() => [DataCategory], { description: 'The data categories read, refused or written.' })
  categories!: DataCategory[];

  @Field(() => AccountType, { description: 'The account that did it (its name only).' })
  account!: AccountType;

  @Field(() => PartnerType, { nullable: true, description: 'The structure that account works for, if any.' })
  partner?: PartnerType;

  @Field({ description: 'Identifier of the request, to match the server logs.' })
  requestId!: string;
}

@ObjectType('AccessEventEdge', { description: 'An access event in a page of the access log.' })
export class AccessEventEdgeType {
  @Field({ description: 'Opaque cursor of this event (it names the row only): pass it as `after` for older events, as `before` for newer ones.' })
  cursor!: string;

  @Field(() => AccessEventType, { description: 'The event.' })
  node!: AccessEventType;
}

@ObjectType('AccessEventConnection', { description: 'A page of the access log of one child, newest first.' })
export class AccessEventConnectionType {
  @Field(() => [AccessEventEdgeType], { description: 'The events of this page.' })
  edges!: AccessEventEdgeType[];

  @Field(() => PageInfoType, { description: 'Where this page stands.' })
  pageInfo!: PageInfoType;

  @Field(() => Int, { description: 'Number of events matching, over all pages.' })
  totalCount!: number;
}

@ArgsType()
export class AccessLogArgs extends ConnectionArgs {
  @Field(() => ID, { description: 'The child whose access log is read.' })
  childId!: string;

  @Field(() => DateTimeISO, { nullable: true, description: 'Only events at or after this instant.' })
  from?: Date;

  @Field(() => DateTimeISO, { nullable: true, description: 'Only events before this instant.' })
  to?: Date;
}

@ObjectType('AccessPolicy', { description: "What the signed-in account may ask for, so that a portal can hide what it cannot show." })
export class AccessPolicyType {
  @Field(() => [DataCategory], {
    description:
      'The most this account may ever see of a child in its rows (its role, and its partner kind for a partner agent). For a given child, the categories its links and the parents\' consent grant may be fewer: a block outside them comes back null with FORBIDDEN.',
  })
  maxCategories!: DataCategory[];

  @Field({ description: 'Which children this account may see at all, in words.' })
  rows!: string;

  @Field({ description: 'Whether the account may read access logs (DPO for any child of its programme, a guardian for its own children).' })
  canReadAccessLog!: boolean;

  @Field(() => [DataRequestAction], {
    description: 'The requests about one child this account may make outside its rows (access log, the DPO\'s search, export, erasure), from the policy table "Requests from families".',
  })
  requests!: DataRequestAction[];
  @Field({ description: 'Whether the account may read the statistics (`statistics`, `/statistics/<table>.csv`): the roles of READ_STATISTICS in the policy.' })
  canReadStatistics!: boolean;
}
