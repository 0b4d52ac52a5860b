import { DataCategory } from '../entities/enums';
import { ReadAction } from './policy';

const { IDENTITY, CONTACT, SCHOOLING, SOCIAL, HEALTH, INCLUSION, PATHWAY } = DataCategory;

/**
 * The category map: the fields the permission layer guards, type → field → the data
 * category it carries (domain.md, "Data categories"). Everything personal outside
 * IDENTITY is reached through one of these fields, or through an entry point that checks
 * the category itself (ENTRY_POINT_CATEGORIES). For a Child field the child is the
 * parent (`parent.id`); for a Family field the children are the family's children in
 * the viewer's rows (`ctx.loaders.childrenByFamily` + `ctx.access`), and the field is
 * granted when it is granted for one of them.
 */
export const CATEGORY_FIELDS = {
  Child: {
    contact: CONTACT,
    schooling: SCHOOLING,
    social: SOCIAL,
    health: HEALTH,
    inclusion: INCLUSION,
    pathway: PATHWAY,
    serviceLinks: PATHWAY,
    consents: PATHWAY,
  },
  Family: {
    contact: CONTACT,
    social: SOCIAL,
  },
  // Guardians' names are CONTACT data (domain.md), even when shown as who gave a consent.
  Consent: {
    givenBy: CONTACT,
  },
  // The author of a comment is a guardian: CONTACT data, as a consent's giver.
  PathwayComment: {
    author: CONTACT,
  },
} as const satisfies Record<string, Record<string, DataCategory>>;

/** The names of the object types whose fields carry a data category. */
export const CATEGORY_TYPE_NAMES = Object.keys(CATEGORY_FIELDS) as (keyof typeof CATEGORY_FIELDS)[];

/**
 * Entry points that return objects of one category outside the blocks above; their
 * resolvers check the category themselves (FORBIDDEN), after the row (NOT_FOUND).
 * `referrals` filters instead: it lists only children with PATHWAY granted.
 * `node` checks the category of the type it resolves, from TYPE_CATEGORIES below
 * (src/resolvers/node.resolver.ts).
 */
export const ENTRY_POINT_CATEGORIES = {
  serviceLinks: PATHWAY,
  referrals: PATHWAY,
  pathway: PATHWAY,
  // Lists only children with PATHWAY granted, like `referrals`.
  due: PATHWAY,
} as const satisfies Record<string, DataCategory>;

/**
 * Root fields open only to the roles of a read of the policy (READ_POLICY, policy.ts): the
 * permission layer refuses every other role (FORBIDDEN) before the resolver runs.
 */
export const ROOT_FIELD_READS: Record<string, ReadAction> = {
  statistics: ReadAction.READ_STATISTICS,
  statisticsCatalogue: ReadAction.READ_STATISTICS,
  accounts: ReadAction.READ_ACCOUNTS,
  teamMeetings: ReadAction.READ_TEAM_MEETINGS,
  submittedReferrals: ReadAction.READ_OWN_SUBMISSIONS,
  due: ReadAction.READ_DUE,
};

/**
 * Fields below the roots open only to the roles of a read (READ_POLICY), wherever the
 * object is reached: a team meeting reached through a referral shows its date to whoever
 * sees the referral, and its minutes to the roles of READ_TEAM_MEETINGS alone.
 */
export const FIELD_READS: Record<string, Record<string, ReadAction>> = {
  TeamMeeting: {
    attendingPartners: ReadAction.READ_TEAM_MEETINGS,
    decisions: ReadAction.READ_TEAM_MEETINGS,
  },
};

/**
 * What every object type holds: the fields of a type are classified by it (heldDataOf,
 * src/permissions/fields.ts), and node(id) checks an object's category from it; the guard
 * points of the field layer are CATEGORY_FIELDS and the entry points above. A type of category C is only
 * reachable through a field of CATEGORY_FIELDS of category C, or through an entry point
 * that checks C; `INHERITED` (Observation) takes the category of the block listing it.
 * Field exceptions are in FIELD_CATEGORY_OVERRIDES. `REQUEST` (ChildExport): the answer to
 * a request of the table DATA_REQUEST_POLICY (src/permissions/policy.ts), which holds the
 * categories that table grants the requester and is reached only through the entry point
 * that checks it (childOfRequest, src/resolvers/data-request.resolver.ts).
 */
export type HeldData = DataCategory | 'NOT_PERSONAL' | 'INHERITED' | 'REQUEST';

export const TYPE_CATEGORIES: Record<string, HeldData> = {
  Child: IDENTITY,
  Eligibility: IDENTITY,
  Family: 'NOT_PERSONAL',
  ChildContact: CONTACT,
  FamilyContact: CONTACT,
  Guardian: CONTACT,
  // A guardian's portal invitation: about the guardian (CONTACT), without name or e-mail.
  GuardianInvitation: CONTACT,
  GuardianInvitationPayload: CONTACT,
  Address: CONTACT,
  ChildSchooling: SCHOOLING,
  ChildSocial: SOCIAL,
  FamilySocial: SOCIAL,
  ChildHealth: HEALTH,
  ChildInclusion: INCLUSION,
  NeedsAssessment: INCLUSION,
  Accommodation: INCLUSION,
  AdaptedActivity: INCLUSION,
  InclusionFollowUp: INCLUSION,
  FamilyMeeting: INCLUSION,
  ChildPathway: PATHWAY,
  Pathway: PATHWAY,
  Objective: PATHWAY,
  Action: PATHWAY,
  Review: PATHWAY,
  PathwayComment: PATHWAY,
  Referral: PATHWAY,
  Consent: PATHWAY,
  ConsentScope: PATHWAY,
  ServiceLink: PATHWAY,
  Observation: 'INHERITED',
  Partner: 'NOT_PERSONAL',
  Workshop: 'NOT_PERSONAL',
  TeamMeeting: 'NOT_PERSONAL',
  Account: 'NOT_PERSONAL',
  AccountEdge: 'NOT_PERSONAL',
  AccountConnection: 'NOT_PERSONAL',
  Caseload: 'NOT_PERSONAL',
  // Reached only through READ_ACCOUNTS (accounts) and the ADMIN's MANAGE_ACCOUNTS mutations.
  StaffAccount: 'NOT_PERSONAL',
  Programme: 'NOT_PERSONAL',
  ProgrammeSettings: 'NOT_PERSONAL',
  Viewer: 'NOT_PERSONAL',
  PageInfo: 'NOT_PERSONAL',
  ChildEdge: 'NOT_PERSONAL',
  ChildConnection: 'NOT_PERSONAL',
  ReferralEdge: 'NOT_PERSONAL',
  ReferralConnection: 'NOT_PERSONAL',
  // The access log: who read what, when (no child data); the query checks who may read it.
  AccessEvent: 'NOT_PERSONAL',
  AccessEventEdge: 'NOT_PERSONAL',
  AccessEventConnection: 'NOT_PERSONAL',
  AccessPolicy: 'NOT_PERSONAL',
  // The requests of families (DATA_REQUEST_POLICY): the DPO's search answers ids and names.
  ChildIdentityMatch: IDENTITY,
  ChildExport: 'REQUEST',
  ErasureReceipt: 'NOT_PERSONAL',
  LifetimeRun: 'NOT_PERSONAL',
  // Mutation payloads of the referral workflow (src/schema/mutation-payloads.type.ts).
  ReferralSubmissionPayload: PATHWAY,
  ReferralEligibility: IDENTITY,
  TeamMeetingPayload: PATHWAY,
  // The submitter's own referral, as it follows it: status and dates, no child, no text.
  SubmittedReferral: 'NOT_PERSONAL',
  // The due view: lists of PATHWAY objects of children the entry point filtered (PATHWAY granted).
  DueView: PATHWAY,
  // Statistics (src/statistics/): counts with small cells suppressed, no child data.
  StatisticsResult: 'NOT_PERSONAL',
  StatisticsRow: 'NOT_PERSONAL',
  StatisticsCount: 'NOT_PERSONAL',
  StatisticsCatalogue: 'NOT_PERSONAL',
  StatisticsTableInfo: 'NOT_PERSONAL',
  StatisticsDimensionInfo: 'NOT_PERSONAL',
  StatisticsDimensionValue: 'NOT_PERSONAL',
};

/** Fields whose data differs from their type's (the guard points, and links back to a child). */
export const FIELD_CATEGORY_OVERRIDES: Record<string, Record<string, HeldData>> = {
  ...CATEGORY_FIELDS,
  // The child of a PATHWAY object: a Child, whose own fields are IDENTITY or guarded blocks.
  ServiceLink: { child: IDENTITY },
  Referral: { child: IDENTITY, eligibility: IDENTITY, suspectedDuplicateOf: IDENTITY },
  Pathway: { child: IDENTITY },
  InclusionFollowUp: { child: IDENTITY },
  FamilyMeeting: { child: IDENTITY, family: 'NOT_PERSONAL' },
  GuardianInvitation: { createdBy: 'NOT_PERSONAL' },
  // The viewer's own account, and a guardian's own children (rows).
  Viewer: { children: IDENTITY },
  Family: { ...CATEGORY_FIELDS.Family, children: IDENTITY },
};

/** The data a field returns (see TYPE_CATEGORIES); undefined for a type not listed. */
export function heldDataOf(typeName: string, fieldName: string): HeldData | undefined {
  return FIELD_CATEGORY_OVERRIDES[typeName]?.[fieldName] ?? TYPE_CATEGORIES[typeName];
}
