/**
 * The request shapes that once took the API down (one request each), shared by
 * bench/crash-shapes.ts (the figures, on the compiled server) and tests/security/ (the
 * regression tests, on the test server).
 */

/** `family(id) { children { family { children { ... } } } }`, `levels` family/children pairs deep. */
export function nestedFamilies(levels: number): string {
  let inner = 'id';
  for (let i = 1; i < levels; i++) inner = `id family { id children { ${inner} } }`;
  return `query Nested($id: ID!) { family(id: $id) { id children { ${inner} } } }`;
}

/** `count` aliases of `children(first: 100)`, each asking for two category blocks. */
export function aliasedPages(count: number): string {
  const page = 'children(first: 100) { edges { node { id firstName lastName contact { guardians { firstName lastName phone } } inclusion { emergencyProtocol accommodations { description } adaptedActivities { title } } } } }';
  const parts: string[] = [];
  for (let i = 0; i < count; i++) parts.push(`a${i}: ${page}`);
  return `{ ${parts.join(' ')} }`;
}

/** A small query after a comment that makes the document `bytes` long. */
export function paddedDocument(bytes: number): string {
  const query = '\n{ viewer { displayName } }';
  return `#${'x'.repeat(Math.max(0, bytes - query.length - 1))}${query}`;
}

/** `count` directives on one field. */
export function manyDirectives(count: number): string {
  return `{ viewer { displayName${' @include(if: true)'.repeat(count)} } }`;
}

/** The same field `count` times (no alias: graphql-js compares every pair when it validates). */
export function duplicatedField(count: number): string {
  return `{ viewer { ${'displayName '.repeat(count)}} }`;
}
