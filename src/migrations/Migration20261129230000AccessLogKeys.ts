import { Migration } from '@mikro-orm/migrations';

/**
 * The access log's programme, account and partner are the viewer's own: no foreign key
 * checks on the insert every response makes (see AccessEvent). Their indexes stay.
 */
export class Migration20261129230000AccessLogKeys extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "access_event" drop constraint "access_event_programme_id_foreign", drop constraint "access_event_account_id_foreign", drop constraint "access_event_partner_id_foreign"`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "access_event"
      add constraint "access_event_programme_id_foreign" foreign key ("programme_id") references "programme" ("id") on update cascade,
      add constraint "access_event_account_id_foreign" foreign key ("account_id") references "account" ("id") on update cascade,
      add constraint "access_event_partner_id_foreign" foreign key ("partner_id") references "partner" ("id") on update cascade on delete set null`);
  }
}
