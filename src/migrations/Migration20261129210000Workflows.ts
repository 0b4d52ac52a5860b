import { Migration } from '@mikro-orm/migrations';

/** Workflows (issue 4): a suspended service link records when and why it was suspended. */
export class Migration20261129210000Workflows extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "service_link" add column "suspended_at" timestamptz null, add column "suspension_reason" text null`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "service_link" drop column "suspended_at", drop column "suspension_reason"`);
  }
}
