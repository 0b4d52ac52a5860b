import { Pool, type QueryResultRow } from 'pg';
import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from '../db/sql';
import { deadlineOf } from '../limits/deadline';
import { isDatabaseUnreachable } from '../db/unavailable';

/**
 * Where the statistics are read: the one place that sends their statements. With
 * DATABASE_READ_URL (a PostgreSQL streaming replica), on a small pool of its own there, so
 * that the BI tools' reads never load the primary; without it, or while the replica cannot
 * be reached (src/db/unavailable.ts says what that looks like), on the primary (the ORM's
 * pool, through sql()): the statistics are over ended periods, which a replica's lag does
 * not change. A replica that failed is tried again after RETRY_MS; a connect to it waits
 * at most DB_ACQUIRE_TIMEOUT_MS.
 */

const RETRY_MS = 10_000;

export interface StatisticsSourceOptions {
  readUrl?: string;
  statementTimeoutMs: number;
  /** DB_ACQUIRE_TIMEOUT_MS: the longest a statement waits for a replica connection (default 2 s). */
  acquireTimeoutMs?: number;
  log?: (line: string) => void;
}

export class StatisticsSource {
  private readonly replica?: Pool;
  private downUntil = 0;

  constructor(private readonly options: StatisticsSourceOptions) {
    if (options.readUrl) {
      this.replica = new Pool({
        connectionString: options.readUrl,
        max: 4,
        connectionTimeoutMillis: options.acquireTimeoutMs ?? 2_000,
        statement_timeout: options.statementTimeoutMs,
        application_name: 'pre-api-statistics',
      });
      // An idle connection the replica drops must not crash the process.
      this.replica.on('error', () => undefined);
    }
  }

  /** Whether the next statement goes to the replica. */
  get onReplica(): boolean {
    return Boolean(this.replica) && Date.now() >= this.downUntil;
  }

  async query<T extends QueryResultRow>(em: EntityManager, text: string, params: readonly unknown[]): Promise<T[]> {
    if (this.replica && this.onReplica) {
      const deadline = deadlineOf(em);
      deadline?.check();
      try {
        const running = this.replica.query<T>(text, params as unknown[]);
        return (deadline ? await deadline.race(running) : await running).rows;
      } catch (error) {
        if (!isDatabaseUnreachable(error)) throw error;
        this.downUntil = Date.now() + RETRY_MS;
        const code = (error as { code?: string }).code;
        this.options.log?.(`statistics: the read replica cannot be reached (${code ?? 'connection failed'}); reading the primary for ${RETRY_MS / 1000} s`);
      }
    }
    return sql<T>(em, text, params);
  }

  async close(): Promise<void> {
    await this.replica?.end();
  }
}
