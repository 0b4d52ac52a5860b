/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
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

export type ChildrenPageQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ChildrenPageQuery = { children: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, firstName: string, lastName: string, contact: { guardians: Array<{ id: string, firstName: string, lastName: string, phone: string | null }> } | null, health: { diagnosis: string | null } | null } }> } };

export type PathwayObjectivesQueryVariables = Exact<{
  childId: string | number;
}>;


export type PathwayObjectivesQuery = { child: { id: string, pathway: { status: PathwayStatus | null, objectives: Array<{ id: string, version: number, domain: Domain, text: string, status: ObjectiveStatus }> } | null } | null };

export type SchemaForBiQueryVariables = Exact<{ [key: string]: never; }>;


export type SchemaForBiQuery = { __schema: { types: Array<{ name: string | null, description: string | null, fields: Array<{ name: string, description: string | null }> | null }> } };

export type SchoolPupilsQueryVariables = Exact<{ [key: string]: never; }>;


export type SchoolPupilsQuery = { children: { edges: Array<{ node: { id: string, firstName: string, lastName: string, grade: Grade | null, schooling: { observations: Array<{ text: string, createdAt: string, author: { name: string } | null }> } | null, pathway: { status: PathwayStatus | null, objectives: Array<{ domain: Domain, text: string, status: ObjectiveStatus }>, actions: Array<{ title: string, domain: Domain, childTime: ChildTime, status: ActionStatus }> } | null } }> } };

export type SubmitReferralMutationVariables = Exact<{
  childId: string | number;
  description: string;
}>;


export type SubmitReferralMutation = { submitReferral: { duplicateSuspected: boolean, referral: { id: string, status: ReferralStatus, version: number, referredOn: string } | null, eligibility: { ageInRange: boolean, priorityNetwork: boolean, priorityNeighbourhood: boolean, priority: boolean, warnings: Array<string> } | null } };

export type UpdateObjectiveMutationVariables = Exact<{
  id: string | number;
  version: number;
  text?: string | null | undefined;
  status?: ObjectiveStatus | null | undefined;
}>;


export type UpdateObjectiveMutation = { updateObjective: { id: string, version: number, text: string, status: ObjectiveStatus } };

export type WithdrawConsentMutationVariables = Exact<{
  id: string | number;
  version: number;
}>;


export type WithdrawConsentMutation = { withdrawConsent: { id: string, withdrawnAt: string | null, version: number } };


export const ChildLinksDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ChildLinks"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"child"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"serviceLinks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"partner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"categories"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"validFrom"}},{"kind":"Field","name":{"kind":"Name","value":"validUntil"}},{"kind":"Field","name":{"kind":"Name","value":"legalBasis"}},{"kind":"Field","name":{"kind":"Name","value":"consent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"givenBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"firstName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"givenAt"}},{"kind":"Field","name":{"kind":"Name","value":"withdrawnAt"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"inclusion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"needsAssessment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"findings"}}]}},{"kind":"Field","name":{"kind":"Name","value":"accommodations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"partner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ChildLinksQuery, ChildLinksQueryVariables>;
export const LeisureRosterDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LeisureRoster"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"children"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}},{"kind":"Field","name":{"kind":"Name","value":"age"}},{"kind":"Field","name":{"kind":"Name","value":"grade"}},{"kind":"Field","name":{"kind":"Name","value":"school"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"contact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"guardians"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"relationship"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"inclusion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accommodations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"description"}}]}},{"kind":"Field","name":{"kind":"Name","value":"emergencyProtocol"}},{"kind":"Field","name":{"kind":"Name","value":"adaptedActivities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<LeisureRosterQuery, LeisureRosterQueryVariables>;
export const MyChildrenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyChildren"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"children"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"pathway"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"actions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"consents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"purpose"}},{"kind":"Field","name":{"kind":"Name","value":"scope"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"partner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"categories"}}]}},{"kind":"Field","name":{"kind":"Name","value":"withdrawnAt"}}]}}]}}]}}]}}]} as unknown as DocumentNode<MyChildrenQuery, MyChildrenQueryVariables>;
export const ChildrenPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ChildrenPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"children"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"contact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"guardians"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"health"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"diagnosis"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ChildrenPageQuery, ChildrenPageQueryVariables>;
export const PathwayObjectivesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PathwayObjectives"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"childId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"child"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"childId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"pathway"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"objectives"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"domain"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]}}]} as unknown as DocumentNode<PathwayObjectivesQuery, PathwayObjectivesQueryVariables>;
export const SchemaForBiDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SchemaForBI"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__schema"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"types"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"fields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}}]}}]}}]}}]} as unknown as DocumentNode<SchemaForBiQuery, SchemaForBiQueryVariables>;
export const SchoolPupilsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SchoolPupils"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"children"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"pathwayStatus"},"value":{"kind":"EnumValue","value":"ACTIVE"}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"grade"}},{"kind":"Field","name":{"kind":"Name","value":"schooling"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"observations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"author"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pathway"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"objectives"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"domain"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"actions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"domain"}},{"kind":"Field","name":{"kind":"Name","value":"childTime"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<SchoolPupilsQuery, SchoolPupilsQueryVariables>;
export const SubmitReferralDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SubmitReferral"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"childId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"description"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submitReferral"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"childId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"childId"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"domains"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"SCHOOL"},{"kind":"EnumValue","value":"SOCIAL"}]}},{"kind":"ObjectField","name":{"kind":"Name","value":"description"},"value":{"kind":"Variable","name":{"kind":"Name","value":"description"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"duplicateSuspected"}},{"kind":"Field","name":{"kind":"Name","value":"referral"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"referredOn"}}]}},{"kind":"Field","name":{"kind":"Name","value":"eligibility"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ageInRange"}},{"kind":"Field","name":{"kind":"Name","value":"priorityNetwork"}},{"kind":"Field","name":{"kind":"Name","value":"priorityNeighbourhood"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"warnings"}}]}}]}}]}}]} as unknown as DocumentNode<SubmitReferralMutation, SubmitReferralMutationVariables>;
export const UpdateObjectiveDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateObjective"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"version"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"text"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ObjectiveStatus"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateObjective"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"version"},"value":{"kind":"Variable","name":{"kind":"Name","value":"version"}}},{"kind":"Argument","name":{"kind":"Name","value":"text"},"value":{"kind":"Variable","name":{"kind":"Name","value":"text"}}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<UpdateObjectiveMutation, UpdateObjectiveMutationVariables>;
export const WithdrawConsentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WithdrawConsent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"version"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"withdrawConsent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"version"},"value":{"kind":"Variable","name":{"kind":"Name","value":"version"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"withdrawnAt"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]} as unknown as DocumentNode<WithdrawConsentMutation, WithdrawConsentMutationVariables>;