import type { GraphQLResult, TestServer } from './test-server';

/**
 * GraphQL documents and small helpers shared by the read-API tests
 * (tests/queries.int.test.ts, tests/isolation.int.test.ts). The documents ask for ids and
 * names only, unless a test is about more.
 */

export const CHILD_PAGE = /* GraphQL */ `
  query ChildPage($first: Int, $after: String, $filter: ChildrenFilter) {
    children(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node { id firstName lastName } }
    }
  }
`;

export interface ChildPageData {
  children: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { cursor: string; node: { id: string; firstName: string; lastName: string } }[];
  };
}

export const CHILD = /* GraphQL */ `
  query Child($id: ID!) { child(id: $id) { id firstName lastName } }
`;

export const NODE = /* GraphQL */ `
  query Node($id: ID!) { node(id: $id) { __typename id } }
`;

export const FAMILY = /* GraphQL */ `
  query Family($id: ID!) { family(id: $id) { id children { id } } }
`;

export const PATHWAY = /* GraphQL */ `
  query Pathway($id: ID!) { pathway(id: $id) { id status child { id } } }
`;

export const SERVICE_LINKS = /* GraphQL */ `
  query ServiceLinks($childId: ID!) { serviceLinks(childId: $childId) { id status validFrom partner { id name } child { id } } }
`;

export const PARTNERS = /* GraphQL */ `
  query Partners { partners { id name kind network } }
`;

export interface PartnersData {
  partners: { id: string; name: string; kind: string; network: string }[];
}

export const WORKSHOPS = /* GraphQL */ `
  query Workshops { workshops { id heldOn topic professionalsCount attendingPartners { name } facilitator { name } } }
`;

export const REFERRAL_PAGE = /* GraphQL */ `
  query ReferralPage($first: Int, $after: String, $status: ReferralStatus) {
    referrals(first: $first, after: $after, status: $status) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node { id referredOn status child { id } } }
    }
  }
`;

export interface ReferralPageData {
  referrals: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { cursor: string; node: { id: string; referredOn: string; status: string; child: { id: string } | null } }[];
  };
}

/**
 * Everything a coordinator can reach from one child: the ids of a child, its family, a
 * partner, its pathway, its service links and referrals, and a workshop of the programme.
 */
export const CHILD_GRAPH = /* GraphQL */ `
  query ChildGraph($id: ID!) {
    child(id: $id) {
      id
      family { id }
      school { id }
      pathway { current { id } referent { id } consents { id } referrals { id } serviceLinks { id partner { id } } }
    }
    workshops { id }
  }
`;

export interface ChildGraphData {
  child: {
    id: string;
    family: { id: string };
    school: { id: string } | null;
    pathway: {
      current: { id: string } | null;
      referent: { id: string } | null;
      consents: { id: string }[];
      referrals: { id: string }[];
      serviceLinks: { id: string; partner: { id: string } | null }[];
    } | null;
  };
  workshops: { id: string }[];
}

/** The `extensions.code` of each error, in order. */
export function codes(result: GraphQLResult<unknown>): unknown[] {
  return (result.errors ?? []).map((e) => e.extensions?.code);
}

/** The one error of a result that must have exactly one. */
export function onlyError(result: GraphQLResult<unknown>): { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> } {
  expect(result.errors).toHaveLength(1);
  return result.errors![0];
}

/** Walks every page of `children` with the given page size; fails on any error. */
export async function allChildPages(
  server: TestServer,
  token: string,
  options: { first: number; filter?: Record<string, unknown> },
): Promise<ChildPageData['children'][]> {
  const pages: ChildPageData['children'][] = [];
  let after: string | null = null;
  for (let guard = 0; guard < 1000; guard++) {
    const result: GraphQLResult<ChildPageData> = await server.graphql<ChildPageData>(
      CHILD_PAGE,
      { first: options.first, after, filter: options.filter },
      token,
    );
    expect(result.errors).toBeUndefined();
    const page = result.data!.children;
    pages.push(page);
    if (!page.pageInfo.hasNextPage) return pages;
    after = page.pageInfo.endCursor;
  }
  throw new Error('children: more than 1000 pages, the cursor does not advance');
}

/** The ids of every child in the viewer's rows (matching the filter), in API order. */
export async function allChildIds(
  server: TestServer,
  token: string,
  filter?: Record<string, unknown>,
): Promise<string[]> {
  const pages = await allChildPages(server, token, { first: 100, filter });
  return pages.flatMap((p) => p.edges.map((e) => e.node.id));
}

/** The calendar date in France (YYYY-MM-DD) at an instant, computed independently of the app. */
export function parisDay(at: Date): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' })
    .formatToParts(at)
    .reduce<Record<string, string>>((acc, p) => ({ ...acc, [p.type]: p.value }), {});
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** `day` moved by whole years and days (calendar arithmetic in UTC, YYYY-MM-DD in and out). */
export function shiftDay(day: string, years: number, days = 0): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y + years, m - 1, d + days)).toISOString().slice(0, 10);
}
