import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { compiledGateway } from './execution';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from './config';
import type { Context, Faults, ProgrammeSettings } from './context';
import { acceptInvitation } from './invitations/accept';
import { restrictToProgramme } from './db/database';
import { ErrorCode, ServiceUnavailable, Unauthenticated } from './errors';
import { isDatabaseUnreachable, markUnreachable, metUnreachable, unreachablePlugin } from './db/unavailable';
import { TokenVerifier, bearerToken } from './auth/tokens';
import { RateLimits } from './auth/rate-limits';
import { clientAddress } from './auth/client-address';
import { openSession } from './permissions/session';
import { applyPermissions } from './permissions/shield';
import { accessLogPlugin, logIdentityReads } from './permissions/access-log';
import { storableTextPlugin } from './workflows/storable-text.plugin';
import { idempotencyPlugin } from './workflows/idempotency';
import { createLoaders } from './loaders';
import { buildAppSchema } from './schema/build-schema';
import { createHttpServer } from './http';
import { Health } from './health';
import { originAllowList } from './cors';
import { createExplorer } from './explorer/explorer';
import { enableSqlCounting } from './db/sql-counter';
import { RequestLimits } from './limits/request-limits';
import { Deadline, bindDeadline, deadlinePlugin } from './limits/deadline';
import { Statistics } from './statistics/statistics';
import { StatisticsSource } from './statistics/connection';
import { serveStatisticsCsv } from './statistics/csv';
import { apolloLogger, createLogger, errorFields, lineLogger, type Logger } from './log';
import { currentRequest, requestIdFor, requestLogPlugin } from './request-log';
import { createMetrics, serveMetrics, type Metrics, type PoolFigures } from './metrics';

/** How long stop() waits for the requests in flight before closing their connections. */
const DRAIN_MS = 10_000;

export interface AppOptions {
  config: Config;
  orm: MikroORM;
  /** The clock; tests inject one to move time (link expiry). */
  now?: () => Date;
  /** The logger (src/log.ts); by default one at LOG_LEVEL on standard output. */
  logger?: Logger;
  /** Faults to inject (tests only: refused in production). */
  faults?: Faults;
}

export interface App {
  apollo: ApolloServer<Context>;
  http: Server;
  schema: GraphQLSchema;
  /** The clock (AppOptions.now): the job runner's too. */
  now: () => Date;
  /** The figures GET /metrics gives (the job runner counts its runs there). */
  metrics: Metrics;
  /**
   * Builds the context of a request carrying this Authorization header (tests, scripts);
   * with the client's address, a failed authentication counts against its budget.
   */
  contextFor(authorization?: string, requestId?: string, address?: string): Promise<Context>;
  listen(port: number, host?: string): Promise<string>;
  /**
   * The first step of stopping: /health/ready answers 503 and every answer carries
   * `Connection: close`, while requests are still served (the load balancer's time to notice).
   */
  drain(): void;
  stop(): Promise<void>;
}

/** The executable schema: code-first types and resolvers, then the permission layer. */
export async function buildSchemaWithPermissions(): Promise<GraphQLSchema> {
  return applyPermissions(logIdentityReads(await buildAppSchema()));
}

/**
 * Errors reach clients as GraphQLErrors with a code; anything else (a bug, a database
 * error) is masked as INTERNAL_SERVER_ERROR and logged with the request id, by the fields
 * src/log.ts lets through (a database error's statement without its values, never its
 * stack or parameters: they carry the children's data).
 */
function formatErrorWith(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const code = formatted.extensions?.code;
    if (code === ErrorCode.SERVICE_UNAVAILABLE || (code === ErrorCode.INTERNAL_SERVER_ERROR && (isDatabaseUnreachable(error) || metUnreachable()))) {
      // Answered 503 with Retry-After by the HTTP layer (src/db/unavailable.ts).
      markUnreachable();
      const unavailable = new ServiceUnavailable();
      return { message: unavailable.message, path: formatted.path, locations: formatted.locations, extensions: { code: ErrorCode.SERVICE_UNAVAILABLE, retryAfter: unavailable.retryAfter } };
    }
    // Ours (named errors), and Apollo's and graphql-js's request errors (parse, validation).
    if (original instanceof GraphQLError && code !== ErrorCode.INTERNAL_SERVER_ERROR) return formatted;
    logger.error({ requestId: currentRequest()?.id, path: formatted.path?.join('.') ?? '(request)', err: errorFields(original) }, 'internal error');
    return {
      message: 'Internal server error',
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}

export async function createApp(options: AppOptions): Promise<App> {
  const { config, orm, faults } = options;
  if (faults && config.isProduction) throw new Error('fault injection is for tests, never in production');
  const logger = options.logger ?? createLogger(config.logLevel);
  const log = lineLogger(logger);
  const now = options.now ?? (() => new Date());
  const verifier = new TokenVerifier(config.auth);
  // Every request's line gives its number of SQL statements (the x-sql-statements header only with SQL_COUNT).
  enableSqlCounting();
  const metrics = createMetrics(() => (orm.em.getConnection().getKnex().client as { pool?: PoolFigures }).pool);
  const schema = config.benchPermissionsOff ? await buildAppSchema() : await buildSchemaWithPermissions();
  const statisticsSource = new StatisticsSource({ readUrl: config.statistics.readUrl, statementTimeoutMs: config.db.statementTimeoutMs, acquireTimeoutMs: config.db.acquireTimeoutMs, log });
  const statistics = new Statistics(statisticsSource, config.statistics.threshold);
  const settings: ProgrammeSettings = {
    retentionActiveYears: config.retention.activeYears,
    retentionArchiveYears: config.retention.archiveYears,
    accessLogRetentionMonths: config.retention.accessLogMonths,
    statisticsThreshold: config.statistics.threshold,
    invitationLifetimeHours: config.invitations.lifetimeHours,
  };

  async function contextFor(authorization?: string, requestId: string = randomUUID(), address?: string): Promise<Context> {
    if (!authorization) throw new Unauthenticated();
    // Credentials were presented and refused: 401, or 429 once the address is over its budget.
    const refused = async (error: Unauthenticated) => (address ? await rateLimits.countAuthFailure(address) : undefined) ?? error;
    const token = bearerToken(authorization);
    if (!token) throw await refused(new Unauthenticated());
    const subject = await verifier.subject(token);
    if (!subject) throw await refused(new Unauthenticated('Invalid or expired token'));
    const em = orm.em.fork();
    const deadline = new Deadline(config.limits.deadlineMs);
    bindDeadline(em, deadline);
    const at = now();
    // The account's point is spent while its session is read: one statement more, no round trip more.
    const [session, limited] = await Promise.all([openSession(em, subject, at), rateLimits.consumeAccount(subject)]).catch((error: unknown) => {
      throw isDatabaseUnreachable(error) ? new ServiceUnavailable() : error;
    });
    if (!session) throw await refused(new Unauthenticated('No active account for this token'));
    if (limited) throw limited;
    const { viewer, access } = session;
    restrictToProgramme(em, viewer.programmeId);
    return { requestId, now: at, em, viewer, access, loaders: createLoaders(em, viewer.programmeId), deadline, statistics, faults, settings };
  }

  // No HTTP caching of personal data, so no cache hints: without this, Apollo's default
  // cache-control plugin wraps every field's resolver to read them.
  const plugins: ApolloServerPlugin<Context>[] = [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginCacheControlDisabled(), requestLogPlugin()];
  if (!config.benchPermissionsOff) plugins.push(accessLogPlugin({ synchronousCommit: config.accessLogSynchronousCommit, written: (seconds) => metrics.accessLogWritten(seconds) }));
  plugins.push(storableTextPlugin(), idempotencyPlugin({ logger }), unreachablePlugin());
  // Request limits (src/limits/): checked before the context, answered TIMEOUT past the deadline.
  const limits = new RequestLimits(schema, config.limits);
  plugins.push(...limits.apolloPlugins, deadlinePlugin());
  const apollo = new ApolloServer<Context>({
    // GRAPHQL_EXECUTION (src/execution.ts): the same schema, permission layer included.
    ...(config.graphqlExecution === 'compiled' ? { gateway: compiledGateway(schema) } : { schema }),
    plugins,
    // The same token limit for documents that do not come through the HTTP check.
    parseOptions: { maxTokens: config.limits.tokens },
    // One operation per request, whose query comes with it (the check needs it: no persisted queries).
    allowBatchedHttpRequests: false,
    persistedQueries: false,
    includeStacktraceInErrorResponses: false,
    // We stop Apollo, the ORM and the embedded database ourselves, in that order.
    stopOnTerminationSignals: false,
    formatError: formatErrorWith(logger),
    // Apollo's own messages (an error thrown by a plugin...) to the log, their quoted parts removed.
    logger: apolloLogger(logger),
    // Introspection is for authenticated accounts (BI tools): anonymous requests never get past the context.
    introspection: true,
  });
  await apollo.start();
  const health = new Health({ url: orm.config.getClientUrl(), readUrl: config.statistics.readUrl, timeoutMs: config.health.timeoutMs });
  const rateLimits = new RateLimits({ url: orm.config.getClientUrl(), budgets: config.rateLimits, log });

  const http = createHttpServer({
    apollo,
    context: async (req, request) => {
      limits.check(request);
      return contextFor(req.headers.authorization, requestIdFor(req), clientAddress(req, config.trustProxyHops));
    },
    health,
    logger,
    onRequestFinished: (request) => metrics.requestFinished(request),
    metrics: config.metrics.mode === 'off' ? undefined : (req, res) => serveMetrics(req, res, metrics, config.metrics),
    countSql: config.sqlCount,
    // A guardian's first sign-in: the provider's token names the subject to bind.
    acceptInvitation: async (req, body) => {
      const token = bearerToken(req.headers.authorization);
      const subject = token ? await verifier.subject(token) : undefined;
      if (token && !subject) {
        const address = clientAddress(req, config.trustProxyHops);
        const limited = address ? await rateLimits.countAuthFailure(address) : undefined;
        if (limited) return { status: 429, body: { errors: [{ message: limited.message, extensions: { code: limited.extensions.code } }] } };
      }
      return acceptInvitation(orm, subject, body, now());
    },
    // The download of a child's file: the childExport query, with the request's credentials.
    exportChild: async (req, childId) => {
      let contextValue: Context;
      try {
        contextValue = await contextFor(req.headers.authorization, requestIdFor(req), clientAddress(req, config.trustProxyHops));
      } catch (error) {
        if (!(error instanceof GraphQLError)) throw error;
        const status = (error.extensions.http as { status?: number } | undefined)?.status ?? 401;
        return { status, body: { errors: [{ message: error.message, extensions: { code: error.extensions.code } }] } };
      }
      const response = await apollo.executeOperation<{ childExport: { document: unknown } }>(
        { query: 'query ChildExportDownload($childId: ID!) { childExport(childId: $childId) { document } }', variables: { childId } },
        { contextValue },
      );
      if (response.body.kind !== 'single') throw new Error('childExport: an incremental answer');
      const { data, errors } = response.body.singleResult;
      if (errors?.length || !data?.childExport) {
        const code = errors?.[0]?.extensions?.code;
        const status = code === ErrorCode.NOT_FOUND ? 404 : code === ErrorCode.BAD_USER_INPUT ? 400 : code === ErrorCode.SERVICE_UNAVAILABLE ? 503 : 500;
        return { status, body: { errors } };
      }
      return { status: 200, body: data.childExport.document };
    },
    corsAllows: originAllowList(config.corsOrigins),
    explorer: config.explorer ? createExplorer() : undefined,
    statisticsCsv: (req, res, url) =>
      serveStatisticsCsv(res, url, { context: () => contextFor(req.headers.authorization, requestIdFor(req), clientAddress(req, config.trustProxyHops)), logger }),
  });

  return {
    apollo,
    http,
    schema,
    now,
    metrics,
    contextFor,
    listen(port, host = '127.0.0.1') {
      return new Promise((resolve, reject) => {
        http.once('error', reject);
        http.listen(port, host, () => {
          const address = http.address() as AddressInfo;
          const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
          resolve(`http://${shownHost}:${address.port}/graphql`);
        });
      });
    },
    drain() {
      health.drain();
    },
    /**
     * Drains (if not yet), stops taking connections, lets the requests in flight finish (closing each kept-alive
     * connection once it is idle, for at most DRAIN_MS), then stops Apollo: a restart does
     * not fail the requests it finds running.
     */
    async stop() {
      health.drain();
      if (http.listening) {
        const closed = new Promise<void>((resolve) => http.close(() => resolve()));
        const deadline = Date.now() + DRAIN_MS;
        let done = false;
        void closed.then(() => (done = true));
        while (!done) {
          if (Date.now() > deadline) http.closeAllConnections();
          else http.closeIdleConnections();
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      }
      await apollo.stop();
      await rateLimits.stop();
      await statisticsSource.close();
      await health.close();
    },
  };
}
