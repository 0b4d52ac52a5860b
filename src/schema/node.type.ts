import { Field, ID, InterfaceType } from 'type-graphql';
import {
  Accommodation,
  Account,
  Action,
  AdaptedActivity,
  Child,
  Consent,
  Family,
  FamilyMeeting,
  InclusionFollowUp,
  Guardian,
  Objective,
  Observation,
  Partner,
  Pathway,
  Referral,
  Review,
  ServiceLink,
  TeamMeeting,
  Workshop,
} from '../entities';
import { entityOfRecord } from '../read/records';

/**
 * The GraphQL type of each runtime class. Resolvers return records of the read model
 * (src/read/records.ts: typed by the entity they were read from), entities (mutations) or
 * the value classes of ./sources, never the GraphQL classes, so the Node interface
 * resolves the concrete type from the entity class.
 */
const TYPE_OF_CLASS = new Map<unknown, string>([
  [Child, 'Child'],
  [Family, 'Family'],
  [Guardian, 'Guardian'],
  [Partner, 'Partner'],
  [Account, 'Account'],
  [Observation, 'Observation'],
  [ServiceLink, 'ServiceLink'],
  [Consent, 'Consent'],
  [Referral, 'Referral'],
  [TeamMeeting, 'TeamMeeting'],
  [Pathway, 'Pathway'],
  [Objective, 'Objective'],
  [Action, 'Action'],
  [Review, 'Review'],
  [Accommodation, 'Accommodation'],
  [AdaptedActivity, 'AdaptedActivity'],
  [Workshop, 'Workshop'],
  [InclusionFollowUp, 'InclusionFollowUp'],
  [FamilyMeeting, 'FamilyMeeting'],
]);

export function nodeTypeName(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  return TYPE_OF_CLASS.get(entityOfRecord(value) ?? value.constructor);
}

/**
 * The resolveType of each abstract type, as plain synchronous functions: type-graphql wraps
 * the one it is given in an async function, which compiled execution cannot await
 * (src/execution.ts puts these back).
 */
export const SYNC_TYPE_RESOLVERS: Record<string, (value: unknown) => string | undefined> = {
  Node: nodeTypeName,
};

@InterfaceType('Node', {
  description: 'An object with a global ID, which `node(id:)` fetches again (Relay Global Object Identification).',
  resolveType: (value: unknown) => SYNC_TYPE_RESOLVERS.Node!(value),
})
export abstract class NodeInterface {
  @Field(() => ID, {
    description: 'Opaque global identifier: pass it back as is, to `node(id:)` or to the arguments of type ID; never parse it.',
  })
  id!: string;
}
