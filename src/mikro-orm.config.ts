import { DataloaderType, defineConfig, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { ENTITIES } from './entities';

/** MikroORM options for a given connection URL; shared by the server, the CLI, the seeds and the tests. */
export function ormOptions(clientUrl: string, overrides: Partial<Options> = {}): Options {
  return defineConfig({
    clientUrl,
    entities: ENTITIES,
    extensions: [Migrator],
    // Batches Ref.load() and Collection.load() per EntityManager (one fork per request).
    dataloader: DataloaderType.ALL,
    forceUtcTimezone: true,
    // A mistyped database name must fail, not create an empty database.
    ensureDatabase: false,
    // Entities are discovered from decorators; no ts-morph cache.
    discovery: { warnWhenNoEntities: true },
    // The rate-limit counters are the library's rows, not an entity's (src/auth/rate-limits.ts, its migration).
    // The DPO's register and the lifetime runs are written and read by plain statements
    // (src/dpo/, src/lifetime/), the statistics' frozen school years too (src/statistics/freeze.ts),
    // the idempotency keys of the mutations (src/workflows/idempotency.ts),
    // and the access log's monthly partitions are made by the job.
    schemaGenerator: { skipTables: ['rate_limit', 'data_request', 'lifetime_run', 'statistics_frozen', 'idempotency_key', /^access_event_(y\d{4}m\d{2}|default)$/] },
    migrations: {
      path: 'dist/src/migrations',
      pathTs: 'src/migrations',
      glob: '!(*.d).{js,ts}',
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      emit: 'ts',
    },
    ...overrides,
  });
}

// Used by the MikroORM CLI (`npx mikro-orm migration:create`).
export default ormOptions(process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/pre_dev');
