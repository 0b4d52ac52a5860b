import { Migration } from '@mikro-orm/migrations';

/**
 * The rate-limit counters every API process shares (src/auth/rate-limits.ts), in the shape
 * rate-limiter-flexible's RateLimiterPostgres reads and writes: one row per key (a prefix
 * and an account subject, or a client address), the points used in the current window and
 * its end (`expire`, milliseconds since the epoch). Created here, not by the library at
 * start-up: the API's database role needs no CREATE right, and the schema changes in one
 * place. UNLOGGED: counters are written on every request and worth nothing after a crash
 * of the database server (which empties the table: every budget starts afresh), so they
 * skip the write-ahead log. No index but the key: the cleanup's scan of `expire` runs every
 * few minutes on a table of the last hour's keys.
 */
export class Migration20261201000000RateLimit extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create unlogged table "rate_limit" ("key" text primary key, "points" integer not null default 0, "expire" bigint null)`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "rate_limit"`);
  }
}
