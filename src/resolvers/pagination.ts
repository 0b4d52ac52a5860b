import { BadUserInput } from '../errors';

/** Relay connections: page sizes and opaque keyset cursors. */

export const MAX_PAGE_SIZE = 100;

export const DEFAULT_PAGE_SIZE = 20;

/** `first` between 0 and 100 (absent or null: 20), else BAD_USER_INPUT naming `first`. */
export function checkFirst(first: number | null | undefined): number {
  if (first == null) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw new BadUserInput('first', `must be between 0 and ${MAX_PAGE_SIZE}`);
  }
  return first;
}

/**
 * A cursor is base64url of a JSON array [kind, ...sort key]. The kind keeps a cursor of
 * one list from being accepted by another; the key is re-checked by `shape`.
 */
export function encodeCursor(kind: string, key: readonly string[]): string {
  return Buffer.from(JSON.stringify([kind, ...key]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, kind: string, length: number, field = 'after'): string[] {
  const invalid = () => new BadUserInput(field, 'not a valid cursor');
  if (cursor.length > 2000) throw invalid();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== length + 1 ||
    parsed[0] !== kind ||
    // A part PostgreSQL could not compare (a NUL) is no cursor this API wrote.
    !parsed.every((part) => typeof part === 'string' && !part.includes('\u0000'))
  ) {
    throw invalid();
  }
  return parsed.slice(1) as string[];
}

export interface Page<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  /** Run only when the client asks for totalCount. */
  count: () => Promise<number>;
}

/** Builds a page from `first + 1` rows fetched in order. */
export function toPage<T>(rows: T[], first: number, cursorOf: (row: T) => string, count: () => Promise<number>): Page<T> {
  const nodes = rows.slice(0, first);
  const edges = nodes.map((node) => ({ cursor: cursorOf(node), node }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > first, endCursor: edges.length ? edges[edges.length - 1].cursor : null },
    count,
  };
}
