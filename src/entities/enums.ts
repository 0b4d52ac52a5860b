/**
 * Enumerations of the domain (../shared/domain.md). Each one is stored as a native
 * PostgreSQL enum type (or an array checked against the same values) and exposed to
 * GraphQL by src/schema/enums.ts with a description per value.
 */

export enum PartnerKind {
  SCHOOL = 'SCHOOL',
  SOCIAL_SERVICES = 'SOCIAL_SERVICES',
  LEISURE_CENTRE = 'LEISURE_CENTRE',
  HEALTH = 'HEALTH',
  SPORTS = 'SPORTS',
  CULTURE = 'CULTURE',
  PRE_TEAM = 'PRE_TEAM',
  INCLUSION_SERVICE = 'INCLUSION_SERVICE',
}

export enum SchoolLevel {
  MATERNELLE = 'MATERNELLE',
  ELEMENTAIRE = 'ELEMENTAIRE',
  COLLEGE = 'COLLEGE',
}

export enum SchoolNetwork {
  NONE = 'NONE',
  REP = 'REP',
  REP_PLUS = 'REP_PLUS',
}

export enum Role {
  ADMIN = 'ADMIN',
  PRE_COORDINATOR = 'PRE_COORDINATOR',
  PATHWAY_REFERENT = 'PATHWAY_REFERENT',
  INCLUSION_REFERENT = 'INCLUSION_REFERENT',
  PARTNER_AGENT = 'PARTNER_AGENT',
  GUARDIAN = 'GUARDIAN',
  ANALYST = 'ANALYST',
  DPO = 'DPO',
}

export enum Grade {
  TPS = 'TPS',
  PS = 'PS',
  MS = 'MS',
  GS = 'GS',
  CP = 'CP',
  CE1 = 'CE1',
  CE2 = 'CE2',
  CM1 = 'CM1',
  CM2 = 'CM2',
  SIXIEME = 'SIXIEME',
  CINQUIEME = 'CINQUIEME',
  QUATRIEME = 'QUATRIEME',
  TROISIEME = 'TROISIEME',
}

export enum GuardianRelationship {
  MOTHER = 'MOTHER',
  FATHER = 'FATHER',
  GRANDPARENT = 'GRANDPARENT',
  LEGAL_GUARDIAN = 'LEGAL_GUARDIAN',
  OTHER = 'OTHER',
}

export enum DataCategory {
  IDENTITY = 'IDENTITY',
  CONTACT = 'CONTACT',
  SCHOOLING = 'SCHOOLING',
  SOCIAL = 'SOCIAL',
  HEALTH = 'HEALTH',
  INCLUSION = 'INCLUSION',
  PATHWAY = 'PATHWAY',
}

export enum AttendanceConcern {
  NONE = 'NONE',
  OCCASIONAL = 'OCCASIONAL',
  FREQUENT = 'FREQUENT',
  SCHOOL_REFUSAL = 'SCHOOL_REFUSAL',
}

export enum ProtectionMeasure {
  NONE = 'NONE',
  INFORMATION_PREOCCUPANTE = 'INFORMATION_PREOCCUPANTE',
  AED = 'AED',
  AEMO = 'AEMO',
  PLACEMENT = 'PLACEMENT',
}

export enum Domain {
  SCHOOL = 'SCHOOL',
  SOCIAL = 'SOCIAL',
  CULTURE = 'CULTURE',
  EDUCATION = 'EDUCATION',
  HEALTH = 'HEALTH',
  SPORT = 'SPORT',
  PARENTING = 'PARENTING',
}

export enum ReferralStatus {
  SUBMITTED = 'SUBMITTED',
  UNDER_REVIEW = 'UNDER_REVIEW',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  WITHDRAWN = 'WITHDRAWN',
}

export enum PathwayStatus {
  DRAFT = 'DRAFT',
  ACTIVE = 'ACTIVE',
  SUSPENDED = 'SUSPENDED',
  CLOSED = 'CLOSED',
}

/** Why a pathway was closed, from a fixed list (the statistics count closures by it). */
export enum PathwayClosureKind {
  OBJECTIVES_MET = 'OBJECTIVES_MET',
  HANDED_OVER = 'HANDED_OVER',
  FAMILY_MOVED = 'FAMILY_MOVED',
  FAMILY_WITHDREW = 'FAMILY_WITHDREW',
  AGE_LIMIT = 'AGE_LIMIT',
  OTHER = 'OTHER',
}

export enum ObjectiveStatus {
  OPEN = 'OPEN',
  ACHIEVED = 'ACHIEVED',
  PARTLY_ACHIEVED = 'PARTLY_ACHIEVED',
  NOT_ACHIEVED = 'NOT_ACHIEVED',
  ABANDONED = 'ABANDONED',
}

export enum ActionKind {
  INDIVIDUAL = 'INDIVIDUAL',
  COLLECTIVE = 'COLLECTIVE',
}

export enum ChildTime {
  SCHOOL_TIME = 'SCHOOL_TIME',
  PERISCHOOL = 'PERISCHOOL',
  EXTRACURRICULAR = 'EXTRACURRICULAR',
  FAMILY_TIME = 'FAMILY_TIME',
}

export enum ActionStatus {
  PLANNED = 'PLANNED',
  IN_PROGRESS = 'IN_PROGRESS',
  DONE = 'DONE',
  CANCELLED = 'CANCELLED',
}

export enum ConsentMethod {
  SIGNED_FORM = 'SIGNED_FORM',
  PORTAL = 'PORTAL',
  ORAL_RECORDED = 'ORAL_RECORDED',
}

export enum ConsentPurpose {
  PATHWAY = 'PATHWAY',
  INFORMATION_SHARING = 'INFORMATION_SHARING',
  INCLUSION_FOLLOW_UP = 'INCLUSION_FOLLOW_UP',
}

export enum LegalBasis {
  CONSENT = 'CONSENT',
  SHARED_SECRET_L226_2_2 = 'SHARED_SECRET_L226_2_2',
  SHARED_SECRET_L121_6_2 = 'SHARED_SECRET_L121_6_2',
}

export enum ServiceLinkStatus {
  PROPOSED = 'PROPOSED',
  ACTIVE = 'ACTIVE',
  SUSPENDED = 'SUSPENDED',
  REVOKED = 'REVOKED',
  EXPIRED = 'EXPIRED',
}

/**
 * Why a service link or a consent grants nothing now (access-policy.md, "Links and consent
 * over time"); computed by the access check itself (src/permissions/access.ts).
 */
export enum GrantLapse {
  PROPOSED = 'PROPOSED',
  SUSPENDED = 'SUSPENDED',
  REVOKED = 'REVOKED',
  EXPIRED = 'EXPIRED',
  NOT_YET_VALID = 'NOT_YET_VALID',
  PARTNER_INACTIVE = 'PARTNER_INACTIVE',
  CONSENT_MISSING = 'CONSENT_MISSING',
  CONSENT_NOT_YET_GIVEN = 'CONSENT_NOT_YET_GIVEN',
  CONSENT_EXPIRED = 'CONSENT_EXPIRED',
  CONSENT_WITHDRAWN = 'CONSENT_WITHDRAWN',
  NO_CATEGORY = 'NO_CATEGORY',
  FILE_NOT_ACTIVE = 'FILE_NOT_ACTIVE',
}

export enum InclusionStatus {
  OPEN = 'OPEN',
  ASSESSED = 'ASSESSED',
  ACTIVE = 'ACTIVE',
  CLOSED = 'CLOSED',
}

export enum AccessAction {
  READ = 'READ',
  CREATE = 'CREATE',
  UPDATE = 'UPDATE',
  DELETE = 'DELETE',
  GRANT = 'GRANT',
  REVOKE = 'REVOKE',
  EXPORT = 'EXPORT',
  DENIED = 'DENIED',
}

/** Lifecycle of a child's file (access-policy.md, "Lifetime of the data"). */
export enum ChildLifecycle {
  /** Followed, or within the active period after the last contact. */
  ACTIVE = 'ACTIVE',
  /** No activity for the active period: read by the coordinator and the DPO only. */
  ARCHIVED = 'ARCHIVED',
  /** Erased on request, or past the archive period: a row without personal data, for the statistics. */
  ANONYMISED = 'ANONYMISED',
}

/** Why a child's data was erased (the DPO's register; the daily run's is RETENTION_EXPIRED). */
export enum ErasureReason {
  /** The family asked (RGPD article 17). */
  FAMILY_REQUEST = 'FAMILY_REQUEST',
  /** The consent the processing rested on was withdrawn. */
  CONSENT_WITHDRAWN = 'CONSENT_WITHDRAWN',
  /** The data was processed unlawfully (e.g. a child referred by mistake). */
  UNLAWFUL_PROCESSING = 'UNLAWFUL_PROCESSING',
  /** A legal obligation or a court order. */
  LEGAL_OBLIGATION = 'LEGAL_OBLIGATION',
  /** The archive period ended (the daily run). */
  RETENTION_EXPIRED = 'RETENTION_EXPIRED',
}
