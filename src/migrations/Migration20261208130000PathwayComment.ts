import { Migration } from '@mikro-orm/migrations';

/** Issue 12: the guardian's comments on its child's pathway (domain.md, "PathwayComment"). */
export class Migration20261208130000PathwayComment extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "pathway_comment" (
      "id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1,
      "programme_id" uuid not null, "pathway_id" uuid not null, "guardian_id" uuid not null, "text" text not null,
      constraint "pathway_comment_pkey" primary key ("id"))`);
    this.addSql(`create index "pathway_comment_programme_id_index" on "pathway_comment" ("programme_id")`);
    this.addSql(`create index "pathway_comment_pathway_id_index" on "pathway_comment" ("pathway_id")`);
    this.addSql(`create index "pathway_comment_guardian_id_index" on "pathway_comment" ("guardian_id")`);
    this.addSql(`alter table "pathway_comment" add constraint "pathway_comment_programme_id_foreign" foreign key ("programme_id") references "programme" ("id") on update cascade`);
    this.addSql(`alter table "pathway_comment" add constraint "pathway_comment_pathway_id_foreign" foreign key ("pathway_id") references "pathway" ("id") on update cascade`);
    this.addSql(`alter table "pathway_comment" add constraint "pathway_comment_guardian_id_foreign" foreign key ("guardian_id") references "guardian" ("id") on update cascade`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table "pathway_comment"`);
  }
}
