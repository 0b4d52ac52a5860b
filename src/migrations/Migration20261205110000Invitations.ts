import { Migration } from '@mikro-orm/migrations';

/**
 * Invitations (issue 12): a guardian invited to the family portal; its first use creates
 * the GUARDIAN account. One-time and expiring; only the token's SHA-256 is kept.
 */
export class Migration20261205110000Invitations extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "invitation" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1,
      "programme_id" uuid not null, "guardian_id" uuid not null, "account_id" uuid null, "email" varchar(254) not null, "token_hash" varchar(64) not null,
      "created_by_id" uuid not null, "expires_at" timestamptz not null, "used_at" timestamptz null, "revoked_at" timestamptz null,
      constraint "invitation_pkey" primary key ("id"))`);
    this.addSql(`create index "invitation_programme_id_index" on "invitation" ("programme_id")`);
    this.addSql(`create index "invitation_guardian_id_index" on "invitation" ("guardian_id")`);
    this.addSql(`create index "invitation_account_id_index" on "invitation" ("account_id")`);
    this.addSql(`alter table "invitation" add constraint "invitation_token_hash_unique" unique ("token_hash")`);
    this.addSql(`alter table "invitation" add constraint "invitation_programme_id_foreign" foreign key ("programme_id") references "programme" ("id") on update cascade`);
    this.addSql(`alter table "invitation" add constraint "invitation_guardian_id_foreign" foreign key ("guardian_id") references "guardian" ("id") on update cascade`);
    this.addSql(`alter table "invitation" add constraint "invitation_account_id_foreign" foreign key ("account_id") references "account" ("id") on update cascade on delete set null`);
    this.addSql(`alter table "invitation" add constraint "invitation_created_by_id_foreign" foreign key ("created_by_id") references "account" ("id") on update cascade`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table "invitation"`);
  }
}
