import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 12: a withdrawal received on paper or by phone is recorded by an agent, with its
 * method (the guardian's own is PORTAL: every withdrawal so far was); a pathway suspended
 * (by the coordinator, or because its PATHWAY consent was withdrawn) says when and why.
 */
export class Migration20261208100000ConsentWithdrawalRecorded extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "consent" add column "withdrawal_method" "consent_method" null`);
    this.addSql(`update "consent" set "withdrawal_method" = 'PORTAL' where "withdrawn_at" is not null`);
    this.addSql(`alter table "pathway" add column "suspended_at" timestamptz null, add column "suspension_reason" text null`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "pathway" drop column "suspended_at", drop column "suspension_reason"`);
    this.addSql(`alter table "consent" drop column "withdrawal_method"`);
  }
}
