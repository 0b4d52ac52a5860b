import {
  getNamedType,
  isEnumType,
  isInterfaceType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInterfaceType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';

/**
 * The documents the canary (tests/canary.int.test.ts) sends, generated from the schema by
 * introspection; the request limits' figures (tests/security/limits-figures.test.ts) measure
 * the same documents, as the largest legitimate ones the API is sent.
 */

/** A selection set reaching every field without required arguments, each type once per path. */
export function selection(schema: GraphQLSchema, type: GraphQLObjectType | GraphQLInterfaceType, path: string[], depth: number): string {
  const parts: string[] = ['__typename'];
  const fields = Object.values(type.getFields()) as GraphQLField<unknown, unknown>[];
  for (const field of fields) {
    if (requiredArguments(field).length) continue;
    const named = getNamedType(field.type);
    if (isScalarType(named) || isEnumType(named)) {
      parts.push(field.name);
    } else if ((isObjectType(named) || isInterfaceType(named)) && depth > 0 && !path.includes(named.name)) {
      parts.push(`${field.name} { ${selection(schema, named, [...path, named.name], depth - 1)} }`);
    }
  }
  if (isInterfaceType(type)) {
    for (const impl of schema.getPossibleTypes(type)) {
      parts.push(`... on ${impl.name} { ${selection(schema, impl, [...path, impl.name], depth - 1)} }`);
    }
  }
  return parts.join(' ');
}

/** The arguments of a field a document must give. */
export function requiredArguments(field: GraphQLField<unknown, unknown>): readonly GraphQLArgument[] {
  return field.args.filter((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined);
}

export interface CanaryDocument {
  /** The root field the document asks. */
  root: string;
  query: string;
  variables: Record<string, unknown>;
}

/**
 * One document per root field and per set of values of its required arguments (each
 * argument a variable of its own name): `valuesOf(field)` gives the sets to ask it with.
 */
export function rootDocuments(
  schema: GraphQLSchema,
  valuesOf: (field: GraphQLField<unknown, unknown>) => Record<string, unknown>[],
  depth = 5,
): CanaryDocument[] {
  const docs: CanaryDocument[] = [];
  for (const field of Object.values(schema.getQueryType()!.getFields()) as GraphQLField<unknown, unknown>[]) {
    const named = getNamedType(field.type);
    const body = isScalarType(named) ? '' : `{ ${selection(schema, named as GraphQLObjectType | GraphQLInterfaceType, [named.name], depth)} }`;
    const required = requiredArguments(field);
    if (!required.length) {
      docs.push({ root: field.name, query: `{ ${field.name} ${body} }`, variables: {} });
      continue;
    }
    const declared = required.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ');
    const passed = required.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
    const query = `query (${declared}) { ${field.name}(${passed}) ${body} }`;
    for (const variables of valuesOf(field)) docs.push({ root: field.name, query, variables });
  }
  return docs;
}
