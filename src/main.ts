import 'reflect-metadata';
import { config as loadConfig, ConfigError } from './config';
import { openDatabase, isEmpty, type Database } from './db/database';
import { EmbeddedDatabaseError } from './db/embedded';
import { createApp, type App } from './server';
import { DEMO_CHILDREN, seedDemo } from './seed/demo.seed';
import { startJobRunner, type JobRunner } from './jobs/runner';
import { createLogger, errorFields, lineLogger } from './log';

/** How long a fatal error leaves the API to stop cleanly before it exits anyway. */
const FATAL_STOP_MS = 10_000;

/** Before the configuration is read (or when it is wrong), lines go out at `info`. */
let logger = createLogger('info');

/** `npm start`: open (or start) the database, migrate, seed the demo on first run, serve. */
async function main(): Promise<void> {
  const config = loadConfig();
  logger = createLogger(config.logLevel);
  const log = lineLogger(logger);
  const started = Date.now();
  const db: Database = await openDatabase(config, log);
  let app: App | undefined;
  let jobs: JobRunner | undefined;
  let stopping = false;
  const stop = async (reason: string, code: number, delayMs = 0) => {
    if (stopping) return;
    stopping = true;
    log(`${reason}: stopping the API, then the database`);
    try {
      // Unready first (the load balancer stops sending), still serving for SHUTDOWN_DELAY_MS,
      // each kept-alive connection closed after its next answer; then the drain.
      app?.drain();
      if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
      await jobs?.stop();
      await app?.stop();
      await db.close();
      process.exit(code);
    } catch (error) {
      logger.error({ err: errorFields(error) }, 'failed to stop cleanly');
      process.exit(1);
    }
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => void stop(`${signal} received`, 0, config.shutdownDelayMs));
  }
  // A fatal error still stops the database (an abort such as "heap limit" or a SIGKILL cannot:
  // the next start takes that leftover server back). Bounded: the process may be in a bad state.
  const fatal = (kind: string) => (error: unknown) => {
    logger.fatal({ kind, err: errorFields(error) }, 'fatal error');
    setTimeout(() => process.exit(1), FATAL_STOP_MS).unref();
    void stop('fatal error', 1);
  };
  process.on('uncaughtException', fatal('uncaught exception'));
  process.on('unhandledRejection', fatal('unhandled rejection'));

  try {
    if (config.seedOnEmpty && (await isEmpty(db.orm))) {
      log('empty database: seeding the demo programme...');
      const summary = await seedDemo(db.orm.em.fork());
      // counts.child holds both programmes: the demo's children, and the second programme's (isolation).
      const others = (summary.counts.child ?? DEMO_CHILDREN) - DEMO_CHILDREN;
      log(`demo programme seeded: ${DEMO_CHILDREN} children (and ${others} in the second programme, which proves the isolation)`);
    }
    app = await createApp({ config, orm: db.orm, logger });
    const url = await app.listen(config.port, config.host);
    // The daily lifetime run and its retries (src/jobs/runner.ts), on the API's clock.
    if (config.jobsInApi) jobs = await startJobRunner({ orm: db.orm, apiUrl: db.url, ownerUrl: db.ownerUrl, config, now: app.now, log, metrics: app.metrics });
    log(`PRE API ready at ${url} (${db.embedded ? `embedded PostgreSQL on port ${db.embedded.port}` : 'DATABASE_URL'}, started in ${Date.now() - started} ms)`);
    log(`health: ${url.replace(/\/graphql$/, '/health/live')} and ${url.replace(/\/graphql$/, '/health/ready')}`);
    if (!config.isProduction) {
      log('get a token: npm run -s token -- coordinator@demo.example');
      log(`then: curl -s ${url} -H "authorization: Bearer $TOKEN" -H 'content-type: application/json' -d '{"query":"{ viewer { displayName role } }"}'`);
    }
  } catch (error) {
    await jobs?.stop().catch(() => undefined);
    await app?.stop().catch(() => undefined);
    await db.close().catch(() => undefined);
    throw error;
  }
}

main().catch((error: unknown) => {
  // These two name what to fix (a variable, a data folder): their messages hold no personal data.
  if (error instanceof ConfigError || error instanceof EmbeddedDatabaseError) {
    logger.fatal(error.message);
  } else {
    logger.fatal({ err: errorFields(error) }, 'start-up failed');
  }
  process.exit(1);
});
