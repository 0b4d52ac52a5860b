import { InMemoryCache, type TypePolicies } from '@apollo/client';
import { relayStylePagination } from '@apollo/client/utilities';

/**
 * The cache settings this schema needs in Apollo Client (README, "Client settings").
 *
 * - The connections (children, referrals, accessLog) are Relay connections: without
 *   `relayStylePagination`, `fetchMore` replaces the list by the last page instead of
 *   appending it. Their key arguments (the filters) keep one list per filter.
 * - The category blocks of a child and of a family (`contact`, `schooling`, `health`...)
 *   and the other objects without an `id` belong to their parent: `merge: true` lets two
 *   queries asking different fields of the same block add up, where the cache would
 *   otherwise replace the block and warn that data may be lost.
 * - `viewer` is one object per signed-in account (no id of its own: its account's is
 *   `viewer.account.id`).
 * - Every type implementing `Node` is listed in `possibleTypes`, so that fragments on
 *   `Node` (node(id:) { ... on Child { ... } }) match.
 *
 * tests/examples/portal-client.int.test.ts checks these lists against the schema.
 */

/** The object types without an `id` (stored inside their parent), but the connections, their edges, the viewer and the mutation payloads. */
export const EMBEDDED_TYPES = [
  'AccessEvent',
  'AccessPolicy',
  'Address',
  'Caseload',
  'ChildContact',
  'ChildExport',
  'ChildHealth',
  'ChildInclusion',
  'ChildPathway',
  'ChildSchooling',
  'ChildSocial',
  'ConsentScope',
  'DueView',
  'Eligibility',
  'FamilyContact',
  'FamilySocial',
  'NeedsAssessment',
  'Programme',
  'ProgrammeSettings',
  'ReferralEligibility',
  'StatisticsCatalogue',
  'StatisticsCount',
  'StatisticsDimensionInfo',
  'StatisticsDimensionValue',
  'StatisticsResult',
  'StatisticsRow',
  'StatisticsTableInfo',
] as const;

/** The object types implementing Node. */
export const NODE_TYPES = [
  'Accommodation',
  'Account',
  'Action',
  'AdaptedActivity',
  'Child',
  'Consent',
  'Family',
  'FamilyMeeting',
  'Guardian',
  'GuardianInvitation',
  'InclusionFollowUp',
  'Objective',
  'Observation',
  'Partner',
  'Pathway',
  'PathwayComment',
  'Referral',
  'Review',
  'ServiceLink',
  'TeamMeeting',
  'Workshop',
] as const;

export const typePolicies: TypePolicies = {
  Query: {
    fields: {
      children: relayStylePagination(['filter']),
      referrals: relayStylePagination(['status']),
      accessLog: relayStylePagination(['childId', 'from', 'to']),
      accounts: relayStylePagination(['filter']),
    },
  },
  Viewer: { keyFields: [] },
  ...Object.fromEntries(EMBEDDED_TYPES.map((type) => [type, { merge: true }])),
};

export function portalCache(): InMemoryCache {
  return new InMemoryCache({ typePolicies, possibleTypes: { Node: [...NODE_TYPES] } });
}
