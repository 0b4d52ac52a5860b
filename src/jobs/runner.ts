import { Logger, parseCronItems, run, runMigrations, type Job, type Runner, type TaskList } from 'graphile-worker';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from '../config';
import { runLifetime } from '../lifetime/daily-run';
import { redactText } from '../log';
import type { Metrics } from '../metrics';

/**
 * The job runner: graphile-worker, in the API's own PostgreSQL (schema `graphile_worker`).
 *
 * Why graphile-worker (0.16.6, the last release that runs on Node 20; 0.17 needs Node 22,
 * and so does pg-boss 11+): jobs are rows taken with `FOR UPDATE SKIP LOCKED`, so several
 * API processes share one queue and a job runs once; a named queue runs its jobs one at a
 * time across all processes; its cron records each tick it scheduled (`known_crontabs`),
 * so that the daily run is scheduled once however many processes run; a failed job is
 * retried with a growing delay; and it needs nothing beside PostgreSQL. Its schema is
 * installed by the owner role with the migrations (installJobSchema); the API's role only
 * works its tables (src/db/roles.ts).
 *
 * Started with the API (src/main.ts, unless JOBS_IN_API=false) and alone by `npm run
 * worker` (src/worker.ts). Tasks take the time from `now`, the API's clock.
 */

export const LIFETIME_TASK = 'lifetime_daily';
/** One lifetime run at a time, across every process. */
const LIFETIME_QUEUE = 'lifetime';
/** A failed run is tried again (after about 3 s, 7 s, 20 s, 55 s), then left failed until the next day. */
export const LIFETIME_MAX_ATTEMPTS = 5;

export interface JobRunner {
  /** Queues a lifetime run now (the DPO's tests, an operator); resolves with the job's id. */
  runLifetimeNow(): Promise<string>;
  stop(): Promise<void>;
}

export interface JobRunnerOptions {
  orm: MikroORM;
  /** The API's role: it works the queue. */
  apiUrl: string;
  /** The owner's: the access log's partitions. */
  ownerUrl: string;
  config: Config;
  now: () => Date;
  log: (line: string) => void;
  /** How often to look for jobs when no notification came (ms). */
  pollInterval?: number;
  /** Counts the job runs (GET /metrics of the API that runs them). */
  metrics?: Pick<Metrics, 'jobRun'>;
}

/** graphile-worker's messages, warnings and errors only: they carry task names and ids, no data. */
function loggerFor(log: (line: string) => void): Logger {
  return new Logger(() => (level, message) => {
    if (level === 'error' || level === 'warning') log(`jobs: ${redactText(message)}`);
  });
}

/** Installs or upgrades the runner's schema, as the owner role (with the migrations). */
export async function installJobSchema(ownerUrl: string): Promise<void> {
  await runMigrations({ connectionString: ownerUrl, logger: loggerFor(() => undefined) });
}

export async function startJobRunner(options: JobRunnerOptions): Promise<JobRunner> {
  const { config, log } = options;
  const taskList: TaskList = {
    [LIFETIME_TASK]: async (_payload, helpers) => {
      const job: Job = helpers.job;
      const counts = await runLifetime({
        orm: options.orm,
        ownerUrl: options.ownerUrl,
        retention: config.retention,
        now: options.now(),
        jobId: String(job.id),
        attempt: job.attempts,
      });
      log(`lifetime run: ${counts.childrenArchived} archived, ${counts.childrenAnonymised} anonymised, ${counts.partitionsDropped} log months dropped, ${counts.idempotencyKeysPurged} idempotency keys purged`);
    },
  };
  const runner: Runner = await run({
    connectionString: options.apiUrl,
    maxPoolSize: 4,
    concurrency: 1,
    noHandleSignals: true,
    pollInterval: options.pollInterval ?? 2000,
    logger: loggerFor(log),
    taskList,
    parsedCronItems: parseCronItems([
      {
        task: LIFETIME_TASK,
        match: config.retention.schedule,
        identifier: LIFETIME_TASK,
        options: { backfillPeriod: 0, maxAttempts: LIFETIME_MAX_ATTEMPTS, queueName: LIFETIME_QUEUE },
      },
    ]),
  });
  const { metrics } = options;
  if (metrics) {
    runner.events.on('job:success', ({ job }) => metrics.jobRun(job.task_identifier, 'success'));
    // job:failed follows job:error when no attempt is left: the run counts once, as failed.
    runner.events.on('job:error', ({ job }) => {
      if (job.attempts < job.max_attempts) metrics.jobRun(job.task_identifier, 'error');
    });
    runner.events.on('job:failed', ({ job }) => metrics.jobRun(job.task_identifier, 'failed'));
  }
  return {
    async runLifetimeNow() {
      const job = await runner.addJob(LIFETIME_TASK, {}, { queueName: LIFETIME_QUEUE, maxAttempts: LIFETIME_MAX_ATTEMPTS });
      return String(job.id);
    },
    async stop() {
      await runner.stop();
    },
  };
}
