import { MikroORM, type EntityManager, type Options } from '@mikro-orm/postgresql';
import { ormOptions } from '../mikro-orm.config';
import { ENTITIES, Programme, AccessEvent } from '../entities';
import { TenantEntity } from '../entities/base.entity';
import type { Config } from '../config';
import { EMBEDDED_DATABASE, startEmbedded, type EmbeddedHandle } from './embedded';
import { assertOwnsNothing, ensureApiRole, grantApiPrivileges, roleOfUrl, urlAsRole } from './roles';
import { withClient } from './sql';
import { installJobSchema } from '../jobs/runner';
import { redactText, sqlShape } from '../log';

// Defined beside the embedded server, so that `npm run -s token` reads it without loading the ORM.
export { EMBEDDED_DATABASE };
/** The API's role on the embedded database (which listens on 127.0.0.1 only). */
export const EMBEDDED_API_ROLE = 'pre_api';

/** The API's URL and the owner's (the same when no owner role is configured). */
export interface DatabaseUrls {
  api: string;
  owner: string;
}

export interface Database {
  orm: MikroORM;
  url: string;
  /** The owner role's URL (migrations, the access log's partitions). */
  ownerUrl: string;
  /** Set when we started the embedded server ourselves (and must stop it). */
  embedded?: EmbeddedHandle;
  close(): Promise<void>;
}

/** Entities restricted by the tenant filter: every row carries its programme. */
const TENANT_ENTITY_NAMES = ENTITIES.filter(
  (entity) => entity.prototype instanceof TenantEntity || entity === AccessEvent,
).map((entity) => entity.name);

/**
 * Restricts an entity manager (a per-request fork) to one programme: every read of a
 * tenant table gets `programme_id = ?`, reads of Programme get `id = ?`. Never crossing
 * programmes is enforced here once, not in each resolver.
 */
export function restrictToProgramme(em: EntityManager, programmeId: string): void {
  em.addFilter('tenant', { programme: programmeId }, TENANT_ENTITY_NAMES, true);
  em.addFilter('tenantProgramme', { id: programmeId }, Programme, true);
}

function knexLog(log: (line: string) => void) {
  const line = (level: string) => (message: unknown) =>
    log(`knex ${level}: ${redactText(typeof message === 'string' ? message : message instanceof Error ? message.message : 'unknown')}`);
  return { warn: line('warning'), error: line('error'), deprecate: line('deprecation'), debug: () => undefined };
}

export async function connect(
  url: string,
  config: Config,
  log: (line: string) => void = () => undefined,
  overrides: Partial<Options> = {},
): Promise<MikroORM> {
  return MikroORM.init(
    ormOptions(url, {
      pool: {
        min: 0,
        max: config.db.poolMax,
        acquireTimeoutMillis: config.db.acquireTimeoutMs,
        createTimeoutMillis: config.db.acquireTimeoutMs,
      },
      driverOptions: {
        // No request waits on the pool, or on a connect to a database that does not answer,
        // beyond DB_ACQUIRE_TIMEOUT_MS: it is then answered 503 (src/db/unavailable.ts).
        acquireConnectionTimeout: config.db.acquireTimeoutMs,
        connection: { statement_timeout: config.db.statementTimeoutMs, application_name: 'pre-api', connectionTimeoutMillis: config.db.acquireTimeoutMs },
        // knex's own warnings (a connection lost...) go to the log, not to the console.
        log: knexLog(log),
      },
      debug: config.db.logSql,
      // LOG_SQL: every statement, its literals replaced (the ORM writes them with their values).
      logger: (message) => log(message.includes('[query]') ? sqlShape(message) : message),
      ...overrides,
    }),
  );
}

/** Applies the pending migrations; returns their names. */
export async function migrate(orm: MikroORM): Promise<string[]> {
  const applied = await orm.getMigrator().up();
  return applied.map((m) => m.name);
}

/**
 * As the owner: applies the pending migrations (returns their names), installs the job
 * runner's schema, and grants the API's role its privileges when it is another role
 * (src/db/roles.ts).
 */
export async function prepareDatabase(urls: DatabaseUrls, config: Config, log: (line: string) => void = () => undefined, overrides: Partial<Options> = {}): Promise<string[]> {
  const owner = await connect(urls.owner, config, log, overrides);
  try {
    const applied = await migrate(owner);
    await installJobSchema(urls.owner);
    const apiRole = roleOfUrl(urls.api);
    if (apiRole !== roleOfUrl(urls.owner)) await grantApiPrivileges(urls.owner, apiRole);
    return applied;
  } finally {
    await owner.close(true);
  }
}

/**
 * Opens the configured database: DATABASE_URL when given, else the embedded server
 * (started here, its data kept in EMBEDDED_PG_DIR, with the API's role made there).
 * Migrations always run, as the owner; the API then connects with its own role.
 */
export async function openDatabase(config: Config, log: (line: string) => void = () => undefined): Promise<Database> {
  let embedded: EmbeddedHandle | undefined;
  let urls: DatabaseUrls;
  if (config.databaseUrl) {
    urls = { api: config.databaseUrl, owner: config.databaseOwnerUrl ?? config.databaseUrl };
  } else {
    embedded = await startEmbedded({
      dataDir: config.embedded.dir,
      port: config.embedded.port,
      databases: [EMBEDDED_DATABASE],
      notice: log,
    });
    const owner = embedded.url(EMBEDDED_DATABASE);
    await withClient(owner, (client) => ensureApiRole(client, EMBEDDED_API_ROLE, EMBEDDED_API_ROLE));
    urls = { owner, api: urlAsRole(owner, EMBEDDED_API_ROLE, EMBEDDED_API_ROLE) };
  }
  let orm: MikroORM | undefined;
  try {
    const applied = await prepareDatabase(urls, config, log);
    if (applied.length) log(`migrations applied: ${applied.join(', ')}`);
    if (urls.api === urls.owner) {
      log(`warning: the API connects as the tables' owner (${roleOfUrl(urls.api)}); set DATABASE_OWNER_URL and give DATABASE_URL a role that owns nothing (README "Database roles")`);
    } else {
      await assertOwnsNothing(urls.api);
    }
    orm = await connect(urls.api, config, log);
  } catch (error) {
    await orm?.close(true).catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
    throw error;
  }
  const opened = orm;
  return {
    orm: opened,
    url: urls.api,
    ownerUrl: urls.owner,
    embedded,
    async close() {
      await opened.close(true);
      await embedded?.stop();
    },
  };
}

/** Whether the database holds no programme yet (the demo seed runs then, on the embedded database). */
export async function isEmpty(orm: MikroORM): Promise<boolean> {
  const rows: { n: string }[] = await orm.em.getConnection().execute('select count(*) as n from programme');
  return Number(rows[0]?.n ?? 0) === 0;
}
