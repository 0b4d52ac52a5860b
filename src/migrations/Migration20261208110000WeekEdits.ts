import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 12, the week's edits: an inclusion follow-up is closed with its outcome and the day
 * it closed (the erasure empties the outcome, a text, and keeps the day).
 */
export class Migration20261208110000WeekEdits extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "inclusion_follow_up" add column "closed_on" date null, add column "outcome" text null`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "inclusion_follow_up" drop column "closed_on", drop column "outcome"`);
  }
}
