import { createHash } from 'node:crypto';
import { HeaderMap, type ApolloServerPlugin, type GraphQLResponse } from '@apollo/server';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../context';
import { sql } from '../db/sql';
import { DataCategory } from '../entities/enums';
import { ErrorCode, IdempotencyKeyInFlight } from '../errors';
import { errorFields, type Logger } from '../log';
import { currentRequest } from '../request-log';

/**
 * Idempotency keys (issue 15): a client that did not get the answer of a mutation retries
 * it with the same `Idempotency-Key` header and gets the first answer back, without the
 * mutation running again.
 *
 * - The key is claimed in the mutation's own transaction (mutate(), src/workflows/mutation.ts):
 *   the key's row and the writes commit together, or neither does.
 * - Keys are per account and live 24 hours (IDEMPOTENCY_WINDOW_HOURS); the daily lifetime run
 *   purges older ones, and a child's erasure all of its programme's answers.
 * - The same key with another operation or other variables is IDEMPOTENCY_KEY_REUSED (422),
 *   naming the header; a retry while the first request runs, or after it committed without
 *   its answer kept (the process died between), is IDEMPOTENCY_KEY_IN_FLIGHT (409): the write
 *   is there, once.
 * - A replay gives the same personal data again: the access events of the first answer
 *   (READ, per child and category) are written again for it.
 * - Everything is in PostgreSQL: a retry sent to another API process finds the key.
 * - A query is not written: the header is ignored on one.
 */

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
export const IDEMPOTENCY_WINDOW_HOURS = 24;
/** Printable ASCII without spaces, as UUIDs and the usual client-made keys are. */
const SANE_KEY = /^[\x21-\x7e]{1,255}$/;

/** The key a request claims, set on the context when its mutation may run. */
export interface IdempotencyClaim {
  key: string;
  hash: string;
  /** Set by mutate() once its transaction holds the key's row; `committed` once it committed. */
  claimed: boolean;
  committed: boolean;
}

/** The stored reads of an answer: child id -> categories. */
type StoredReads = Record<string, DataCategory[]>;

/** JSON with its objects' keys sorted: the same variables hash the same, whatever their order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

function errorResponse(status: number, code: ErrorCode, message: string): GraphQLResponse {
  return {
    http: { status, headers: new HeaderMap() },
    body: { kind: 'single', singleResult: { errors: [{ message, extensions: { code, field: IDEMPOTENCY_HEADER } }] } },
  };
}

/**
 * Claims the request's key in the mutation's transaction `em`, once per request. A row of
 * the same account and key younger than the window means another request got there first
 * (the insert waited for its commit): the transaction is rolled back with IN_FLIGHT.
 */
export async function claimIdempotencyKey(em: EntityManager, ctx: Context, accountId: string): Promise<void> {
  const claim = ctx.idempotency;
  if (!claim || claim.claimed) return;
  const rows: unknown[] = await em.getConnection().execute(
    `insert into idempotency_key (account_id, key, request_hash, created_at) values (?, ?, ?, ?)
     on conflict (account_id, key) do update set request_hash = excluded.request_hash, answer = null, reads = null, created_at = excluded.created_at
       where idempotency_key.created_at <= ?::timestamptz - make_interval(hours => ?)
     returning 1 as claimed`,
    [accountId, claim.key, claim.hash, ctx.now, ctx.now, IDEMPOTENCY_WINDOW_HOURS],
    'all',
    em.getTransactionContext(),
  );
  if (!rows.length) throw new IdempotencyKeyInFlight(IDEMPOTENCY_HEADER);
  claim.claimed = true;
}

export function idempotencyPlugin(options: { logger: Logger }): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async responseForOperation({ request, operation, contextValue, operationName }) {
          const key = request.http?.headers.get(IDEMPOTENCY_HEADER.toLowerCase());
          if (key === undefined || operation.operation !== 'mutation' || !contextValue.viewer) return null;
          if (!SANE_KEY.test(key)) {
            return errorResponse(400, ErrorCode.BAD_USER_INPUT, `${IDEMPOTENCY_HEADER}: 1 to 255 printable ASCII characters, without spaces`);
          }
          const hash = createHash('sha256').update(canonical([request.query ?? '', operationName ?? null, request.variables ?? {}])).digest('hex');
          const [found] = await sql<{ request_hash: string; answer: GraphQLResponse['body'] | null; reads: StoredReads | null }>(
            contextValue.em,
            `select request_hash, answer, reads from idempotency_key
              where account_id = $1 and key = $2 and created_at > $3::timestamptz - make_interval(hours => $4)`,
            [contextValue.viewer.accountId, key, contextValue.now, IDEMPOTENCY_WINDOW_HOURS],
          );
          if (!found) {
            contextValue.idempotency = { key, hash, claimed: false, committed: false };
            return null;
          }
          if (found.request_hash !== hash) {
            return errorResponse(422, ErrorCode.IDEMPOTENCY_KEY_REUSED, `${IDEMPOTENCY_HEADER}: this key was used within ${IDEMPOTENCY_WINDOW_HOURS} h for another operation or other variables; send a new key`);
          }
          if (!found.answer) return errorResponse(409, ErrorCode.IDEMPOTENCY_KEY_IN_FLIGHT, new IdempotencyKeyInFlight(IDEMPOTENCY_HEADER).message);
          // The same data leaves again: its reads are logged again (src/permissions/access-log.ts writes them).
          for (const [childId, categories] of Object.entries(found.reads ?? {})) for (const category of categories) contextValue.access.log.read(childId, category);
          const headers = new HeaderMap([['idempotency-replayed', 'true']]);
          return { http: { status: undefined, headers }, body: found.answer };
        },
        async willSendResponse({ contextValue, response }) {
          const claim = contextValue.idempotency;
          if (!claim?.committed || response.body.kind !== 'single') return;
          const reads: StoredReads = {};
          for (const [childId, set] of contextValue.access.log.reads) reads[childId] = [...set].sort();
          try {
            await sql(contextValue.em, `update idempotency_key set answer = $3, reads = $4 where account_id = $1 and key = $2`, [
              contextValue.viewer!.accountId,
              claim.key,
              JSON.stringify({ kind: 'single', singleResult: response.body.singleResult }),
              JSON.stringify(reads),
            ]);
          } catch (error) {
            // The write is committed and this answer goes out all the same; a retry gets IN_FLIGHT.
            options.logger.warn({ requestId: currentRequest()?.id, err: errorFields(error) }, 'idempotency: the answer could not be kept');
          }
        },
      };
    },
  };
}
