import { DataCategory, PartnerKind, Role } from '../entities/enums';

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
  /** Children with an inclusion follow-up, or a link it created. */
  INCLUSION = 'INCLUSION',
  /** Children with an ACTIVE link to its partner, valid today, resting on a valid consent. */
  SERVICE_LINK = 'SERVICE_LINK',
  /** Its own children, while it holds parental authority. */
  PARENTAL_AUTHORITY = 'PARENTAL_AUTHORITY',
}

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

/** The category maximum of a viewer, from its role and (for partner agents) its partner's kind. */
export function maxCategories(role: Role, partnerKind?: PartnerKind): readonly DataCategory[] {
  if (role === Role.PARTNER_AGENT) return partnerKind ? PARTNER_KIND_MAX[partnerKind] : [];
  return ROLE_POLICY[role].maxCategories;
}
