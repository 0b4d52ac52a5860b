import { registerEnumType } from 'type-graphql';
import {
  AccessAction,
  ActionKind,
  ActionStatus,
  AttendanceConcern,
  ChildTime,
  ConsentMethod,
  ConsentPurpose,
  DataCategory,
  Domain,
  Grade,
  GrantLapse,
  GuardianRelationship,
  InclusionStatus,
  LegalBasis,
  ObjectiveStatus,
  PartnerKind,
  PathwayClosureKind,
  PathwayStatus,
  ProtectionMeasure,
  ReferralStatus,
  Role,
  SchoolLevel,
  SchoolNetwork,
  ServiceLinkStatus,
} from '../entities/enums';

/**
 * The domain's enumerations (src/entities/enums.ts) exposed to GraphQL, each value
 * described: BI tools and partner portals read these descriptions by introspection.
 * Importing this module registers them; the object types import it for that effect.
 */

registerEnumType(PartnerKind, {
  name: 'PartnerKind',
  description: 'Kind of a partner structure of the programme.',
  valuesConfig: {
    SCHOOL: { description: 'A school (école maternelle, élémentaire or collège).' },
    SOCIAL_SERVICES: { description: 'Social services (service social départemental, CCAS).' },
    LEISURE_CENTRE: { description: 'A leisure centre (accueil de loisirs, périscolaire or extrascolaire).' },
    HEALTH: { description: 'A health structure (PMI, CMP, CMPP, médecin scolaire).' },
    SPORTS: { description: 'A sports club or municipal sports service.' },
    CULTURE: { description: 'A cultural venue (library, conservatory, museum, theatre).' },
    PRE_TEAM: { description: 'The team of the Programme de Réussite Éducative itself.' },
    INCLUSION_SERVICE: { description: "The inclusion referent's service (Caisse des écoles)." },
  },
});

registerEnumType(SchoolLevel, {
  name: 'SchoolLevel',
  description: 'Level of a school.',
  valuesConfig: {
    MATERNELLE: { description: 'École maternelle (ages 3 to 6).' },
    ELEMENTAIRE: { description: 'École élémentaire (ages 6 to 11).' },
    COLLEGE: { description: 'Collège (ages 11 to 15).' },
  },
});

registerEnumType(SchoolNetwork, {
  name: 'SchoolNetwork',
  description: 'Priority education network of a school (éducation prioritaire).',
  valuesConfig: {
    NONE: { description: 'Not in a priority education network.' },
    REP: { description: "Réseau d'éducation prioritaire." },
    REP_PLUS: { description: "Réseau d'éducation prioritaire renforcé (REP+)." },
  },
});

registerEnumType(Role, {
  name: 'Role',
  description: 'Role of an account; it bounds the children and the data categories the account may see.',
  valuesConfig: {
    ADMIN: { description: 'Manages partners and accounts of one programme; sees no child data.' },
    PRE_COORDINATOR: { description: 'PRE coordinator: reviews referrals, runs the team meeting, opens and closes pathways.' },
    PATHWAY_REFERENT: { description: 'Pathway referent: follows the children of the pathways assigned to it.' },
    INCLUSION_REFERENT: { description: 'Inclusion referent: needs assessment, reception project, links between services.' },
    PARTNER_AGENT: { description: 'Agent of a partner structure: sees a child only through an active service link.' },
    GUARDIAN: { description: 'Legal guardian on the family portal: sees its own children.' },
    ANALYST: { description: 'Analyst (BI, funders): aggregated, anonymous statistics only.' },
    DPO: { description: 'Data protection officer: access log, export and erasure requests.' },
  },
});

registerEnumType(Grade, {
  name: 'Grade',
  description: 'School grade (niveau de classe) of a child.',
  valuesConfig: {
    TPS: { description: 'Toute petite section (maternelle, age 2).' },
    PS: { description: 'Petite section (maternelle, age 3).' },
    MS: { description: 'Moyenne section (maternelle, age 4).' },
    GS: { description: 'Grande section (maternelle, age 5).' },
    CP: { description: 'Cours préparatoire (élémentaire, age 6).' },
    CE1: { description: 'Cours élémentaire 1 (age 7).' },
    CE2: { description: 'Cours élémentaire 2 (age 8).' },
    CM1: { description: 'Cours moyen 1 (age 9).' },
    CM2: { description: 'Cours moyen 2 (age 10).' },
    SIXIEME: { description: 'Sixième (collège, age 11).' },
    CINQUIEME: { description: 'Cinquième (collège, age 12).' },
    QUATRIEME: { description: 'Quatrième (collège, age 13).' },
    TROISIEME: { description: 'Troisième (collège, age 14).' },
  },
});

registerEnumType(GuardianRelationship, {
  name: 'GuardianRelationship',
  description: 'Relationship of a legal guardian to the children of the family.',
  valuesConfig: {
    MOTHER: { description: 'Mother.' },
    FATHER: { description: 'Father.' },
    GRANDPARENT: { description: 'Grandparent.' },
    LEGAL_GUARDIAN: { description: 'Guardian appointed by a court (tuteur).' },
    OTHER: { description: 'Another relationship.' },
  },
});

registerEnumType(AccessAction, {
  name: 'AccessAction',
  description: 'What an entry of the access log records.',
  valuesConfig: {
    READ: { description: "The child's data of the listed categories was returned." },
    CREATE: { description: 'Data was created.' },
    UPDATE: { description: 'Data was changed.' },
    DELETE: { description: 'Data was deleted.' },
    GRANT: { description: 'Access was granted (a link activated, a consent given).' },
    REVOKE: { description: 'Access was withdrawn (a link revoked, a consent withdrawn).' },
    EXPORT: { description: "The child's data was exported (DPO)." },
    DENIED: { description: 'Data of the listed categories was asked for and refused.' },
  },
});

registerEnumType(DataCategory, {
  name: 'DataCategory',
  description:
    'Category of personal data. Every field carrying personal data belongs to exactly one; a viewer sees a field only when its category is granted for that child.',
  valuesConfig: {
    IDENTITY: { description: 'Names, birth date, age, grade, school.' },
    CONTACT: { description: "Guardians' names, phones and emails, the family's address and languages." },
    SCHOOLING: { description: 'Attendance concerns, school observations, schooling arrangements (PPS, AESH hours).' },
    SOCIAL: { description: 'Family situation, social follow-up, protection measure, social notes.' },
    HEALTH: { description: 'Diagnosis, medical follow-up, MDPH decision, treatments.' },
    INCLUSION: { description: 'Needs and accommodations without diagnosis, PAI arrangements, emergency protocol, adapted activities.' },
    PATHWAY: { description: 'Referrals, pathway objectives, actions, reviews, closure, consents and service links.' },
  },
});

registerEnumType(AttendanceConcern, {
  name: 'AttendanceConcern',
  description: 'Level of concern about school attendance.',
  valuesConfig: {
    NONE: { description: 'No concern.' },
    OCCASIONAL: { description: 'Occasional absences.' },
    FREQUENT: { description: 'Frequent absences.' },
    SCHOOL_REFUSAL: { description: 'School refusal (refus scolaire anxieux or persistent non-attendance).' },
  },
});

registerEnumType(ProtectionMeasure, {
  name: 'ProtectionMeasure',
  description: 'Child protection measure in place, if any.',
  valuesConfig: {
    NONE: { description: 'No protection measure.' },
    INFORMATION_PREOCCUPANTE: { description: 'A worrying information (information préoccupante) was transmitted.' },
    AED: { description: 'Aide éducative à domicile (administrative home support).' },
    AEMO: { description: 'Action éducative en milieu ouvert (judicial home support).' },
    PLACEMENT: { description: 'The child is placed outside the family.' },
  },
});

registerEnumType(Domain, {
  name: 'Domain',
  description: 'Domain of a concern, an objective or an action.',
  valuesConfig: {
    SCHOOL: { description: 'School.' },
    SOCIAL: { description: 'Social.' },
    CULTURE: { description: 'Culture.' },
    EDUCATION: { description: 'Education (outside school).' },
    HEALTH: { description: 'Health.' },
    SPORT: { description: 'Sport.' },
    PARENTING: { description: 'Support to parenting.' },
  },
});

registerEnumType(ReferralStatus, {
  name: 'ReferralStatus',
  description: 'Status of a referral: SUBMITTED → UNDER_REVIEW → ACCEPTED | DECLINED | WITHDRAWN.',
  valuesConfig: {
    SUBMITTED: { description: 'Submitted by a partner, not yet reviewed.' },
    UNDER_REVIEW: { description: 'Being reviewed by the multidisciplinary team.' },
    ACCEPTED: { description: 'Accepted: a pathway may be opened.' },
    DECLINED: { description: 'Declined by the team.' },
    WITHDRAWN: { description: 'Withdrawn by the referring partner or the family.' },
  },
});

registerEnumType(PathwayStatus, {
  name: 'PathwayStatus',
  description: 'Status of an individualised pathway: DRAFT → ACTIVE ⇄ SUSPENDED → CLOSED.',
  valuesConfig: {
    DRAFT: { description: 'Being prepared, not started.' },
    ACTIVE: { description: 'Under way.' },
    SUSPENDED: { description: 'Temporarily suspended.' },
    CLOSED: { description: 'Closed (see the closure reason).' },
  },
});

registerEnumType(ObjectiveStatus, {
  name: 'ObjectiveStatus',
  description: 'Status of a pathway objective.',
  valuesConfig: {
    OPEN: { description: 'Being worked on.' },
    ACHIEVED: { description: 'Achieved.' },
    PARTLY_ACHIEVED: { description: 'Partly achieved.' },
    NOT_ACHIEVED: { description: 'Not achieved.' },
    ABANDONED: { description: 'Abandoned.' },
  },
});

registerEnumType(ActionKind, {
  name: 'ActionKind',
  description: 'Whether an action concerns one child or a group.',
  valuesConfig: {
    INDIVIDUAL: { description: 'Individual action of one pathway.' },
    COLLECTIVE: { description: 'Collective action grouping children of several pathways.' },
  },
});

registerEnumType(ChildTime, {
  name: 'ChildTime',
  description: 'The "time of the child" an action or activity takes place in.',
  valuesConfig: {
    SCHOOL_TIME: { description: 'School time.' },
    PERISCHOOL: { description: 'Periscolaire time (before and after school, lunch break).' },
    EXTRACURRICULAR: { description: 'Extrascolaire time (Wednesdays, holidays).' },
    FAMILY_TIME: { description: 'Family time.' },
  },
});

registerEnumType(ActionStatus, {
  name: 'ActionStatus',
  description: 'Status of a pathway action.',
  valuesConfig: {
    PLANNED: { description: 'Planned, not started.' },
    IN_PROGRESS: { description: 'Under way.' },
    DONE: { description: 'Completed.' },
    CANCELLED: { description: 'Cancelled.' },
  },
});

registerEnumType(ConsentMethod, {
  name: 'ConsentMethod',
  description: 'How a consent was given.',
  valuesConfig: {
    SIGNED_FORM: { description: 'A signed paper form, recorded by an agent.' },
    PORTAL: { description: 'Given by the guardian on the family portal.' },
    ORAL_RECORDED: { description: 'Given orally and recorded by an agent.' },
  },
});

registerEnumType(ConsentPurpose, {
  name: 'ConsentPurpose',
  description: 'Purpose of a consent or of a service link.',
  valuesConfig: {
    PATHWAY: { description: 'Taking part in an individualised pathway.' },
    INFORMATION_SHARING: { description: 'Sharing information with partner structures.' },
    INCLUSION_FOLLOW_UP: { description: 'Inclusion follow-up (reception project) by the inclusion referent.' },
  },
});

registerEnumType(LegalBasis, {
  name: 'LegalBasis',
  description: 'Legal basis on which a service link shares data.',
  valuesConfig: {
    CONSENT: { description: 'The consent of a guardian holding parental authority.' },
    SHARED_SECRET_L226_2_2: { description: 'Shared secret in child protection (CASF article L.226-2-2).' },
    SHARED_SECRET_L121_6_2: { description: 'Shared secret in social action (CASF article L.121-6-2).' },
  },
});

registerEnumType(ServiceLinkStatus, {
  name: 'ServiceLinkStatus',
  description: 'Status of a service link: PROPOSED → ACTIVE → SUSPENDED | REVOKED | EXPIRED.',
  valuesConfig: {
    PROPOSED: { description: 'Proposed, not yet in force: grants nothing.' },
    ACTIVE: { description: 'In force within its validity window.' },
    SUSPENDED: { description: 'Temporarily suspended: grants nothing.' },
    REVOKED: { description: 'Revoked (or its consent was withdrawn): grants nothing.' },
    EXPIRED: { description: 'Past its end of validity: grants nothing. Reported for an active link whose validUntil is before today.' },
  },
});

registerEnumType(GrantLapse, {
  name: 'GrantLapse',
  description: 'Why a service link or a consent grants nothing now (`grantsNow` false); the access check computes it.',
  valuesConfig: {
    PROPOSED: { description: 'The link is proposed, not yet activated.' },
    SUSPENDED: { description: 'The link is suspended.' },
    REVOKED: { description: 'The link is revoked (by hand, or because its consent was withdrawn).' },
    EXPIRED: { description: 'The link is past its last day of validity (validUntil), or was marked expired.' },
    NOT_YET_VALID: { description: 'The link starts later (validFrom is after today).' },
    PARTNER_INACTIVE: { description: 'The partner of the link is deactivated by the ADMIN.' },
    CONSENT_MISSING: { description: 'The link rests on a consent (legal basis CONSENT) that is missing or of another child.' },
    CONSENT_NOT_YET_GIVEN: { description: 'The consent is dated later than now.' },
    CONSENT_EXPIRED: { description: 'The consent is past its last day (expiresOn).' },
    CONSENT_WITHDRAWN: { description: 'The consent was withdrawn (links resting on it are revoked).' },
    NO_CATEGORY: {
      description: "The link is in force but gives its partner no category: none of its categories is both in the consent's scope for that partner and within what the partner's kind may see.",
    },
    FILE_NOT_ACTIVE: { description: "The child's file is archived: it has left every partner's rows." },
  },
});

registerEnumType(InclusionStatus, {
  name: 'InclusionStatus',
  description: 'Status of an inclusion follow-up (projet d’accueil).',
  valuesConfig: {
    OPEN: { description: 'Opened, needs not yet assessed.' },
    ASSESSED: { description: 'Needs assessed, reception project being built.' },
    ACTIVE: { description: 'Reception project in place.' },
    CLOSED: { description: 'Follow-up closed.' },
  },
});

registerEnumType(PathwayClosureKind, {
  name: 'PathwayClosureKind',
  description: 'Why a pathway was closed, from a fixed list (the free-text reason says more; statistics count the kind only).',
  valuesConfig: {
    OBJECTIVES_MET: { description: 'The objectives of the pathway were met.' },
    HANDED_OVER: { description: 'Handed over to mainstream services (relais vers le droit commun).' },
    FAMILY_MOVED: { description: 'The family moved out of the programme\'s area.' },
    FAMILY_WITHDREW: { description: 'The family withdrew its agreement or stopped taking part.' },
    AGE_LIMIT: { description: 'The child reached the end of the programme\'s age range.' },
    OTHER: { description: 'Another reason (see the closure reason).' },
  },
});
