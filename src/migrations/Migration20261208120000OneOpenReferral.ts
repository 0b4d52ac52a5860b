import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 12: a child has at most one open referral (SUBMITTED or UNDER_REVIEW). The
 * workflow refuses a second one naming the first (REFERRAL_ALREADY_OPEN); this index makes
 * two concurrent submissions unable to both pass. A child referred twice before it (the
 * dead end the issue names) keeps its first open referral; the later ones are WITHDRAWN,
 * saying why in fixed words.
 */
export class Migration20261208120000OneOpenReferral extends Migration {
  override async up(): Promise<void> {
    this.addSql(`update "referral" r set "status" = 'WITHDRAWN', "decided_on" = current_date, "version" = r."version" + 1, "updated_at" = now(),
        "decision_reason" = 'Withdrawn: a second open referral of the same child (the first one stays open)'
      where r."status" in ('SUBMITTED', 'UNDER_REVIEW') and exists (
        select 1 from "referral" o where o."child_id" = r."child_id" and o."status" in ('SUBMITTED', 'UNDER_REVIEW')
          and (o."referred_on", o."created_at", o."id") < (r."referred_on", r."created_at", r."id"))`);
    this.addSql(`create unique index "referral_one_open_per_child" on "referral" ("child_id") where "status" in ('SUBMITTED', 'UNDER_REVIEW')`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "referral_one_open_per_child"`);
  }
}
