import type { GraphqlExecution } from './execution';
import { z } from 'zod';
import { invalidOriginEntry, LOCAL_DEV_ORIGINS } from './cors';
import { LOG_LEVELS, type LogLevel } from './log';
import type { MetricsAccess } from './metrics';

/**
 * Configuration, read from the environment once at start-up and validated. A wrong
 * value stops the process with a message naming the variable. Every module imports
 * `config` from here; nothing else reads process.env.
 */

const DEV_JWT_SECRET = 'pre-demo-local-signing-secret-change-me-0123456789';

const optionalUrl = z.preprocess((v) => (v === '' ? undefined : v), z.string().url().optional());
const optionalString = z.preprocess((v) => (v === '' ? undefined : v), z.string().min(1).optional());

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    HOST: z.string().min(1).default('0.0.0.0'),
    PORT: z.coerce.number().int().min(0).max(65535).default(4000),
    DATABASE_URL: z.preprocess(
      (v) => (v === '' ? undefined : v),
      z
        .string()
        .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
        .optional(),
    ),
    DATABASE_OWNER_URL: z.preprocess(
      (v) => (v === '' ? undefined : v),
      z
        .string()
        .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
        .optional(),
    ),
    EMBEDDED_PG_DIR: z.string().min(1).default('.data/postgres'),
    EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).optional(),
    DB_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
    DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
    // Degrading cleanly (README "Production deployment"): no request waits longer than this for
    // a database connection (then 503 SERVICE_UNAVAILABLE); the readiness probe's own bound;
    // how long a stopping process stays up, unready, before it drains (SIGTERM).
    DB_ACQUIRE_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(2_000),
    HEALTH_TIMEOUT_MS: z.coerce.number().int().min(50).max(60_000).default(1_000),
    SHUTDOWN_DELAY_MS: z.coerce.number().int().min(0).max(120_000).optional(),
    JWT_SECRET: optionalString,
    JWT_ISSUER: z.string().min(1).default('pre-local'),
    JWT_AUDIENCE: z.string().min(1).default('pre-api'),
    OIDC_ISSUER: optionalUrl,
    OIDC_AUDIENCE: optionalString,
    OIDC_JWKS_URL: optionalUrl,
    TOKEN_MAX_LIFETIME_SECONDS: z.coerce.number().int().min(60).max(7 * 86_400).default(12 * 3600),
    TOKEN_CLOCK_SKEW_SECONDS: z.coerce.number().int().min(0).max(300).default(60),
    RATE_LIMIT_ACCOUNT_POINTS: z.coerce.number().int().min(1).max(1_000_000_000).default(300),
    RATE_LIMIT_ACCOUNT_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
    RATE_LIMIT_AUTH_FAILURES: z.coerce.number().int().min(1).max(1_000_000_000).default(30),
    RATE_LIMIT_AUTH_SECONDS: z.coerce.number().int().min(1).max(86_400).default(600),
    TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
    SEED_ON_EMPTY: z.enum(['true', 'false']).optional(),
    LOG_SQL: z.enum(['true', 'false']).default('false'),
    LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
    // GET /metrics (src/metrics.ts): off by default in production, else open; `token` asks for METRICS_TOKEN.
    METRICS: z.enum(['off', 'on', 'token']).optional(),
    METRICS_TOKEN: optionalString,
    ACCESS_LOG_COMMIT: z.enum(['asynchronous', 'synchronous']).default('synchronous'),
    SQL_COUNT: z.enum(['true', 'false']).default('false'),
    BENCH_RUN: z.enum(['1']).optional(),
    BENCH_PERMISSIONS_OFF: z.enum(['true', 'false']).default('false'),
    // src/execution.ts: operations compiled by graphql-jit, or graphql-js's execute.
    GRAPHQL_EXECUTION: z.enum(['compiled', 'standard']).default('standard'),
    // Request limits (src/limits/, README "Request limits"): a request over one is refused
    // before any resolver or SQL statement runs; the deadline stops one that runs too long.
    LIMIT_DOCUMENT_BYTES: z.coerce.number().int().min(1_000).max(10_000_000).default(100_000),
    LIMIT_TOKENS: z.coerce.number().int().min(100).max(1_000_000).default(15_000),
    LIMIT_DEPTH: z.coerce.number().int().min(2).max(1_000).default(12),
    LIMIT_ALIASES: z.coerce.number().int().min(0).max(10_000).default(30),
    LIMIT_DIRECTIVES: z.coerce.number().int().min(0).max(10_000).default(50),
    LIMIT_COST: z.coerce.number().int().min(1).max(100_000_000).default(250_000),
    LIMIT_LIST_SIZE: z.coerce.number().int().min(1).max(10_000).default(10),
    BLOCK_FIELD_SUGGESTIONS: z.enum(['true', 'false']).optional(),
    EXECUTION_DEADLINE_MS: z.coerce.number().int().min(1).max(600_000).default(10_000),
    // The data's lifetime (src/lifetime/, README "Retention"): CNIL référentiel for social support.
    RETENTION_ACTIVE_YEARS: z.coerce.number().int().min(1).max(10).default(2),
    RETENTION_ARCHIVE_YEARS: z.coerce.number().int().min(1).max(30).default(5),
    ACCESS_LOG_RETENTION_MONTHS: z.coerce.number().int().min(6, 'at least 6 (CNIL: 6 to 12 months)').max(12, 'at most 12 (CNIL: 6 to 12 months)').default(12),
    LIFETIME_SCHEDULE: z.string().regex(/^\S+ \S+ \S+ \S+ \S+$/, 'a cron line: minute hour day month weekday (UTC)').default('30 2 * * *'),
    JOBS_IN_API: z.enum(['true', 'false']).default('true'),
    // Browsers (src/cors.ts, src/explorer/): the origins of the web portals, comma-separated
    // (empty: none); the explorer's page, on by default outside production.
    CORS_ORIGINS: z
      .string()
      .optional()
      .transform((v) => (v === undefined ? undefined : v.split(',').map((o) => o.trim()).filter(Boolean)))
      .superRefine((entries, ctx) => {
        for (const entry of entries ?? []) {
          const why = invalidOriginEntry(entry);
          if (why) ctx.addIssue({ code: 'custom', message: why });
        }
      }),
    EXPLORER: z.enum(['true', 'false']).optional(),
    // Statistics (src/statistics/, docs/statistics.md): no count under the threshold is published.
    STATISTICS_THRESHOLD: z.coerce.number().int().min(5, 'never below 5').max(100).default(5),
    // Portal access (src/resolvers/invitation.mutations.ts): how long an invitation may be used.
    INVITATION_LIFETIME_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(24 * 7),
    DATABASE_READ_URL: z.preprocess(
      (v) => (v === '' ? undefined : v),
      z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL').optional(),
    ),
  })
  .superRefine((env, ctx) => {
    const oidc = [env.OIDC_ISSUER, env.OIDC_AUDIENCE, env.OIDC_JWKS_URL];
    if (oidc.some(Boolean) && !oidc.every(Boolean)) {
      for (const key of ['OIDC_ISSUER', 'OIDC_AUDIENCE', 'OIDC_JWKS_URL'] as const) {
        if (!env[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'required when any OIDC_* variable is set' });
      }
    }
    if (env.JWT_SECRET && env.JWT_SECRET.length < 32) {
      ctx.addIssue({ code: 'custom', path: ['JWT_SECRET'], message: 'must be at least 32 characters' });
    }
    if (env.NODE_ENV === 'production' && !env.JWT_SECRET && !env.OIDC_ISSUER) {
      ctx.addIssue({ code: 'custom', path: ['OIDC_ISSUER'], message: 'production needs OIDC_* (or JWT_SECRET)' });
    }
    // The permissions-off run exists only to price the access model in `npm run bench`.
    if (env.BENCH_PERMISSIONS_OFF === 'true' && (env.BENCH_RUN !== '1' || env.NODE_ENV === 'production')) {
      ctx.addIssue({ code: 'custom', path: ['BENCH_PERMISSIONS_OFF'], message: 'only for `npm run bench` (BENCH_RUN=1), never in production' });
    }
    if (env.SQL_COUNT === 'true' && env.NODE_ENV === 'production') {
      ctx.addIssue({ code: 'custom', path: ['SQL_COUNT'], message: 'not in production' });
    }
    if (env.METRICS === 'token' && (!env.METRICS_TOKEN || env.METRICS_TOKEN.length < 32)) {
      ctx.addIssue({ code: 'custom', path: ['METRICS_TOKEN'], message: 'METRICS=token needs a METRICS_TOKEN of at least 32 characters' });
    }
    if (env.DATABASE_OWNER_URL && !env.DATABASE_URL) {
      ctx.addIssue({ code: 'custom', path: ['DATABASE_URL'], message: 'required with DATABASE_OWNER_URL (the API connects with its own role)' });
    }
    if (env.NODE_ENV === 'production' && !env.DATABASE_URL) {
      ctx.addIssue({ code: 'custom', path: ['DATABASE_URL'], message: 'production needs a DATABASE_URL' });
    }
  });

export type Env = z.infer<typeof schema>;

export interface Config {
  env: Env['NODE_ENV'];
  isProduction: boolean;
  host: string;
  port: number;
  /** Given: use that server. Absent: start the embedded PostgreSQL. */
  databaseUrl?: string;
  /**
   * The owner role's URL: migrations, privileges, the access log's partitions. Absent: the
   * API's URL is the owner's too (a warning at start; the embedded database sets both).
   */
  databaseOwnerUrl?: string;
  embedded: { dir: string; port?: number };
  db: {
    poolMax: number;
    statementTimeoutMs: number;
    logSql: boolean;
    /** The longest a request waits for a connection (pool or connect) before it is answered 503. */
    acquireTimeoutMs: number;
  };
  /** /health/ready: the bound of its database check (on a connection of its own). */
  health: { timeoutMs: number };
  /**
   * On SIGTERM, how long the process answers /health/ready 503 (still serving) before it
   * stops taking connections: the load balancer's time to see it (default 5 s in
   * production, 0 elsewhere).
   */
  shutdownDelayMs: number;
  /** Level of the JSON log lines (src/log.ts): `info` gives one line per request. */
  logLevel: LogLevel;
  /** Who may read GET /metrics. */
  metrics: MetricsAccess;
  /**
   * How the access events of a read are committed. `synchronous` (default) waits for the
   * disk before the answer leaves: no personal data leaves without its event committed
   * (access-policy.md, "Every read of personal data is logged"). `asynchronous` does not
   * wait: a crash of the database server may lose the last fraction of a second of read
   * events of answers already sent, which is weaker than the policy (writes and their
   * events are always synchronous).
   */
  accessLogSynchronousCommit: boolean;
  /** Send the number of SQL statements of each request in an `x-sql-statements` header (tests, bench). */
  sqlCount: boolean;
  /** Serve without the permission layer: benchmarks only (refused elsewhere by the schema above). */
  benchPermissionsOff: boolean;
  /** How operations are executed (src/execution.ts). */
  graphqlExecution: GraphqlExecution;
  auth: {
    /** Local signing secret (development, demo, tests); absent in production unless set. */
    secret?: string;
    issuer: string;
    audience: string;
    oidc?: { issuer: string; audience: string; jwksUrl: string };
    /** Longest accepted `exp - iat` (or `exp - now` without `iat`), seconds. */
    maxLifetimeSeconds: number;
    /** Clock difference tolerated with the token's issuer, seconds. */
    clockSkewSeconds: number;
  };
  /** Budgets, each `points` per `seconds` window, counted in PostgreSQL for every API process. */
  rateLimits: {
    account: { points: number; seconds: number };
    /** Failed authentications (a token refused, or without an active account) per client address. */
    authFailures: { points: number; seconds: number };
  };
  /** Proxies in front of the API whose X-Forwarded-For entry gives the client address (0: the socket's). */
  trustProxyHops: number;
  /** Seed the demo programme when the database is empty (default: only on the embedded database). */
  seedOnEmpty: boolean;
  /** Request limits and the execution deadline (src/limits/). */
  limits: Limits;
  /** Statistics: the smallest count published, and the replica they are read from (else the primary). */
  statistics: { threshold: number; readUrl?: string };
  /** Origins whose pages may call the API (CORS, src/cors.ts): none by default in production, local development servers otherwise. */
  corsOrigins: string[];
  /** Serve the explorer (GraphiQL) at GET /graphql in a browser: default on outside production. */
  explorer: boolean;
  /** The data's lifetime (src/lifetime/). */
  retention: Retention;
  /** Invitations to the portal and to staff accounts: hours an invitation may be used. */
  invitations: { lifetimeHours: number };
  /** Start the job runner with the API (else only `npm run worker` runs the jobs). */
  jobsInApi: boolean;
}

/** How long data lives (access-policy.md, "Lifetime of the data"). */
export interface Retention {
  /** A child with no activity for this long is archived. */
  activeYears: number;
  /** An archived child is anonymised this long after its archiving. */
  archiveYears: number;
  /** Access events are kept this long (6 to 12), then dropped a whole month at a time. */
  accessLogMonths: number;
  /** When the daily run starts (cron line, UTC). */
  schedule: string;
}

/** What one request may ask for, checked before it runs, and how long it may run. */
export interface Limits {
  /** Length of the query string, in UTF-8 bytes, checked before it is parsed. */
  documentBytes: number;
  /** Lexical tokens of the document (graphql-js stops parsing past it). */
  tokens: number;
  /** Nesting of selections (fragments flattened: the depth of the response). */
  depth: number;
  aliases: number;
  directives: number;
  /** Cost of the operation (src/limits/cost.ts), with its variables. */
  cost: number;
  /** The size the cost assumes for a list without `first` (family.children, guardians...). */
  listSize: number;
  /** Hide "Did you mean ...?" in validation errors (default: in production). */
  blockFieldSuggestions: boolean;
  /** After this, the request's SQL statements and guarded fields are refused, and it answers TIMEOUT. */
  deadlineMs: number;
}

export class ConfigError extends Error {}

function metricsAccess(mode: 'off' | 'on' | 'token', token: string | undefined): MetricsAccess {
  // The schema above refuses `token` without a token.
  return mode === 'token' ? { mode, token: token ?? '' } : { mode };
}

export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(environment)'}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const env = parsed.data;
  const isProduction = env.NODE_ENV === 'production';
  return {
    env: env.NODE_ENV,
    isProduction,
    host: env.HOST,
    port: env.PORT,
    databaseUrl: env.DATABASE_URL,
    databaseOwnerUrl: env.DATABASE_OWNER_URL,
    embedded: { dir: env.EMBEDDED_PG_DIR, port: env.EMBEDDED_PG_PORT },
    db: { poolMax: env.DB_POOL_MAX, statementTimeoutMs: env.DB_STATEMENT_TIMEOUT_MS, logSql: env.LOG_SQL === 'true', acquireTimeoutMs: env.DB_ACQUIRE_TIMEOUT_MS },
    health: { timeoutMs: env.HEALTH_TIMEOUT_MS },
    shutdownDelayMs: env.SHUTDOWN_DELAY_MS ?? (isProduction ? 5_000 : 0),
    logLevel: env.LOG_LEVEL,
    metrics: metricsAccess(env.METRICS ?? (isProduction ? 'off' : 'on'), env.METRICS_TOKEN),
    sqlCount: env.SQL_COUNT === 'true',
    accessLogSynchronousCommit: env.ACCESS_LOG_COMMIT === 'synchronous',
    benchPermissionsOff: env.BENCH_PERMISSIONS_OFF === 'true',
    graphqlExecution: env.GRAPHQL_EXECUTION,
    auth: {
      secret: env.JWT_SECRET ?? (isProduction ? undefined : DEV_JWT_SECRET),
      issuer: env.JWT_ISSUER,
      audience: env.JWT_AUDIENCE,
      oidc:
        env.OIDC_ISSUER && env.OIDC_AUDIENCE && env.OIDC_JWKS_URL
          ? { issuer: env.OIDC_ISSUER, audience: env.OIDC_AUDIENCE, jwksUrl: env.OIDC_JWKS_URL }
          : undefined,
      maxLifetimeSeconds: env.TOKEN_MAX_LIFETIME_SECONDS,
      clockSkewSeconds: env.TOKEN_CLOCK_SKEW_SECONDS,
    },
    rateLimits: {
      account: { points: env.RATE_LIMIT_ACCOUNT_POINTS, seconds: env.RATE_LIMIT_ACCOUNT_SECONDS },
      authFailures: { points: env.RATE_LIMIT_AUTH_FAILURES, seconds: env.RATE_LIMIT_AUTH_SECONDS },
    },
    trustProxyHops: env.TRUST_PROXY,
    seedOnEmpty: env.SEED_ON_EMPTY ? env.SEED_ON_EMPTY === 'true' : !env.DATABASE_URL,
    limits: {
      documentBytes: env.LIMIT_DOCUMENT_BYTES,
      tokens: env.LIMIT_TOKENS,
      depth: env.LIMIT_DEPTH,
      aliases: env.LIMIT_ALIASES,
      directives: env.LIMIT_DIRECTIVES,
      cost: env.LIMIT_COST,
      listSize: env.LIMIT_LIST_SIZE,
      blockFieldSuggestions: env.BLOCK_FIELD_SUGGESTIONS ? env.BLOCK_FIELD_SUGGESTIONS === 'true' : isProduction,
      deadlineMs: env.EXECUTION_DEADLINE_MS,
    },
    retention: {
      activeYears: env.RETENTION_ACTIVE_YEARS,
      archiveYears: env.RETENTION_ARCHIVE_YEARS,
      accessLogMonths: env.ACCESS_LOG_RETENTION_MONTHS,
      schedule: env.LIFETIME_SCHEDULE,
    },
    jobsInApi: env.JOBS_IN_API === 'true',
    corsOrigins: env.CORS_ORIGINS ?? (isProduction ? [] : LOCAL_DEV_ORIGINS),
    explorer: env.EXPLORER ? env.EXPLORER === 'true' : !isProduction,
    statistics: { threshold: env.STATISTICS_THRESHOLD, readUrl: env.DATABASE_READ_URL },
    invitations: { lifetimeHours: env.INVITATION_LIFETIME_HOURS },
  };
}

let cached: Config | undefined;

/** The process configuration, parsed on first use. */
export function config(): Config {
  cached ??= loadConfig();
  return cached;
}
