import { ChildLifecycle, DataCategory, PartnerKind, Role } from '../entities/enums';

/**
 * The access policy as data (../shared/access-policy.md, "Role maxima and rows").
 * Everything the permission layer enforces is derived from these tables.
 */

const { IDENTITY, CONTACT, SCHOOLING, SOCIAL, HEALTH, INCLUSION, PATHWAY } = DataCategory;

/** How a role's rows (the children it may see at all) are determined. */
export enum RowRule {
  /** No child rows at all. */
  NONE = 'NONE',
  /** Every child of the programme. */
  PROGRAMME = 'PROGRAMME',
  /** Children of pathways it is referent of, and referrals handed to it. */
  REFERENT = 'REFERENT',
  /** Children with an inclusion follow-up opened with the family's consent, or an ACTIVE link it created. */
  INCLUSION = 'INCLUSION',
  /** Children with an ACTIVE link to its partner, valid today, resting on a valid consent. */
  SERVICE_LINK = 'SERVICE_LINK',
  /** Its own children, while it holds parental authority. */
  PARENTAL_AUTHORITY = 'PARENTAL_AUTHORITY',
}

/** The row rules in words (docs/access-policy.md, viewer.accessPolicy). */
export const ROW_RULE_TEXT: Record<RowRule, string> = {
  [RowRule.NONE]: 'none',
  [RowRule.PROGRAMME]: 'every child of the programme',
  [RowRule.REFERENT]: 'children of the pathways it is referent of, and of the referrals handed to it',
  [RowRule.INCLUSION]:
    "children with an inclusion follow-up opened with the family's INCLUSION_FOLLOW_UP consent (while it is in force), or an ACTIVE link it created (while it grants); HEALTH only where that consent's scope gives HEALTH to its structure",
  [RowRule.SERVICE_LINK]:
    "children with an ACTIVE link to its partner whose validity covers today (and whose consent, for a CONSENT link, is given, unexpired and not withdrawn)",
  [RowRule.PARENTAL_AUTHORITY]: 'its own children, while it holds parental authority',
};

/**
 * Policy, "Lifetime of the data": the files each row rule reaches. An archived file is
 * "readable by the coordinator and the DPO only"; an anonymised one by no one (the DPO
 * reaches files through DATA_REQUEST_POLICY below, never by rows).
 */
export const ROW_RULE_LIFECYCLES: Record<RowRule, readonly ChildLifecycle[]> = {
  [RowRule.NONE]: [],
  [RowRule.PROGRAMME]: [ChildLifecycle.ACTIVE, ChildLifecycle.ARCHIVED],
  [RowRule.REFERENT]: [ChildLifecycle.ACTIVE],
  [RowRule.INCLUSION]: [ChildLifecycle.ACTIVE],
  [RowRule.SERVICE_LINK]: [ChildLifecycle.ACTIVE],
  [RowRule.PARENTAL_AUTHORITY]: [ChildLifecycle.ACTIVE],
};

/** The lifecycles any read may reach at all (an anonymised child is read by no path). */
export const READABLE_LIFECYCLES: readonly ChildLifecycle[] = [...new Set(Object.values(ROW_RULE_LIFECYCLES).flat())];

export interface RolePolicy {
  rows: RowRule;
  /** The most a role may ever see of a child it may see. */
  maxCategories: readonly DataCategory[];
}

/** Policy table "Role maxima and rows". */
export const ROLE_POLICY: Record<Role, RolePolicy> = {
  [Role.ADMIN]: { rows: RowRule.NONE, maxCategories: [] },
  [Role.PRE_COORDINATOR]: {
    rows: RowRule.PROGRAMME,
    maxCategories: [IDENTITY, CONTACT, SCHOOLING, SOCIAL, INCLUSION, PATHWAY],
  },
  [Role.PATHWAY_REFERENT]: {
    rows: RowRule.REFERENT,
    maxCategories: [IDENTITY, CONTACT, SCHOOLING, SOCIAL, INCLUSION, PATHWAY],
  },
  [Role.INCLUSION_REFERENT]: {
    rows: RowRule.INCLUSION,
    maxCategories: [IDENTITY, CONTACT, SCHOOLING, INCLUSION, HEALTH, PATHWAY],
  },
  // A partner agent's maximum is its partner kind's (PARTNER_KIND_MAX below).
  [Role.PARTNER_AGENT]: { rows: RowRule.SERVICE_LINK, maxCategories: [] },
  [Role.GUARDIAN]: {
    rows: RowRule.PARENTAL_AUTHORITY,
    maxCategories: [IDENTITY, CONTACT, SCHOOLING, INCLUSION, HEALTH, PATHWAY],
  },
  // Aggregates only (cells under 5 suppressed): no child rows.
  [Role.ANALYST]: { rows: RowRule.NONE, maxCategories: [] },
  // The access log, export and erasure on request: no browsing.
  [Role.DPO]: { rows: RowRule.NONE, maxCategories: [] },
};

/** Policy table "Role maxima and rows", PARTNER_AGENT lines: the maximum per partner kind. */
export const PARTNER_KIND_MAX: Record<PartnerKind, readonly DataCategory[]> = {
  [PartnerKind.SCHOOL]: [IDENTITY, SCHOOLING, INCLUSION, PATHWAY],
  [PartnerKind.SOCIAL_SERVICES]: [IDENTITY, CONTACT, SOCIAL, PATHWAY],
  [PartnerKind.LEISURE_CENTRE]: [IDENTITY, CONTACT, INCLUSION],
  [PartnerKind.HEALTH]: [IDENTITY, CONTACT, HEALTH, INCLUSION],
  [PartnerKind.SPORTS]: [IDENTITY, CONTACT, INCLUSION],
  [PartnerKind.CULTURE]: [IDENTITY, CONTACT, INCLUSION],
  // Staff of the PRE team and the inclusion service act through their own roles, not as
  // partner agents: an agent account of these kinds sees nothing (the stricter reading).
  [PartnerKind.PRE_TEAM]: [],
  [PartnerKind.INCLUSION_SERVICE]: [],
};

/**
 * The structures whose staff act through roles of their own, not as partner agents: a
 * line of a consent's scope naming one of them gives that role's categories (the family
 * consents to the inclusion service knowing HEALTH, which the inclusion referent then
 * sees: "HEALTH only where that consent's scope covers HEALTH").
 */
export const STAFF_ROLE_OF_KIND: Partial<Record<PartnerKind, Role>> = {
  [PartnerKind.PRE_TEAM]: Role.PATHWAY_REFERENT,
  [PartnerKind.INCLUSION_SERVICE]: Role.INCLUSION_REFERENT,
};

/** The most a line of a consent's scope may give a partner of this kind. */
export function consentScopeMaximum(kind: PartnerKind): readonly DataCategory[] {
  const staffRole = STAFF_ROLE_OF_KIND[kind];
  return staffRole ? ROLE_POLICY[staffRole].maxCategories : PARTNER_KIND_MAX[kind];
}

/** The category maximum of a viewer, from its role and (for partner agents) its partner's kind. */
export function maxCategories(role: Role, partnerKind?: PartnerKind): readonly DataCategory[] {
  if (role === Role.PARTNER_AGENT) return partnerKind ? PARTNER_KIND_MAX[partnerKind] : [];
  return ROLE_POLICY[role].maxCategories;
}

/** What a mutation does, in the words of the policy table "Writes". */
export enum WriteAction {
  SUBMIT_REFERRAL = 'SUBMIT_REFERRAL',
  REVIEW_REFERRAL = 'REVIEW_REFERRAL',
  RECORD_TEAM_MEETING = 'RECORD_TEAM_MEETING',
  RUN_PATHWAY = 'RUN_PATHWAY',
  EDIT_PATHWAY_CONTENT = 'EDIT_PATHWAY_CONTENT',
  RECORD_CONSENT = 'RECORD_CONSENT',
  GIVE_CONSENT = 'GIVE_CONSENT',
  MANAGE_LINKS = 'MANAGE_LINKS',
  MANAGE_INCLUSION = 'MANAGE_INCLUSION',
  ADD_OBSERVATION = 'ADD_OBSERVATION',
  WITHDRAW_REFERRAL = 'WITHDRAW_REFERRAL',
  EDIT_CHILD_FILE = 'EDIT_CHILD_FILE',
  COMMENT_PATHWAY = 'COMMENT_PATHWAY',
  ERASE_CHILD = 'ERASE_CHILD',
  MANAGE_PARTNERS = 'MANAGE_PARTNERS',
  MANAGE_ACCOUNTS = 'MANAGE_ACCOUNTS',
  INVITE_GUARDIAN = 'INVITE_GUARDIAN',
}

/** The requests of families (RGPD articles 15 and 17) and the access log, in the words of the policy. */
export enum DataRequestAction {
  /** Read a child's access log. */
  READ_ACCESS_LOG = 'READ_ACCESS_LOG',
  /** Find a child by exact identity (last name, first name, birth date), for a request. */
  FIND_CHILD = 'FIND_CHILD',
  /** The whole file of one child as one JSON document (RGPD article 15). */
  EXPORT_CHILD = 'EXPORT_CHILD',
  /** Erase one child's personal data everywhere (RGPD article 17). */
  ERASE_CHILD = 'ERASE_CHILD',
  /** Read the daily runs of the data's lifetime (archiving, anonymisation, log retention). */
  READ_LIFETIME_RUNS = 'READ_LIFETIME_RUNS',
}

/** Which children a request may name. */
export enum RequestScope {
  /** Any child of the programme whose file is not anonymised (ACTIVE or ARCHIVED). */
  PROGRAMME_FILES = 'PROGRAMME_FILES',
  /** Its own rows (a guardian: its children, while it holds parental authority and the file is active). */
  OWN_ROWS = 'OWN_ROWS',
}

export const REQUEST_SCOPE_TEXT: Record<RequestScope, string> = {
  [RequestScope.PROGRAMME_FILES]: 'any child of its programme whose file is active or archived',
  [RequestScope.OWN_ROWS]: 'the children of its rows',
};

export interface RequestGrant {
  scope: RequestScope;
  /** The categories the answer holds (an export: the blocks of the document). */
  categories: readonly DataCategory[];
}

/**
 * Policy table "Requests from families" (access-policy.md, DPO and GUARDIAN lines of
 * "Writes" and "Role maxima"): who may make each request, about which children, and
 * with which categories in the answer. A role not listed may not: NOT_FOUND for a child,
 * FORBIDDEN for the request itself.
 */
export const DATA_REQUEST_POLICY: Record<DataRequestAction, Partial<Record<Role, RequestGrant>>> = {
  // "DPO: the access log"; a guardian: who saw its children's data.
  [DataRequestAction.READ_ACCESS_LOG]: {
    [Role.DPO]: { scope: RequestScope.PROGRAMME_FILES, categories: [] },
    [Role.GUARDIAN]: { scope: RequestScope.OWN_ROWS, categories: [] },
  },
  // "DPO: find one child by exact identity for a request": ids and names only.
  [DataRequestAction.FIND_CHILD]: {
    [Role.DPO]: { scope: RequestScope.PROGRAMME_FILES, categories: [IDENTITY] },
  },
  // "DPO: export its data" (every category); "GUARDIAN: download its children's data",
  // within its own maximum (SOCIAL notes reach the family through the DPO, who judges
  // what the child's interest allows), the other family members' data left out.
  [DataRequestAction.EXPORT_CHILD]: {
    [Role.DPO]: { scope: RequestScope.PROGRAMME_FILES, categories: Object.values(DataCategory) },
    [Role.GUARDIAN]: { scope: RequestScope.OWN_ROWS, categories: ROLE_POLICY[Role.GUARDIAN].maxCategories },
  },
  // "DPO: erase its data".
  [DataRequestAction.ERASE_CHILD]: {
    [Role.DPO]: { scope: RequestScope.PROGRAMME_FILES, categories: Object.values(DataCategory) },
  },
  // "DPO: retention": what the daily runs did (counts, no child).
  [DataRequestAction.READ_LIFETIME_RUNS]: {
    [Role.DPO]: { scope: RequestScope.PROGRAMME_FILES, categories: [] },
  },
};

/** What `role` may do of `action`, or undefined when it may not. */
export function requestGrant(action: DataRequestAction, role: Role): RequestGrant | undefined {
  return DATA_REQUEST_POLICY[action][role];
}

/** The requests a role may make (viewer.accessPolicy). */
export function requestsOf(role: Role): DataRequestAction[] {
  return Object.values(DataRequestAction).filter((action) => requestGrant(action, role));
}

/**
 * Policy table "Writes" (access-policy.md): the roles that may perform each write. Rows
 * still apply on top (a referent edits only its own pathways, a guardian consents only for
 * its own children, a partner observes only linked children in categories it may read).
 */
export const WRITE_POLICY: Record<WriteAction, readonly Role[]> = {
  // "PARTNER_AGENT: submit a referral"; the PRE team refers too (domain.md).
  [WriteAction.SUBMIT_REFERRAL]: [Role.PARTNER_AGENT, Role.PRE_COORDINATOR, Role.PATHWAY_REFERENT],
  // "PRE_COORDINATOR: review referrals, record team decisions"
  [WriteAction.REVIEW_REFERRAL]: [Role.PRE_COORDINATOR],
  [WriteAction.RECORD_TEAM_MEETING]: [Role.PRE_COORDINATOR],
  // "PRE_COORDINATOR: open/close pathways, assign referents"
  [WriteAction.RUN_PATHWAY]: [Role.PRE_COORDINATOR],
  // "PATHWAY_REFERENT: edit objectives, actions and reviews of its pathways"
  [WriteAction.EDIT_PATHWAY_CONTENT]: [Role.PATHWAY_REFERENT],
  // "PATHWAY_REFERENT: record consent given on paper"; "INCLUSION_REFERENT: record consent"
  [WriteAction.RECORD_CONSENT]: [Role.PATHWAY_REFERENT, Role.INCLUSION_REFERENT],
  // "GUARDIAN: give and withdraw consent for its own children"
  [WriteAction.GIVE_CONSENT]: [Role.GUARDIAN],
  // "INCLUSION_REFERENT: create, activate, suspend and revoke links"
  [WriteAction.MANAGE_LINKS]: [Role.INCLUSION_REFERENT],
  // "INCLUSION_REFERENT: inclusion follow-ups; family meetings; workshops"
  [WriteAction.MANAGE_INCLUSION]: [Role.INCLUSION_REFERENT],
  // "PARTNER_AGENT: add observations in its own categories for linked children"
  [WriteAction.ADD_OBSERVATION]: [Role.PARTNER_AGENT],
  // A referral's submitter withdraws its own (its structure's); the coordinator, who
  // "receives referrals", any (domain.md: SUBMITTED → UNDER_REVIEW → ... | WITHDRAWN).
  [WriteAction.WITHDRAW_REFERRAL]: [Role.PARTNER_AGENT, Role.PRE_COORDINATOR, Role.PATHWAY_REFERENT],
  // The staff who follow a child keep its file true (the new grade each September, a new
  // address or phone): children of their rows, in the categories they may read there
  // (IDENTITY for the child, CONTACT for its family and guardians).
  [WriteAction.EDIT_CHILD_FILE]: [Role.PRE_COORDINATOR, Role.PATHWAY_REFERENT, Role.INCLUSION_REFERENT],
  // "GUARDIAN: comment on its child's pathway"
  [WriteAction.COMMENT_PATHWAY]: [Role.GUARDIAN],
  // "DPO: erase its data": the roles of the table "Requests from families".
  [WriteAction.ERASE_CHILD]: Object.keys(DATA_REQUEST_POLICY[DataRequestAction.ERASE_CHILD]) as Role[],
  // "ADMIN: partners and accounts (create, edit, deactivate)"
  [WriteAction.MANAGE_PARTNERS]: [Role.ADMIN],
  [WriteAction.MANAGE_ACCOUNTS]: [Role.ADMIN],
  // Guardians' portal invitations (invite, revoke): the staff who follow the child (issue 12),
  // within their rows. The policy's "ADMIN: guardians' portal invitations" is read with its
  // "sees no child data": an ADMIN never sees a guardian, and ends a portal access by
  // deactivating the account (MANAGE_ACCOUNTS).
  [WriteAction.INVITE_GUARDIAN]: [Role.PRE_COORDINATOR, Role.PATHWAY_REFERENT, Role.INCLUSION_REFERENT],
};

/**
 * The staff roles an account may be given, and the partner kinds its structure may be of
 * (policy "Role maxima and rows": a partner agent's maximum is its partner kind's, the
 * inclusion referent's HEALTH comes from consents naming its INCLUSION_SERVICE, the PRE
 * team refers and follows). `partner`: REQUIRED, OPTIONAL or NONE. A GUARDIAN account is
 * never created by hand: it comes from an invitation its guardian accepts.
 */
export interface AccountPartnerRule {
  partner: 'REQUIRED' | 'OPTIONAL' | 'NONE';
  kinds: readonly PartnerKind[];
}

const AGENT_KINDS = (Object.keys(PARTNER_KIND_MAX) as PartnerKind[]).filter((kind) => PARTNER_KIND_MAX[kind].length > 0);

export const ACCOUNT_PARTNER_POLICY: Partial<Record<Role, AccountPartnerRule>> = {
  [Role.ADMIN]: { partner: 'OPTIONAL', kinds: [PartnerKind.PRE_TEAM] },
  [Role.PRE_COORDINATOR]: { partner: 'REQUIRED', kinds: [PartnerKind.PRE_TEAM] },
  [Role.PATHWAY_REFERENT]: { partner: 'REQUIRED', kinds: [PartnerKind.PRE_TEAM] },
  [Role.INCLUSION_REFERENT]: { partner: 'REQUIRED', kinds: [PartnerKind.INCLUSION_SERVICE] },
  // The kinds whose agents see something (PARTNER_KIND_MAX not empty).
  [Role.PARTNER_AGENT]: { partner: 'REQUIRED', kinds: AGENT_KINDS },
  [Role.ANALYST]: { partner: 'NONE', kinds: [] },
  [Role.DPO]: { partner: 'NONE', kinds: [] },
};

/** Why a role and a partner kind may not go together on one account, or undefined when they may. */
export function accountPartnerRefusal(role: Role, partnerKind: PartnerKind | undefined): string | undefined {
  const rule = ACCOUNT_PARTNER_POLICY[role];
  if (!rule) return `a ${role} account comes from an invitation, it is not created by hand`;
  if (partnerKind === undefined) return rule.partner === 'REQUIRED' ? `a ${role} belongs to a partner (${rule.kinds.join(', ')})` : undefined;
  if (rule.partner === 'NONE') return `a ${role} belongs to no partner`;
  if (!rule.kinds.includes(partnerKind)) return `a ${role} belongs to a partner of kind ${rule.kinds.join(', ')}, not ${partnerKind}`;
  return undefined;
}

/** What a read outside the children's rows is, in the words of access-policy.md. */
export enum ReadAction {
  READ_STATISTICS = 'READ_STATISTICS',
  READ_ACCOUNTS = 'READ_ACCOUNTS',
  /** The minutes of the team meetings: who attended, what was decided (about many children). */
  READ_TEAM_MEETINGS = 'READ_TEAM_MEETINGS',
  /** A submitter's own referrals, status only (its own rows, whatever its links). */
  READ_OWN_SUBMISSIONS = 'READ_OWN_SUBMISSIONS',
  /** What is due in the viewer's rows: reviews, expiring links and consents, referrals waiting. */
  READ_DUE = 'READ_DUE',
}

/**
 * Policy "Statistics": the roles that may perform each read; every other role is FORBIDDEN.
 * The root fields each read guards are in ROOT_FIELD_READS (field-categories.ts); the CSV
 * route asks `mayRead` too.
 */
export const READ_POLICY: Record<ReadAction, readonly Role[]> = {
  // "Read by ANALYST and PRE_COORDINATOR of the programme; no child row, no personal data."
  [ReadAction.READ_STATISTICS]: [Role.ANALYST, Role.PRE_COORDINATOR],
  // "ADMIN: partners and accounts"; the coordinator assigns referents found among them (issue 12).
  [ReadAction.READ_ACCOUNTS]: [Role.ADMIN, Role.PRE_COORDINATOR],
  // "PRE_COORDINATOR: record team decisions": who records them reads them back; their
  // decisions speak of many children at once, so no per-child grant opens them.
  [ReadAction.READ_TEAM_MEETINGS]: WRITE_POLICY[WriteAction.RECORD_TEAM_MEETING],
  // Who may submit a referral follows what became of its own (status only).
  [ReadAction.READ_OWN_SUBMISSIONS]: WRITE_POLICY[WriteAction.SUBMIT_REFERRAL],
  // Those who run pathways and their reviews: the coordinator and the pathway referents.
  [ReadAction.READ_DUE]: [Role.PRE_COORDINATOR, Role.PATHWAY_REFERENT],
};

export function mayRead(role: Role, action: ReadAction): boolean {
  return READ_POLICY[action].includes(role);
}
