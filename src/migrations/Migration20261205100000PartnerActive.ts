import { Migration } from '@mikro-orm/migrations';

/**
 * Administration (issue 12): a partner can be deactivated by the programme's ADMIN. Its
 * rows stay; its links stop granting at once (src/permissions/access.ts, linkInForceSql).
 */
export class Migration20261205100000PartnerActive extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "partner" add column "active" boolean not null default true`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "partner" drop column "active"`);
  }
}
