/**
 * The GraphQL documents of the benchmark scenarios, shared with the SQL-count test
 * (tests/sql-count.int.test.ts) so that the statements we hold constant are the ones we
 * measure. Each list takes `$first` so that the same document runs at page sizes 10 and
 * 100.
 */

/**
 * Leisure-centre portal list: identity, school, contact, inclusion. Exactly the fields of
 * operations/leisure-roster.graphql, with `first` as a variable (the floor server answers
 * the same shape for first: 100).
 */
export const LEISURE_ROSTER = /* GraphQL */ `
  query LeisureRoster($first: Int = 100, $after: String) {
    children(first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node {
        id firstName lastName birthDate age grade
        school { name }
        contact { guardians { firstName lastName relationship phone } }
        inclusion { accommodations { description } emergencyProtocol adaptedActivities { title } }
      } }
    }
  }
`;

/** School portal list: identity, schooling (observations), inclusion, pathway actions. */
export const SCHOOL_PUPILS = /* GraphQL */ `
  query SchoolPupils($first: Int = 100) {
    children(first: $first) {
      totalCount
      edges { node {
        id firstName lastName grade
        schooling { attendanceConcern hasPps aeshHours observations { text author { name } createdAt } }
        inclusion { status paiArrangements accommodations { description partner { name } } adaptedActivities { title } }
        pathway { status objectives { domain text status } actions { title domain childTime status provider { name } } }
      } }
    }
  }
`;

/** Coordinator list: identity, pathway status, referrals, service links. */
export const COORDINATOR_LIST = /* GraphQL */ `
  query CoordinatorList($first: Int = 100) {
    children(first: $first) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node {
        id firstName lastName birthDate grade
        school { name }
        eligibility { priority }
        pathway {
          status startDate
          referent { name }
          referrals { referredOn status domains referringPartner { name } assignedTo { name } }
        }
        serviceLinks { status categories validFrom validUntil legalBasis partner { name kind } }
      } }
    }
  }
`;

/** One child's whole file, as its pathway referent sees it (every category but HEALTH). */
export const CHILD_FILE = /* GraphQL */ `
  query ChildFile($id: ID!) {
    child(id: $id) {
      id firstName lastName birthDate age grade
      school { name network }
      eligibility { ageInRange priorityNetwork priorityNeighbourhood priority }
      family { id }
      contact { address { line postalCode city } languages interpreterNeeded guardians { firstName lastName relationship phone email } }
      schooling { attendanceConcern hasPps aeshHours arrangements observations { text createdAt author { name } partner { name } } }
      social { protectionMeasure followUp familySituation observations { text author { name } } }
      inclusion {
        status familyExpectations needsInventory emergencyProtocol referent { name }
        needsAssessment { date findings assessedBy { name } }
        accommodations { description partner { name } }
        adaptedActivities { title partner { name } }
        observations { text author { name } }
      }
      pathway {
        status startDate endDate
        current { id }
        referent { name }
        objectives { domain text status }
        actions { title kind domain status provider { name } }
        reviews { heldOn progress nextSteps }
        referrals { referredOn status referringPartner { name } teamMeeting { heldOn } assignedTo { name } }
        consents { purpose givenAt givenBy { firstName lastName } scope { categories partner { name } } }
      }
      serviceLinks {
        status categories validFrom validUntil legalBasis
        partner { name kind } originPartner { name } createdBy { name }
        consent { givenAt givenBy { firstName } }
      }
    }
  }
`;

/** Whether the schema offers a mutation (the write scenario waits for `submitReferral`). */
export const MUTATION_FIELDS = /* GraphQL */ `
  query MutationFields { __schema { mutationType { fields { name args { name type { kind name ofType { kind name ofType { name } } } } } } } }
`;

/** A BI tool's statistics table: one table, one school year, two dimensions (cells, margins, total). */
export const STATISTICS_TABLE = /* GraphQL */ `
  query BenchStatistics($table: StatisticsTable!, $period: String!, $by: [StatisticsDimension!]) {
    statistics(table: $table, period: $period, by: $by) {
      table period monthlyDetail
      rows { value1 value2 margin count suppressed medianDaysToDecision }
      total { count suppressed }
    }
  }
`;
