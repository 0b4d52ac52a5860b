import { Migration } from '@mikro-orm/migrations';

/**
 * The access log names rows without holding on to them: no foreign keys (their checks
 * weighed on the insert every response makes), and no index that no query uses (see
 * AccessEvent).
 */
export class Migration20261129230000AccessLogWrite extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "access_event" drop constraint if exists "access_event_programme_id_foreign", drop constraint if exists "access_event_account_id_foreign", drop constraint if exists "access_event_partner_id_foreign", drop constraint if exists "access_event_child_id_foreign"`);
    this.addSql(`drop index if exists "access_event_programme_id_index"`);
    this.addSql(`drop index if exists "access_event_partner_id_index"`);
  }

  override async down(): Promise<void> {
    this.addSql(`create index "access_event_programme_id_index" on "access_event" ("programme_id")`);
    this.addSql(`create index "access_event_partner_id_index" on "access_event" ("partner_id")`);
    this.addSql(`alter table "access_event"
      add constraint "access_event_programme_id_foreign" foreign key ("programme_id") references "programme" ("id") on update cascade,
      add constraint "access_event_account_id_foreign" foreign key ("account_id") references "account" ("id") on update cascade,
      add constraint "access_event_partner_id_foreign" foreign key ("partner_id") references "partner" ("id") on update cascade on delete set null,
      add constraint "access_event_child_id_foreign" foreign key ("child_id") references "child" ("id") on update cascade on delete set null`);
  }
}
