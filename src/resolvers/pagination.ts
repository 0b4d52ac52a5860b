import { BadUserInput } from '../errors';

/**
 * Relay cursor connections (https://relay.dev/graphql/connections.htm): `first`/`after`
 * forward, `last`/`before` backward, keyset pagination with opaque cursors.
 *
 * A cursor names its row by id only (access-policy.md, "What a request may reveal": no
 * name, birth date or other personal data in a cursor): base64url of `<kind>:<uuid>`.
 * The list's sort key is read again from that row in the page's own statement (a row
 * comparison against a subquery), restricted to the rows the viewer may see, so that a
 * cursor naming a row outside them tells nothing of where that row would sort.
 */

export const MAX_PAGE_SIZE = 100;

export const DEFAULT_PAGE_SIZE = 20;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const KIND = /^[a-z][a-z-]{0,31}$/;

/** The arguments of every connection (src/schema/connection.args.ts). */
export interface ConnectionArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/** What a connection's arguments ask for, checked. */
export interface PageWindow {
  /** How many rows the page holds at most. */
  size: number;
  /** `last`/`before`: the rows are read in reverse order, then turned back. */
  backward: boolean;
  /** The uuids of the `after` and `before` rows. */
  after?: string;
  before?: string;
}

/** A page size between 0 and 100, else BAD_USER_INPUT naming the argument. */
function checkSize(size: number, field: 'first' | 'last'): number {
  if (!Number.isInteger(size) || size < 0 || size > MAX_PAGE_SIZE) {
    throw new BadUserInput(field, `must be between 0 and ${MAX_PAGE_SIZE}`);
  }
  return size;
}

/** `first` between 0 and 100 (absent or null: 20), else BAD_USER_INPUT naming `first`. */
export function checkFirst(first: number | null | undefined): number {
  return first == null ? DEFAULT_PAGE_SIZE : checkSize(first, 'first');
}

export function encodeCursor(kind: string, id: string): string {
  return Buffer.from(`${kind}:${id}`, 'utf8').toString('base64url');
}

/** The uuid a cursor of this list names; anything else (junk, a NUL, another list's cursor) is BAD_USER_INPUT naming `field`. */
export function decodeCursor(cursor: string, kind: string, field: 'after' | 'before' = 'after'): string {
  const invalid = () => new BadUserInput(field, 'not a valid cursor');
  if (typeof cursor !== 'string' || cursor.length === 0 || cursor.length > 200) throw invalid();
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  const sep = decoded.indexOf(':');
  const id = decoded.slice(sep + 1);
  if (sep < 0 || decoded.slice(0, sep) !== kind || !UUID.test(id)) throw invalid();
  // Node's base64 decoder skips junk characters: only the spelling this API writes is accepted.
  if (encodeCursor(kind, id) !== cursor) throw invalid();
  return id;
}

/** The window of a connection: `first` and `last` together are refused (the spec discourages them). */
export function pageWindow(args: ConnectionArgs, kind: string): PageWindow {
  if (!KIND.test(kind)) throw new Error(`pageWindow: bad cursor kind ${kind}`);
  if (args.first != null && args.last != null) {
    throw new BadUserInput('last', 'not with first: ask for the first items after a cursor, or the last items before one');
  }
  const backward = args.last != null;
  return {
    size: backward ? checkSize(args.last!, 'last') : checkFirst(args.first),
    backward,
    after: args.after == null ? undefined : decodeCursor(args.after, kind, 'after'),
    before: args.before == null ? undefined : decodeCursor(args.before, kind, 'before'),
  };
}

/**
 * A list's keyset: its sort key on the list's alias (`columns`, the last one unique: the
 * id), its direction, and the same key read from the cursor's row (`keyOf`: a
 * `select <key>` statement returning one row at most, from the rows the viewer may see).
 */
export interface Keyset {
  columns: string[];
  descending: boolean;
  keyOf: (idParam: string) => string;
}

/**
 * The conditions and the ORDER BY of a page: after the `after` row and before the
 * `before` row in the list's order, read forward (first) or backward (last). `param`
 * adds a parameter and returns its placeholder. A cursor whose row is not found makes
 * the comparison null, and so the page empty: `assertCursorsKnown` then tells why.
 */
export function keysetPage(window: PageWindow, keyset: Keyset, param: (value: unknown) => string): { where: string[]; orderBy: string } {
  const key = `(${keyset.columns.join(', ')})`;
  const [later, earlier] = keyset.descending ? ['<', '>'] : ['>', '<'];
  const where: string[] = [];
  if (window.after) where.push(`${key} ${later} (${keyset.keyOf(`${param(window.after)}::uuid`)})`);
  if (window.before) where.push(`${key} ${earlier} (${keyset.keyOf(`${param(window.before)}::uuid`)})`);
  const ascending = keyset.descending === window.backward;
  return { where, orderBy: keyset.columns.map((column) => `${column} ${ascending ? 'asc' : 'desc'}`).join(', ') };
}

/**
 * On an empty page read after or before a cursor: BAD_USER_INPUT naming the argument when
 * the cursor's row is not (or no longer) in the viewer's list, rather than an empty page
 * that a client would take for the end. `known(id)` is one statement; a row outside the
 * viewer's rows is not known, exactly like an absent one.
 */
export async function assertCursorsKnown(window: PageWindow, known: (id: string) => Promise<boolean>): Promise<void> {
  for (const field of ['after', 'before'] as const) {
    const id = window[field];
    if (id && !(await known(id))) {
      throw new BadUserInput(field, 'the row of this cursor is no longer in the list: start again from the first page');
    }
  }
}

export interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export interface Page<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  /** Run only when the client asks for totalCount. */
  count: () => Promise<number>;
}

/**
 * Builds a page from the `size + 1` rows read in the window's order. Forward, there is a
 * previous page when `after` was given (the spec lets a server answer so); backward, a
 * next page when `before` was given.
 */
export function toPage<T>(rows: T[], window: PageWindow, cursorOf: (row: T) => string, count: () => Promise<number>): Page<T> {
  const more = rows.length > window.size;
  const nodes = rows.slice(0, window.size);
  if (window.backward) nodes.reverse();
  const edges = nodes.map((node) => ({ cursor: cursorOf(node), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: window.backward ? window.before !== undefined : more,
      hasPreviousPage: window.backward ? more : window.after !== undefined,
      startCursor: edges.length ? edges[0].cursor : null,
      endCursor: edges.length ? edges[edges.length - 1].cursor : null,
    },
    count,
  };
}
