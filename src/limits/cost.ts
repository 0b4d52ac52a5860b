import { getNullableType, isListType, type DocumentNode, type GraphQLSchema } from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../resolvers/pagination';

/**
 * The cost of an operation: an estimate of how many values it makes the API produce,
 * computed from the document and its variables before it runs.
 *
 * Every field costs 1, plus what is below it times how many of it there will be: a field
 * with a `first` or `last` argument (the connections) counts its page size, `first` or
 * `last` alike, literal or variable, both absent or null counted as the default page,
 * capped at the largest page the resolvers serve (MAX_PAGE_SIZE); a
 * list without one (family.children, guardians, observations, partners, introspection's
 * types and fields...) counts `listSize` items, an assumption of the largest such list in
 * practice; anything else counts once. A connection's `edges` are its page, counted once.
 * So `children(first: 100) { edges { node { id } } }` costs 301, as does `last: 100`, and every
 * family { children } level multiplies what is below it by `listSize`.
 */
export function listAwareEstimator(listSize: number): ComplexityEstimator {
  return ({ type, field, args, childComplexity }) => {
    // A connection's edges are its page: counted once, the connection counts its `first`.
    if (field.name === 'edges' && type.name.endsWith('Connection')) return 1 + childComplexity;
    if (field.args.some((arg) => arg.name === 'first' || arg.name === 'last')) {
      // Both absent or null is the resolvers' default page (pageWindow); both given is refused
      // there, and weighed here by the larger.
      const sizes = [args.first, args.last].filter((size): size is number => typeof size === 'number');
      const size = sizes.length ? Math.max(...sizes) : DEFAULT_PAGE_SIZE;
      return 1 + Math.min(Math.max(size, 0), MAX_PAGE_SIZE) * childComplexity;
    }
    if (isListType(getNullableType(field.type))) return 1 + listSize * childComplexity;
    return 1 + childComplexity;
  };
}

export interface CostOptions {
  listSize: number;
  /**
   * How many selections the computation may visit: a document whose fragments expand past
   * it (a "fragment bomb") is refused as too complex without being expanded further.
   */
  maxNodes: number;
  variables?: Record<string, unknown>;
  operationName?: string;
}

/** The cost of the document's operation (of all its operations when none is named). */
export function operationCost(schema: GraphQLSchema, document: DocumentNode, options: CostOptions): number {
  return getComplexity({
    schema,
    query: document,
    variables: options.variables,
    // The library compares the name with every operation's, and an anonymous one has none.
    operationName: allOperationsNamed(document) ? options.operationName : undefined,
    estimators: [listAwareEstimator(options.listSize)],
    maxQueryNodes: options.maxNodes,
  });
}

function allOperationsNamed(document: DocumentNode): boolean {
  return document.definitions.every((definition) => definition.kind !== 'OperationDefinition' || definition.name !== undefined);
}
