import { Pool } from 'pg';
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { Config } from '../config';
import { RateLimited } from '../errors';
import { redactText } from '../log';

/**
 * Rate limits, counted in PostgreSQL so that every API process spends the same budgets
 * (rate-limiter-flexible's RateLimiterPostgres; fixed windows of `points` per `seconds`):
 *
 * - per account (the token's subject, which names one account): every authenticated
 *   request costs a point. One upsert, sent while the viewer's session is read, on a small
 *   pool of its own so that it never waits behind the ORM's pool.
 * - per client address, failed authentications only (a token refused, or one whose subject
 *   has no active account): a request without credentials costs nothing, and a valid token
 *   is served from an address over its budget, so that one colleague's stale token behind a
 *   town hall's NAT does not lock the others out.
 *
 * Once over budget a key is also blocked in this process's memory until its window ends,
 * so a flood costs no statement. If the store fails, each process counts in memory
 * (the insurance limiter) rather than serve without a limit.
 */

/** The table of the counters (created by Migration20261201000000RateLimit; skipped by the ORM's schema diff). */
export const RATE_LIMIT_TABLE = 'rate_limit';

/** Connections of the limiter's own pool: one short statement per request, on a hot row. */
const POOL_MAX = 4;
/** A limiter that cannot reach its store within this falls back to counting in memory. */
const STORE_TIMEOUT_MS = 1_000;
/** Rows whose window ended over an hour ago are deleted every five minutes. */
const CLEANUP_EVERY_MS = 5 * 60_000;
const CLEANUP_AFTER_MS = 60 * 60_000;

export interface RateLimitsOptions {
  /** The database of the API (the ORM's connection URL). */
  url: string;
  budgets: Config['rateLimits'];
  log: (line: string) => void;
}

export class RateLimits {
  private readonly pool: Pool;
  private readonly account: RateLimiterPostgres;
  private readonly authFailures: RateLimiterPostgres;
  private readonly cleanup: NodeJS.Timeout;
  private lastFallbackLog = 0;
  private stopped?: Promise<void>;

  constructor(private readonly options: RateLimitsOptions) {
    this.pool = new Pool({
      connectionString: options.url,
      max: POOL_MAX,
      connectionTimeoutMillis: STORE_TIMEOUT_MS,
      statement_timeout: STORE_TIMEOUT_MS,
      application_name: 'pre-api-rate-limit',
    });
    // An idle connection dropped by the server must not take the process down; the next statement reconnects.
    this.pool.on('error', (error) => options.log(`rate limits: idle connection lost: ${redactText(error.message)}`));
    this.account = this.limiter('account', options.budgets.account);
    this.authFailures = this.limiter('auth-failure', options.budgets.authFailures);
    // Ours rather than the library's timer, so that stop() clears it.
    this.cleanup = setInterval(() => void this.deleteExpired(), CLEANUP_EVERY_MS).unref();
  }

  private limiter(keyPrefix: string, budget: { points: number; seconds: number }): RateLimiterPostgres {
    const insuranceLimiter = new InsuranceLimiter({ keyPrefix, points: budget.points, duration: budget.seconds }, () => this.logFallback());
    return new RateLimiterPostgres({
      storeClient: this.pool,
      storeType: 'pool',
      tableName: RATE_LIMIT_TABLE,
      tableCreated: true,
      clearExpiredByTimeout: false,
      keyPrefix,
      points: budget.points,
      duration: budget.seconds,
      // Blocked in memory from the first point over budget until the window ends.
      inMemoryBlockOnConsumed: budget.points + 1,
      insuranceLimiter,
    });
  }

  /** Spends one request of the account of `subject`: undefined within budget, else the error to answer with. */
  consumeAccount(subject: string): Promise<RateLimited | undefined> {
    return this.consume(this.account, subject);
  }

  /** Counts a failed authentication from `address`: the error to answer with once over budget. */
  countAuthFailure(address: string): Promise<RateLimited | undefined> {
    return this.consume(this.authFailures, address);
  }

  private async consume(limiter: RateLimiterPostgres, key: string): Promise<RateLimited | undefined> {
    try {
      await limiter.consume(key);
      return undefined;
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) return new RateLimited(Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)));
      throw rejection;
    }
  }

  private logFallback(): void {
    if (Date.now() - this.lastFallbackLog < 60_000) return;
    this.lastFallbackLog = Date.now();
    this.options.log('rate limits: the PostgreSQL store failed; counting in this process only');
  }

  private async deleteExpired(): Promise<void> {
    try {
      await this.pool.query(`delete from "${RATE_LIMIT_TABLE}" where expire < $1`, [Date.now() - CLEANUP_AFTER_MS]);
    } catch (error) {
      this.options.log(`rate limits: cleanup failed: ${error instanceof Error ? redactText(error.message) : typeof error}`);
    }
  }

  /** Clears the cleanup timer and closes the pool (after the requests in flight). */
  stop(): Promise<void> {
    clearInterval(this.cleanup);
    this.stopped ??= this.pool.end();
    return this.stopped;
  }
}

/** The in-memory limiter used while the store fails, which says so (at most once a minute). */
class InsuranceLimiter extends RateLimiterMemory {
  constructor(
    options: ConstructorParameters<typeof RateLimiterMemory>[0],
    private readonly onUse: () => void,
  ) {
    super(options);
  }

  override consume(...args: Parameters<RateLimiterMemory['consume']>): Promise<RateLimiterRes> {
    this.onUse();
    return super.consume(...args);
  }
}
