import { ref } from '@mikro-orm/core';
import { loadConfig } from '../../src/config';
import { DataCategory, PartnerKind, Role } from '../../src/entities';
import { startTestServer, type TestServer } from '../helpers/test-server';
import * as f from '../factories';

/** GET /metrics (src/metrics.ts): what it counts, and who may read it. */

const TOKEN = 'metrics-token-of-the-test-0123456789abcdef';
const ROSTER = /* GraphQL */ `query MetricsRoster { children(first: 10) { edges { node { id firstName } } } }`;

/** The value of one sample of the exposition text (`name{labels} value`), or undefined. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    if (!line.startsWith(name)) continue;
    const match = /^([^{\s]+)(?:\{([^}]*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries((match[2] ?? '').split(',').filter(Boolean).map((pair) => {
      const [key, value] = pair.split('=');
      return [key, JSON.parse(value!) as string];
    }));
    if (Object.entries(labels).every(([key, value]) => found[key] === value)) return Number(match[3]);
  }
  return undefined;
}

describe('metrics', () => {
  let server: TestServer;
  let agent: string;

  beforeAll(async () => {
    server = await startTestServer({ env: { METRICS: 'token', METRICS_TOKEN: TOKEN } });
    const em = server.orm.em.fork();
    const prog = f.programme(em);
    const leisure = f.partner(em, prog, { kind: PartnerKind.LEISURE_CENTRE });
    const team = f.partner(em, prog, { kind: PartnerKind.PRE_TEAM });
    const coordinator = f.account(em, prog, Role.PRE_COORDINATOR, { partner: ref(team) });
    const agentAccount = f.account(em, prog, Role.PARTNER_AGENT, { partner: ref(leisure) });
    const kid = f.child(em, f.family(em, prog));
    f.serviceLink(em, kid, leisure, coordinator, { categories: [DataCategory.IDENTITY] });
    await em.flush();
    agent = await server.token(agentAccount.subject);
  });

  afterAll(async () => {
    await server?.close();
  });

  const scrape = (authorization?: string) =>
    fetch(server.url.replace(/\/graphql$/, '/metrics'), { headers: authorization ? { authorization } : {} });

  it('refuses a scrape without the token, or with another one', async () => {
    expect((await scrape()).status).toBe(401);
    expect((await scrape(`Bearer ${TOKEN}x`)).status).toBe(401);
    expect((await scrape(`Bearer ${TOKEN}`)).status).toBe(200);
  });

  it('counts requests by operation, errors by code, the access log and the pool', async () => {
    const read = await server.graphql<{ children: { edges: unknown[] } }>(ROSTER, {}, agent);
    expect(read.data?.children.edges).toHaveLength(1);
    const refused = await server.graphql(ROSTER, {});
    expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const text = await (await scrape(`Bearer ${TOKEN}`)).text();
    // The refused request stopped before its operation was resolved: it counts as an error only.
    expect(sample(text, 'pre_api_graphql_request_duration_seconds_count', { operation: 'MetricsRoster', type: 'query' })).toBe(1);
    expect(sample(text, 'pre_api_errors_total', { code: 'UNAUTHENTICATED' })).toBe(1);
    // The agent's read wrote its access events once, and was timed.
    expect(sample(text, 'pre_api_access_log_write_seconds_count')).toBe(1);
    expect(sample(text, 'pre_api_db_pool_connections', { state: 'free' })).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'pre_api_db_pool_connections', { state: 'used' })).toBe(0);
    expect(sample(text, 'pre_api_db_pool_waiting')).toBe(0);
    expect(sample(text, 'pre_api_http_requests_total', { route: 'graphql', status: '2xx' })).toBe(1);
    expect(sample(text, 'pre_api_process_resident_memory_bytes')).toBeGreaterThan(0);
  });

  it('bounds the operation label: a name longer than 64 counts as (other)', async () => {
    await server.graphql(`query Named_1 { viewer { role } }`, {}, agent);
    await server.graphql(`query ${'L'.repeat(70)} { viewer { role } }`, {}, agent);
    await server.http({ body: { query: '{ viewer { role } }' }, token: agent });
    const text = await (await scrape(`Bearer ${TOKEN}`)).text();
    expect(sample(text, 'pre_api_graphql_request_duration_seconds_count', { operation: 'Named_1', type: 'query' })).toBe(1);
    expect(sample(text, 'pre_api_graphql_request_duration_seconds_count', { operation: '(other)', type: 'query' })).toBe(1);
    expect(sample(text, 'pre_api_graphql_request_duration_seconds_count', { operation: '(anonymous)', type: 'query' })).toBe(1);
  });

  it('is off by default in production, open by default elsewhere, and `token` needs a long token', () => {
    const production = { NODE_ENV: 'production', DATABASE_URL: 'postgresql://api@db/pre', JWT_SECRET: 'x'.repeat(32) };
    expect(loadConfig(production).metrics).toEqual({ mode: 'off' });
    expect(loadConfig({ ...production, METRICS: 'token', METRICS_TOKEN: TOKEN }).metrics).toEqual({ mode: 'token', token: TOKEN });
    expect(loadConfig({ NODE_ENV: 'development' }).metrics).toEqual({ mode: 'on' });
    expect(() => loadConfig({ METRICS: 'token', METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN/);
  });

  it('answers 404 when off', async () => {
    const off = await startTestServer({ databaseUrl: server.databaseUrl, env: { METRICS: 'off' } });
    try {
      expect((await fetch(off.url.replace(/\/graphql$/, '/metrics'))).status).toBe(404);
    } finally {
      await off.close();
    }
  });
});
