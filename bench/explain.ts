import { Client } from 'pg';
import { loadConfig } from '../src/config';
import { connect } from '../src/db/database';
import { createApp } from '../src/server';
import type { Scenario, ScenarioKey } from './scenarios';
import { createLogger } from '../src/log';

/**
 * The plans of the SQL the API sends for each scenario. The API runs in this process (the
 * compiled code the bench server runs, same configuration); the driver's Client.query is
 * wrapped to record every statement sent while one request of each scenario runs (nothing
 * else runs meanwhile), with its parameters;
 * each statement is then run again as a plain EXPLAIN (not ANALYZE: nothing executes,
 * the access-log INSERT included) on a separate connection. Any Seq Scan on a table of at
 * least LARGE_TABLE_ROWS rows (pg_class.reltuples) is flagged.
 *
 * Why not LOG_SQL: MikroORM logs the statements it builds but not the raw `execute()`
 * ones with their parameters as sent; wrapping the driver sees everything.
 */

export const LARGE_TABLE_ROWS = 10_000;

export interface SeqScan {
  table: string;
  rows: number;
}

export interface ExplainedStatement {
  sql: string;
  /** Top plan node and its estimated cost. */
  top: string;
  cost: number;
  seqScans: SeqScan[];
}

export interface ScenarioPlans {
  key: ScenarioKey;
  statements: ExplainedStatement[];
  flagged: SeqScan[];
}

export interface ExplainReport {
  statementTimeout: string;
  scenarios: ScenarioPlans[];
}

interface Captured {
  text: string;
  values?: unknown[];
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Total Cost': number;
  Plans?: PlanNode[];
}

function walk(node: PlanNode, visit: (node: PlanNode) => void): void {
  visit(node);
  for (const child of node.Plans ?? []) walk(child, visit);
}

export async function explainScenarios(url: string, scenarios: Scenario[]): Promise<ExplainReport> {
  // One request at a time and nothing else running: every statement sent meanwhile is its.
  let recording: Captured[] | undefined;
  const original = Client.prototype.query;
  // The driver's query has many overloads; we record the text and the values and pass everything on.
  Client.prototype.query = function recordedQuery(this: Client, ...args: unknown[]) {
    const into = recording;
    if (into) {
      const [first, second] = args;
      if (typeof first === 'string') into.push({ text: first, values: Array.isArray(second) ? second : undefined });
      else if (first && typeof first === 'object' && 'text' in first) {
        const q = first as { text: string; values?: unknown[] };
        into.push({ text: q.text, values: q.values ?? (Array.isArray(second) ? second : undefined) });
      }
    }
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof Client.prototype.query;

  const config = loadConfig({ NODE_ENV: 'development', DATABASE_URL: url });
  const orm = await connect(url, config);
  const app = await createApp({ config, orm, logger: createLogger('silent') });
  const endpoint = await app.listen(0, '127.0.0.1');
  const explainer = new Client({ connectionString: url });
  await explainer.connect();
  try {
    const timeout = await orm.em.getConnection().execute<{ statement_timeout: string }[]>('show statement_timeout');
    const sizes = new Map(
      (await explainer.query<{ relname: string; n: string }>(
        `select relname, greatest(reltuples, 0)::bigint as n from pg_class where relkind = 'r' and relnamespace = 'public'::regnamespace`,
      )).rows.map((r) => [r.relname, Number(r.n)] as const),
    );
    const report: ExplainReport = { statementTimeout: timeout[0]?.statement_timeout ?? '?', scenarios: [] };
    for (const scenario of scenarios) {
      const request = scenario.requests[0]!;
      const captured: Captured[] = [];
      recording = captured;
      try {
        const response = await fetch(endpoint, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${request.token}` },
          body: request.body,
        });
        await response.text();
      } finally {
        recording = undefined;
      }
      const statements: ExplainedStatement[] = [];
      for (const statement of captured) {
        if (!/^\s*(select|insert|update|delete|with)\b/i.test(statement.text)) continue;
        const { rows } = await explainer.query<{ 'QUERY PLAN': { Plan: PlanNode }[] }>(
          `explain (format json) ${statement.text}`,
          statement.values,
        );
        const plan = rows[0]!['QUERY PLAN'][0]!.Plan;
        const seqScans: SeqScan[] = [];
        walk(plan, (node) => {
          if (node['Node Type'] === 'Seq Scan' && node['Relation Name']) {
            seqScans.push({ table: node['Relation Name'], rows: sizes.get(node['Relation Name']) ?? 0 });
          }
        });
        statements.push({ sql: statement.text.replace(/\s+/g, ' ').trim(), top: plan['Node Type'], cost: plan['Total Cost'], seqScans });
      }
      const flagged = statements.flatMap((s) => s.seqScans).filter((s) => s.rows >= LARGE_TABLE_ROWS);
      report.scenarios.push({ key: scenario.key, statements, flagged });
      // The write scenario's EXPLAIN ran without executing, but the request itself wrote.
    }
    return report;
  } finally {
    Client.prototype.query = original;
    await explainer.end();
    await app.stop();
    await orm.close(true);
  }
}
