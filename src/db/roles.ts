import type { Client } from 'pg';
import { withClient } from './sql';

/**
 * The database roles (issue 11, "Roles in the database"). Two roles:
 *
 * - the **owner** (DATABASE_OWNER_URL; the embedded database's superuser) owns every
 *   table: it runs the migrations, installs the job runner's schema, grants the API its
 *   privileges (below, after every migration) and makes and drops the access log's
 *   monthly partitions (src/lifetime/partitions.ts);
 * - the **API's role** (DATABASE_URL) owns nothing. It reads and writes the domain tables,
 *   only reads and inserts into `access_event` (no UPDATE, DELETE or TRUNCATE, no right on
 *   any partition), and may not alter a table: not ownerless, it cannot disable a trigger,
 *   drop a partition or set `session_replication_role` (a superuser's setting). The one way
 *   it has to change an access event is `access_event_detach_children`, which runs as the
 *   owner and detaches only the events of anonymised children (the erasure).
 *
 * This file is the one list of what the API's role may do.
 */

/** Tables the API's role never gets: the migrator's bookkeeping. */
const OWNER_ONLY_TABLES = ['mikro_orm_migrations'];
/** Read and appended to, nothing else: the access log, and the statistics' frozen school years. */
const APPEND_ONLY_TABLES = ['access_event', 'statistics_frozen'];
/** Functions the API's role may call although PUBLIC may not. */
const API_FUNCTIONS = ['access_event_detach_children(uuid[])'];
/** The job runner's schema (src/jobs/runner.ts): its queue tables are the API processes' to work. */
export const JOB_SCHEMA = 'graphile_worker';

/** The role a `postgresql://` URL connects as. */
export function roleOfUrl(url: string): string {
  return decodeURIComponent(new URL(url).username) || 'postgres';
}

/** The same URL, as another role (with its password, if any). */
export function urlAsRole(url: string, role: string, password?: string): string {
  const parsed = new URL(url);
  parsed.username = encodeURIComponent(role);
  parsed.password = password ? encodeURIComponent(password) : '';
  return parsed.toString();
}

/**
 * Creates the API's login role when missing (the embedded database, the tests): it owns
 * nothing, inherits nothing and may create nothing. Run by a role that may create roles.
 */
export async function ensureApiRole(client: Client, role: string, password?: string): Promise<void> {
  const exists = await client.query('select 1 from pg_roles where rolname = $1', [role]);
  const options = `login nosuperuser nocreatedb nocreaterole noinherit nobypassrls${password ? ` password ${client.escapeLiteral(password)}` : ''}`;
  if (exists.rowCount === 0) {
    try {
      await client.query(`create role ${client.escapeIdentifier(role)} ${options}`);
    } catch (error) {
      // Another process created it in between.
      if ((error as { code?: string }).code !== '42710') throw error;
    }
  }
}

/**
 * Grants the API's role its privileges on every table there is now (run by the owner
 * after the migrations, so that a new table is covered at the next start).
 */
export async function grantApiPrivileges(ownerUrl: string, apiRole: string): Promise<void> {
  await withClient(ownerUrl, async (client) => {
    const role = client.escapeIdentifier(apiRole);
    const { rows } = await client.query<{ name: string }>(
      `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r', 'p', 'u') and not c.relispartition`,
    );
    const statements = [`grant usage on schema public to ${role}`];
    for (const { name } of rows) {
      const table = client.escapeIdentifier(name);
      if (OWNER_ONLY_TABLES.includes(name)) statements.push(`revoke all on ${table} from ${role}`);
      else if (APPEND_ONLY_TABLES.includes(name)) statements.push(`revoke all on ${table} from ${role}`, `grant select, insert on ${table} to ${role}`);
      else statements.push(`grant select, insert, update, delete on ${table} to ${role}`);
    }
    statements.push(`grant usage on all sequences in schema public to ${role}`);
    for (const fn of API_FUNCTIONS) statements.push(`grant execute on function ${fn} to ${role}`);
    const jobs = await client.query('select 1 from pg_namespace where nspname = $1', [JOB_SCHEMA]);
    if (jobs.rowCount) {
      const schema = client.escapeIdentifier(JOB_SCHEMA);
      statements.push(
        `grant usage on schema ${schema} to ${role}`,
        `grant select, insert, update, delete on all tables in schema ${schema} to ${role}`,
        `grant usage, select on all sequences in schema ${schema} to ${role}`,
        `grant execute on all functions in schema ${schema} to ${role}`,
      );
      // Its tables have row-level security on, with no policy: only their owner may touch
      // them, unless a policy lets the API's role in (it works every row of the queue).
      const secured = await client.query<{ name: string }>(
        `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = $1 and c.relkind = 'r' and c.relrowsecurity
            and not exists (select 1 from pg_policies p where p.schemaname = n.nspname and p.tablename = c.relname and $2 = any(p.roles))`,
        [JOB_SCHEMA, apiRole],
      );
      for (const { name } of secured.rows) {
        statements.push(`create policy ${client.escapeIdentifier(`api_${apiRole}`.slice(0, 63))} on ${schema}.${client.escapeIdentifier(name)} for all to ${role} using (true) with check (true)`);
      }
    }
    await client.query('begin');
    try {
      for (const statement of statements) await client.query(statement);
      await client.query('commit');
    } catch (error) {
      await client.query('rollback');
      throw error;
    }
  });
}

/**
 * Refuses to serve when the API's role owns a table, or is a superuser, while an owner
 * role is configured: the append-only log would then hold only by a trigger its own
 * connection could disable.
 */
export async function assertOwnsNothing(apiUrl: string): Promise<void> {
  await withClient(apiUrl, async (client) => {
    const { rows } = await client.query<{ superuser: boolean; owned: string }>(
      `select (select rolsuper from pg_roles where rolname = current_user) as superuser,
              (select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where pg_get_userbyid(c.relowner) = current_user and n.nspname in ('public', $1)) as owned`,
      [JOB_SCHEMA],
    );
    const row = rows[0]!;
    if (row.superuser || Number(row.owned) > 0) {
      throw new Error(
        `DATABASE_URL connects as ${roleOfUrl(apiUrl)}, which ${row.superuser ? 'is a superuser' : `owns ${row.owned} tables`}: ` +
          'the API must connect with a role that owns nothing (DATABASE_OWNER_URL is the owner, see README "Database roles")',
      );
    }
  });
}
