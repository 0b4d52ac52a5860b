import 'reflect-metadata';
import { Client } from 'pg';
import type { MikroORM } from '@mikro-orm/postgresql';
import { loadConfig, type Config } from '../../src/config';
import { connect, isEmpty, migrate, prepareDatabase } from '../../src/db/database';
import { ensureApiRole, urlAsRole } from '../../src/db/roles';
import { seedDemo } from '../../src/seed/demo.seed';
import { createApp, type App } from '../../src/server';
import { signLocalToken } from '../../src/auth/tokens';
import { createLogger, type Logger } from '../../src/log';
import type { Faults } from '../../src/context';

/** The server every test file shares the run with (set by global-setup). */
function serverUrl(): string {
  const url = process.env.TEST_SERVER_URL;
  if (!url) throw new Error('TEST_SERVER_URL is not set: run the tests with `npm test`');
  return url;
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** A database for this worker (created on first use, dropped by global-teardown), or a fresh named one. */
export async function testDatabase(suffix = `w${process.env.JEST_WORKER_ID ?? '1'}`): Promise<string> {
  const name = `pre_test_${process.env.TEST_RUN_ID ?? 'local'}_${suffix}`.toLowerCase();
  const client = new Client({ connectionString: serverUrl() });
  await client.connect();
  try {
    const exists = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (exists.rowCount === 0) {
      try {
        await client.query(`create database ${client.escapeIdentifier(name)}`);
      } catch (error) {
        // Another file of the same worker cannot race us; a duplicate means it exists now.
        if ((error as { code?: string }).code !== '42P04') throw error;
      }
    }
  } finally {
    await client.end();
  }
  return withDatabase(serverUrl(), name);
}

/**
 * The API's role of a test database: a login role that owns nothing, named after the
 * database (roles are shared by the whole server: parallel runs and branches must not
 * meet), created on first use and dropped with the database.
 */
export function apiRoleOf(databaseUrl: string): string {
  return `${new URL(databaseUrl).pathname.slice(1)}_api`;
}

export async function dropTestDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  const client = new Client({ connectionString: serverUrl() });
  await client.connect();
  try {
    await client.query(`drop database if exists ${client.escapeIdentifier(name)} with (force)`);
    await client.query(`drop role if exists ${client.escapeIdentifier(apiRoleOf(url))}`);
  } finally {
    await client.end();
  }
}

/**
 * The tests' configuration. The suite sends many requests with the same accounts from one
 * address: the rate limits are raised far above what it sends (tests/security sets small ones).
 */
export function testConfig(databaseUrl: string, env: NodeJS.ProcessEnv = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    RATE_LIMIT_ACCOUNT_POINTS: '1000000',
    RATE_LIMIT_AUTH_FAILURES: '1000000',
    ...env,
  });
}

/** Opens and migrates a database with the ORM (swc runs the TypeScript migrations: preferTs). */
export async function openTestOrm(url: string, config: Config = testConfig(url)): Promise<MikroORM> {
  const orm = await connect(url, config, () => undefined, { preferTs: true });
  await migrate(orm);
  return orm;
}

export interface GraphQLResult<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export interface TestServer {
  url: string;
  /** The owner's (the test server's superuser): what the tests' own statements use. */
  databaseUrl: string;
  /** The API's role, which owns nothing: what the server connects with. */
  apiDatabaseUrl: string;
  /** The owner's ORM, for the tests' own statements (the app has its own, as the API's role). */
  orm: MikroORM;
  /** The app's ORM, connected as the API's role (the job runner uses it too). */
  apiOrm: MikroORM;
  app: App;
  config: Config;
  /** Moves the server's clock (link expiry and the like). */
  setNow(at: Date | undefined): void;
  /** The server's clock now (what setNow set, else the time). */
  clock(): Date;
  /** A local token for an account subject. */
  token(subject: string): Promise<string>;
  /** POSTs a GraphQL operation over HTTP, with a bearer token when given. */
  graphql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResult<T>>;
  /** Any HTTP request to /graphql (a body as given, a GET with search parameters), with its headers back. */
  http(options: RawRequest): Promise<RawResponse>;
  close(): Promise<void>;
}

export interface RawRequest {
  method?: 'GET' | 'POST';
  /** Sent as JSON unless a string. */
  body?: unknown;
  search?: Record<string, string>;
  token?: string;
  headers?: Record<string, string>;
  timeoutMs?: number;
}

export interface RawResponse {
  status: number;
  headers: Headers;
  /** The parsed JSON body (undefined when it is not JSON). */
  json: (Omit<GraphQLResult, 'status'> & Record<string, unknown>) | undefined;
  text: string;
}

/**
 * The real server (HTTP, Apollo, permissions, ORM) on a migrated database of this worker;
 * `env` adds configuration (NODE_ENV stays `test` unless given); `logger` receives its log
 * lines (silent by default, TEST_LOG=1 prints them); `faults` are injected (src/context.ts).
 */
export async function startTestServer(options: { databaseUrl?: string; env?: NodeJS.ProcessEnv; logger?: Logger; faults?: Faults } = {}): Promise<TestServer> {
  const databaseUrl = options.databaseUrl ?? (await testDatabase());
  const apiDatabaseUrl = urlAsRole(databaseUrl, apiRoleOf(databaseUrl));
  const config = testConfig(apiDatabaseUrl, { DATABASE_OWNER_URL: databaseUrl, ...options.env });
  const superuser = new Client({ connectionString: databaseUrl });
  await superuser.connect();
  try {
    await ensureApiRole(superuser, apiRoleOf(databaseUrl));
  } finally {
    await superuser.end();
  }
  await prepareDatabase({ api: apiDatabaseUrl, owner: databaseUrl }, config, () => undefined, { preferTs: true });
  const orm = await connect(databaseUrl, config, () => undefined, { preferTs: true });
  let apiOrm: MikroORM | undefined;
  let now: Date | undefined;
  let app: App | undefined;
  try {
    apiOrm = await connect(apiDatabaseUrl, config, () => undefined, { preferTs: true });
    app = await createApp({ config, orm: apiOrm, now: () => now ?? new Date(), logger: options.logger ?? createLogger(process.env.TEST_LOG ? 'debug' : 'silent'), faults: options.faults });
    const url = await app.listen(0);
    const started = app;
    const startedOrm = apiOrm;
    return {
      url,
      databaseUrl,
      apiDatabaseUrl,
      orm,
      apiOrm: startedOrm,
      app: started,
      config,
      setNow: (at) => {
        now = at;
      },
      clock: () => now ?? new Date(),
      token: (subject) => signLocalToken(config.auth, subject),
      async graphql(query, variables, token) {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body: JSON.stringify({ query, variables }),
        });
        const body = (await response.json()) as Omit<GraphQLResult, 'status'>;
        return { status: response.status, ...body } as GraphQLResult<never>;
      },
      async http({ method = 'POST', body, search, token, headers = {}, timeoutMs = 30_000 }) {
        const target = new URL(url);
        for (const [key, value] of Object.entries(search ?? {})) target.searchParams.set(key, value);
        const response = await fetch(target, {
          method,
          headers: {
            ...(method === 'POST' ? { 'content-type': 'application/json' } : {}),
            ...(token ? { authorization: `Bearer ${token}` } : {}),
            ...headers,
          },
          body: method === 'POST' ? (typeof body === 'string' ? body : JSON.stringify(body)) : undefined,
          signal: AbortSignal.timeout(timeoutMs),
        });
        const text = await response.text();
        let json: RawResponse['json'];
        try {
          json = JSON.parse(text) as RawResponse['json'];
        } catch {
          json = undefined;
        }
        return { status: response.status, headers: response.headers, json, text };
      },
      async close() {
        await started.stop();
        await apiOrm?.close(true);
        await orm.close(true);
      },
    };
  } catch (error) {
    await app?.stop().catch(() => undefined);
    await apiOrm?.close(true);
    await orm.close(true);
    throw error;
  }
}

/**
 * The real server on this worker's demo database: migrated, and seeded with the demo
 * programme on first use. Tests must not change the demo data (build their own rows with
 * the factories in tests/factories for that, on startTestServer()).
 */
export async function startDemoServer(env?: NodeJS.ProcessEnv): Promise<TestServer & { tokenFor(email: string): Promise<string> }> {
  const databaseUrl = await testDatabase(`demo_w${process.env.JEST_WORKER_ID ?? '1'}`);
  const server = await startTestServer({ databaseUrl, env });
  try {
    if (await isEmpty(server.orm)) await seedDemo(server.orm.em.fork());
  } catch (error) {
    await server.close();
    throw error;
  }
  return {
    ...server,
    async tokenFor(email: string) {
      const rows: { subject: string }[] = await server.orm.em
        .getConnection()
        .execute('select subject from account where email = ?', [email]);
      if (!rows[0]) throw new Error(`no demo account ${email}`);
      return server.token(rows[0].subject);
    },
  };
}
