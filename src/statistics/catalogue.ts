import {
  ActionKind,
  ChildTime,
  ConsentPurpose,
  Domain,
  InclusionStatus,
  LegalBasis,
  PartnerKind,
  PathwayClosureKind,
  ReferralStatus,
} from '../entities/enums';

/**
 * The statistics the API publishes (issue 10, ../shared/access-policy.md "Statistics"):
 * fixed tables, each a count of one kind of unit over a fixed period, broken down by at
 * most two of its dimensions. Everything a BI tool or a funder can ask is listed here,
 * with the words the schema shows; the SQL of each table is in src/statistics/cube.ts, the
 * disclosure control in src/statistics/disclosure.ts (docs/statistics.md).
 */

export enum StatisticsDimension {
  AGE_BAND = 'AGE_BAND',
  GRADE_LEVEL = 'GRADE_LEVEL',
  SCHOOL_NETWORK = 'SCHOOL_NETWORK',
  PRIORITY_NEIGHBOURHOOD = 'PRIORITY_NEIGHBOURHOOD',
  REFERRAL_STATUS = 'REFERRAL_STATUS',
  REFERRING_PARTNER_KIND = 'REFERRING_PARTNER_KIND',
  PATHWAY_OPENING = 'PATHWAY_OPENING',
  PATHWAY_OUTCOME = 'PATHWAY_OUTCOME',
  ACTION_DOMAIN = 'ACTION_DOMAIN',
  CHILD_TIME = 'CHILD_TIME',
  ACTION_KIND = 'ACTION_KIND',
  FOLLOW_UP_STATUS = 'FOLLOW_UP_STATUS',
  STRUCTURE_KIND = 'STRUCTURE_KIND',
  LINK_PARTNER_KIND = 'LINK_PARTNER_KIND',
  LEGAL_BASIS = 'LEGAL_BASIS',
  CONSENT_EVENT = 'CONSENT_EVENT',
  CONSENT_PURPOSE = 'CONSENT_PURPOSE',
}

export enum StatisticsTableName {
  CHILDREN_FOLLOWED = 'CHILDREN_FOLLOWED',
  REFERRALS = 'REFERRALS',
  PATHWAYS = 'PATHWAYS',
  ACTIONS = 'ACTIONS',
  INCLUSION_FOLLOW_UPS = 'INCLUSION_FOLLOW_UPS',
  ACCOMMODATIONS = 'ACCOMMODATIONS',
  ADAPTED_ACTIVITIES = 'ADAPTED_ACTIVITIES',
  FAMILY_MEETINGS = 'FAMILY_MEETINGS',
  WORKSHOPS = 'WORKSHOPS',
  PROFESSIONALS_TRAINED = 'PROFESSIONALS_TRAINED',
  SERVICE_LINKS = 'SERVICE_LINKS',
  CONSENTS = 'CONSENTS',
}

/** One value of a dimension: its code (what the answer and the CSV carry) and its meaning. */
export interface DimensionValue {
  code: string;
  description: string;
}

export interface DimensionDef {
  name: StatisticsDimension;
  description: string;
  /** The values, in the order rows are given. */
  values: readonly DimensionValue[];
}

/** The code of a margin: the count over every value of the dimension. */
export const ALL = 'ALL';

const PARTNER_KINDS: readonly DimensionValue[] = [
  { code: PartnerKind.SCHOOL, description: 'A school.' },
  { code: PartnerKind.SOCIAL_SERVICES, description: 'Social services.' },
  { code: PartnerKind.LEISURE_CENTRE, description: 'A leisure centre.' },
  { code: PartnerKind.HEALTH, description: 'A health structure (PMI, CMP, CMPP).' },
  { code: PartnerKind.SPORTS, description: 'A sports club or service.' },
  { code: PartnerKind.CULTURE, description: 'A cultural venue.' },
  { code: PartnerKind.PRE_TEAM, description: 'The PRE team itself.' },
  { code: PartnerKind.INCLUSION_SERVICE, description: "The inclusion referent's service." },
];

const CHILD_TIMES: readonly DimensionValue[] = [
  { code: ChildTime.SCHOOL_TIME, description: 'School time.' },
  { code: ChildTime.PERISCHOOL, description: 'Periscolaire (before and after school, lunch break).' },
  { code: ChildTime.EXTRACURRICULAR, description: 'Extrascolaire (Wednesdays, holidays).' },
  { code: ChildTime.FAMILY_TIME, description: 'Family time.' },
];

const CLOSURE_TEXT: Record<PathwayClosureKind, string> = {
  [PathwayClosureKind.OBJECTIVES_MET]: 'objectives met',
  [PathwayClosureKind.HANDED_OVER]: 'handed over to mainstream services',
  [PathwayClosureKind.FAMILY_MOVED]: 'the family moved away',
  [PathwayClosureKind.FAMILY_WITHDREW]: 'the family withdrew',
  [PathwayClosureKind.AGE_LIMIT]: 'end of the age range',
  [PathwayClosureKind.OTHER]: 'another reason',
};

/** The OUTCOME values of a pathway that closed during the period, one per closure kind. */
export const CLOSED_OUTCOME_PREFIX = 'CLOSED_';

export const DIMENSIONS: Record<StatisticsDimension, DimensionDef> = {
  [StatisticsDimension.AGE_BAND]: {
    name: StatisticsDimension.AGE_BAND,
    description:
      'Age band of the child: the age it reaches in the calendar year its school year starts (year of the school year\'s 1 September minus year of birth), the same for the school year and each of its months.',
    values: [
      { code: 'AGE_2_5', description: '2 to 5 years.' },
      { code: 'AGE_6_10', description: '6 to 10 years.' },
      { code: 'AGE_11_13', description: '11 to 13 years.' },
      { code: 'AGE_14_16', description: '14 to 16 years.' },
      { code: 'OTHER', description: 'Under 2 or over 16 (outside the programme\'s age range).' },
    ],
  },
  [StatisticsDimension.GRADE_LEVEL]: {
    name: StatisticsDimension.GRADE_LEVEL,
    description: "School level of the child's grade as recorded today (the API keeps no history of grades).",
    values: [
      { code: 'MATERNELLE', description: 'École maternelle (TPS, PS, MS, GS).' },
      { code: 'ELEMENTAIRE', description: 'École élémentaire (CP to CM2).' },
      { code: 'COLLEGE', description: 'Collège (6e to 3e).' },
      { code: 'NOT_SCHOOLED', description: 'Not schooled, or grade not recorded.' },
    ],
  },
  [StatisticsDimension.SCHOOL_NETWORK]: {
    name: StatisticsDimension.SCHOOL_NETWORK,
    description: "Priority education network of the child's school as recorded today.",
    values: [
      { code: 'REP_PLUS', description: 'REP+ (réseau d\'éducation prioritaire renforcé).' },
      { code: 'REP', description: 'REP (réseau d\'éducation prioritaire).' },
      { code: 'NONE', description: 'Outside priority education, or no school recorded.' },
    ],
  },
  [StatisticsDimension.PRIORITY_NEIGHBOURHOOD]: {
    name: StatisticsDimension.PRIORITY_NEIGHBOURHOOD,
    description: "Whether the family's home is in a priority neighbourhood of the city policy (QPV), as recorded today.",
    values: [
      { code: 'QPV', description: 'In a QPV.' },
      { code: 'NOT_QPV', description: 'Not in a QPV.' },
    ],
  },
  [StatisticsDimension.REFERRAL_STATUS]: {
    name: StatisticsDimension.REFERRAL_STATUS,
    description: 'Status of the referral today.',
    values: [
      { code: ReferralStatus.SUBMITTED, description: 'Submitted, not yet reviewed.' },
      { code: ReferralStatus.UNDER_REVIEW, description: 'Under review by the team.' },
      { code: ReferralStatus.ACCEPTED, description: 'Accepted by the team.' },
      { code: ReferralStatus.DECLINED, description: 'Declined by the team.' },
      { code: ReferralStatus.WITHDRAWN, description: 'Withdrawn.' },
    ],
  },
  [StatisticsDimension.REFERRING_PARTNER_KIND]: {
    name: StatisticsDimension.REFERRING_PARTNER_KIND,
    description: 'Kind of the structure that made the referral.',
    values: PARTNER_KINDS,
  },
  [StatisticsDimension.PATHWAY_OPENING]: {
    name: StatisticsDimension.PATHWAY_OPENING,
    description: 'Whether the pathway started before the period (continuing) or during it (opened).',
    values: [
      { code: 'OPENED_BEFORE', description: 'Started before the period: continuing.' },
      { code: 'OPENED_DURING', description: 'Started during the period: opened.' },
    ],
  },
  [StatisticsDimension.PATHWAY_OUTCOME]: {
    name: StatisticsDimension.PATHWAY_OUTCOME,
    description: 'What became of the pathway by the end of the period: still open (active or suspended), or closed during it, by kind of closure.',
    values: [
      { code: 'ACTIVE_AT_END', description: 'Still open (active or suspended) at the end of the period.' },
      ...Object.values(PathwayClosureKind).map((kind) => ({
        code: `${CLOSED_OUTCOME_PREFIX}${kind}`,
        description: `Closed during the period: ${CLOSURE_TEXT[kind]}.`,
      })),
    ],
  },
  [StatisticsDimension.ACTION_DOMAIN]: {
    name: StatisticsDimension.ACTION_DOMAIN,
    description: 'Domain of the action.',
    values: [
      { code: Domain.SCHOOL, description: 'School.' },
      { code: Domain.SOCIAL, description: 'Social.' },
      { code: Domain.CULTURE, description: 'Culture.' },
      { code: Domain.EDUCATION, description: 'Education.' },
      { code: Domain.HEALTH, description: 'Health.' },
      { code: Domain.SPORT, description: 'Sport.' },
      { code: Domain.PARENTING, description: 'Parenting support.' },
    ],
  },
  [StatisticsDimension.CHILD_TIME]: {
    name: StatisticsDimension.CHILD_TIME,
    description: 'Time of the child the action or activity takes place in.',
    values: CHILD_TIMES,
  },
  [StatisticsDimension.ACTION_KIND]: {
    name: StatisticsDimension.ACTION_KIND,
    description: 'Individual action (one child) or collective action (a group of children, counted once).',
    values: [
      { code: ActionKind.INDIVIDUAL, description: 'Individual.' },
      { code: ActionKind.COLLECTIVE, description: 'Collective.' },
    ],
  },
  [StatisticsDimension.FOLLOW_UP_STATUS]: {
    name: StatisticsDimension.FOLLOW_UP_STATUS,
    description: 'Status of the inclusion follow-up today.',
    values: [
      { code: InclusionStatus.OPEN, description: 'Opened, needs not yet assessed.' },
      { code: InclusionStatus.ASSESSED, description: 'Needs assessed.' },
      { code: InclusionStatus.ACTIVE, description: 'Reception project under way.' },
      { code: InclusionStatus.CLOSED, description: 'Closed.' },
    ],
  },
  [StatisticsDimension.STRUCTURE_KIND]: {
    name: StatisticsDimension.STRUCTURE_KIND,
    description: 'Kind of the structure that provides the accommodation or the activity.',
    values: [...PARTNER_KINDS, { code: 'NO_STRUCTURE', description: 'No structure recorded.' }],
  },
  [StatisticsDimension.LINK_PARTNER_KIND]: {
    name: StatisticsDimension.LINK_PARTNER_KIND,
    description: 'Kind of the structure the link gives access to.',
    values: PARTNER_KINDS,
  },
  [StatisticsDimension.LEGAL_BASIS]: {
    name: StatisticsDimension.LEGAL_BASIS,
    description: 'Legal basis of the link.',
    values: [
      { code: LegalBasis.CONSENT, description: "The parents' consent." },
      { code: LegalBasis.SHARED_SECRET_L226_2_2, description: 'Shared secret, CASF L.226-2-2 (child protection).' },
      { code: LegalBasis.SHARED_SECRET_L121_6_2, description: 'Shared secret, CASF L.121-6-2 (social action).' },
    ],
  },
  [StatisticsDimension.CONSENT_EVENT]: {
    name: StatisticsDimension.CONSENT_EVENT,
    description: 'Whether a consent was given or withdrawn during the period.',
    values: [
      { code: 'GIVEN', description: 'Given during the period.' },
      { code: 'WITHDRAWN', description: 'Withdrawn during the period.' },
    ],
  },
  [StatisticsDimension.CONSENT_PURPOSE]: {
    name: StatisticsDimension.CONSENT_PURPOSE,
    description: 'Purpose of the consent.',
    values: [
      { code: ConsentPurpose.PATHWAY, description: 'The pathway.' },
      { code: ConsentPurpose.INFORMATION_SHARING, description: 'Sharing information with partners.' },
      { code: ConsentPurpose.INCLUSION_FOLLOW_UP, description: "The inclusion referent's follow-up." },
    ],
  },
};

/** How a unit belongs to a period (docs/statistics.md, "Periods"). */
export enum Presence {
  /** An event on one day (a referral, a consent given): in the period of its day. */
  EVENT = 'EVENT',
  /** Something that lasts (a pathway, an action): in every period it overlaps. */
  SPAN = 'SPAN',
  /** A state at the last day (a link active): in every period at whose last day it holds. */
  AT_END = 'AT_END',
}

export interface TableDef {
  name: StatisticsTableName;
  description: string;
  /** What one unit of the count is. */
  unit: string;
  dimensions: readonly StatisticsDimension[];
  presence: Presence;
  /** Counts of children's data are protected (docs/statistics.md); workshops hold none. */
  protected: boolean;
  /** Published for the months of a school year too (else for school years only). */
  monthly: boolean;
  /**
   * Which single changes of a unit keep every number another period publishes (the
   * disclosure control may only use those; docs/statistics.md, "Pathways"). By default any.
   */
  fixedMargins?: {
    mayMove(dimension: StatisticsDimension, from: string, to: string): boolean;
    /** `values`: the unit's value of each dimension, in the table's order. */
    mayAdd(values: readonly string[]): boolean;
  };
  /** The table carries the median days from referral to decision. */
  medianDaysToDecision?: boolean;
}

const CHILD_DIMENSIONS = [
  StatisticsDimension.AGE_BAND,
  StatisticsDimension.GRADE_LEVEL,
  StatisticsDimension.SCHOOL_NETWORK,
  StatisticsDimension.PRIORITY_NEIGHBOURHOOD,
] as const;

export const TABLES: Record<StatisticsTableName, TableDef> = {
  [StatisticsTableName.CHILDREN_FOLLOWED]: {
    name: StatisticsTableName.CHILDREN_FOLLOWED,
    description: 'Children followed: children with a pathway open (active or suspended) at any time in the period, each counted once.',
    unit: 'a child',
    dimensions: CHILD_DIMENSIONS,
    presence: Presence.SPAN,
    protected: true,
    monthly: true,
  },
  [StatisticsTableName.REFERRALS]: {
    name: StatisticsTableName.REFERRALS,
    description:
      'Referrals (fiches de repérage) received during the period, by status today and by kind of the referring structure, with the median days from referral to decision where at least 5 referrals of the row were decided.',
    unit: 'a referral',
    dimensions: [StatisticsDimension.REFERRAL_STATUS, StatisticsDimension.REFERRING_PARTNER_KIND],
    presence: Presence.EVENT,
    protected: true,
    monthly: true,
    medianDaysToDecision: true,
  },
  [StatisticsTableName.PATHWAYS]: {
    name: StatisticsTableName.PATHWAYS,
    description:
      'Pathways open at any time in the school year: opened during it or continuing, and still open at its end or closed during it by kind of closure (pathways opened = OPENED_DURING; closed by closure kind = the CLOSED_* values; active at the end = ACTIVE_AT_END). School years only.',
    unit: 'a pathway',
    dimensions: [StatisticsDimension.PATHWAY_OPENING, StatisticsDimension.PATHWAY_OUTCOME],
    presence: Presence.SPAN,
    protected: true,
    monthly: false,
    // The pathways open at the end of a school year are those continuing into the next one:
    // a change may not touch either number (docs/statistics.md, "Pathways"). It may change a
    // closure's kind, or add a pathway opened and closed within the school year.
    fixedMargins: {
      mayMove: (dimension, from, to) =>
        dimension === StatisticsDimension.PATHWAY_OUTCOME && from.startsWith(CLOSED_OUTCOME_PREFIX) && to.startsWith(CLOSED_OUTCOME_PREFIX),
      mayAdd: ([opening, outcome]) => opening === 'OPENED_DURING' && outcome.startsWith(CLOSED_OUTCOME_PREFIX),
    },
  },
  [StatisticsTableName.ACTIONS]: {
    name: StatisticsTableName.ACTIONS,
    description: 'Actions of the pathways under way at any time in the period (planned, in progress or done; a collective action counted once).',
    unit: 'an action',
    dimensions: [StatisticsDimension.ACTION_DOMAIN, StatisticsDimension.CHILD_TIME, StatisticsDimension.ACTION_KIND],
    presence: Presence.SPAN,
    protected: true,
    monthly: true,
  },
  [StatisticsTableName.INCLUSION_FOLLOW_UPS]: {
    name: StatisticsTableName.INCLUSION_FOLLOW_UPS,
    description: "Inclusion follow-ups (projets d'accueil) opened during the period, by their status today.",
    unit: 'a follow-up',
    dimensions: [StatisticsDimension.FOLLOW_UP_STATUS],
    presence: Presence.EVENT,
    protected: true,
    monthly: true,
  },
  [StatisticsTableName.ACCOMMODATIONS]: {
    name: StatisticsTableName.ACCOMMODATIONS,
    description: 'Accommodations of inclusion follow-ups recorded during the period, by kind of the structure that provides them.',
    unit: 'an accommodation',
    dimensions: [StatisticsDimension.STRUCTURE_KIND],
    presence: Presence.EVENT,
    protected: true,
    monthly: true,
  },
  [StatisticsTableName.ADAPTED_ACTIVITIES]: {
    name: StatisticsTableName.ADAPTED_ACTIVITIES,
    description: 'Adapted activities of inclusion follow-ups recorded during the period, by time of the child and kind of structure.',
    unit: 'an adapted activity',
    dimensions: [StatisticsDimension.CHILD_TIME, StatisticsDimension.STRUCTURE_KIND],
    presence: Presence.EVENT,
    protected: true,
    monthly: true,
  },
  [StatisticsTableName.FAMILY_MEETINGS]: {
    name: StatisticsTableName.FAMILY_MEETINGS,
    description: 'Meetings of the inclusion referent with families held during the period.',
    unit: 'a meeting',
    dimensions: [],
    presence: Presence.EVENT,
    protected: true,
    monthly: true,
  },
  [StatisticsTableName.WORKSHOPS]: {
    name: StatisticsTableName.WORKSHOPS,
    description: 'Awareness workshops for professionals (ateliers de sensibilisation) held during the period. Not child data: never suppressed.',
    unit: 'a workshop',
    dimensions: [],
    presence: Presence.EVENT,
    protected: false,
    monthly: true,
  },
  [StatisticsTableName.PROFESSIONALS_TRAINED]: {
    name: StatisticsTableName.PROFESSIONALS_TRAINED,
    description: 'Professionals who attended the awareness workshops held during the period (the sum of each workshop\'s attendance). Not child data: never suppressed.',
    unit: 'a professional at a workshop',
    dimensions: [],
    presence: Presence.EVENT,
    protected: false,
    monthly: true,
  },
  [StatisticsTableName.SERVICE_LINKS]: {
    name: StatisticsTableName.SERVICE_LINKS,
    description: 'Links between services (passerelles) active on the last day of the period, by kind of the structure they give access to and legal basis.',
    unit: 'a link',
    dimensions: [StatisticsDimension.LINK_PARTNER_KIND, StatisticsDimension.LEGAL_BASIS],
    presence: Presence.AT_END,
    protected: true,
    monthly: true,
  },
  [StatisticsTableName.CONSENTS]: {
    name: StatisticsTableName.CONSENTS,
    description: 'Consents given and consents withdrawn during the period, by purpose.',
    unit: 'a consent given, or a consent withdrawn',
    dimensions: [StatisticsDimension.CONSENT_EVENT, StatisticsDimension.CONSENT_PURPOSE],
    presence: Presence.EVENT,
    protected: true,
    monthly: true,
  },
};

/** The values of a table's dimensions, in its order: what the cube is indexed by. */
export function dimensionsOf(table: TableDef): DimensionDef[] {
  return table.dimensions.map((name) => DIMENSIONS[name]);
}
