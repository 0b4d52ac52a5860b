import type { ApolloClient } from '@apollo/client';
import {
  ChildrenPageDocument,
  PathwayObjectivesDocument,
  UpdateObjectiveDocument,
  type ChildrenPageQuery,
} from '../../operations/generated/operations';

/** What a portal does every day, with the typed operations of operations/ (npm run codegen). */

type ChildEdge = ChildrenPageQuery['children']['edges'][number];

export interface Roster {
  children: ChildEdge['node'][];
  totalCount: number;
  pages: number;
  /** The paths of the FORBIDDEN errors (blocks the viewer may not see), the data around them intact. */
  forbidden: string[];
}

/**
 * Every child of the viewer's list, a page at a time: the first page, then `fetchMore`
 * after each `endCursor` while `hasNextPage`. The cache's `relayStylePagination` appends
 * each page to the list (cache.ts); the list read back at the end is the whole roster.
 */
export async function wholeRoster(client: ApolloClient, pageSize: number): Promise<Roster> {
  const forbidden: string[] = [];
  const note = (errors: readonly { path?: readonly (string | number)[]; extensions?: Record<string, unknown> }[] | undefined) => {
    for (const error of errors ?? []) if (error.extensions?.code === 'FORBIDDEN') forbidden.push(error.path?.join('.') ?? '');
  };
  const observable = client.watchQuery({ query: ChildrenPageDocument, variables: { first: pageSize } });
  const first = await observable.refetch();
  note(errorsOf(first.error));
  let pageInfo = first.data?.children.pageInfo;
  let pages = 1;
  // The server's answer says whether a page follows; the cache holds the list.
  while (pageInfo?.hasNextPage) {
    // fetchMore does not take the client's default error policy: without 'all', one FORBIDDEN rejects the page.
    const more = await observable.fetchMore({ variables: { first: pageSize, after: pageInfo.endCursor }, errorPolicy: 'all' });
    note(errorsOf(more.error));
    if (!more.data || more.data.children.pageInfo.endCursor === pageInfo.endCursor) break;
    pageInfo = more.data.children.pageInfo;
    pages += 1;
  }
  const connection = client.readQuery({ query: ChildrenPageDocument, variables: { first: pageSize } })?.children;
  observable.stopPolling();
  return { children: connection?.edges.map((edge) => edge.node) ?? [], totalCount: connection?.totalCount ?? 0, pages, forbidden };
}

/** The GraphQL errors Apollo Client gathered in one result (errorPolicy 'all'). */
function errorsOf(error: unknown): { path?: readonly (string | number)[]; extensions?: Record<string, unknown> }[] {
  const errors = (error as { errors?: unknown } | undefined)?.errors;
  return Array.isArray(errors) ? errors : [];
}

export type ObjectiveEdit =
  | { ok: true; version: number; text: string }
  | { ok: false; code: string; currentVersion?: number };

/** Edits an objective with the version the portal read: a stale version is CONFLICT, reported, never overwritten. */
export async function renameObjective(client: ApolloClient, id: string, version: number, text: string): Promise<ObjectiveEdit> {
  const result = await client.mutate({ mutation: UpdateObjectiveDocument, variables: { id, version, text } });
  const error = errorsOf(result.error)[0];
  if (error || !result.data) {
    return { ok: false, code: String(error?.extensions?.code ?? 'UNKNOWN'), currentVersion: error?.extensions?.currentVersion as number | undefined };
  }
  return { ok: true, version: result.data.updateObjective.version, text: result.data.updateObjective.text };
}

/** The objectives of a child's current pathway, with their versions. */
export async function objectivesOf(client: ApolloClient, childId: string) {
  const result = await client.query({ query: PathwayObjectivesDocument, variables: { childId } });
  return result.data?.child?.pathway?.objectives ?? [];
}
