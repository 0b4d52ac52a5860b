import { GraphQLError, isObjectType, type GraphQLSchema } from 'graphql';
import { allow, deny, rule, shield } from 'graphql-shield';
import type { IRule, IRules } from 'graphql-shield';
import { applyMiddleware, type IMiddlewareFieldMap } from 'graphql-middleware';
import type { Context } from '../context';
import { DataCategory } from '../entities/enums';
import { Forbidden, Unauthenticated } from '../errors';
import { buildFieldPolicy, type FieldPolicy, type FieldPolicyTable } from './fields';
import { ReadAction, mayRead } from './policy';

/**
 * Policy, question 0: only authenticated accounts get in. Every root field carries it;
 * the context already refuses anonymous HTTP requests, this keeps the schema safe on
 * its own (executeOperation, other transports).
 */
export const isAuthenticated = rule({ cache: 'contextual' })((_parent, _args, ctx: Context) =>
  ctx.viewer ? true : new Unauthenticated(),
);

/**
 * Policy, question 3 ("Field"): a field of category C is returned only when C is in the
 * viewer's effective categories for the child the field belongs to; otherwise null with
 * a FORBIDDEN error at its path. Effective categories come from ctx.access, computed once
 * per request. Past the request's deadline, no guarded field resolves (TIMEOUT,
 * src/limits/deadline.ts).
 */
function canRead(category: DataCategory): IRule {
  const verdict = (granted: boolean) => (granted ? true : new Forbidden(`Not allowed: ${category} data of this child is not granted to you`));
  return rule(`canRead${category}`, { cache: 'no_cache' })((parent: unknown, _args, ctx: Context) => {
    ctx.deadline.check();
    // Once the request's grants are read (before any child is returned), the check is
    // synchronous: no promise per guarded block per child. A Family's children are read first.
    const now = ctx.access.mayReadNow(parent, category);
    return now === undefined ? ctx.access.mayRead(parent, category).then(verdict) : verdict(now);
  });
}

/**
 * Policy "Statistics" (and any read of READ_POLICY): the root field answers only the roles
 * the policy table lists for its read; every other role gets FORBIDDEN.
 */
function canPerform(action: ReadAction): IRule {
  return rule(`canPerform${action}`, { cache: 'contextual' })((_parent, _args, ctx: Context) => {
    if (!ctx.viewer) return new Unauthenticated();
    return mayRead(ctx.viewer.role, action) ? true : new Forbidden(`Not allowed: a ${ctx.viewer.role} may not do ${action}`);
  });
}

const READ_RULES = Object.fromEntries(Object.values(ReadAction).map((action) => [action, canPerform(action)])) as Record<ReadAction, IRule>;

const CATEGORY_RULES = Object.fromEntries(
  Object.values(DataCategory).map((category) => [category, canRead(category)]),
) as Record<DataCategory, IRule>;

type ShieldRule = IRule | typeof allow;

function ruleFor(policy: FieldPolicy): ShieldRule {
  if (policy === 'AUTHENTICATED') return isAuthenticated;
  if (policy === 'NOT_PERSONAL') return allow;
  if ('read' in policy) return READ_RULES[policy.read];
  return CATEGORY_RULES[policy.category];
}

/** The shield rule tree, built from the field table (src/permissions/fields.ts). */
export function ruleTree(table: FieldPolicyTable): IRules {
  const tree: Record<string, Record<string, ShieldRule>> = {};
  for (const [typeName, fields] of Object.entries(table)) {
    tree[typeName] = {};
    for (const [field, policy] of Object.entries(fields)) tree[typeName][field] = ruleFor(policy);
  }
  return tree;
}

const fallbackError = new GraphQLError('Not allowed: this field is not open to you', {
  extensions: { code: 'FORBIDDEN' },
});

/**
 * Applies the permissions to a schema. Deny by default: a field absent from the table is
 * refused. Fields whose rule is a plain `allow` are not wrapped at all (wrapping makes
 * every field of every row async: measured in ../shared/stack.md), so only root fields and
 * category blocks pay for a check.
 */
export function applyPermissions(schema: GraphQLSchema): GraphQLSchema {
  const table = buildFieldPolicy(schema);
  const generator = shield(ruleTree(table), {
    fallbackRule: deny,
    fallbackError,
    allowExternalErrors: true,
  });
  const generated = generator.generate(schema) as IMiddlewareFieldMap;
  const map: IMiddlewareFieldMap = {};
  for (const [typeName, fields] of Object.entries(generated)) {
    const type = schema.getType(typeName);
    if (!isObjectType(type) || typeof fields !== 'object') continue;
    const kept: Record<string, unknown> = {};
    for (const [field, middleware] of Object.entries(fields)) {
      if (table[typeName]?.[field] === 'NOT_PERSONAL') continue;
      kept[field] = middleware;
    }
    if (Object.keys(kept).length) (map as Record<string, unknown>)[typeName] = kept;
  }
  return applyMiddleware(schema, map);
}
