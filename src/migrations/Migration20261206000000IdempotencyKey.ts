import { Migration } from '@mikro-orm/migrations';

/**
 * Idempotency keys (issue 15, src/workflows/idempotency.ts): a mutation sent with an
 * `Idempotency-Key` header claims its key in its own transaction; a retry with the same key
 * and the same input within 24 hours gets the first answer back without writing again.
 * Shared through PostgreSQL, so that any API process answers the retry. `answer` is the
 * first answer's JSON (it may hold personal data: kept 24 hours, purged by the daily
 * lifetime run and by a child's erasure); `reads` the access events it gave, written again
 * for a replay.
 */
export class Migration20261206000000IdempotencyKey extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "idempotency_key" (
      "account_id" uuid not null references "account" ("id") on delete cascade,
      "key" text not null,
      "request_hash" text not null,
      "answer" jsonb null,
      "reads" jsonb null,
      "created_at" timestamptz not null,
      constraint "idempotency_key_pkey" primary key ("account_id", "key"))`);
    this.addSql(`create index "idempotency_key_created_at_index" on "idempotency_key" ("created_at")`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table "idempotency_key"`);
  }
}
