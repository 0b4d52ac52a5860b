import { Migration } from '@mikro-orm/migrations';

/**
 * The inclusion referent's rows rest on the family's consent: a follow-up names the
 * INCLUSION_FOLLOW_UP consent it was opened with. Existing follow-ups take their child's
 * latest such consent, if any (without one they grant nothing). A referral records the
 * child its new child may duplicate, for the coordinator only.
 */
export class Migration20261203100000PolicyPaths extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "inclusion_follow_up" add column "consent_id" uuid null`);
    this.addSql(`create index "inclusion_follow_up_consent_id_index" on "inclusion_follow_up" ("consent_id")`);
    this.addSql(`alter table "inclusion_follow_up" add constraint "inclusion_follow_up_consent_id_foreign" foreign key ("consent_id") references "consent" ("id") on update cascade on delete set null`);
    this.addSql(`update "inclusion_follow_up" f set "consent_id" = (
      select c."id" from "consent" c
       where c."child_id" = f."child_id" and c."programme_id" = f."programme_id" and c."purpose" = 'INCLUSION_FOLLOW_UP'
       order by c."given_at" desc, c."id" limit 1)`);

    this.addSql(`alter table "referral" add column "suspected_duplicate_of_id" uuid null`);
    this.addSql(`create index "referral_suspected_duplicate_of_id_index" on "referral" ("suspected_duplicate_of_id")`);
    this.addSql(`alter table "referral" add constraint "referral_suspected_duplicate_of_id_foreign" foreign key ("suspected_duplicate_of_id") references "child" ("id") on update cascade on delete set null`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "referral" drop constraint "referral_suspected_duplicate_of_id_foreign"`);
    this.addSql(`alter table "referral" drop column "suspected_duplicate_of_id"`);
    this.addSql(`alter table "inclusion_follow_up" drop constraint "inclusion_follow_up_consent_id_foreign"`);
    this.addSql(`alter table "inclusion_follow_up" drop column "consent_id"`);
  }
}
