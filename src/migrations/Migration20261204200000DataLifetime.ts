import { Migration } from '@mikro-orm/migrations';

/**
 * The data's lifetime (access-policy.md, "Lifetime of the data"; issue 11):
 *
 * - a child's file is ACTIVE, then ARCHIVED, then ANONYMISED. An anonymised child keeps
 *   its row for the anonymous statistics (its birth year, grade, school, the enums and
 *   flags of its blocks), stripped of its names, birth date and texts: the check
 *   constraint holds every anonymised row to that.
 * - the DPO's register (`data_request`): each identity search (what was asked, how many
 *   matched) and each erasure (reason, reference), without any other personal data.
 * - the daily runs of the lifetime job (`lifetime_run`), with their counts.
 * - the access log partitioned by month (its rows kept), so that the retention drops a
 *   whole month at once; a DEFAULT partition takes what falls outside the months made so
 *   far (the job moves those rows into their month when it makes it).
 * - an access event may lose its child only when that child is anonymised, and only
 *   through `access_event_detach_children`, which runs as the tables' owner: the API's
 *   role has no UPDATE on the log (src/db/roles.ts).
 */
export class Migration20261204200000DataLifetime extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create type "child_lifecycle" as enum ('ACTIVE', 'ARCHIVED', 'ANONYMISED')`);
    this.addSql(`alter table "child"
      add column "lifecycle" "child_lifecycle" not null default 'ACTIVE',
      add column "archived_at" timestamptz null,
      add column "anonymised_at" timestamptz null,
      add column "birth_year" smallint null`);
    this.addSql(`update "child" set "birth_year" = extract(year from "birth_date")::smallint`);
    this.addSql(`alter table "child" alter column "birth_year" set not null, alter column "birth_date" drop not null`);
    // The birth year follows the birth date, and stays when an erasure removes the date.
    this.addSql(`create function child_keep_birth_year() returns trigger language plpgsql as $$
      begin
        if new.birth_date is not null then new.birth_year := extract(year from new.birth_date)::smallint; end if;
        return new;
      end $$`);
    this.addSql(`create trigger child_birth_year before insert or update of birth_date, birth_year on "child"
      for each row execute function child_keep_birth_year()`);
    this.addSql(`alter table "child" add constraint "child_anonymised_check" check (
      "lifecycle" <> 'ANONYMISED' or (
        "anonymised_at" is not null and "first_name" = '' and "last_name" = '' and "birth_date" is null
        and "schooling_arrangements" is null and "social_follow_up" is null and "diagnosis" is null
        and "medical_follow_up" is null and "mdph_decision" is null and "treatments" is null))`);
    this.addSql(`create index "child_programme_id_lifecycle_index" on "child" ("programme_id", "lifecycle")`);
    // The DPO's search by exact identity starts from the birth date.
    this.addSql(`create index "child_programme_id_birth_date_index" on "child" ("programme_id", "birth_date")`);

    this.addSql(`create table "data_request" (
      "id" uuid not null default gen_random_uuid(),
      "programme_id" uuid not null,
      "at" timestamptz not null,
      "account_id" uuid null,
      "kind" varchar(16) not null check ("kind" in ('SEARCH', 'ERASURE')),
      "request_id" varchar(64) null,
      "searched_last_name" varchar(100) null,
      "searched_first_name" varchar(100) null,
      "searched_birth_date" date null,
      "matched_child_ids" uuid[] null,
      "matches" int null,
      "child_id" uuid null,
      "reason" varchar(32) null,
      "reference" varchar(64) null,
      constraint "data_request_pkey" primary key ("id"))`);
    this.addSql(`create index "data_request_programme_id_at_index" on "data_request" ("programme_id", "at")`);

    this.addSql(`create table "lifetime_run" (
      "id" uuid not null default gen_random_uuid(),
      "job_id" varchar(64) null,
      "attempt" int not null default 1,
      "as_of" timestamptz not null,
      "started_at" timestamptz not null,
      "finished_at" timestamptz null,
      "status" varchar(16) not null default 'RUNNING' check ("status" in ('RUNNING', 'SUCCEEDED', 'FAILED')),
      "children_archived" int not null default 0,
      "links_revoked" int not null default 0,
      "children_anonymised" int not null default 0,
      "events_detached" bigint not null default 0,
      "searches_purged" int not null default 0,
      "partitions_created" int not null default 0,
      "partitions_dropped" int not null default 0,
      "events_dropped" bigint not null default 0,
      "error" varchar(200) null,
      constraint "lifetime_run_pkey" primary key ("id"))`);
    this.addSql(`create index "lifetime_run_started_at_index" on "lifetime_run" ("started_at")`);

    // The access log, partitioned by month. Its primary key must hold the partition key.
    this.addSql(`create table "access_event_by_month" (
      "id" uuid not null, "programme_id" uuid not null, "at" timestamptz not null, "account_id" uuid not null,
      "partner_id" uuid null, "action" "access_action" not null, "entity" varchar(50) not null, "child_id" uuid null,
      "categories" "data_category"[] not null, "request_id" varchar(64) not null) partition by range ("at")`);
    this.addSql(`create table "access_event_default" partition of "access_event_by_month" default`);
    this.addSql(`do $$
      declare month date; last date;
      begin
        select coalesce(date_trunc('month', min(at) at time zone 'UTC')::date, date_trunc('month', now() at time zone 'UTC')::date)
          into month from access_event;
        last := (date_trunc('month', now() at time zone 'UTC') + interval '3 months')::date;
        while month <= last loop
          execute format('create table %I partition of access_event_by_month for values from (%L) to (%L)',
            'access_event_' || to_char(month, '"y"YYYY"m"MM'), month::timestamp at time zone 'UTC', (month + interval '1 month')::timestamp at time zone 'UTC');
          month := (month + interval '1 month')::date;
        end loop;
      end $$`);
    this.addSql(`insert into "access_event_by_month" select "id", "programme_id", "at", "account_id", "partner_id", "action", "entity", "child_id", "categories", "request_id" from "access_event"`);
    this.addSql(`drop table "access_event"`);
    this.addSql(`alter table "access_event_by_month" rename to "access_event"`);
    this.addSql(`alter table "access_event" add constraint "access_event_pkey" primary key ("id", "at")`);
    this.addSql(`create index "access_event_child_id_at_index" on "access_event" ("child_id", "at")`);
    this.addSql(`create index "access_event_account_id_index" on "access_event" ("account_id")`);

    // Append-only: an event may lose its child only when that child is anonymised (the erasure).
    this.addSql(`create or replace function access_event_refuse_change() returns trigger language plpgsql as $$
      begin
        if tg_op = 'UPDATE' and new.child_id is null and old.child_id is not null
           and (to_jsonb(new) - 'child_id') = (to_jsonb(old) - 'child_id')
           and exists (select 1 from child c where c.id = old.child_id and c.lifecycle = 'ANONYMISED') then
          return new;
        end if;
        raise exception 'access_event is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
      end $$`);
    // Row triggers of a partitioned table are cloned to every partition; TRUNCATE triggers
    // are not, so each partition gets its own (access_event_protect).
    this.addSql(`create trigger access_event_append_only before update or delete on "access_event"
      for each row execute function access_event_refuse_change()`);
    this.addSql(`create trigger access_event_no_truncate before truncate on "access_event"
      for each statement execute function access_event_refuse_change()`);
    this.addSql(`create function access_event_protect(partition regclass) returns void language plpgsql as $$
      begin
        execute format('create trigger access_event_no_truncate before truncate on %s for each statement execute function access_event_refuse_change()', partition);
      end $$`);
    this.addSql(`select access_event_protect(c.oid::regclass) from pg_inherits i join pg_class c on c.oid = i.inhrelid
      where i.inhparent = 'access_event'::regclass`);
    this.addSql(`revoke all on function access_event_protect(regclass) from public`);

    // The erasure's one way to detach a child's trail: as the owner, for anonymised children only.
    this.addSql(`create function access_event_detach_children(children uuid[]) returns bigint
      language plpgsql security definer set search_path = public, pg_temp as $$
      declare detached bigint;
      begin
        if exists (select 1 from unnest(children) as k(id) left join child c on c.id = k.id
                    where c.id is null or c.lifecycle <> 'ANONYMISED') then
          raise exception 'access events are detached only from an anonymised child' using errcode = 'insufficient_privilege';
        end if;
        update access_event set child_id = null where child_id = any(children);
        get diagnostics detached = row_count;
        return detached;
      end $$`);
    this.addSql(`revoke all on function access_event_detach_children(uuid[]) from public`);
  }

  override async down(): Promise<void> {
    throw new Error('The data lifetime migration is not reversible (the access log is partitioned, erased data is gone).');
  }
}
