import {
  defaultFieldResolver,
  isInterfaceType,
  type GraphQLFieldResolver,
  type GraphQLSchema,
} from 'graphql';
import { BadUserInput, NotFound } from '../errors';

/**
 * Opaque global IDs (Relay): base64url of `Type:uuid`. Clients must not parse them; the
 * type prefix lets `node(id:)` find the object and lets every argument reject an ID of
 * another type.
 *
 * An ID that is not well formed is BAD_USER_INPUT naming the argument. A well-formed ID
 * of another type (a Partner ID passed as a child ID) is NOT_FOUND for lookups, exactly
 * like an absent object; in a filter it is BAD_USER_INPUT naming the filter field.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const TYPE_NAME = /^[A-Z][A-Za-z]{0,63}$/;

export interface ResolvedGlobalId {
  type: string;
  id: string;
}

export function toGlobalId(type: string, id: string): string {
  return Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');
}

/** Decodes a global ID; `field` names the argument in the BAD_USER_INPUT error. */
export function fromGlobalId(globalId: string, field = 'id'): ResolvedGlobalId {
  const invalid = () => new BadUserInput(field, 'not a valid ID');
  if (typeof globalId !== 'string' || globalId.length === 0 || globalId.length > 200) throw invalid();
  const decoded = Buffer.from(globalId, 'base64url').toString('utf8');
  const sep = decoded.indexOf(':');
  if (sep < 0) throw invalid();
  const type = decoded.slice(0, sep);
  const id = decoded.slice(sep + 1);
  if (!TYPE_NAME.test(type) || !UUID.test(id)) throw invalid();
  // Node's base64 decoder skips junk characters: only the canonical spelling is accepted.
  if (toGlobalId(type, id) !== globalId) throw invalid();
  return { type, id };
}

/** The uuid of a lookup argument that must name an object of `type`; another type is NOT_FOUND. */
export function idOfType(globalId: string, type: string, field = 'id'): string {
  const resolved = fromGlobalId(globalId, field);
  if (resolved.type !== type) throw new NotFound(type, globalId);
  return resolved.id;
}

/** The uuid of a filter argument that must name an object of `type`; another type is BAD_USER_INPUT. */
export function filterIdOfType(globalId: string, type: string, field: string): string {
  const resolved = fromGlobalId(globalId, field);
  if (resolved.type !== type) throw new BadUserInput(field, `expected the ID of a ${type}`);
  return resolved.id;
}

/**
 * Schema transform: the `id` field of every object type implementing `Node` returns the
 * global ID of its source's `id`, so no resolver ever encodes IDs by hand. The schema is
 * changed in place (it has just been built and is not shared yet) and returned.
 */
export function applyGlobalIds(schema: GraphQLSchema, interfaceName = 'Node'): GraphQLSchema {
  const node = schema.getType(interfaceName);
  if (!isInterfaceType(node)) throw new Error(`applyGlobalIds: no interface ${interfaceName} in the schema`);
  for (const type of schema.getPossibleTypes(node)) {
    const field = type.getFields().id;
    if (!field) throw new Error(`applyGlobalIds: ${type.name} implements ${interfaceName} without an id field`);
    const typeName = type.name;
    const inner: GraphQLFieldResolver<unknown, unknown> = field.resolve ?? defaultFieldResolver;
    const encode = (value: unknown) => (value == null ? value : toGlobalId(typeName, String(value)));
    field.resolve = (source, args, context, info) => {
      const raw = inner(source, args, context, info);
      return isPromiseLike(raw) ? Promise.resolve(raw).then(encode) : encode(raw);
    };
  }
  return schema;
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}
