import type { ApolloServerPlugin, HTTPGraphQLRequest } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, Kind, MaxIntrospectionDepthRule, parse, validate, type DocumentNode, type GraphQLSchema, type ValidationContext, type ValidationRule } from 'graphql';
import type { Limits } from '../config';
import { ErrorCode, LimitExceeded } from '../errors';
import { operationCost } from './cost';

/**
 * Policy (OWASP GraphQL Cheat Sheet, "Query limiting"): no single request can take the API
 * down. Every HTTP request is checked here before its context is made (the context reads
 * the viewer's account, so a refused request sends no SQL statement) and before any
 * resolver runs, in this order, each step bounding the work of the next:
 *
 * 1. the query string's length (LIMIT_DOCUMENT_BYTES), before it is parsed: a huge
 *    comment costs nothing more than its bytes;
 * 2. its tokens (LIMIT_TOKENS): graphql-js's own `maxTokens`, which stops the parser at
 *    the limit with a GRAPHQL_PARSE_FAILED error naming it (graphql-armor's max-tokens
 *    plugin for Apollo lexes the document a second time and throws from a plugin hook,
 *    which Apollo answers as an internal error);
 * 3. depth, aliases and directives (LIMIT_DEPTH, LIMIT_ALIASES, LIMIT_DIRECTIVES):
 *    graphql-armor's validation rules, reporting our codes (its default is BAD_USER_INPUT),
 *    and graphql-js's bound on introspection's nested lists;
 * 4. the cost (LIMIT_COST, src/limits/cost.ts), with the request's variables.
 *
 * A request this check cannot read (a batch, a body that is not a GraphQL request) goes
 * on to Apollo, which refuses it as it always does. Introspection is measured like
 * anything else: the standard introspection query passes every limit (tests/security/).
 */
export class RequestLimits {
  private readonly rules: ValidationRule[];
  private readonly depthRules: ValidationRule[];
  /**
   * For Apollo: graphql-armor's plugin that hides "Did you mean ...?" in the errors of
   * Apollo's own validation (BLOCK_FIELD_SUGGESTIONS, default in production).
   */
  readonly apolloPlugins: ApolloServerPlugin[];

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly limits: Limits,
  ) {
    const refuse =
      (code: ErrorCode, what: string, limit: number) =>
      (context: ValidationContext | null, error: GraphQLError): void =>
        context?.reportError(new LimitExceeded(code, what, limit, foundIn(error)));
    // Our handlers only: without `propagateOnRejection: false` armor adds its own, which reports BAD_USER_INPUT.
    const common = { exposeLimits: true, propagateOnRejection: false } as const;
    const off = { enabled: false } as const;
    // Tokens: graphql-js's own limit (below); cost: ours, which reads variables and lists.
    const depth = new ApolloArmor({
      maxDepth: { ...common, ...DEPTH_SEMANTICS, n: limits.depth, onReject: [refuse(ErrorCode.QUERY_TOO_DEEP, 'Query too deep', limits.depth)] },
      maxAliases: off,
      maxDirectives: off,
      blockFieldSuggestion: off,
      maxTokens: off,
      costLimit: off,
    }).protect();
    const armor = new ApolloArmor({
      maxDepth: off,
      maxAliases: { ...common, n: limits.aliases, onReject: [refuse(ErrorCode.TOO_MANY_ALIASES, 'Too many aliases', limits.aliases)] },
      maxDirectives: { ...common, n: limits.directives, onReject: [refuse(ErrorCode.TOO_MANY_DIRECTIVES, 'Too many directives', limits.directives)] },
      blockFieldSuggestion: { enabled: limits.blockFieldSuggestions },
      maxTokens: off,
      costLimit: off,
    }).protect();
    this.depthRules = depth.validationRules;
    this.rules = armor.validationRules;
    this.apolloPlugins = armor.plugins;
  }

  /** Throws the refusal of a request over a limit; returns when it may run. */
  check(request: HTTPGraphQLRequest): void {
    const operation = graphQLRequestOf(request);
    if (!operation) return;
    const { query, variables, operationName } = operation;
    const { limits } = this;

    const bytes = Buffer.byteLength(query, 'utf8');
    if (bytes > limits.documentBytes) {
      throw new LimitExceeded(ErrorCode.DOCUMENT_TOO_LARGE, 'Document too large (bytes)', limits.documentBytes, bytes);
    }

    const document = parseWithin(query, limits);

    const errors = validate(this.schema, document, introspectionOnly(document) ? this.rules : [...this.depthRules, ...this.rules]);
    if (errors.length) throw errors[0];
    // graphql-js runs it again with the other rules (Apollo's validation): here it answers before the context.
    if (validate(this.schema, document, [MaxIntrospectionDepthRule]).length) {
      throw new LimitExceeded(ErrorCode.QUERY_TOO_DEEP, 'Introspection too deep (nested lists of types and fields)', INTROSPECTION_LIST_DEPTH);
    }

    let cost: number;
    try {
      cost = operationCost(this.schema, document, { listSize: limits.listSize, maxNodes: limits.tokens, variables, operationName });
    } catch (error) {
      if (!(error instanceof GraphQLError)) throw error;
      if (error.message.startsWith(NODE_LIMIT_MESSAGE)) {
        throw new LimitExceeded(ErrorCode.QUERY_TOO_COMPLEX, 'Query too complex (selections after expanding its fragments)', limits.tokens);
      }
      // Variables or arguments that do not fit the schema: Apollo refuses them with its own
      // errors before anything runs.
      return;
    }
    if (cost > limits.cost) throw new LimitExceeded(ErrorCode.QUERY_TOO_COMPLEX, 'Query too complex (cost)', limits.cost, cost);
  }
}

/**
 * What the depth counts: the depth of the response (a fragment is not a level of it).
 * Introspection is not counted: `__schema` (graphql-armor's default) nor operations that
 * ask only for introspection (`__type` too, see introspectionOnly): the standard
 * introspection query is 15 deep through its type references, and the one cycle of
 * introspection that grows (types, fields, type, fields...) is bounded by graphql-js's
 * MaxIntrospectionDepthRule, which this check runs too.
 */
export const DEPTH_SEMANTICS = { flattenFragments: true, ignoreIntrospection: true } as const;

/** Every operation of the document asks for introspection fields only (`__schema`, `__type`, `__typename`). */
export function introspectionOnly(document: DocumentNode): boolean {
  return document.definitions.every(
    (definition) =>
      definition.kind !== Kind.OPERATION_DEFINITION ||
      definition.selectionSet.selections.every((selection) => selection.kind === Kind.FIELD && selection.name.value.startsWith('__')),
  );
}

/** MaxIntrospectionDepthRule's limit (graphql-js 16.9+: three nested lists of __Type). */
const INTROSPECTION_LIST_DEPTH = 3;

/** graphql-query-complexity's error when a document expands past `maxQueryNodes`. */
const NODE_LIMIT_MESSAGE = 'Query exceeds the maximum allowed number of nodes';

/** graphql-armor's message says what it found ("..., found 31."), when its limits are exposed. */
function foundIn(error: GraphQLError): number | undefined {
  const match = /found (\d+)/.exec(error.message);
  return match ? Number(match[1]) : undefined;
}

/**
 * The document, or its syntax error (or the token limit's) as Apollo reports it:
 * GRAPHQL_PARSE_FAILED, HTTP 400. A nesting too deep for graphql-js's recursive parser
 * (a few thousand levels fit in the token limit) is QUERY_TOO_DEEP.
 */
export function parseWithin(query: string, limits: Pick<Limits, 'tokens' | 'depth'>): DocumentNode {
  try {
    return parse(query, { maxTokens: limits.tokens });
  } catch (error) {
    if (error instanceof RangeError) throw new LimitExceeded(ErrorCode.QUERY_TOO_DEEP, 'Query too deep (nested beyond what can be parsed)', limits.depth);
    if (!(error instanceof GraphQLError)) throw error;
    throw new GraphQLError(error.message, {
      source: error.source,
      positions: error.positions,
      extensions: { code: ErrorCode.GRAPHQL_PARSE_FAILED, http: { status: 400 } },
    });
  }
}

interface GraphQLRequestParts {
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
}

/**
 * The query, variables and operation name of a single GraphQL request, read as Apollo
 * reads them (POST: a JSON object; GET: search parameters), or undefined when Apollo would
 * refuse the request as malformed, or when it has no query (Apollo refuses that too:
 * persisted queries are off).
 */
export function graphQLRequestOf(request: HTTPGraphQLRequest): GraphQLRequestParts | undefined {
  if (request.method === 'POST') {
    const body = request.body;
    if (!isRecord(body) || typeof body.query !== 'string') return undefined;
    return {
      query: body.query,
      variables: isRecord(body.variables) ? body.variables : undefined,
      operationName: typeof body.operationName === 'string' ? body.operationName : undefined,
    };
  }
  if (request.method === 'GET') {
    const search = new URLSearchParams(request.search);
    const queries = search.getAll('query');
    if (queries.length !== 1) return undefined;
    let variables: unknown;
    try {
      variables = search.has('variables') ? JSON.parse(search.get('variables')!) : undefined;
    } catch {
      return undefined;
    }
    return {
      query: queries[0],
      variables: isRecord(variables) ? variables : undefined,
      operationName: search.get('operationName') ?? undefined,
    };
  }
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
