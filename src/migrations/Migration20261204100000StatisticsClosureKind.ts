import { Migration } from '@mikro-orm/migrations';

/**
 * Statistics (issue 10): a closed pathway records the kind of its closure, from a fixed list,
 * beside its free-text reason. The statistics count closures by kind: a free text is never
 * published. Pathways closed before this migration take OTHER.
 */
export class Migration20261204100000StatisticsClosureKind extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create type "pathway_closure_kind" as enum ('OBJECTIVES_MET', 'HANDED_OVER', 'FAMILY_MOVED', 'FAMILY_WITHDREW', 'AGE_LIMIT', 'OTHER')`);
    this.addSql(`alter table "pathway" add column "closure_kind" "pathway_closure_kind" null`);
    this.addSql(`update "pathway" set "closure_kind" = 'OTHER' where "status" = 'CLOSED'`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "pathway" drop column "closure_kind"`);
    this.addSql(`drop type "pathway_closure_kind"`);
  }
}
