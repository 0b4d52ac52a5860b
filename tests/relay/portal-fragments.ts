// The fragments and queries a Relay portal writes (tests/relay/relay-compiler.test.ts
// compiles them with relay-compiler against src/schema/schema.graphql). Never imported:
// `graphql` is the tag relay-compiler reads.
declare function graphql(strings: TemplateStringsArray): unknown;

/** A roster read forward, page after page, with @connection on children. */
export const roster = graphql`
  fragment portalFragments_roster on Query
  @refetchable(queryName: "RosterPaginationQuery")
  @argumentDefinitions(first: { type: "Int", defaultValue: 20 }, after: { type: "String" }) {
    children(first: $first, after: $after) @connection(key: "portalFragments_children") {
      totalCount
      edges { node { id firstName lastName contact { guardians { id firstName phone } } } }
    }
  }
`;

/** The newest referrals read backward (last/before), with @connection. */
export const referrals = graphql`
  fragment portalFragments_referrals on Query
  @refetchable(queryName: "ReferralsPaginationQuery")
  @argumentDefinitions(last: { type: "Int", defaultValue: 10 }, before: { type: "String" }) {
    referrals(last: $last, before: $before) @connection(key: "portalFragments_referrals") {
      edges { node { id status referredOn } }
    }
  }
`;

/** A child card refetched through node(id): Relay's Global Object Identification. */
export const childCard = graphql`
  fragment portalFragments_child on Child @refetchable(queryName: "ChildCardRefetchQuery") {
    id firstName lastName
    pathway { referent { id name } consents { givenBy { id firstName } } }
  }
`;

export const rosterQuery = graphql`
  query portalFragmentsRosterQuery {
    viewer { account { id name } role }
    ...portalFragments_roster
    ...portalFragments_referrals
  }
`;
