import type { ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import { GraphQLError } from 'graphql';
import type { Context } from '../context';
import { viewerOf } from '../context';
import { sql } from '../db/sql';
import { BadUserInput, ErrorCode, Forbidden, ServiceUnavailable } from '../errors';
import { isDatabaseUnreachable } from '../db/unavailable';
import { ReadAction, mayRead } from '../permissions/policy';
import { StatisticsTableName, type TableDef } from './catalogue';
import type { StatisticsAnswer } from './statistics';
import { errorFields, type Logger } from '../log';
import { currentRequest } from '../request-log';

/**
 * GET /statistics/<table>.csv?period=2025-2026&by=AGE_BAND,SCHOOL_NETWORK: the same table
 * as the GraphQL `statistics` field, for the BI tools that read files. Same bearer token,
 * same rate limits and headers as /graphql (the server's context creation), same policy
 * (READ_STATISTICS). UTF-8 with a header row, one line per cell (the crossing's cells, the
 * margins, then the total with every dimension ALL); a suppressed cell has an empty count
 * and `suppressed` true. Written by csv-stringify as a stream. Each download is one EXPORT
 * event of the access log.
 */

const PATH = /^\/statistics\/([a-z-]+)\.csv$/;

/** `children-followed` for CHILDREN_FOLLOWED. */
export function csvPathOf(table: TableDef): string {
  return `/statistics/${table.name.toLowerCase().replace(/_/g, '-')}.csv`;
}

export function isStatisticsCsvPath(pathname: string): boolean {
  return PATH.test(pathname);
}

function tableOfPath(pathname: string): string {
  const name = PATH.exec(pathname)?.[1]?.toUpperCase().replace(/-/g, '_') ?? '';
  if (!(name in StatisticsTableName)) throw new BadUserInput('table', `no statistics table at ${pathname}`, { reason: 'UNKNOWN_TABLE' });
  return name;
}

/** `by` as repeated parameters or one comma-separated list. */
function dimensionsOfQuery(search: URLSearchParams): string[] {
  return search.getAll('by').flatMap((value) => value.split(',')).map((v) => v.trim()).filter(Boolean);
}

/** The CSV's lines: a column per asked dimension (named after it), then the counts. */
export function csvRecords(answer: StatisticsAnswer): Record<string, string | number | boolean | null>[] {
  const base = { table: answer.table.name, period: answer.period.code };
  const withDims = (values: string[]) => Object.fromEntries(answer.dimensions.map((d, i) => [d, values[i]]));
  const median = answer.table.medianDaysToDecision;
  const records = answer.rows.map((row) => ({
    ...base,
    ...withDims(row.values),
    count: row.count,
    suppressed: row.suppressed,
    ...(median ? { median_days_to_decision: row.medianDaysToDecision } : {}),
  }));
  records.push({
    ...base,
    ...withDims(answer.dimensions.map(() => 'ALL')),
    count: answer.total.count,
    suppressed: answer.total.suppressed,
    ...(median ? { median_days_to_decision: null } : {}),
  });
  return records;
}

function csvColumns(answer: StatisticsAnswer): string[] {
  return ['table', 'period', ...answer.dimensions, 'count', 'suppressed', ...(answer.table.medianDaysToDecision ? ['median_days_to_decision'] : [])];
}

const STATUS: Partial<Record<string, number>> = {
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.UNAUTHENTICATED]: 401,
};

function sendError(res: ServerResponse, error: GraphQLError): void {
  const http = error.extensions.http as { status?: number; headers?: Map<string, string> } | undefined;
  const code = String(error.extensions.code ?? ErrorCode.INTERNAL_SERVER_ERROR);
  const status = http?.status ?? STATUS[code] ?? 500;
  for (const [name, value] of http?.headers ?? []) res.setHeader(name, value);
  const { http: _http, ...extensions } = error.extensions;
  const text = JSON.stringify({ errors: [{ message: error.message, extensions }] });
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

export interface CsvRouteOptions {
  /** The request's context, as /graphql makes it (token, rate limits, deadline). */
  context: () => Promise<Context>;
  logger: Logger;
}

export async function serveStatisticsCsv(res: ServerResponse, url: URL, options: CsvRouteOptions): Promise<void> {
  let answer: StatisticsAnswer;
  try {
    const ctx = await options.context();
    const viewer = viewerOf(ctx);
    if (!mayRead(viewer.role, ReadAction.READ_STATISTICS)) throw new Forbidden(`Not allowed: a ${viewer.role} may not do ${ReadAction.READ_STATISTICS}`);
    const request = { table: tableOfPath(url.pathname), period: url.searchParams.get('period') ?? '', by: dimensionsOfQuery(url.searchParams) };
    answer = await ctx.statistics.answer(ctx.em, viewer.programmeId, request, ctx.now);
    // One EXPORT event per download, written before the file leaves (no child: none is in it).
    await sql(
      ctx.em,
      `insert into access_event (id, programme_id, at, account_id, partner_id, action, entity, child_id, categories, request_id)
       values (gen_random_uuid(), $1, $2, $3, $4, 'EXPORT', 'Statistics', null, '{}', $5)`,
      [viewer.programmeId, ctx.now, viewer.accountId, viewer.partnerId ?? null, ctx.requestId],
    );
  } catch (error) {
    if (error instanceof GraphQLError) {
      sendError(res, error);
      return;
    }
    if (isDatabaseUnreachable(error)) {
      sendError(res, new ServiceUnavailable());
      return;
    }
    options.logger.error({ requestId: currentRequest()?.id, err: errorFields(error) }, 'statistics CSV failed');
    sendError(res, new GraphQLError('Internal server error', { extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } }));
    return;
  }
  const filename = `${csvPathOf(answer.table).slice('/statistics/'.length, -'.csv'.length)}-${answer.period.code}.csv`;
  res.writeHead(200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${filename}"` });
  await pipeline(
    Readable.from(csvRecords(answer)),
    stringify({ header: true, columns: csvColumns(answer), cast: { boolean: (value) => (value ? 'true' : 'false') } }),
    res,
  );
}
