import 'reflect-metadata';
import { config as loadConfig, ConfigError } from './config';
import { openDatabase } from './db/database';
import { EmbeddedDatabaseError } from './db/embedded';
import { startJobRunner } from './jobs/runner';
import { createLogger, errorFields, lineLogger } from './log';

let logger = createLogger('info');

/**
 * `npm run worker`: the job runner alone, without the HTTP API (for a deployment that
 * runs its jobs in processes of their own, with JOBS_IN_API=false on the API). Opens the
 * database as the API does (migrations by the owner role), then works the queue until
 * SIGINT or SIGTERM. Several may run beside the API processes (src/jobs/runner.ts).
 */
async function main(): Promise<void> {
  const config = loadConfig();
  logger = createLogger(config.logLevel);
  const log = lineLogger(logger);
  const db = await openDatabase(config, log);
  const jobs = await startJobRunner({ orm: db.orm, apiUrl: db.url, ownerUrl: db.ownerUrl, config, now: () => new Date(), log });
  log(`job runner ready (daily lifetime run at "${config.retention.schedule}" UTC)`);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal} received: stopping the job runner, then the database`);
    await jobs.stop();
    await db.close();
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void stop(signal));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof EmbeddedDatabaseError) logger.fatal(error.message);
  else logger.fatal({ err: errorFields(error) }, 'worker failed');
  process.exit(1);
});
