import { getVariableValues, isAbstractType, printSchema, valueFromASTUntyped, type ExecutionResult, type GraphQLSchema, type GraphQLTypeResolver, type VariableDefinitionNode } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import type { ApolloServerOptionsWithGateway } from '@apollo/server';
import type { Context } from './context';
import { SYNC_TYPE_RESOLVERS } from './schema/node.type';

/**
 * How operations are executed (GRAPHQL_EXECUTION):
 * - `standard`: graphql-js's `execute`, Apollo's own;
 * - `compiled`: each operation compiled once by graphql-jit into a function that walks the
 *   selection without graphql-js's per-field bookkeeping, then run on the same schema: the
 *   same resolvers, so the permission layer (the graphql-shield middleware wrapped around
 *   the guarded fields by applyPermissions) runs exactly as under `standard`.
 *
 * Apollo parses, validates and runs its plugins (limits, access log, deadline) either way:
 * the compiled one is given to it as the executor of a gateway that serves this schema.
 */
export type GraphqlExecution = 'compiled' | 'standard';

/** Compiled operations kept (least recently used dropped first): a client sends a handful. */
const COMPILED_CACHE_SIZE = 500;

type Gateway = ApolloServerOptionsWithGateway<Context>['gateway'];

/** A bounded map of compiled operations by Apollo's query hash and operation name. */
class CompiledCache {
  private readonly entries = new Map<string, CompiledQuery | ExecutionResult>();

  get(key: string, compile: () => CompiledQuery | ExecutionResult): CompiledQuery | ExecutionResult {
    let entry = this.entries.get(key);
    if (entry) {
      this.entries.delete(key);
    } else {
      entry = compile();
      if (this.entries.size >= COMPILED_CACHE_SIZE) this.entries.delete(this.entries.keys().next().value!);
    }
    this.entries.set(key, entry);
    return entry;
  }
}

/**
 * graphql-jit takes what an abstract type's resolveType returns as the type (graphql-js
 * awaits it), and type-graphql wraps every resolveType in an async function: each abstract
 * type gets its synchronous resolver back (the same function, unwrapped). One missing
 * stops the start-up rather than fail every request reaching that type.
 */
function withSyncTypeResolvers(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isAbstractType(type) || type.name.startsWith('__')) continue;
    const resolve: GraphQLTypeResolver<unknown, Context> | undefined = SYNC_TYPE_RESOLVERS[type.name];
    if (!resolve) throw new Error(`GRAPHQL_EXECUTION=compiled: no synchronous resolveType for ${type.name} (src/schema/node.type.ts, SYNC_TYPE_RESOLVERS)`);
    type.resolveType = resolve;
  }
  return schema;
}

/** An Apollo gateway serving `schema`, whose executor runs operations compiled by graphql-jit. */
export function compiledGateway(given: GraphQLSchema): Gateway {
  const schema = withSyncTypeResolvers(given);
  const cache = new CompiledCache();
  const listeners = new Set<Parameters<Gateway['onSchemaLoadOrUpdate']>[0]>();
  return {
    onSchemaLoadOrUpdate(callback) {
      listeners.add(callback);
      return () => listeners.delete(callback);
    },
    async load() {
      const coreSupergraphSdl = printSchema(schema);
      for (const listener of listeners) listener({ apiSchema: schema, coreSupergraphSdl });
      return {
        async executor(request) {
          const { document, operation, operationName, queryHash } = request;
          const compiled = cache.get(`${queryHash}:${operationName ?? ''}`, () =>
            compileQuery(schema, document, operationName ?? undefined, { customJSONSerializer: false }),
          );
          // A document whose operation cannot be chosen: its errors (Apollo answers
          // OPERATION_RESOLUTION_FAILURE, as under `standard`).
          if (!isCompiledQuery(compiled)) return compiled;
          const variables = withDefaults(operation?.variableDefinitions ?? [], request.request.variables ?? {});
          // Bad variables answer graphql-js's own errors, which Apollo turns into
          // BAD_USER_INPUT (HTTP 400) naming the variable, as under `standard`.
          const coerced = getVariableValues(schema, operation?.variableDefinitions ?? [], variables);
          if (coerced.errors) return { errors: coerced.errors };
          return compiled.query(undefined, request.context, variables);
        },
      };
    },
    async stop() {
      listeners.clear();
    },
  };
}

/**
 * The variables as sent, with the document's default for each one not sent: graphql-jit
 * refuses a non-null variable with a default (`$reason: String! = "..."`) when it is not
 * sent, where graphql-js takes the default. The default goes in as the client would have
 * written it, so that each engine coerces it as its own.
 */
function withDefaults(definitions: readonly VariableDefinitionNode[], given: Record<string, unknown>): Record<string, unknown> {
  const missing = definitions.filter((definition) => definition.defaultValue && !(definition.variable.name.value in given));
  if (!missing.length) return given;
  return { ...given, ...Object.fromEntries(missing.map((definition) => [definition.variable.name.value, valueFromASTUntyped(definition.defaultValue!)])) };
}
