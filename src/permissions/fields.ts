import { isIntrospectionType, isObjectType, type GraphQLSchema } from 'graphql';
import type { DataCategory } from '../entities/enums';
import { CATEGORY_FIELDS, FIELD_READS, ROOT_FIELD_READS, heldDataOf } from './field-categories';
import type { ReadAction } from './policy';

/**
 * How each field of each object type is guarded, derived from the schema's category map
 * (src/permissions/field-categories.ts):
 * - `AUTHENTICATED`: root fields (rows are then enforced by the resolvers through ctx.access);
 * - `{ read }`: root fields of ROOT_FIELD_READS, and fields of FIELD_READS, open only to the roles of that read (READ_POLICY);
 * - `{ category }`: a guard point (a category block): returned only when the category is
 *   in the viewer's effective categories for the child that owns it (access-policy.md,
 *   question 3, "Field");
 * - `NOT_PERSONAL`: a field reachable only below a guard point, or holding no child
 *   data; left unwrapped.
 * A field the category map does not classify is absent here, and so denied.
 */
export type FieldPolicy = 'AUTHENTICATED' | 'NOT_PERSONAL' | { category: DataCategory } | { read: ReadAction };

export type FieldPolicyTable = Record<string, Record<string, FieldPolicy>>;

export function buildFieldPolicy(schema: GraphQLSchema): FieldPolicyTable {
  const roots = new Set([schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].filter(Boolean));
  const guarded: Record<string, Record<string, DataCategory>> = CATEGORY_FIELDS;
  const table: FieldPolicyTable = {};
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || isIntrospectionType(type)) continue;
    const fields: Record<string, FieldPolicy> = {};
    for (const field of Object.keys(type.getFields())) {
      if (roots.has(type)) fields[field] = ROOT_FIELD_READS[field] ? { read: ROOT_FIELD_READS[field] } : 'AUTHENTICATED';
      else if (FIELD_READS[type.name]?.[field]) fields[field] = { read: FIELD_READS[type.name][field] };
      else if (guarded[type.name]?.[field]) fields[field] = { category: guarded[type.name][field] };
      else if (heldDataOf(type.name, field) !== undefined) fields[field] = 'NOT_PERSONAL';
    }
    table[type.name] = fields;
  }
  return table;
}

/** Fields of the schema that the category map does not classify (denied; a test keeps this empty). */
export function unclassifiedFields(schema: GraphQLSchema): string[] {
  const table = buildFieldPolicy(schema);
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || isIntrospectionType(type)) continue;
    for (const field of Object.keys(type.getFields())) {
      if (!table[type.name]?.[field]) missing.push(`${type.name}.${field}`);
    }
  }
  return missing;
}
