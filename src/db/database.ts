import { MikroORM, type EntityManager, type Options } from '@mikro-orm/postgresql';
import { ormOptions } from '../mikro-orm.config';
import { ENTITIES, Programme, AccessEvent } from '../entities';
import { TenantEntity } from '../entities/base.entity';
import type { Config } from '../config';
import { EMBEDDED_DATABASE, startEmbedded, type EmbeddedHandle } from './embedded';

// Defined beside the embedded server, so that `npm run -s token` reads it without loading the ORM.
export { EMBEDDED_DATABASE };

export interface Database {
  orm: MikroORM;
  url: string;
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
      },
      driverOptions: {
        connection: { statement_timeout: config.db.statementTimeoutMs, application_name: 'pre-api' },
      },
      debug: config.db.logSql,
      logger: log,
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
 * Opens the configured database: DATABASE_URL when given, else the embedded server
 * (started here, its data kept in EMBEDDED_PG_DIR). Migrations always run.
 */
export async function openDatabase(config: Config, log: (line: string) => void = () => undefined): Promise<Database> {
  let embedded: EmbeddedHandle | undefined;
  let url = config.databaseUrl;
  if (!url) {
    embedded = await startEmbedded({
      dataDir: config.embedded.dir,
      port: config.embedded.port,
      databases: [EMBEDDED_DATABASE],
      notice: log,
    });
    url = embedded.url(EMBEDDED_DATABASE);
  }
  let orm: MikroORM | undefined;
  try {
    orm = await connect(url, config, log);
    const applied = await migrate(orm);
    if (applied.length) log(`migrations applied: ${applied.join(', ')}`);
  } catch (error) {
    await orm?.close(true).catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
    throw error;
  }
  const opened = orm;
  return {
    orm: opened,
    url,
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
