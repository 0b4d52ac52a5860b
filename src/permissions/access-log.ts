import { sql } from '../db/sql';
import { isRecordOf } from '../read/records';
import { defaultFieldResolver, getNamedType, isIntrospectionType, isObjectType, type GraphQLSchema } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from '../context';
import { Child } from '../entities/child.entity';
import { AccessAction, DataCategory } from '../entities/enums';
import { pgArray } from './access';

/**
 * Access log (access-policy.md, "Every read of personal data is logged"): each response
 * that carries personal data writes access events (account, partner, child, categories,
 * request id) in one batched insert; denials are logged too.
 *
 * Category blocks record themselves when the permission layer lets them through
 * (Access.mayRead); IDENTITY is recorded here, for every Child a response returns.
 */

/** Wraps every field that returns Child objects so that returning a child records an IDENTITY read. */
export function logIdentityReads(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || isIntrospectionType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      if (getNamedType(field.type).name !== 'Child' && getNamedType(field.type).name !== 'Node') continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, ctx: Context, info) => {
        const result: unknown = resolve(source, args, ctx, info);
        if (result instanceof Promise) return result.then((value: unknown) => noteChildren(ctx, value));
        return noteChildren(ctx, result);
      };
    }
  }
  return schema;
}

function noteChildren<T>(ctx: Context, value: T): T {
  if (isChild(value)) ctx.access.log.read(value.id, DataCategory.IDENTITY);
  else if (Array.isArray(value)) for (const item of value) if (isChild(item)) ctx.access.log.read(item.id, DataCategory.IDENTITY);
  return value;
}

function isChild(value: unknown): value is { id: string } {
  return value instanceof Child || isRecordOf(value, Child);
}

const CATEGORY_ORDER = Object.values(DataCategory);

/**
 * Writes the request's access events, in one statement. With `synchronousCommit` false the
 * statement sets its own transaction's synchronous_commit off (set_config(..., true) in a
 * CTE it reads): it commits without waiting for the WAL to reach the disk, which is most of
 * its time. The session's setting is untouched.
 */
export async function flushAccessLog(ctx: Context, synchronousCommit: boolean): Promise<void> {
  const viewer = ctx.viewer;
  // A request stopped at its deadline answers no data (src/limits/deadline.ts): nothing was read.
  if (!viewer || ctx.access.log.empty || ctx.deadline.tripped) return;
  const children: (string | null)[] = [];
  const actions: AccessAction[] = [];
  const categories: string[] = [];
  const push = (entries: Map<string | null, Set<DataCategory>>, action: AccessAction) => {
    for (const [childId, set] of entries) {
      children.push(childId);
      actions.push(action);
      categories.push(pgArray(CATEGORY_ORDER.filter((c) => set.has(c))));
    }
  };
  push(ctx.access.log.reads, AccessAction.READ);
  push(ctx.access.log.denials, AccessAction.DENIED);
  push(ctx.access.log.exports, AccessAction.EXPORT);
  await sql(
    ctx.em,
    `${synchronousCommit ? '' : "with durability as (select set_config('synchronous_commit', 'off', true)) "}insert into access_event (id, programme_id, at, account_id, partner_id, action, entity, child_id, categories, request_id)
     select gen_random_uuid(), $1, $2, $3, $4, e.action::access_action, 'Child', e.child_id, e.categories::data_category[], $5
       from unnest($6::uuid[], $7::text[], $8::text[]) as e(child_id, action, categories)${synchronousCommit ? '' : ', durability'}`,
    [
      viewer.programmeId,
      ctx.now,
      viewer.accountId,
      viewer.partnerId ?? null,
      ctx.requestId,
      children,
      actions,
      categories,
    ],
  );
}

/**
 * Flushes the access log before the response leaves; a failure to log fails the request.
 * The insert starts as soon as execution ends (no resolver runs after it, so the log is
 * complete), while Apollo formats and serialises the result; the response waits for it.
 */
export function accessLogPlugin(options: { synchronousCommit: boolean; written?: (seconds: number) => void }): ApolloServerPlugin<Context> {
  const timed = async (ctx: Context) => {
    const started = process.hrtime.bigint();
    await flushAccessLog(ctx, options.synchronousCommit);
    if (!ctx.access.log.empty) options.written?.(Number(process.hrtime.bigint() - started) / 1e9);
  };
  return {
    async requestDidStart() {
      let flushing: Promise<void> | undefined;
      const flush = (ctx: Context) => {
        flushing ??= timed(ctx);
        return flushing;
      };
      return {
        async executionDidStart({ contextValue }) {
          return {
            async executionDidEnd() {
              // Awaited in willSendResponse; the catch only keeps an early failure from
              // being reported as unhandled before then.
              flush(contextValue).catch(() => undefined);
            },
          };
        },
        async willSendResponse({ contextValue }) {
          await flush(contextValue);
        },
      };
    },
  };
}
