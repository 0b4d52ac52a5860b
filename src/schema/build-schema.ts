import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { RESOLVERS } from '../resolvers';
import { applyGlobalIds } from './global-id';

export {
  CATEGORY_FIELDS,
  CATEGORY_TYPE_NAMES,
  ENTRY_POINT_CATEGORIES,
  TYPE_CATEGORIES,
  heldDataOf,
} from '../permissions/field-categories';

/**
 * The read API's executable schema, without permissions (the server applies the
 * graphql-shield layer on top). IDs of every Node type are opaque global IDs.
 */
export async function buildAppSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({ resolvers: RESOLVERS, validate: true, emitSchemaFile: false });
  const query = schema.getQueryType();
  // type-graphql has no option for the root type's description; BI tools read it.
  if (query) query.description = 'Read API of the Programme de Réussite Éducative: every list and object is restricted to the viewer\'s programme and rows.';
  const mutation = schema.getMutationType();
  if (mutation && !mutation.description) {
    mutation.description =
      'Workflows of the programme: each mutation is one transaction, checked against the write policy, validated, and recorded in the access log.';
  }
  return applyGlobalIds(schema);
}
