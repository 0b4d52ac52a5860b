/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  DateTimeISO: { input: string; output: string; }
  JSONObject: { input: Record<string, any>; output: Record<string, any>; }
  LocalDate: { input: string; output: string; }
};

/** What an entry of the access log records. */
export type AccessAction =
  /** Data was created. */
  | 'CREATE'
  /** Data was deleted. */
  | 'DELETE'
  /** Data of the listed categories was asked for and refused. */
  | 'DENIED'
  /** The child's data was exported (DPO). */
  | 'EXPORT'
  /** Access was granted (a link activated, a consent given). */
  | 'GRANT'
  /** The child's data of the listed categories was returned. */
  | 'READ'
  /** Access was withdrawn (a link revoked, a consent withdrawn). */
  | 'REVOKE'
  /** Data was changed. */
  | 'UPDATE';

/** One entry of the access log: who read or changed a child's data, when, and which categories. */
export type AccessEvent = {
  __typename?: 'AccessEvent';
  /** The account that did it (its name only). */
  account: AccountSummary;
  /** What was done (READ, DENIED, CREATE, UPDATE, GRANT, REVOKE...). */
  action: AccessAction;
  /** When it happened. */
  at: Scalars['DateTimeISO']['output'];
  /** The data categories read, refused or written. */
  categories: Array<DataCategory>;
  /** The kind of object concerned (Child, Referral, ServiceLink...). */
  entity: Scalars['String']['output'];
  /** The structure that account works for, if any. */
  partner?: Maybe<Partner>;
  /** Identifier of the request, to match the server logs. */
  requestId: Scalars['String']['output'];
};

/** A page of the access log of one child, newest first. */
export type AccessEventConnection = {
  __typename?: 'AccessEventConnection';
  /** The events of this page. */
  edges: Array<AccessEventEdge>;
  /** Where this page stands. */
  pageInfo: PageInfo;
  /** Number of events matching, over all pages. */
  totalCount: Scalars['Int']['output'];
};

/** An access event in a page of the access log. */
export type AccessEventEdge = {
  __typename?: 'AccessEventEdge';
  /** Opaque cursor of this event: pass it as `after` to get older events. */
  cursor: Scalars['String']['output'];
  /** The event. */
  node: AccessEvent;
};

/** What the signed-in account may ask for, so that a portal can hide what it cannot show. */
export type AccessPolicy = {
  __typename?: 'AccessPolicy';
  /** Whether the account may read access logs (DPO for any child of its programme, a guardian for its own children). */
  canReadAccessLog: Scalars['Boolean']['output'];
  /** The most this account may ever see of a child in its rows (its role, and its partner kind for a partner agent). For a given child, the categories its links and the parents' consent grant may be fewer: a block outside them comes back null with FORBIDDEN. */
  maxCategories: Array<DataCategory>;
  /** The requests about one child this account may make outside its rows (access log, the DPO's search, export, erasure), from the policy table "Requests from families". */
  requests: Array<DataRequestAction>;
  /** Which children this account may see at all, in words. */
  rows: Scalars['String']['output'];
};

/** An accommodation a structure puts in place for the child. INCLUSION data. */
export type Accommodation = Node & {
  __typename?: 'Accommodation';
  /** What is put in place. */
  description: Scalars['String']['output'];
  /** Opaque global identifier: pass it back as is, to `node(id:)` or to the arguments of type ID; never parse it. */
  id: Scalars['ID']['output'];
  /** The structure that puts it in place. */
  partner?: Maybe<Partner>;
};

/** A professional's account as others see it: its name only (never its email). */
export type AccountSummary = Node & {
  __typename?: 'AccountSummary';
  /** Opaque global identifier: pass it back as is, to `node(id:)` or to the arguments of type ID; never parse it. */
  id: Scalars['ID']['output'];
  /** Display name of the person. */
  name: Scalars['String']['output'];
};

/** An action of a pathway: individual, or collective (shared by several pathways). PATHWAY data. */
export type Action = Node & {
  __typename?: 'Action';
  /** Time of the child the action takes place in. */
  childTime: ChildTime;
  /** Domain of the action. */
  domain: Domain;
  /** End date. */
  endDate?: Maybe<Scalars['LocalDate']['output']>;
  /** Opaque global identifier: pass it back as is, to `node(id:)` or to the arguments of type ID; never parse it. */
  id: Scalars['ID']['output'];
  /** Individual or collective. */
  kind: ActionKind;
  /** Outcome of the action. */
  outcome?: Maybe<Scalars['String']['output']>;
  /** The structure providing the action. */
  provider?: Maybe<Partner>;
  /** Start date. */
  startDate?: Maybe<Scalars['LocalDate']['output']>;
  /** Status of the action. */
  status: ActionStatus;
  /** Title of the action. */
  title: Scalars['String']['output'];
  /** Version of the row: send it back with an edit (a stale one is CONFLICT). */
  version: Scalars['Int']['output'];
};

/** Whether an action concerns one child or a group. */
export type ActionKind =
  /** Collective action grouping children of several pathways. */
  | 'COLLECTIVE'
  /** Individual action of one pathway. */
  | 'INDIVIDUAL';

/** Status of a pathway action. */
export type ActionStatus =
  /** Cancelled. */
  | 'CANCELLED'
  /** Completed. */
  | 'DONE'
  /** Under way. */
  | 'IN_PROGRESS'
  /** Planned, not started. */
  | 'PLANNED';

/** An activity adapted to the child's needs in periscolaire or extrascolaire time. INCLUSION data. */
export type AdaptedActivity = Node & {
  __typename?: 'AdaptedActivity';
  /** Time of the child it takes place in. */
  childTime: ChildTime;
  /** What the activity is and how it is adapted. */
  description?: Maybe<Scalars['String']['output']>;
  /** Opaque global identifier: pass it back as is, to `node(id:)` or to the arguments of type ID; never parse it. */
  id: Scalars['ID']['output'];
  /** The structure running it. */
  partner?: Maybe<Partner>;
  /** Title of the activity. */
  title: Scalars['String']['output'];
};

/** An action: of one pathway (INDIVIDUAL) or shared by several (COLLECTIVE). */
export type AddActionInput = {
  /** Time of the child the action takes place in. */
  childTime: ChildTime;
  /** Domain of the action. */
  domain: Domain;
  /** End date, within two years of today and not before the start date. */
  endDate?: InputMaybe<Scalars['LocalDate']['input']>;
  /** Individual or collective. */
  kind: ActionKind;
  /** The pathways taking part (IDs of Pathways, no repeats): exactly one for INDIVIDUAL, at least two for COLLECTIVE; the viewer must be the referent of each. */
  pathwayIds: Array<Scalars['ID']['input']>;
  /** The structure providing the action (ID of a Partner). */
  providerPartnerId?: InputMaybe<Scalars['ID']['input']>;
  /** Start date, within two years of today. */
  startDate?: InputMaybe<Scalars['LocalDate']['input']>;
  /** Title (1 to 200 characters). */
  title: Scalars['String']['input'];
};

/** An activity adapted to the child's needs, once its needs are assessed. */
export type AddAdaptedActivityInput = {
  /** Time of the child it takes place in. */
  childTime: ChildTime;
  /** What the activity is and how it is adapted. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** ID of the inclusion follow-up. */
  followUpId: Scalars['ID']['input'];
  /** ID of the structure running it, if any. */
  partnerId?: InputMaybe<Scalars['ID']['input']>;
  /** Title of the activity. */
  title: Scalars['String']['input'];
};

/** A family's postal address. CONTACT data. */
export type Address = {
  __typename?: 'Address';
  /** City. */
  city: Scalars['String']['output'];
  /** Street line (number, street, building). */
  line: Scalars['String']['output'];
  /** Postal code (5 digits). */
  postalCode: Scalars['String']['output'];
};

/** Level of concern about school attendance. */
export type AttendanceConcern =
  /** Frequent absences. */
  | 'FREQUENT'
  /** No concern. */
  | 'NONE'
  /** Occasional absences. */
  | 'OCCASIONAL'
  /** School refusal (refus scolaire anxieux or persistent non-attendance). */
  | 'SCHOOL_REFUSAL';

/** A child followed by the programme. Top-level fields are IDENTITY data; every other data category is one nullable block (contact, schooling, social, health, inclusion, pathway): a block outside the categories granted to the viewer for this child is null with a FORBIDDEN error at its path. */
export type Child = Node & {
  __typename?: 'Child';
  /** Age in whole years today (Europe/Paris). IDENTITY. */
  age: Scalars['Int']['output'];
  /** When the file was archived; null while active. IDENTITY. */
  archivedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  /** Birth date. IDENTITY. */
  birthDate: Scalars['LocalDate']['output'];
  /** Consents given for this child, newest first. PATHWAY data: null when not granted. */
  consents?: Maybe<Array<Consent>>;
  /** CONTACT block: guardians, address, languages. Null when CONTACT is not granted. */
  contact?: Maybe<ChildContact>;
  /** Computed priority eligibility. */
  eligibility: Eligibility;
  /** The child's household; its contact and social data are blocks of their own. */
  family: Family;
  /** First name. IDENTITY. */
  firstName: Scalars['String']['output'];
  /** School grade; null when not schooled. IDENTITY. */
  grade?: Maybe<Grade>;
  /** HEALTH block. Null when HEALTH is not granted. */
  health?: Maybe<ChildHealth>;
  /** Opaque global identifier: pass it back as is, to `node(id:)` or to the arguments of type ID; never parse it. */
  id: Scalars['ID']['output'];
  /** INCLUSION block (never the diagnosis). Null when INCLUSION is not granted; a block with a null status when the child has no inclusion follow-up. */
  inclusion?: Maybe<ChildInclusion>;
  /** Last name. IDENTITY. */
  lastName: Scalars['String']['output'];
  /** ACTIVE, or ARCHIVED (no activity for the active period: the coordinator's rows only). IDENTITY. */
  lifecycle: ChildLifecycle;
  /** PATHWAY block: the current pathway with referrals, consents and service links. Null when PATHWAY is not granted; a block with a null status when the child has no pathway. */
  pathway?: Maybe<ChildPathway>;
  /** School attended; null when not schooled. IDENTITY. */
  school?: Maybe<Partner>;
  /** SCHOOLING block. Null when SCHOOLING is not granted. */
  schooling?: Maybe<ChildSchooling>;
  /** Links between services for this child, newest first. PATHWAY data: null when not granted. */
  serviceLinks?: Maybe<Array<ServiceLink>>;
  /** SOCIAL block. Null when SOCIAL is not granted. */
  social?: Maybe<ChildSocial>;
};

/** A page of children, ordered by last name, first name, then id. */
export type ChildConnection = {
  __typename?: 'ChildConnection';
  /** The children of this page. */
  edges: Array<ChildEdge>;
  /** Where this page stands. */
  pageInfo: PageInfo;
  /** Number of children matching the filter, over all pages. */
  totalCount: Scalars['Int']['output'];
};

/** CONTACT data of a child: its household's guardians, address and languages. */
export type ChildContact = {
  __typename?: 'ChildContact';
  /** Address of the household. */
  address: Address;
  /** Legal guardians of the household. */
  guardians: Array<Guardian>;
  /** Whether an interpreter is needed to talk with the family. */
  interpreterNeeded: Scalars['Boolean']['output'];
  /** Languages spoken at home (ISO 639-1 codes). */
  languages: Array<Scalars['String']['output']>;
};

/** A child in a page of children. */
export type ChildEdge = {
  __typename?: 'ChildEdge';
  /** Opaque cursor of this child: pass it as `after` to get the children after it. */
  cursor: Scalars['String']['output'];
  /** The child. */
  node: Child;
};

/** The whole file of one child, as one JSON document (RGPD article 15). Logged as EXPORT. */
export type ChildExport = {
  __typename?: 'ChildExport';
  /** The data categories the document holds (the requester's, from the policy). */
  categories: Array<DataCategory>;
  /** ID of the child. */
  childId: Scalars['ID']['output'];
  /** The document: identity and category blocks, family and guardians, referrals, pathways (objectives, actions, reviews), consents, links, inclusion follow-up, family meetings, observations, and the access log of the child; `names` gives the names of the accounts and structures it refers to. */
  document: Scalars['JSONObject']['output'];
  /** When the document was made. */
  generatedAt: Scalars['DateTimeISO']['output'];
};

/** HEALTH data of a child. */
export type ChildHealth = {
  __typename?: 'ChildHealth';
  /** Diagnosis. */
  diagnosis?: Maybe<Scalars['String']['output']>;
  /** Decision of the MDPH (disability office), if any. */
  mdphDecision?: Maybe<Scalars['String']['output']>;
  /** Medical follow-up (who, how often). */
  medicalFollowUp?: Maybe<Scalars['String']['output']>;
  /** Observations of category HEALTH, newest first. */
  observations: Array<Observation>;
  /** Treatments. */
  treatments?: Maybe<Scalars['String']['output']>;
};

/** A child found by the DPO for a request: its ID and names, nothing else. */
export type ChildIdentityMatch = {
  __typename?: 'ChildIdentityMatch';
  /** First name as recorded. */
  firstName: Scalars['String']['output'];
  /** ID of the child: give it to childExport or eraseChild. */
  id: Scalars['ID']['output'];
  /** Last name as recorded. */
  lastName: Scalars['String']['output'];
  /** Whether the file is active or archived. */
  lifecycle: ChildLifecycle;
};

/** INCLUSION data of a child: its inclusion follow-up (projet d'accueil), needs and accommodations without diagnosis. When the child has no follow-up, status is null and the lists are empty. */
export type ChildInclusion = {
  __typename?: 'ChildInclusion';
  /** Accommodations, per structure. */
  accommodations: Array<Accommodation>;
  /** Activities adapted to the child. */
  adaptedActivities: Array<AdaptedActivity>;
  /** Emergency protocol staff must follow. */
  emergencyProtocol?: Maybe<Scalars['String']['output']>;
  /** Means already in place. */
  existingMeans?: Maybe<Scalars['String']['output']>;
  /** The family's expectations. */
  familyExpectations?: Maybe<Scalars['String']['output']>;
  /** The follow-up as an object (its id and version, for the inclusion mutations); null when the child has none. */
  followUp?: Maybe<InclusionFollowUp>;
  /** Needs assessment; null until assessed. */
  needsAssessment?: Maybe<NeedsAssessment>;
  /** Inventory of needs. */
  needsInventory?: Maybe<Scalars['String']['output']>;
  /** Observations of category INCLUSION, newest first. */
  observations: Array<Observation>;
  /** Practical arrangements of the PAI (never the diagnosis). */
  paiArrangements?: Maybe<Scalars['String']['output']>;
  /** Inclusion referent in charge. */
  referent?: Maybe<AccountSummary>;
  /** Status of the follow-up; null when the child has none. */
  status?: Maybe<InclusionStatus>;
};

/** Lifecycle of a child's file (CNIL référentiel for social support). */
export type ChildLifecycle =
  /** Followed, or within the active period (2 years by default) after the last contact. */
  | 'ACTIVE'
  /** Erased: a row without personal data, kept for the anonymous statistics. */
  | 'ANONYMISED'
  /** No activity for the active period: read by the coordinator and the DPO only; its links are revoked. */
  | 'ARCHIVED';

/** PATHWAY data of a child: its current pathway (the active one, else suspended, else draft, else the last closed), plus the child's referrals, consents and service links. When the child has no pathway, status is null and the pathway lists are empty. */
export type ChildPathway = {
  __typename?: 'ChildPathway';
  /** Actions of the current pathway. */
  actions: Array<Action>;
  /** Why the pathway was closed. */
  closureReason?: Maybe<Scalars['String']['output']>;
  /** Consents given for the child, newest first. */
  consents: Array<Consent>;
  /** The current pathway as a node (for its id); null when the child has none. */
  current?: Maybe<Pathway>;
  /** End date of the current pathway. */
  endDate?: Maybe<Scalars['LocalDate']['output']>;
  /** Objectives of the current pathway. */
  objectives: Array<Objective>;
  /** Pathway referent. */
  referent?: Maybe<AccountSummary>;
  /** Referrals of the child, newest first. */
  referrals: Array<Referral>;
  /** Reviews (bilans) of the current pathway, newest first. */
  reviews: Array<Review>;
  /** Links between services for the child, newest first. */
  serviceLinks: Array<ServiceLink>;
  /** Start date of the current pathway. */
  startDate?: Maybe<Scalars['LocalDate']['output']>;
  /** Status of the current pathway; null when the child has none. */
  status?: Maybe<PathwayStatus>;
};

/** SCHOOLING data of a child. */
export type ChildSchooling = {
  __typename?: 'ChildSchooling';
  /** Weekly hours of a support assistant (AESH), if any. */
  aeshHours?: Maybe<Scalars['Float']['output']>;
  /** Schooling arrangements in place. */
  arrangements?: Maybe<Scalars['String']['output']>;
  /** Concern about school attendance. */
  attendanceConcern: AttendanceConcern;
  /** Whether a personalised schooling project (PPS) is in place. */
  hasPps: Scalars['Boolean']['output'];
  /** Observations of category SCHOOLING, newest first. */
  observations: Array<Observation>;
};

/** SOCIAL data of a child and of its household. */
export type ChildSocial = {
  __typename?: 'ChildSocial';
  /** Social notes about the household. */
  familyNotes?: Maybe<Scalars['String']['output']>;
  /** Situation of the household. */
  familySituation?: Maybe<Scalars['String']['output']>;
  /** Social follow-up of the child. */
  followUp?: Maybe<Scalars['String']['output']>;
  /** Observations of category SOCIAL, newest first. */
  observations: Array<Observation>;
  /** Child protection measure in place, if any. */
  protectionMeasure: ProtectionMeasure;
};

/** The "time of the child" an action or activity takes place in. */
export type ChildTime =
  /** Extrascolaire time (Wednesdays, holidays). */
  | 'EXTRACURRICULAR'
  /** Family time. */
  | 'FAMILY_TIME'
  /** Periscolaire time (before and after school, lunch break). */
  | 'PERISCHOOL'
  /** School time. */
  | 'SCHOOL_TIME';

/** Filters on the children list; all given filters apply together. */
export type ChildrenFilter = {
  /** true: only priority children (school in REP/REP+ or home in a QPV); false: only the others. */
  eligible?: InputMaybe<Scalars['Boolean']['input']>;
  /** Only children in this grade. */
  grade?: InputMaybe<Grade>;
  /** Only children whose current pathway has this status. */
  pathwayStatus?: InputMaybe<PathwayStatus>;
  /** Only children attending this school (ID of a Partner). */
  schoolId?: InputMaybe<Scalars['ID']['input']>;
  /** Part of the first or last name, case- and accent-insensitive; several words must each match the first or last name (at most 100 characters). */
  search?: InputMaybe<Scalars['String']['input']>;
};

/** A guardian's consent for a child, for one purpose, scoped to partners and categories. PATHWAY data. */
export type Consent = Node & {
  __typename?: 'Consent';
  /** Last day it is valid; null when open-ended. */
  expiresOn?: Maybe<Scalars['LocalDate']['output']>;
  /** When it was given. */
  givenAt: Scalars['DateTimeISO']['output'];
  /** The guardian who gave it (CONTACT data: null with FORBIDDEN without it). */
  givenBy?: Maybe<GuardianSummary>;
  /** Opaque global identifier: pass it back as is, to `node(id:)` or to the arguments of type ID; never parse it. */
  id: Scalars['ID']['output'];
  /** How it was given. */
  method: ConsentMethod;
  /** What the consent is for. */
  purpose: ConsentPurpose;
  /** The agent who recorded a paper or oral consent. */
  recordedBy?: Maybe<AccountSummary>;
  /** Partners and categories it covers. */
  scope: Array<ConsentScope>;
  /** Version of the consent, to send back with withdrawConsent (a stale version is CONFLICT). */
  version: Scalars['Int']['output'];
  /** When it was withdrawn; null while in force. */
  withdrawnAt?: Maybe<Scalars['DateTimeISO']['output']>;
};

/** How a consent was given. */
export type ConsentMethod =
  /** Given orally and recorded by an agent. */
  | 'ORAL_RECORDED'
  /** Given by the guardian on the family portal. */
  | 'PORTAL'
  /** A signed paper form, recorded by an agent. */
  | 'SIGNED_FORM';

/** Purpose of a consent or of a service link. */
export type ConsentPurpose =
  /** Inclusion follow-up (reception project) by the inclusion referent. */
  | 'INCLUSION_FOLLOW_UP'
  /** Sharing information with partner structures. */
  | 'INFORMATION_SHARING'
  /** Taking part in an individualised pathway. */
  | 'PATHWAY';

/** One line of the scope of a consent: a partner and the data categories it may receive. */
export type ConsentScope = {
  __typename?: 'ConsentScope';
  /** The categories that partner may receive. */
  categories: Array<DataCategory>;
  /** The partner. */
  partner?: Maybe<Partner>;
};

/** One line of the scope of a consent: a partner and the data categories it may receive. */
export type ConsentScopeInput = {
  /** Categories it may receive: at least one, within its kind's maximum. */
  categories: Array<DataCategory>;
  /** ID of the partner (at most one line per partner). */
  partnerId: Scalars['ID']['input'];
};

/** Category of personal data. Every field carrying personal data belongs to exactly one; a viewer sees a field only when its category is granted for that child. */
export type DataCategory =
  /** Guardians' names, phones and emails, the family's address and languages. */
  | 'CONTACT'
  /** Diagnosis, medical follow-up, MDPH decision, treatments. */
  | 'HEALTH'
  /** Names, birth date, age, grade, school. */
  | 'IDENTITY'
  /** Needs and accommodations without diagnosis, PAI arrangements, emergency protocol, adapted activities. */
  | 'INCLUSION'
  /** Referrals, pathway objectives, actions, reviews, closure, consents and service links. */
  | 'PATHWAY'
  /** Attendance concerns, school observations, schooling arrangements (PPS, AESH hours). */
  | 'SCHOOLING'
  /** Family situation, social follow-up, protection measure, social notes. */
  | 'SOCIAL';

/** A request about one child outside the rows (policy table "Requests from families"). */
export type DataRequestAction =
  /** Erase a child's personal data everywhere. */
  | 'ERASE_CHILD'
  /** Download the whole file of a child as one JSON document. */
  | 'EXPORT_CHILD'
  /** Find a child by exact identity for a request. */
  | 'FIND_CHILD'
  /** Read a child's access log. */
  | 'READ_ACCESS_LOG'
  /** Read the daily runs of the data's lifetime. */
  | 'READ_LIFETIME_RUNS';

/** The decision of the multidisciplinary team on a referral under review. */
export type DecideReferralInput = {
  /** The pathway referent the accepted referral is handed to (ID of an AccountSummary with role PATHWAY_REFERENT); only with ACCEPTED. */
  assignedReferentId?: InputMaybe<Scalars['ID']['input']>;
  /** Accepted or declined. */
  decision: ReferralDecision;
  /** ID of the referral. */
  id: Scalars['ID']['input'];
  /** Reason of the decision (1 to 2000 characters). */
  reason: Scalars['String']['input'];
  /** The team meeting that decided (ID of a TeamMeeting). */
  teamMeetingId?: InputMaybe<Scalars['ID']['input']>;
  /** The version of the referral the client read: a stale one is CONFLICT. */
  version: Scalars['Int']['input'];
};

/** Domain of a concern, an objective or an action. */
export type Domain =
  /** Culture. */
  | 'CULTURE'
  /** Education (outside school). */
  | 'EDUCATION'
  /** Health. */
  | 'HEALTH'
  /** Support to parenting. */
  | 'PARENTING'
  /** School. */
  | 'SCHOOL'
  /** Social. */
  | 'SOCIAL'
  /** Sport. */
  | 'SPORT';

/** Priority eligibility to the programme, computed (never enforced): age 2 to 16, and school in REP/REP+ or home in a priority neighbourhood (QPV). */
export type Eligibility = {
  __typename?: 'Eligibility';
  /** Aged 2 to 16 inclusive today. */
  ageInRange: Scalars['Boolean']['output'];
  /** Priority public: priorityNetwork or priorityNeighbourhood. */
  priority: Scalars['Boolean']['output'];
  /** Living in a priority neighbourhood of the city policy (QPV). */
  priorityNeighbourhood: Scalars['Boolean']['output'];
  /** Schooled in a priority education network (REP or REP+). */
  priorityNetwork: Scalars['Boolean']['output'];
};

/** The DPO's erasure of one child's personal data. */
export type EraseChildInput = {
  /** The child (an ID from findChildren). */
  childId: Scalars['ID']['input'];
  /** Why (RETENTION_EXPIRED is the daily run's). */
  reason: ErasureReason;
  /** The DPO's reference of the request (letters, digits, '-', '_', '/', '.', at most 64): never a name. */
  reference?: InputMaybe<Scalars['String']['input']>;
};

/** Why a child's personal data is erased. */
export type ErasureReason =
  /** The consent the processing rested on was withdrawn. */
  | 'CONSENT_WITHDRAWN'
  /** The family asked (RGPD article 17). */
  | 'FAMILY_REQUEST'
  /** A legal obligation or a court order. */
  | 'LEGAL_OBLIGATION'
  /** The archive period ended (the daily run only). */
  | 'RETENTION_EXPIRED'
  /** The data was processed unlawfully (a child referred by mistake...). */
  | 'UNLAWFUL_PROCESSING';

/** What an erasure did. */
export type ErasureReceipt = {
  __typename?: 'ErasureReceipt';
  /** ID of the erased child (it no longer resolves). */
  childId: Scalars['ID']['output'];
  /** When. */
  erasedAt: Scalars['DateTimeISO']['output'];
  /** Access events of the child kept, no longer pointing at it. */
  eventsDetached: Scalars['Int']['output'];
  /** Whether the family and its guardians were erased too (no other child of theirs remained). */
  familyErased: Scalars['Boolean']['output'];
  /** Why. */
  reason: ErasureReason;
};

/** A household (foyer). It has no identity fields of its own: its contact and social data are nullable blocks, granted when granted for one of its children in the viewer's rows. */
export type Family = Node & {
  __typename?: 'Family';
  /** The household's children that are in the viewer's rows. */
  children: Array<Child>;
  /** CONTACT block. Null when CONTACT is not granted. */
  contact?: Maybe<FamilyContact>;
  /** Opaque global identifier: pass it back as is, to `node(id:)` or to the arguments of type ID; never parse it. */
  id: Scalars['ID']['output'];
  /** SOCIAL block. Null when SOCIAL is not granted. */
  social?: Maybe<FamilySocial>;
};

/** CONTACT data of a household: guardians, address and languages. */
export type FamilyContact = {
  __typename?: 'FamilyContact';
  /** Address of the household. */
  address: Address;
  /** Legal guardians of the household. */
  guardians: Array<Guardian>;
  /** Whether an interpreter is needed to talk with the family. */
  interpreterNeeded: Scalars['Boolean']['output'];
  /** Languages spoken at home (ISO 639-1 codes). */
  languages: Array<Scalars['String']['output']>;
};

/** A meeting of the inclusion referent with a family: expectations, needs, existing means, next steps. INCLUSION data. */
export type FamilyMeeting = Node & {
  __typename?: 'FamilyMeeting';
  /** Who attended. */
  attendees?: Maybe<Scalars['String']['output']>;
  /** The child the meeting was about, if one; null when none or outside the viewer's rows. */
  child?: Maybe<Child>;
  /** Means already in place. */
  existingMeans?: Maybe<Scalars['String']['output']>;
  /** The family's expectations. */
  expectations?: Maybe<Scalars['String']['output']>;
  /** The household met; null when outside the viewer's rows. */
  family?: Maybe<Family>;
  /** Who held the meeting. */
  heldBy?: Maybe<AccountSummary>;
  /** When the meeting was held. */
  heldOn: Scalars['LocalDate']['output'];
  /** Opaque global identifier: pass it back as is, to `node(id:)` or to the arguments of type ID; never parse it. */
  id: Scalars['ID']['output'];
  /** Needs expressed or observed. */
  needs?: Maybe<Scalars['String']['output']>;
  /** Next steps agreed. */
  nextSteps?: Maybe<Scalars['String']['output']>;
  /** Version of the record. */
  version: Scalars['Int']['output'];
};

/** SOCIAL data of a household. */
export type FamilySocial = {
  __typename?: 'FamilySocial';
  /** Social notes about the household. */
  notes?: Maybe<Scalars['String']['output']>;
  /** Situation of the household. */
  situation?: Maybe<Scalars['String']['output']>;
};

/** A consent a guardian gives on the family portal for one of its children. */
export type GiveConsentInput = {
  /** ID of the child. */
  childId: Scalars['ID']['input'];
  /** Last day it is valid (today or later); absent when open-ended. */
  expiresOn?: InputMaybe<Scalars['LocalDate']['input']>;
  /** What the consent is for. */
  purpose: ConsentPurpose;
  /** Partners and categories it covers; at least one line for INFORMATION_SHARING. */
  scope: Array<ConsentScopeInput>;
};

/** School grade (niveau de classe) of a child. */
export type Grade =
  /** Cours élémentaire 1 (age 7). */
  | 'CE1'
  /** Cours élémentaire 2 (age 8). */
  | 'CE2'
  /** Cinquième (collège, age 12). */
  | 'CINQUIEME'
  /** Cours moyen 1 (age 9). */
  | 'CM1'
  /** Cours moyen 2 (age 10). */
  | 'CM2'
  /** Cours préparatoire (élémentaire, age 6). */
  | 'CP'
  /** Grande section (maternelle, age 5). */
  | 'GS'
  /** Moyenne section (maternelle, age 4). */
  | 'MS'
  /** Petite section (maternelle, age 3). */
  | 'PS'
  /** Quatrième (collège, age 13). */
  | 'QUATRIEME'
  /** Sixième (collège, age 11). */
  | 'SIXIEME'
  /** Toute petite section (maternelle, age 2). */
  | 'TPS'
  /** Troisième (collège, age 14). */
  | 'TROISIEME';

/** A legal guardian (responsable légal) of the children of a family. CONTACT data. */
export type Guardian = Node & {
  __typename?: 'Guardian';
  /** Email address. */
  email?: Maybe<Scalars['String']['output']>;
  /** First name. */
  firstName: Scalars['String']['output'];
  /** Opaque global identifier: pass it back as is, to `node(id:)` or to the arguments of type ID; never parse it. */
  id: Scalars['ID']['output'];
  /** Last name. */
  lastName: Scalars['String']['output'];
  /** Whether the guardian holds parental authority (only such a guardian can give consent). */
  parentalAuthority: Scalars['Boolean']['output'];
  /** Phone number. */
  phone?: Maybe<Scalars['String']['output']>;
  /** Preferred language (ISO 639-1 code, e.g. `fr`). */
  preferredLanguage: Scalars['String']['output'];
  /** Relationship to the children. */
  relationship: GuardianRelationship;
};

/** Relationship of a legal guardian to the children of the family. */
export type GuardianRelationship =
  /** Father. */
  | 'FATHER'
  /** Grandparent. */
  | 'GRANDPARENT'
  /** Guardian appointed by a court (tuteur). */
  | 'LEGAL_GUARDIAN'
  /** Mother. */
  | 'MOTHER'
  /** Another relationship. */
  | 'OTHER';

/** The guardian who gave a consent: names and relationship only, as recorded on the consent (PATHWAY data). */
export type GuardianSummary = Node & {
  __typename?: 'GuardianSummary';
  /** First name. */
  firstName: Scalars['String']['output'];
  /** Opaque global identifier: pass it back as is, to `node(id:)` or to the arguments of type ID; never parse it. */
  id: Scalars['ID']['output'];
  /** Last name. */
  lastName: Scalars['String']['output'];
  /** Relationship to the child. */
  relationship: GuardianRelationship;
};

/** The inclusion follow-up (projet d'accueil) of a child, as the object the inclusion mutations address: its id, status and version. Its content is read in `Child.inclusion`. INCLUSION data. */
export type InclusionFollowUp = Node & {
  __typename?: 'InclusionFollowUp';
  /** The child; null when outside the viewer's rows. */
  child?: Maybe<Child>;
  /** When the follow-up was opened. */
  createdAt: Scalars['DateTimeISO']['output'];
  /** Opaque global identifier: pass it back as is, to `node(id:)` or to the arguments of type ID; never parse it. */
  id: Scalars['ID']['output'];
  /** Inclusion referent in charge. */
  referent?: Maybe<AccountSummary>;
  /** Status: OPEN → ASSESSED → ACTIVE → CLOSED. */
  status: InclusionStatus;
  /** Version of the follow-up, to send back with recordNeedsAssessment (a stale version is CONFLICT). */
  version: Scalars['Int']['output'];
};

/** Status of an inclusion follow-up (projet d’accueil). */
export type InclusionStatus =
  /** Reception project in place. */
  | 'ACTIVE'
  /** Needs assessed, reception project being built. */
  | 'ASSESSED'
  /** Follow-up closed. */
  | 'CLOSED'
  /** Opened, needs not yet assessed. */
  | 'OPEN';

/** Legal basis on which a service link shares data. */
export type LegalBasis =
  /** The consent of a guardian holding parental authority. */
  | 'CONSENT'
  /** Shared secret in social action (CASF article L.121-6-2). */
  | 'SHARED_SECRET_L121_6_2'
  /** Shared secret in child protection (CASF article L.226-2-2). */
  | 'SHARED_SECRET_L226_2_2';

/** One run of the daily job of the data's lifetime (archiving, anonymising, the access log's retention). */
export type LifetimeRun = {
  __typename?: 'LifetimeRun';
  /** The instant the run took as now. */
  asOf: Scalars['DateTimeISO']['output'];
  /** Attempt of its job (a failed run is retried). */
  attempt: Scalars['Int']['output'];
  /** Archived children anonymised at the end of the archive period. */
  childrenAnonymised: Scalars['Int']['output'];
  /** Children moved to ARCHIVED. */
  childrenArchived: Scalars['Int']['output'];
  /** For a failed run: the step and the database error code (no data). */
  error?: Maybe<Scalars['String']['output']>;
  /** When it finished; null while running. */
  finishedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  /** ID of the run. */
  id: Scalars['ID']['output'];
  /** Links revoked because their child was archived. */
  linksRevoked: Scalars['Int']['output'];
  /** Months of the access log made ahead. */
  partitionsCreated: Scalars['Int']['output'];
  /** Months of the access log dropped (past the retention). */
  partitionsDropped: Scalars['Int']['output'];
  /** When it started. */
  startedAt: Scalars['DateTimeISO']['output'];
  /** RUNNING, SUCCEEDED or FAILED. */
  status: Scalars['String']['output'];
};

/** Workflows of the programme: each mutation is one transaction, checked against the write policy, validated, and recorded in the access log. */
export type Mutation = {
  __typename?: 'Mutation';
  /** Activates a proposed or suspended link (INCLUSION_REFERENT). Refused (BAD_USER_INPUT, reason NO_LEGAL_BASIS) unless its consent is of this child, given, not withdrawn, not expired, and scopes the link's partner for all its categories; or, on a shared-secret basis, unless the date the parents were informed or the reason they were not is recorded. */
  activateServiceLink: ServiceLink;
  /** Adds an accommodation a structure puts in place for the child (INCLUSION_REFERENT), once its needs are assessed; the first one puts the reception project in place (ASSESSED → ACTIVE). */
  addAccommodation: Accommodation;
  /** The pathways' referent adds an action: INDIVIDUAL (one pathway) or COLLECTIVE (several pathways, all of which the viewer is the referent of), with its domain, the child's time and the providing partner. */
  addAction: Action;
  /** Adds an activity adapted to the child's needs (INCLUSION_REFERENT), once its needs are assessed; the first one puts the reception project in place (ASSESSED → ACTIVE). */
  addAdaptedActivity: AdaptedActivity;
  /** The pathway's referent adds an objective (status OPEN). */
  addObjective: Objective;
  /** A partner agent adds a dated observation about a linked child, in a category it may read for that child (PARTNER_AGENT): SCHOOLING, SOCIAL, HEALTH or INCLUSION. FORBIDDEN for a category not granted; NOT_FOUND for a child outside its rows. */
  addObservation: Observation;
  /** The pathway's referent records a review (bilan): when, the progress observed, the next steps. */
  addReview: Review;
  /** The coordinator closes a pathway, with the reason: → CLOSED, ending today. */
  closePathway: Pathway;
  /** The coordinator records the team decision on a referral under review (ACCEPTED or DECLINED, with a reason), the meeting, and the referent an accepted referral is handed to. */
  decideReferral: Referral;
  /** The DPO erases one child's personal data everywhere, in one transaction (RGPD article 17): what the anonymous statistics need stays, without names, birth date or texts (README "What the erasure keeps"); the family and guardians too when no other child of theirs remains; the access events of the child are kept, detached from it. Logged as DELETE. A second call is NOT_FOUND. */
  eraseChild: ErasureReceipt;
  /** A guardian gives a consent for one of its children on the family portal (GUARDIAN). FORBIDDEN when the guardian does not hold parental authority; NOT_FOUND for a child of another household. */
  giveConsent: Consent;
  /** Opens the inclusion follow-up (projet d'accueil) of a child of the programme (INCLUSION_REFERENT), status OPEN, with the viewer as referent, on the family's consent: the child's newest INCLUSION_FOLLOW_UP consent in force whose scope names the viewer's structure (given on the portal, or recorded by an agent). NOT_FOUND when the child does not exist or has no such consent (the two are indistinguishable). A child has at most one. */
  openInclusionFollowUp: InclusionFollowUp;
  /** The coordinator opens the pathway of a child, with its referent, on a given, unwithdrawn, unexpired PATHWAY consent of that child (else BAD_USER_INPUT on input.consentId, reason CONSENT_REQUIRED). The pathway is created ACTIVE; a child has at most one pathway that is not closed. */
  openPathway: Pathway;
  /** Proposes a link between services for a child in the viewer's rows (INCLUSION_REFERENT). It grants nothing, to the partner or to the referent, until activated. Categories beyond the receiving partner kind's maximum are refused (BAD_USER_INPUT on input.categories). */
  proposeServiceLink: ServiceLink;
  /** Records a consent a guardian gave on a signed form or orally (PATHWAY_REFERENT, INCLUSION_REFERENT; a child of the viewer's rows). The guardian must be of the child's household and hold parental authority. */
  recordConsent: Consent;
  /** Records a meeting with a family of the viewer's rows (INCLUSION_REFERENT), about one of its children or the household. */
  recordFamilyMeeting: FamilyMeeting;
  /** Records the needs assessment of a follow-up (INCLUSION_REFERENT): an OPEN follow-up becomes ASSESSED; an assessed one is re-assessed. Read the result in `Child.inclusion`. */
  recordNeedsAssessment: InclusionFollowUp;
  /** The coordinator records a meeting of the multidisciplinary team: date, attending partners, decisions, and the referrals it reviewed. */
  recordTeamMeeting: TeamMeetingPayload;
  /** Records who attended a workshop once held (INCLUSION_REFERENT): the attending partners (replacing the list) and the number of professionals. */
  recordWorkshopAttendance: Workshop;
  /** The coordinator resumes a suspended pathway: SUSPENDED → ACTIVE. */
  resumePathway: Pathway;
  /** Revokes a link for good, with the reason (INCLUSION_REFERENT). */
  revokeServiceLink: ServiceLink;
  /** Schedules an awareness workshop for professionals (INCLUSION_REFERENT), the viewer facilitating it. */
  scheduleWorkshop: Workshop;
  /** The coordinator starts reviewing a referral: SUBMITTED → UNDER_REVIEW. */
  startReferralReview: Referral;
  /** Refers a child to the programme (partner agents, for a child linked to their structure or a new one; the PRE team). A new child is created with its family after a duplicate check: a match among the children the submitter may see answers duplicateSuspected (nothing created); a match outside them is not told: the referral is created and marked for the coordinator (Referral.suspectedDuplicateOf). Eligibility outside the priority public warns, never forbids. */
  submitReferral: ReferralSubmissionPayload;
  /** The coordinator suspends a pathway: ACTIVE → SUSPENDED. */
  suspendPathway: Pathway;
  /** Suspends an active link: it grants nothing until activated again (INCLUSION_REFERENT). */
  suspendServiceLink: ServiceLink;
  /** The referent of the action's pathways edits it: title, status (PLANNED → IN_PROGRESS → DONE, or CANCELLED), outcome, dates. */
  updateAction: Action;
  /** The pathway's referent edits an objective's text or records its outcome (OPEN → an outcome). */
  updateObjective: Objective;
  /** A guardian withdraws a consent given for one of its children (GUARDIAN, holding parental authority). Every service link resting on it (legal basis CONSENT, not yet revoked) is revoked at once, in the same transaction. */
  withdrawConsent: Consent;
};


/** Workflows of the programme: each mutation is one transaction, checked against the write policy, validated, and recorded in the access log. */
export type MutationActivateServiceLinkArgs = {
  id: Scalars['ID']['input'];
  version: Scalars['Int']['input'];
};


/** Workflows of the programme: each mutation is one transaction, checked against the write policy, validated, and recorded in the access log. */
export type MutationAddAccommodationArgs = {
  description: Scalars['String']['input'];
  followUpId: Scalars['ID']['input'];
  partnerId: Scalars['ID']['input'];
};


/** Workflows of the programme: each mutation is one transaction, checked against the write policy, validated, and recorded in the access log. */
export type MutationAddActionArgs = {
  input: AddActionInput;
};


/** Workflows of the programme: each mutation is one transaction, checked against the write policy, validated, and recorded in the access log. */
export type MutationAddAdaptedActivityArgs = {
  input: AddAdaptedActivityInput;
};


/** Workflows of the programme: each mutation is one transaction, checked against the write policy, validated, and recorded in the access log. */
export type MutationAddObjectiveArgs = {
  domain: Domain;
  pathwayId: Scalars['ID']['input'];
  text: Scalars['String']['input'];
};


/** Workflows of the programme: each mutation is one transaction, checked against the write policy, validated, and recorded in the access log. */
export type MutationAddObservationArgs = {
  category: DataCategory;
  childId: Scalars['ID']['input'];
  text: Scalars['String']['input'];
};


/** Workflows of the programme: each mutation is one transaction, checked against the write policy, validated, and recorded in the access log. */
export type MutationAddReviewArgs = {
  heldOn: Scalars['LocalDate']['input'];
  nextSteps?: InputMaybe<Scalars['String']['input']>;
  pathwayId: Scalars['ID']['input'];
  progress: Scalars['String']['input'];
};


/** Workflows of the programme: each mutation is one transaction, checked against the write policy, validated, and recorded in the access log. */
export type MutationClosePathwayArgs = {
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
  version: Scalars['Int']['input'];
};


/** Workflows of the programme: each mutation is one transaction, checked against the write policy, validated, and recorded in the access log. */
export type MutationDecideReferralArgs = {
  input: DecideReferralInput;
};


/** Workflows of the programme: each mutation is one transaction, checked against the write policy, validated, and recorded in the access log. */
export type MutationEraseChildArgs = {
  input: EraseChildInput;
};


/** Workflows of the programme: each mutation is one transaction, checked against the write policy, validated, and recorded in the access log. */
export type MutationGiveConsentArgs = {
  input: GiveConsentInput;
};


/** Workflows of the programme: each mutation is one transaction, checked against the write policy, validated, and recorded in the access log. */
export type MutationOpenInclusionFollowUpArgs = {
  childId: Scalars['ID']['input'];
};


/** Workflows of the programme: each mutation is one transaction, checked against the write policy, validated, and recorded in the access log. */
export type MutationOpenPathwayArgs = {
  input: OpenPathwayInput;
};


/** Workflows of the programme: each mutation is one transaction, checked against the write policy, validated, and recorded in the access log. */
export type MutationProposeServiceLinkArgs = {
  input: ProposeServiceLinkInput;
};


/** Workflows of the programme: each mutation is one transaction, checked against the write policy, validated, and recorded in the access log. */
export type MutationRecordConsentArgs = {
  input: RecordConsentInput;
};


/** Workflows of the programme: each mutation is one transaction, checked against the write policy, validated, and recorded in the access log. */
export type MutationRecordFamilyMeetingArgs = {
  input: RecordFamilyMeetingInput;
};


/** Workflows of the programme: each mutation is one transaction, checked against the write policy, validated, and recorded in the access log. */
export type MutationRecordNeedsAssessmentArgs = {
  input: RecordNeedsAssessmentInput;
};


/** Workflows of the programme: each mutation is one transaction, checked against the write policy, validated, and recorded in the access log. */
export type MutationRecordTeamMeetingArgs = {
  input: RecordTeamMeetingInput;
};


/** Workflows of the programme: each mutation is one transaction, checked against the write policy, validated, and recorded in the access log. */
export type MutationRecordWorkshopAttendanceArgs = {
  attendingPartnerIds: Array<Scalars['ID']['input']>;
  professionalsCount: Scalars['Int']['input'];
  version: Scalars['Int']['input'];
  workshopId: Scalars['ID']['input'];
};


/** Workflows of the programme: each mutation is one transaction, checked against the write policy, validated, and recorded in the access log. */
export type MutationResumePathwayArgs = {
  id: Scalars['ID']['input'];
  version: Scalars['Int']['input'];
};


/** Workflows of the programme: each mutation is one transaction, checked against the write policy, validated, and recorded in the access log. */
export type MutationRevokeServiceLinkArgs = {
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
  version: Scalars['Int']['input'];
};


/** Workflows of the programme: each mutation is one transaction, checked against the write policy, validated, and recorded in the access log. */
export type MutationScheduleWorkshopArgs = {
  input: ScheduleWorkshopInput;
};


/** Workflows of the programme: each mutation is one transaction, checked against the write policy, validated, and recorded in the access log. */
export type MutationStartReferralReviewArgs = {
  id: Scalars['ID']['input'];
  version: Scalars['Int']['input'];
};


/** Workflows of the programme: each mutation is one transaction, checked against the write policy, validated, and recorded in the access log. */
export type MutationSubmitReferralArgs = {
  input: SubmitReferralInput;
};


/** Workflows of the programme: each mutation is one transaction, checked against the write policy, validated, and recorded in the access log. */
export type MutationSuspendPathwayArgs = {
  id: Scalars['ID']['input'];
  version: Scalars['Int']['input'];
};


/** Workflows of the programme: each mutation is one transaction, checked against the write policy, validated, and recorded in the access log. */
export type MutationSuspendServiceLinkArgs = {
  id: Scalars['ID']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
  version: Scalars['Int']['input'];
};


/** Workflows of the programme: each mutation is one transaction, checked against the write policy, validated, and recorded in the access log. */
export type MutationUpdateActionArgs = {
  endDate?: InputMaybe<Scalars['LocalDate']['input']>;
  id: Scalars['ID']['input'];
  outcome?: InputMaybe<Scalars['String']['input']>;
  startDate?: InputMaybe<Scalars['LocalDate']['input']>;
  status?: InputMaybe<ActionStatus>;
  title?: InputMaybe<Scalars['String']['input']>;
  version: Scalars['Int']['input'];
};


/** Workflows of the programme: each mutation is one transaction, checked against the write policy, validated, and recorded in the access log. */
export type MutationUpdateObjectiveArgs = {
  id: Scalars['ID']['input'];
  status?: InputMaybe<ObjectiveStatus>;
  text?: InputMaybe<Scalars['String']['input']>;
  version: Scalars['Int']['input'];
};


/** Workflows of the programme: each mutation is one transaction, checked against the write policy, validated, and recorded in the access log. */
export type MutationWithdrawConsentArgs = {
  id: Scalars['ID']['input'];
  version: Scalars['Int']['input'];
};

/** Assessment of a child's needs by the inclusion referent. INCLUSION data. */
export type NeedsAssessment = {
  __typename?: 'NeedsAssessment';
  /** Who assessed them. */
  assessedBy?: Maybe<AccountSummary>;
  /** When the needs were assessed. */
  date?: Maybe<Scalars['LocalDate']['output']>;
  /** Findings (needs, never the diagnosis). */
  findings?: Maybe<Scalars['String']['output']>;
};

/** An object with a global ID, which `node(id:)` fetches again (Relay Global Object Identification). */
export type Node = {
  /** Opaque global identifier: pass it back as is, to `node(id:)` or to the arguments of type ID; never parse it. */
  id: Scalars['ID']['output'];
};

/** An objective of a pathway. PATHWAY data. */
export type Objective = Node & {
  __typename?: 'Objective';
  /** Domain of the objective. */
  domain: Domain;
  /** Opaque global identifier: pass it back as is, to `node(id:)` or to the arguments of type ID; never parse it. */
  id: Scalars['ID']['output'];
  /** Where the objective stands. */
  status: ObjectiveStatus;
  /** The objective. */
  text: Scalars['String']['output'];
  /** Version of the row: send it back with an edit (a stale one is CONFLICT). */
  version: Scalars['Int']['output'];
};

/** Status of a pathway objective. */
export type ObjectiveStatus =
  /** Abandoned. */
  | 'ABANDONED'
  /** Achieved. */
  | 'ACHIEVED'
  /** Not achieved. */
  | 'NOT_ACHIEVED'
  /** Being worked on. */
  | 'OPEN'
  /** Partly achieved. */
  | 'PARTLY_ACHIEVED';

/** A dated note a professional wrote about a child. It belongs to the category of the block it is listed in. */
export type Observation = Node & {
  __typename?: 'Observation';
  /** Who wrote it. */
  author?: Maybe<AccountSummary>;
  /** When it was written. */
  createdAt: Scalars['DateTimeISO']['output'];
  /** Opaque global identifier: pass it back as is, to `node(id:)` or to the arguments of type ID; never parse it. */
  id: Scalars['ID']['output'];
  /** The structure the author wrote it for, if any. */
  partner?: Maybe<Partner>;
  /** Text of the observation. */
  text: Scalars['String']['output'];
};

/** Opens the individualised pathway of a child, resting on a guardian consent. */
export type OpenPathwayInput = {
  /** ID of the child. */
  childId: Scalars['ID']['input'];
  /** The consent the pathway rests on (ID of a Consent): of this child, purpose PATHWAY, given, not withdrawn, not expired. */
  consentId: Scalars['ID']['input'];
  /** The pathway referent (ID of an AccountSummary with role PATHWAY_REFERENT). */
  referentId: Scalars['ID']['input'];
  /** Start date: not in the future, at most a year ago. */
  startDate: Scalars['LocalDate']['input'];
};

/** Pagination state of a connection (Relay cursor connections). */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** Cursor of the last item of this page, to pass as `after`; null on an empty page. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** Whether more items follow this page. */
  hasNextPage: Scalars['Boolean']['output'];
};

/** A partner structure of the programme (school, social services, leisure centre, ...). Not personal data. */
export type Partner = Node & {
  __typename?: 'Partner';
  /** Postal address of the structure. */
  address?: Maybe<Scalars['String']['output']>;
  /** Opaque global identifier: pass it back as is, to `node(id:)` or to the arguments of type ID; never parse it. */
  id: Scalars['ID']['output'];
  /** Kind of structure. */
  kind: PartnerKind;
  /** Name of the structure. */
  name: Scalars['String']['output'];
  /** Priority education network of a school (NONE for other kinds). */
  network: SchoolNetwork;
  /** Level of a school; null for other kinds. */
  schoolLevel?: Maybe<SchoolLevel>;
  /** UAI code of a school (7 digits and a letter); null for other kinds. */
  uai?: Maybe<Scalars['String']['output']>;
};

/** Kind of a partner structure of the programme. */
export type PartnerKind =
  /** A cultural venue (library, conservatory, museum, theatre). */
  | 'CULTURE'
  /** A health structure (PMI, CMP, CMPP, médecin scolaire). */
  | 'HEALTH'
  /** The inclusion referent's service (Caisse des écoles). */
  | 'INCLUSION_SERVICE'
  /** A leisure centre (accueil de loisirs, périscolaire or extrascolaire). */
  | 'LEISURE_CENTRE'
  /** The team of the Programme de Réussite Éducative itself. */
  | 'PRE_TEAM'
  /** A school (école maternelle, élémentaire or collège). */
  | 'SCHOOL'
  /** Social services (service social départemental, CCAS). */
  | 'SOCIAL_SERVICES'
  /** A sports club or municipal sports service. */
  | 'SPORTS';

/** An individualised pathway (parcours individualisé) of one child. PATHWAY data. */
export type Pathway = Node & {
  __typename?: 'Pathway';
  /** Actions, by start date. */
  actions: Array<Action>;
  /** The pathway's child; null when the child is outside the viewer's rows. */
  child?: Maybe<Child>;
  /** Why the pathway was closed. */
  closureReason?: Maybe<Scalars['String']['output']>;
  /** The guardian consent (purpose PATHWAY) the pathway rests on. */
  consent?: Maybe<Consent>;
  /** End date. */
  endDate?: Maybe<Scalars['LocalDate']['output']>;
  /** Opaque global identifier: pass it back as is, to `node(id:)` or to the arguments of type ID; never parse it. */
  id: Scalars['ID']['output'];
  /** Objectives. */
  objectives: Array<Objective>;
  /** Pathway referent. */
  referent?: Maybe<AccountSummary>;
  /** Reviews, newest first. */
  reviews: Array<Review>;
  /** Start date. */
  startDate?: Maybe<Scalars['LocalDate']['output']>;
  /** Status of the pathway. */
  status: PathwayStatus;
  /** Version of the row: send it back with an edit (a stale one is CONFLICT). */
  version: Scalars['Int']['output'];
};

/** Status of an individualised pathway: DRAFT → ACTIVE ⇄ SUSPENDED → CLOSED. */
export type PathwayStatus =
  /** Under way. */
  | 'ACTIVE'
  /** Closed (see the closure reason). */
  | 'CLOSED'
  /** Being prepared, not started. */
  | 'DRAFT'
  /** Temporarily suspended. */
  | 'SUSPENDED';

/** A link between services, proposed: it grants nothing until activateServiceLink, which checks its legal basis (a consent covering its partner and categories, or a shared-secret basis with the parents informed or the reason they were not). */
export type ProposeServiceLinkInput = {
  /** Categories shared: at least one, within the receiving partner kind's maximum. */
  categories: Array<DataCategory>;
  /** ID of the child. */
  childId: Scalars['ID']['input'];
  /** Legal basis CONSENT only: ID of a consent given for this child. */
  consentId?: InputMaybe<Scalars['ID']['input']>;
  /** Legal basis of the sharing. */
  legalBasis: LegalBasis;
  /** ID of the partner the link starts from, if any (not the receiving partner). */
  originPartnerId?: InputMaybe<Scalars['ID']['input']>;
  /** Shared-secret basis only: when the parents were informed (not in the future). */
  parentsInformedOn?: InputMaybe<Scalars['LocalDate']['input']>;
  /** Shared-secret basis only, instead of parentsInformedOn: why the parents were not informed (against the child's interest). */
  parentsNotInformedReason?: InputMaybe<Scalars['String']['input']>;
  /** ID of the partner that will receive access. */
  partnerId: Scalars['ID']['input'];
  /** Purpose of the link. */
  purpose: ConsentPurpose;
  /** First day of validity. */
  validFrom: Scalars['LocalDate']['input'];
  /** Last day of validity (not before validFrom, nor before today); absent when open-ended. */
  validUntil?: InputMaybe<Scalars['LocalDate']['input']>;
};

/** Child protection measure in place, if any. */
export type ProtectionMeasure =
  /** Aide éducative à domicile (administrative home support). */
  | 'AED'
  /** Action éducative en milieu ouvert (judicial home support). */
  | 'AEMO'
  /** A worrying information (information préoccupante) was transmitted. */
  | 'INFORMATION_PREOCCUPANTE'
  /** No protection measure. */
  | 'NONE'
  /** The child is placed outside the family. */
  | 'PLACEMENT';

/** Read API of the Programme de Réussite Éducative: every list and object is restricted to the viewer's programme and rows. */
export type Query = {
  __typename?: 'Query';
  /** The access log of one child, newest first: every read, refusal and write of its data. For the DPO (any child of its programme) and for a guardian (its own children); NOT_FOUND for anyone else. */
  accessLog: AccessEventConnection;
  /** One child by ID. NOT_FOUND when it does not exist or is outside the viewer's rows (indistinguishable). */
  child?: Maybe<Child>;
  /** The whole file of one child as one JSON document (RGPD article 15), logged as EXPORT: for the DPO, any child of its programme whose file is active or archived, every category; for a guardian, its own children, within its categories, without the other family members' data. Also a download: GET /children/<id>/export.json. NOT_FOUND for anyone else. */
  childExport: ChildExport;
  /** The children in the viewer's rows, by last name, first name and id, a page at a time (keyset pagination with opaque cursors). */
  children: ChildConnection;
  /** One household by ID. NOT_FOUND unless one of its children is in the viewer's rows. */
  family?: Maybe<Family>;
  /** The DPO finds a child of its programme for a request, by exact identity (accents, case, hyphens and apostrophes folded): IDs and names only, active and archived files. Each search is recorded (who, when, what was asked, how many matched). */
  findChildren: Array<ChildIdentityMatch>;
  /** The DPO's view of the daily runs of the data's lifetime, newest first: when, how it ended, and what it did to its programme (children archived and anonymised, links revoked) and to the access log (months made and dropped). */
  lifetimeRuns: Array<LifetimeRun>;
  /** Any object implementing Node, by its global ID (Relay). NOT_FOUND when it does not exist, is of an unknown type or is outside the viewer's rows; FORBIDDEN when its data category is not granted. */
  node?: Maybe<Node>;
  /** The partner structures of the viewer's programme, by name. Not personal data. */
  partners: Array<Partner>;
  /** One pathway by ID. NOT_FOUND when absent or when its child is outside the viewer's rows; FORBIDDEN without PATHWAY for that child. */
  pathway?: Maybe<Pathway>;
  /** Referrals of the children in the viewer's rows for whom PATHWAY data is granted, newest first (referral date, then id), a page at a time. */
  referrals: ReferralConnection;
  /** The links between services of one child, newest first. NOT_FOUND when the child is outside the viewer's rows; FORBIDDEN without PATHWAY for it. */
  serviceLinks: Array<ServiceLink>;
  /** The signed-in account. */
  viewer: Viewer;
  /** The awareness workshops of the viewer's programme, newest first. No child data. */
  workshops: Array<Workshop>;
};


/** Read API of the Programme de Réussite Éducative: every list and object is restricted to the viewer's programme and rows. */
export type QueryAccessLogArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  childId: Scalars['ID']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
  from?: InputMaybe<Scalars['DateTimeISO']['input']>;
  to?: InputMaybe<Scalars['DateTimeISO']['input']>;
};


/** Read API of the Programme de Réussite Éducative: every list and object is restricted to the viewer's programme and rows. */
export type QueryChildArgs = {
  id: Scalars['ID']['input'];
};


/** Read API of the Programme de Réussite Éducative: every list and object is restricted to the viewer's programme and rows. */
export type QueryChildExportArgs = {
  childId: Scalars['ID']['input'];
};


/** Read API of the Programme de Réussite Éducative: every list and object is restricted to the viewer's programme and rows. */
export type QueryChildrenArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ChildrenFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** Read API of the Programme de Réussite Éducative: every list and object is restricted to the viewer's programme and rows. */
export type QueryFamilyArgs = {
  id: Scalars['ID']['input'];
};


/** Read API of the Programme de Réussite Éducative: every list and object is restricted to the viewer's programme and rows. */
export type QueryFindChildrenArgs = {
  birthDate: Scalars['LocalDate']['input'];
  firstName: Scalars['String']['input'];
  lastName: Scalars['String']['input'];
};


/** Read API of the Programme de Réussite Éducative: every list and object is restricted to the viewer's programme and rows. */
export type QueryLifetimeRunsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** Read API of the Programme de Réussite Éducative: every list and object is restricted to the viewer's programme and rows. */
export type QueryNodeArgs = {
  id: Scalars['ID']['input'];
};


/** Read API of the Programme de Réussite Éducative: every list and object is restricted to the viewer's programme and rows. */
export type QueryPathwayArgs = {
  id: Scalars['ID']['input'];
};


/** Read API of the Programme de Réussite Éducative: every list and object is restricted to the viewer's programme and rows. */
export type QueryReferralsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<ReferralStatus>;
};


/** Read API of the Programme de Réussite Éducative: every list and object is restricted to the viewer's programme and rows. */
export type QueryServiceLinksArgs = {
  childId: Scalars['ID']['input'];
};

/** A consent given on paper or orally, recorded by an agent. */
export type RecordConsentInput = {
  /** ID of the child. */
  childId: Scalars['ID']['input'];
  /** Last day it is valid (today or later); absent when open-ended. */
  expiresOn?: InputMaybe<Scalars['LocalDate']['input']>;
  /** When it was given: not in the future. */
  givenAt: Scalars['DateTimeISO']['input'];
  /** ID of the guardian who gave it (Guardian or GuardianSummary): of the child's household, holding parental authority. */
  guardianId: Scalars['ID']['input'];
  /** How it was given: SIGNED_FORM or ORAL_RECORDED (PORTAL is for giveConsent). */
  method: ConsentMethod;
  /** What the consent is for. */
  purpose: ConsentPurpose;
  /** Partners and categories it covers; at least one line for INFORMATION_SHARING. */
  scope: Array<ConsentScopeInput>;
};

/** A meeting of the inclusion referent with a family. */
export type RecordFamilyMeetingInput = {
  /** Who attended. */
  attendees?: InputMaybe<Scalars['String']['input']>;
  /** ID of the child of that family the meeting was about, if one. */
  childId?: InputMaybe<Scalars['ID']['input']>;
  /** Means already in place. */
  existingMeans?: InputMaybe<Scalars['String']['input']>;
  /** The family's expectations. */
  expectations?: InputMaybe<Scalars['String']['input']>;
  /** ID of the family. */
  familyId: Scalars['ID']['input'];
  /** When the meeting was held (not in the future). */
  heldOn: Scalars['LocalDate']['input'];
  /** Needs expressed or observed. */
  needs?: InputMaybe<Scalars['String']['input']>;
  /** Next steps agreed. */
  nextSteps?: InputMaybe<Scalars['String']['input']>;
};

/** The needs assessment of an inclusion follow-up (never the diagnosis). Optional fields left absent keep their value. */
export type RecordNeedsAssessmentInput = {
  /** When the needs were assessed (not in the future). */
  assessedOn: Scalars['LocalDate']['input'];
  /** Emergency protocol staff must follow. */
  emergencyProtocol?: InputMaybe<Scalars['String']['input']>;
  /** Means already in place. */
  existingMeans?: InputMaybe<Scalars['String']['input']>;
  /** The family's expectations. */
  familyExpectations?: InputMaybe<Scalars['String']['input']>;
  /** Findings: needs, never the diagnosis. */
  findings: Scalars['String']['input'];
  /** ID of the inclusion follow-up. */
  followUpId: Scalars['ID']['input'];
  /** Inventory of needs. */
  needsInventory?: InputMaybe<Scalars['String']['input']>;
  /** Practical arrangements of the PAI (never the diagnosis). */
  paiArrangements?: InputMaybe<Scalars['String']['input']>;
  /** Version of the follow-up the client read. */
  version: Scalars['Int']['input'];
};

/** A meeting of the multidisciplinary team, as held. */
export type RecordTeamMeetingInput = {
  /** The partner structures that attended (IDs of Partners): at least one, no repeats. */
  attendingPartnerIds: Array<Scalars['ID']['input']>;
  /** Decisions taken (at most 10000 characters). Kept for the PRE team; never shown on TeamMeeting. */
  decisions?: InputMaybe<Scalars['String']['input']>;
  /** When it was held: not in the future, at most a year ago. */
  heldOn: Scalars['LocalDate']['input'];
  /** The referrals reviewed at the meeting (IDs of Referrals, no repeats): each is linked to the meeting. */
  referralIds?: InputMaybe<Array<Scalars['ID']['input']>>;
};

/** A referral (orientation, fiche de repérage) of a child to the programme. PATHWAY data. */
export type Referral = Node & {
  __typename?: 'Referral';
  /** The pathway referent it was handed to. */
  assignedTo?: Maybe<AccountSummary>;
  /** The referred child; null when outside the viewer's rows. */
  child?: Maybe<Child>;
  /** When the team decided. */
  decidedOn?: Maybe<Scalars['LocalDate']['output']>;
  /** Reason of the decision. */
  decisionReason?: Maybe<Scalars['String']['output']>;
  /** Why the child is referred. */
  description: Scalars['String']['output'];
  /** Domains of concern. */
  domains: Array<Domain>;
  /** The child's computed priority eligibility; null when the child is outside the viewer's rows. */
  eligibility?: Maybe<Eligibility>;
  /** Opaque global identifier: pass it back as is, to `node(id:)` or to the arguments of type ID; never parse it. */
  id: Scalars['ID']['output'];
  /** When the child was referred. */
  referredOn: Scalars['LocalDate']['output'];
  /** The structure that referred the child. */
  referringPartner?: Maybe<Partner>;
  /** Status of the referral. */
  status: ReferralStatus;
  /** A child of the programme with the same names and birth date as this referral's new child, for the coordinator to decide on; null when there is none or when it is outside the viewer's rows (the submitter is never told). */
  suspectedDuplicateOf?: Maybe<Child>;
  /** The team meeting that reviewed it. */
  teamMeeting?: Maybe<TeamMeeting>;
  /** Version of the row: send it back with an edit (a stale one is CONFLICT). */
  version: Scalars['Int']['output'];
};

/** A page of referrals, newest first (referral date, then id). */
export type ReferralConnection = {
  __typename?: 'ReferralConnection';
  /** The referrals of this page. */
  edges: Array<ReferralEdge>;
  /** Where this page stands. */
  pageInfo: PageInfo;
  /** Number of referrals matching, over all pages. */
  totalCount: Scalars['Int']['output'];
};

/** What the multidisciplinary team decided about a referral under review. */
export type ReferralDecision =
  /** Accepted: a pathway may be opened. */
  | 'ACCEPTED'
  /** Declined. */
  | 'DECLINED';

/** A referral in a page of referrals. */
export type ReferralEdge = {
  __typename?: 'ReferralEdge';
  /** Opaque cursor of this referral: pass it as `after` to get the referrals after it. */
  cursor: Scalars['String']['output'];
  /** The referral. */
  node: Referral;
};

/** The referred child's priority eligibility, with warnings for what falls outside it (a warning never prevents the referral). */
export type ReferralEligibility = {
  __typename?: 'ReferralEligibility';
  /** Aged 2 to 16 inclusive today. */
  ageInRange: Scalars['Boolean']['output'];
  /** Priority public: priorityNetwork or priorityNeighbourhood. */
  priority: Scalars['Boolean']['output'];
  /** Living in a priority neighbourhood of the city policy (QPV). */
  priorityNeighbourhood: Scalars['Boolean']['output'];
  /** Schooled in a priority education network (REP or REP+). */
  priorityNetwork: Scalars['Boolean']['output'];
  /** AGE_OUT_OF_RANGE (not aged 2 to 16 today), NOT_PRIORITY_PUBLIC (neither a REP/REP+ school nor a QPV home); empty when within the priority public. */
  warnings: Array<Scalars['String']['output']>;
};

/** A child the programme does not know yet, with its family. */
export type ReferralNewChildInput = {
  /** Birth date: not in the future, at most 25 years ago. */
  birthDate: Scalars['LocalDate']['input'];
  /** The household. */
  family: ReferralNewFamilyInput;
  /** First name (1 to 100 characters). */
  firstName: Scalars['String']['input'];
  /** School grade; null when not schooled. */
  grade?: InputMaybe<Grade>;
  /** Last name (1 to 100 characters). */
  lastName: Scalars['String']['input'];
  /** The school attended (ID of a SCHOOL partner of the programme); null when not schooled. */
  schoolId?: InputMaybe<Scalars['ID']['input']>;
};

/** The household of a child referred for the first time. */
export type ReferralNewFamilyInput = {
  /** Street address (1 to 300 characters). */
  addressLine: Scalars['String']['input'];
  /** City (1 to 100 characters). */
  city: Scalars['String']['input'];
  /** The legal guardians: 1 to 4. */
  guardians: Array<ReferralNewGuardianInput>;
  /** Postal code: 5 digits. */
  postalCode: Scalars['String']['input'];
  /** Code of the priority neighbourhood (QPV) the family lives in, e.g. QN04701M; null when none. */
  qpvCode?: InputMaybe<Scalars['String']['input']>;
};

/** A legal guardian of a child referred for the first time. */
export type ReferralNewGuardianInput = {
  /** E-mail address. */
  email?: InputMaybe<Scalars['String']['input']>;
  /** First name (1 to 100 characters). */
  firstName: Scalars['String']['input'];
  /** Last name (1 to 100 characters). */
  lastName: Scalars['String']['input'];
  /** Holds parental authority (autorité parentale): only such a guardian can give consent. */
  parentalAuthority: Scalars['Boolean']['input'];
  /** French phone number: 10 digits, or +33 and 9 digits. */
  phone?: InputMaybe<Scalars['String']['input']>;
  /** Relationship to the child. */
  relationship: GuardianRelationship;
};

/** Status of a referral: SUBMITTED → UNDER_REVIEW → ACCEPTED | DECLINED | WITHDRAWN. */
export type ReferralStatus =
  /** Accepted: a pathway may be opened. */
  | 'ACCEPTED'
  /** Declined by the team. */
  | 'DECLINED'
  /** Submitted by a partner, not yet reviewed. */
  | 'SUBMITTED'
  /** Being reviewed by the multidisciplinary team. */
  | 'UNDER_REVIEW'
  /** Withdrawn by the referring partner or the family. */
  | 'WITHDRAWN';

/** What submitReferral did. */
export type ReferralSubmissionPayload = {
  __typename?: 'ReferralSubmissionPayload';
  /** true when the programme already has a child with the same first name, last name and birth date: nothing was created, and nothing about that child is shown; ask the PRE team. */
  duplicateSuspected: Scalars['Boolean']['output'];
  /** The child's eligibility, with warnings; null when duplicateSuspected. */
  eligibility?: Maybe<ReferralEligibility>;
  /** The referral created; null when duplicateSuspected. */
  referral?: Maybe<Referral>;
};

/** A review (bilan) of a pathway. PATHWAY data. */
export type Review = Node & {
  __typename?: 'Review';
  /** When the review was held. */
  heldOn: Scalars['LocalDate']['output'];
  /** Opaque global identifier: pass it back as is, to `node(id:)` or to the arguments of type ID; never parse it. */
  id: Scalars['ID']['output'];
  /** Next steps agreed. */
  nextSteps?: Maybe<Scalars['String']['output']>;
  /** Progress observed. */
  progress: Scalars['String']['output'];
};

/** Role of an account; it bounds the children and the data categories the account may see. */
export type Role =
  /** Manages partners and accounts of one programme; sees no child data. */
  | 'ADMIN'
  /** Analyst (BI, funders): aggregated, anonymous statistics only. */
  | 'ANALYST'
  /** Data protection officer: access log, export and erasure requests. */
  | 'DPO'
  /** Legal guardian on the family portal: sees its own children. */
  | 'GUARDIAN'
  /** Inclusion referent: needs assessment, reception project, links between services. */
  | 'INCLUSION_REFERENT'
  /** Agent of a partner structure: sees a child only through an active service link. */
  | 'PARTNER_AGENT'
  /** Pathway referent: follows the children of the pathways assigned to it. */
  | 'PATHWAY_REFERENT'
  /** PRE coordinator: reviews referrals, runs the team meeting, opens and closes pathways. */
  | 'PRE_COORDINATOR';

/** An awareness workshop for professionals (no child data). */
export type ScheduleWorkshopInput = {
  /** IDs of the partners whose professionals are expected (may be empty). */
  attendingPartnerIds: Array<Scalars['ID']['input']>;
  /** When it is (or was) held. */
  heldOn: Scalars['LocalDate']['input'];
  /** Topic (at most 200 characters). */
  topic: Scalars['String']['input'];
};

/** Level of a school. */
export type SchoolLevel =
  /** Collège (ages 11 to 15). */
  | 'COLLEGE'
  /** École élémentaire (ages 6 to 11). */
  | 'ELEMENTAIRE'
  /** École maternelle (ages 3 to 6). */
  | 'MATERNELLE';

/** Priority education network of a school (éducation prioritaire). */
export type SchoolNetwork =
  /** Not in a priority education network. */
  | 'NONE'
  /** Réseau d'éducation prioritaire. */
  | 'REP'
  /** Réseau d'éducation prioritaire renforcé (REP+). */
  | 'REP_PLUS';

/** A link between services (passerelle): the only thing that lets a partner structure see a child, in the categories it lists, while ACTIVE and within its validity. PATHWAY data. */
export type ServiceLink = Node & {
  __typename?: 'ServiceLink';
  /** Data categories shared through the link. */
  categories: Array<DataCategory>;
  /** The child; null when outside the viewer's rows. */
  child?: Maybe<Child>;
  /** The consent the link rests on (legal basis CONSENT). */
  consent?: Maybe<Consent>;
  /** Who created the link. */
  createdBy?: Maybe<AccountSummary>;
  /** Opaque global identifier: pass it back as is, to `node(id:)` or to the arguments of type ID; never parse it. */
  id: Scalars['ID']['output'];
  /** Legal basis of the sharing. */
  legalBasis: LegalBasis;
  /** The structure the link starts from, if any. */
  originPartner?: Maybe<Partner>;
  /** Shared-secret basis: when the parents were informed. */
  parentsInformedOn?: Maybe<Scalars['LocalDate']['output']>;
  /** Shared-secret basis: why the parents were not informed (against the child's interest). */
  parentsNotInformedReason?: Maybe<Scalars['String']['output']>;
  /** The structure that receives access. */
  partner?: Maybe<Partner>;
  /** Purpose of the link. */
  purpose: ConsentPurpose;
  /** Why the link was revoked. */
  revocationReason?: Maybe<Scalars['String']['output']>;
  /** When the link was revoked. */
  revokedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  /** Status today: an ACTIVE link past its validUntil is reported EXPIRED. */
  status: ServiceLinkStatus;
  /** When the link was suspended; null unless it is SUSPENDED. */
  suspendedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  /** Why the link was suspended; null unless it is SUSPENDED. */
  suspensionReason?: Maybe<Scalars['String']['output']>;
  /** First day of validity. */
  validFrom: Scalars['LocalDate']['output'];
  /** Last day of validity; null when open-ended. */
  validUntil?: Maybe<Scalars['LocalDate']['output']>;
  /** Version of the link, to send back with the link mutations (a stale version is CONFLICT). */
  version: Scalars['Int']['output'];
};

/** Status of a service link: PROPOSED → ACTIVE → SUSPENDED | REVOKED | EXPIRED. */
export type ServiceLinkStatus =
  /** In force within its validity window. */
  | 'ACTIVE'
  /** Past its end of validity: grants nothing. Reported for an active link whose validUntil is before today. */
  | 'EXPIRED'
  /** Proposed, not yet in force: grants nothing. */
  | 'PROPOSED'
  /** Revoked (or its consent was withdrawn): grants nothing. */
  | 'REVOKED'
  /** Temporarily suspended: grants nothing. */
  | 'SUSPENDED';

/** A referral: exactly one of childId (a child already in your rows) and newChild. */
export type SubmitReferralInput = {
  /** A child already known: one in the viewer's rows (for a partner agent, a child linked to its structure). */
  childId?: InputMaybe<Scalars['ID']['input']>;
  /** Why the child is referred (1 to 5000 characters). */
  description: Scalars['String']['input'];
  /** Domains of concern: at least one, no repeats. */
  domains: Array<Domain>;
  /** A child not known yet: created with its family unless the programme already has a child of the same names and birth date. */
  newChild?: InputMaybe<ReferralNewChildInput>;
};

/** A meeting of the multidisciplinary team (équipe pluridisciplinaire de soutien). */
export type TeamMeeting = Node & {
  __typename?: 'TeamMeeting';
  /** When the meeting was held. */
  heldOn: Scalars['LocalDate']['output'];
  /** Opaque global identifier: pass it back as is, to `node(id:)` or to the arguments of type ID; never parse it. */
  id: Scalars['ID']['output'];
};

/** What recordTeamMeeting did. */
export type TeamMeetingPayload = {
  __typename?: 'TeamMeetingPayload';
  /** The referrals linked to it, with their new versions. */
  referrals: Array<Referral>;
  /** The meeting recorded. */
  teamMeeting: TeamMeeting;
};

/** The signed-in account. Its id is only resolvable by the account itself. */
export type Viewer = Node & {
  __typename?: 'Viewer';
  /** What this account may ask for: its category maximum and its rows, so that a portal can hide what it cannot show. */
  accessPolicy: AccessPolicy;
  /** A guardian's own children (those it holds parental authority over); an empty list for every other role. */
  children: Array<Child>;
  /** Display name of the signed-in person. */
  displayName: Scalars['String']['output'];
  /** Email of the signed-in account. */
  email: Scalars['String']['output'];
  /** Opaque global identifier: pass it back as is, to `node(id:)` or to the arguments of type ID; never parse it. */
  id: Scalars['ID']['output'];
  /** The structure the account works for; null for guardians and programme-wide roles without one. */
  partner?: Maybe<Partner>;
  /** Role of the account. */
  role: Role;
};

/** An awareness workshop (atelier de sensibilisation) for professionals. Holds no child data. */
export type Workshop = Node & {
  __typename?: 'Workshop';
  /** Structures whose professionals attended. */
  attendingPartners: Array<Partner>;
  /** Who facilitated it. */
  facilitator?: Maybe<AccountSummary>;
  /** When it was held. */
  heldOn: Scalars['LocalDate']['output'];
  /** Opaque global identifier: pass it back as is, to `node(id:)` or to the arguments of type ID; never parse it. */
  id: Scalars['ID']['output'];
  /** Number of professionals who attended. */
  professionalsCount: Scalars['Int']['output'];
  /** Topic. */
  topic: Scalars['String']['output'];
  /** Version of the workshop, to send back with recordWorkshopAttendance (a stale version is CONFLICT). */
  version: Scalars['Int']['output'];
};

/**
 * A Directive provides a way to describe alternate runtime execution and type validation behavior in a GraphQL document.
 *
 * In some cases, you need to provide options to alter GraphQL's execution behavior in ways field arguments will not suffice, such as conditionally including or skipping a field. Directives provide this by describing additional information to the executor.
 */
export type __Directive = {
  __typename?: '__Directive';
  name: Scalars['String']['output'];
  description?: Maybe<Scalars['String']['output']>;
  isRepeatable: Scalars['Boolean']['output'];
  locations: Array<__DirectiveLocation>;
  args: Array<__InputValue>;
  isDeprecated: Scalars['Boolean']['output'];
  deprecationReason?: Maybe<Scalars['String']['output']>;
};


/**
 * A Directive provides a way to describe alternate runtime execution and type validation behavior in a GraphQL document.
 *
 * In some cases, you need to provide options to alter GraphQL's execution behavior in ways field arguments will not suffice, such as conditionally including or skipping a field. Directives provide this by describing additional information to the executor.
 */
export type __DirectiveArgsArgs = {
  includeDeprecated?: InputMaybe<Scalars['Boolean']['input']>;
};

/** A Directive can be adjacent to many parts of the GraphQL language, a __DirectiveLocation describes one such possible adjacencies. */
export type __DirectiveLocation =
  /** Location adjacent to a query operation. */
  | 'QUERY'
  /** Location adjacent to a mutation operation. */
  | 'MUTATION'
  /** Location adjacent to a subscription operation. */
  | 'SUBSCRIPTION'
  /** Location adjacent to a field. */
  | 'FIELD'
  /** Location adjacent to a fragment definition. */
  | 'FRAGMENT_DEFINITION'
  /** Location adjacent to a fragment spread. */
  | 'FRAGMENT_SPREAD'
  /** Location adjacent to an inline fragment. */
  | 'INLINE_FRAGMENT'
  /** Location adjacent to a variable definition. */
  | 'VARIABLE_DEFINITION'
  /** Location adjacent to a schema definition. */
  | 'SCHEMA'
  /** Location adjacent to a scalar definition. */
  | 'SCALAR'
  /** Location adjacent to an object type definition. */
  | 'OBJECT'
  /** Location adjacent to a field definition. */
  | 'FIELD_DEFINITION'
  /** Location adjacent to an argument definition. */
  | 'ARGUMENT_DEFINITION'
  /** Location adjacent to an interface definition. */
  | 'INTERFACE'
  /** Location adjacent to a union definition. */
  | 'UNION'
  /** Location adjacent to an enum definition. */
  | 'ENUM'
  /** Location adjacent to an enum value definition. */
  | 'ENUM_VALUE'
  /** Location adjacent to an input object type definition. */
  | 'INPUT_OBJECT'
  /** Location adjacent to an input object field definition. */
  | 'INPUT_FIELD_DEFINITION'
  /** Location adjacent to a directive definition. */
  | 'DIRECTIVE_DEFINITION';

/** One possible value for a given Enum. Enum values are unique values, not a placeholder for a string or numeric value. However an Enum value is returned in a JSON response as a string. */
export type __EnumValue = {
  __typename?: '__EnumValue';
  name: Scalars['String']['output'];
  description?: Maybe<Scalars['String']['output']>;
  isDeprecated: Scalars['Boolean']['output'];
  deprecationReason?: Maybe<Scalars['String']['output']>;
};

/** Object and Interface types are described by a list of Fields, each of which has a name, potentially a list of arguments, and a return type. */
export type __Field = {
  __typename?: '__Field';
  name: Scalars['String']['output'];
  description?: Maybe<Scalars['String']['output']>;
  args: Array<__InputValue>;
  type: __Type;
  isDeprecated: Scalars['Boolean']['output'];
  deprecationReason?: Maybe<Scalars['String']['output']>;
};


/** Object and Interface types are described by a list of Fields, each of which has a name, potentially a list of arguments, and a return type. */
export type __FieldArgsArgs = {
  includeDeprecated?: InputMaybe<Scalars['Boolean']['input']>;
};

/** Arguments provided to Fields or Directives and the input fields of an InputObject are represented as Input Values which describe their type and optionally a default value. */
export type __InputValue = {
  __typename?: '__InputValue';
  name: Scalars['String']['output'];
  description?: Maybe<Scalars['String']['output']>;
  type: __Type;
  /** A GraphQL-formatted string representing the default value for this input value. */
  defaultValue?: Maybe<Scalars['String']['output']>;
  isDeprecated: Scalars['Boolean']['output'];
  deprecationReason?: Maybe<Scalars['String']['output']>;
};

/** A GraphQL Schema defines the capabilities of a GraphQL server. It exposes all available types and directives on the server, as well as the entry points for query, mutation, and subscription operations. */
export type __Schema = {
  __typename?: '__Schema';
  description?: Maybe<Scalars['String']['output']>;
  /** A list of all types supported by this server. */
  types: Array<__Type>;
  /** The type that query operations will be rooted at. */
  queryType: __Type;
  /** If this server supports mutation, the type that mutation operations will be rooted at. */
  mutationType?: Maybe<__Type>;
  /** If this server support subscription, the type that subscription operations will be rooted at. */
  subscriptionType?: Maybe<__Type>;
  /** A list of all directives supported by this server. */
  directives: Array<__Directive>;
};


/** A GraphQL Schema defines the capabilities of a GraphQL server. It exposes all available types and directives on the server, as well as the entry points for query, mutation, and subscription operations. */
export type __SchemaDirectivesArgs = {
  includeDeprecated?: Scalars['Boolean']['input'];
};

/**
 * The fundamental unit of any GraphQL Schema is the type. There are many kinds of types in GraphQL as represented by the `__TypeKind` enum.
 *
 * Depending on the kind of a type, certain fields describe information about that type. Scalar types provide no information beyond a name, description and optional `specifiedByURL`, while Enum types provide their values. Object and Interface types provide the fields they describe. Abstract types, Union and Interface, provide the Object types possible at runtime. List and NonNull types compose other types.
 */
export type __Type = {
  __typename?: '__Type';
  kind: __TypeKind;
  name?: Maybe<Scalars['String']['output']>;
  description?: Maybe<Scalars['String']['output']>;
  specifiedByURL?: Maybe<Scalars['String']['output']>;
  fields?: Maybe<Array<__Field>>;
  interfaces?: Maybe<Array<__Type>>;
  possibleTypes?: Maybe<Array<__Type>>;
  enumValues?: Maybe<Array<__EnumValue>>;
  inputFields?: Maybe<Array<__InputValue>>;
  ofType?: Maybe<__Type>;
  isOneOf?: Maybe<Scalars['Boolean']['output']>;
};


/**
 * The fundamental unit of any GraphQL Schema is the type. There are many kinds of types in GraphQL as represented by the `__TypeKind` enum.
 *
 * Depending on the kind of a type, certain fields describe information about that type. Scalar types provide no information beyond a name, description and optional `specifiedByURL`, while Enum types provide their values. Object and Interface types provide the fields they describe. Abstract types, Union and Interface, provide the Object types possible at runtime. List and NonNull types compose other types.
 */
export type __TypeFieldsArgs = {
  includeDeprecated?: InputMaybe<Scalars['Boolean']['input']>;
};


/**
 * The fundamental unit of any GraphQL Schema is the type. There are many kinds of types in GraphQL as represented by the `__TypeKind` enum.
 *
 * Depending on the kind of a type, certain fields describe information about that type. Scalar types provide no information beyond a name, description and optional `specifiedByURL`, while Enum types provide their values. Object and Interface types provide the fields they describe. Abstract types, Union and Interface, provide the Object types possible at runtime. List and NonNull types compose other types.
 */
export type __TypeEnumValuesArgs = {
  includeDeprecated?: InputMaybe<Scalars['Boolean']['input']>;
};


/**
 * The fundamental unit of any GraphQL Schema is the type. There are many kinds of types in GraphQL as represented by the `__TypeKind` enum.
 *
 * Depending on the kind of a type, certain fields describe information about that type. Scalar types provide no information beyond a name, description and optional `specifiedByURL`, while Enum types provide their values. Object and Interface types provide the fields they describe. Abstract types, Union and Interface, provide the Object types possible at runtime. List and NonNull types compose other types.
 */
export type __TypeInputFieldsArgs = {
  includeDeprecated?: InputMaybe<Scalars['Boolean']['input']>;
};

/** An enum describing what kind of type a given `__Type` is. */
export type __TypeKind =
  /** Indicates this type is a scalar. */
  | 'SCALAR'
  /** Indicates this type is an object. `fields` and `interfaces` are valid fields. */
  | 'OBJECT'
  /** Indicates this type is an interface. `fields`, `interfaces`, and `possibleTypes` are valid fields. */
  | 'INTERFACE'
  /** Indicates this type is a union. `possibleTypes` is a valid field. */
  | 'UNION'
  /** Indicates this type is an enum. `enumValues` is a valid field. */
  | 'ENUM'
  /** Indicates this type is an input object. `inputFields` is a valid field. */
  | 'INPUT_OBJECT'
  /** Indicates this type is a list. `ofType` is a valid field. */
  | 'LIST'
  /** Indicates this type is a non-null. `ofType` is a valid field. */
  | 'NON_NULL';

/** Status of a pathway action. */
export type ActionStatus =
  /** Cancelled. */
  | 'CANCELLED'
  /** Completed. */
  | 'DONE'
  /** Under way. */
  | 'IN_PROGRESS'
  /** Planned, not started. */
  | 'PLANNED';

/** The "time of the child" an action or activity takes place in. */
export type ChildTime =
  /** Extrascolaire time (Wednesdays, holidays). */
  | 'EXTRACURRICULAR'
  /** Family time. */
  | 'FAMILY_TIME'
  /** Periscolaire time (before and after school, lunch break). */
  | 'PERISCHOOL'
  /** School time. */
  | 'SCHOOL_TIME';

/** Purpose of a consent or of a service link. */
export type ConsentPurpose =
  /** Inclusion follow-up (reception project) by the inclusion referent. */
  | 'INCLUSION_FOLLOW_UP'
  /** Sharing information with partner structures. */
  | 'INFORMATION_SHARING'
  /** Taking part in an individualised pathway. */
  | 'PATHWAY';

/** Category of personal data. Every field carrying personal data belongs to exactly one; a viewer sees a field only when its category is granted for that child. */
export type DataCategory =
  /** Guardians' names, phones and emails, the family's address and languages. */
  | 'CONTACT'
  /** Diagnosis, medical follow-up, MDPH decision, treatments. */
  | 'HEALTH'
  /** Names, birth date, age, grade, school. */
  | 'IDENTITY'
  /** Needs and accommodations without diagnosis, PAI arrangements, emergency protocol, adapted activities. */
  | 'INCLUSION'
  /** Referrals, pathway objectives, actions, reviews, closure, consents and service links. */
  | 'PATHWAY'
  /** Attendance concerns, school observations, schooling arrangements (PPS, AESH hours). */
  | 'SCHOOLING'
  /** Family situation, social follow-up, protection measure, social notes. */
  | 'SOCIAL';

/** Domain of a concern, an objective or an action. */
export type Domain =
  /** Culture. */
  | 'CULTURE'
  /** Education (outside school). */
  | 'EDUCATION'
  /** Health. */
  | 'HEALTH'
  /** Support to parenting. */
  | 'PARENTING'
  /** School. */
  | 'SCHOOL'
  /** Social. */
  | 'SOCIAL'
  /** Sport. */
  | 'SPORT';

/** School grade (niveau de classe) of a child. */
export type Grade =
  /** Cours élémentaire 1 (age 7). */
  | 'CE1'
  /** Cours élémentaire 2 (age 8). */
  | 'CE2'
  /** Cinquième (collège, age 12). */
  | 'CINQUIEME'
  /** Cours moyen 1 (age 9). */
  | 'CM1'
  /** Cours moyen 2 (age 10). */
  | 'CM2'
  /** Cours préparatoire (élémentaire, age 6). */
  | 'CP'
  /** Grande section (maternelle, age 5). */
  | 'GS'
  /** Moyenne section (maternelle, age 4). */
  | 'MS'
  /** Petite section (maternelle, age 3). */
  | 'PS'
  /** Quatrième (collège, age 13). */
  | 'QUATRIEME'
  /** Sixième (collège, age 11). */
  | 'SIXIEME'
  /** Toute petite section (maternelle, age 2). */
  | 'TPS'
  /** Troisième (collège, age 14). */
  | 'TROISIEME';

/** Relationship of a legal guardian to the children of the family. */
export type GuardianRelationship =
  /** Father. */
  | 'FATHER'
  /** Grandparent. */
  | 'GRANDPARENT'
  /** Guardian appointed by a court (tuteur). */
  | 'LEGAL_GUARDIAN'
  /** Mother. */
  | 'MOTHER'
  /** Another relationship. */
  | 'OTHER';

/** Legal basis on which a service link shares data. */
export type LegalBasis =
  /** The consent of a guardian holding parental authority. */
  | 'CONSENT'
  /** Shared secret in social action (CASF article L.121-6-2). */
  | 'SHARED_SECRET_L121_6_2'
  /** Shared secret in child protection (CASF article L.226-2-2). */
  | 'SHARED_SECRET_L226_2_2';

/** Status of a pathway objective. */
export type ObjectiveStatus =
  /** Abandoned. */
  | 'ABANDONED'
  /** Achieved. */
  | 'ACHIEVED'
  /** Not achieved. */
  | 'NOT_ACHIEVED'
  /** Being worked on. */
  | 'OPEN'
  /** Partly achieved. */
  | 'PARTLY_ACHIEVED';

/** Kind of a partner structure of the programme. */
export type PartnerKind =
  /** A cultural venue (library, conservatory, museum, theatre). */
  | 'CULTURE'
  /** A health structure (PMI, CMP, CMPP, médecin scolaire). */
  | 'HEALTH'
  /** The inclusion referent's service (Caisse des écoles). */
  | 'INCLUSION_SERVICE'
  /** A leisure centre (accueil de loisirs, périscolaire or extrascolaire). */
  | 'LEISURE_CENTRE'
  /** The team of the Programme de Réussite Éducative itself. */
  | 'PRE_TEAM'
  /** A school (école maternelle, élémentaire or collège). */
  | 'SCHOOL'
  /** Social services (service social départemental, CCAS). */
  | 'SOCIAL_SERVICES'
  /** A sports club or municipal sports service. */
  | 'SPORTS';

/** Status of an individualised pathway: DRAFT → ACTIVE ⇄ SUSPENDED → CLOSED. */
export type PathwayStatus =
  /** Under way. */
  | 'ACTIVE'
  /** Closed (see the closure reason). */
  | 'CLOSED'
  /** Being prepared, not started. */
  | 'DRAFT'
  /** Temporarily suspended. */
  | 'SUSPENDED';

/** Status of a referral: SUBMITTED → UNDER_REVIEW → ACCEPTED | DECLINED | WITHDRAWN. */
export type ReferralStatus =
  /** Accepted: a pathway may be opened. */
  | 'ACCEPTED'
  /** Declined by the team. */
  | 'DECLINED'
  /** Submitted by a partner, not yet reviewed. */
  | 'SUBMITTED'
  /** Being reviewed by the multidisciplinary team. */
  | 'UNDER_REVIEW'
  /** Withdrawn by the referring partner or the family. */
  | 'WITHDRAWN';

/** Status of a service link: PROPOSED → ACTIVE → SUSPENDED | REVOKED | EXPIRED. */
export type ServiceLinkStatus =
  /** In force within its validity window. */
  | 'ACTIVE'
  /** Past its end of validity: grants nothing. Reported for an active link whose validUntil is before today. */
  | 'EXPIRED'
  /** Proposed, not yet in force: grants nothing. */
  | 'PROPOSED'
  /** Revoked (or its consent was withdrawn): grants nothing. */
  | 'REVOKED'
  /** Temporarily suspended: grants nothing. */
  | 'SUSPENDED';

export type ChildLinksQueryVariables = Exact<{
  id: string | number;
}>;


export type ChildLinksQuery = { child: { firstName: string, lastName: string, serviceLinks: Array<{ categories: Array<DataCategory>, status: ServiceLinkStatus, validFrom: string, validUntil: string | null, legalBasis: LegalBasis, partner: { name: string, kind: PartnerKind } | null, consent: { givenAt: string, withdrawnAt: string | null, givenBy: { firstName: string } | null } | null }> | null, inclusion: { needsAssessment: { date: string | null, findings: string | null } | null, accommodations: Array<{ description: string, partner: { name: string } | null }> } | null } | null };

export type LeisureRosterQueryVariables = Exact<{
  after?: string | null | undefined;
}>;


export type LeisureRosterQuery = { children: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, firstName: string, lastName: string, birthDate: string, age: number, grade: Grade | null, school: { name: string } | null, contact: { guardians: Array<{ firstName: string, lastName: string, relationship: GuardianRelationship, phone: string | null }> } | null, inclusion: { emergencyProtocol: string | null, accommodations: Array<{ description: string }>, adaptedActivities: Array<{ title: string }> } | null } }> } };

export type MyChildrenQueryVariables = Exact<{ [key: string]: never; }>;


export type MyChildrenQuery = { viewer: { children: Array<{ firstName: string, pathway: { status: PathwayStatus | null, actions: Array<{ title: string }> } | null, consents: Array<{ purpose: ConsentPurpose, withdrawnAt: string | null, scope: Array<{ categories: Array<DataCategory>, partner: { name: string } | null }> }> | null }> } };

export type SchemaForBiQueryVariables = Exact<{ [key: string]: never; }>;


export type SchemaForBiQuery = { __schema: { types: Array<{ name: string | null, description: string | null, fields: Array<{ name: string, description: string | null }> | null }> } };

export type SchoolPupilsQueryVariables = Exact<{ [key: string]: never; }>;


export type SchoolPupilsQuery = { children: { edges: Array<{ node: { id: string, firstName: string, lastName: string, grade: Grade | null, schooling: { observations: Array<{ text: string, createdAt: string, author: { name: string } | null }> } | null, pathway: { status: PathwayStatus | null, objectives: Array<{ domain: Domain, text: string, status: ObjectiveStatus }>, actions: Array<{ title: string, domain: Domain, childTime: ChildTime, status: ActionStatus }> } | null } }> } };

export type SubmitReferralMutationVariables = Exact<{
  childId: string | number;
  description: string;
}>;


export type SubmitReferralMutation = { submitReferral: { duplicateSuspected: boolean, referral: { id: string, status: ReferralStatus, version: number, referredOn: string } | null, eligibility: { ageInRange: boolean, priorityNetwork: boolean, priorityNeighbourhood: boolean, priority: boolean, warnings: Array<string> } | null } };

export type WithdrawConsentMutationVariables = Exact<{
  id: string | number;
  version: number;
}>;


export type WithdrawConsentMutation = { withdrawConsent: { id: string, withdrawnAt: string | null, version: number } };


export const ChildLinksDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ChildLinks"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"child"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"serviceLinks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"partner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"categories"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"validFrom"}},{"kind":"Field","name":{"kind":"Name","value":"validUntil"}},{"kind":"Field","name":{"kind":"Name","value":"legalBasis"}},{"kind":"Field","name":{"kind":"Name","value":"consent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"givenBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"firstName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"givenAt"}},{"kind":"Field","name":{"kind":"Name","value":"withdrawnAt"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"inclusion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"needsAssessment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"findings"}}]}},{"kind":"Field","name":{"kind":"Name","value":"accommodations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"partner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ChildLinksQuery, ChildLinksQueryVariables>;
export const LeisureRosterDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LeisureRoster"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"children"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}},{"kind":"Field","name":{"kind":"Name","value":"age"}},{"kind":"Field","name":{"kind":"Name","value":"grade"}},{"kind":"Field","name":{"kind":"Name","value":"school"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"contact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"guardians"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"relationship"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"inclusion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accommodations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"description"}}]}},{"kind":"Field","name":{"kind":"Name","value":"emergencyProtocol"}},{"kind":"Field","name":{"kind":"Name","value":"adaptedActivities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<LeisureRosterQuery, LeisureRosterQueryVariables>;
export const MyChildrenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyChildren"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"children"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"pathway"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"actions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"consents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"purpose"}},{"kind":"Field","name":{"kind":"Name","value":"scope"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"partner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"categories"}}]}},{"kind":"Field","name":{"kind":"Name","value":"withdrawnAt"}}]}}]}}]}}]}}]} as unknown as DocumentNode<MyChildrenQuery, MyChildrenQueryVariables>;
export const SchemaForBiDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SchemaForBI"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__schema"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"types"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"fields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}}]}}]}}]}}]} as unknown as DocumentNode<SchemaForBiQuery, SchemaForBiQueryVariables>;
export const SchoolPupilsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SchoolPupils"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"children"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"pathwayStatus"},"value":{"kind":"EnumValue","value":"ACTIVE"}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"grade"}},{"kind":"Field","name":{"kind":"Name","value":"schooling"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"observations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"author"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pathway"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"objectives"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"domain"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"actions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"domain"}},{"kind":"Field","name":{"kind":"Name","value":"childTime"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<SchoolPupilsQuery, SchoolPupilsQueryVariables>;
export const SubmitReferralDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SubmitReferral"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"childId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"description"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submitReferral"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"childId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"childId"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"domains"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"SCHOOL"},{"kind":"EnumValue","value":"SOCIAL"}]}},{"kind":"ObjectField","name":{"kind":"Name","value":"description"},"value":{"kind":"Variable","name":{"kind":"Name","value":"description"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"duplicateSuspected"}},{"kind":"Field","name":{"kind":"Name","value":"referral"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"referredOn"}}]}},{"kind":"Field","name":{"kind":"Name","value":"eligibility"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ageInRange"}},{"kind":"Field","name":{"kind":"Name","value":"priorityNetwork"}},{"kind":"Field","name":{"kind":"Name","value":"priorityNeighbourhood"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"warnings"}}]}}]}}]}}]} as unknown as DocumentNode<SubmitReferralMutation, SubmitReferralMutationVariables>;
export const WithdrawConsentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WithdrawConsent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"version"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"withdrawConsent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"version"},"value":{"kind":"Variable","name":{"kind":"Name","value":"version"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"withdrawnAt"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]} as unknown as DocumentNode<WithdrawConsentMutation, WithdrawConsentMutationVariables>;