import { Pool } from 'pg';

/**
 * The probes of a load balancer or an orchestrator:
 *
 * - `/health/live`: the process answers (no database, no await): a liveness probe never
 *   kills a healthy process because the database is slow or down.
 * - `/health/ready` (and `/health`, its alias): whether to send it requests. The database is
 *   checked on a connection of its own (never in the queries' pool, where a probe would
 *   wait behind the load), bounded by HEALTH_TIMEOUT_MS; 503 while it cannot be reached and
 *   while the process drains (SIGTERM). With DATABASE_READ_URL, the replica is checked the
 *   same way: down, the API still serves (its reads fall back to the primary) and says
 *   `degraded` with a 200.
 */

export type ProbeState = 'up' | 'down';

export interface Readiness {
  ready: boolean;
  body: { status: 'ok' | 'degraded' | 'unavailable' | 'draining'; database: ProbeState; replica?: ProbeState };
}

/** One probe's own connection to one database: a pool of one, so probes never pile up connections. */
class Probe {
  private readonly pool: Pool;

  constructor(url: string, private readonly timeoutMs: number, name: string) {
    this.pool = new Pool({
      connectionString: url,
      max: 1,
      connectionTimeoutMillis: timeoutMs,
      statement_timeout: timeoutMs,
      idleTimeoutMillis: 30_000,
      application_name: `pre-api-health-${name}`,
    });
    // An idle probe connection that the server drops must not take the process down.
    this.pool.on('error', () => undefined);
  }

  async check(): Promise<ProbeState> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'down'>((resolve) => (timer = setTimeout(() => resolve('down'), this.timeoutMs)));
    const probe = this.pool.query('select 1').then(
      (): ProbeState => 'up',
      (): ProbeState => 'down',
    );
    try {
      return await Promise.race([probe, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}

export interface HealthOptions {
  /** The API's database (the primary). */
  url: string;
  /** DATABASE_READ_URL, when set. */
  readUrl?: string;
  timeoutMs: number;
}

export class Health {
  private readonly primary: Probe;
  private readonly replica?: Probe;
  private draining = false;
  private closed?: Promise<void>;

  constructor(options: HealthOptions) {
    this.primary = new Probe(options.url, options.timeoutMs, 'primary');
    if (options.readUrl) this.replica = new Probe(options.readUrl, options.timeoutMs, 'replica');
  }

  private readonly drainListeners: (() => void)[] = [];

  /** From now on, readiness answers 503 `draining` (the process is stopping). */
  drain(): void {
    if (this.draining) return;
    this.draining = true;
    for (const listener of this.drainListeners) listener();
  }

  /** Called once, when the process starts draining. */
  onDrain(listener: () => void): void {
    this.drainListeners.push(listener);
  }

  get isDraining(): boolean {
    return this.draining;
  }

  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  async ready(): Promise<Readiness> {
    const [database, replica] = await Promise.all([this.primary.check(), this.replica?.check()]);
    const withReplica = replica ? { replica } : {};
    if (this.draining) return { ready: false, body: { status: 'draining', database, ...withReplica } };
    if (database === 'down') return { ready: false, body: { status: 'unavailable', database, ...withReplica } };
    return { ready: true, body: { status: replica === 'down' ? 'degraded' : 'ok', database, ...withReplica } };
  }

  close(): Promise<void> {
    this.closed ??= Promise.all([this.primary.close(), this.replica?.close()]).then(() => undefined);
    return this.closed;
  }
}
