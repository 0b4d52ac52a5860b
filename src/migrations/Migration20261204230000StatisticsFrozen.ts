import { Migration } from '@mikro-orm/migrations';

/**
 * Statistics (issue 10): the cubes of a school year that has ended are frozen by the first
 * daily run after its 31 August (src/statistics/freeze.ts). A published number then never
 * changes when a grade, a school or a status is edited later: a later edit would otherwise
 * move last year's figures, and the difference between two readings would tell what
 * changed for whom. Counts only, per cell of the whole cube; append-only for the API's role
 * (src/db/roles.ts).
 */
export class Migration20261204230000StatisticsFrozen extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "statistics_frozen" (
      "programme_id" uuid not null references "programme" ("id"),
      "table_name" text not null,
      "school_year" int not null,
      "rows" jsonb not null,
      "frozen_at" timestamptz not null,
      constraint "statistics_frozen_pkey" primary key ("programme_id", "table_name", "school_year"))`);
    this.addSql(`alter table "lifetime_run" add column "statistics_frozen" int not null default 0`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "lifetime_run" drop column "statistics_frozen"`);
    this.addSql(`drop table "statistics_frozen"`);
  }
}
