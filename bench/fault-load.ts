import { loadConfig } from '../src/config';
import { signLocalToken } from '../src/auth/tokens';
import { demoSubject } from '../src/seed/demo.seed';

/**
 * The reads sent through the load balancer while faults are injected (bench/faults.ts, and
 * tests/ops/topology.int.test.ts), each sent by a demo account, and what came back.
 */

export const ROSTER = '{ children(first: 20) { totalCount edges { node { id firstName } } } }';
export const STATISTICS = '{ statistics(table: CHILDREN_FOLLOWED, period: "2025-2026") { total { count suppressed } } }';

export interface Outcome {
  sentAt: number;
  doneAt: number;
  /** `200`, or the failure: `503 SERVICE_UNAVAILABLE`, `503 SERVICE_UNAVAILABLE (balancer)`, `502 not JSON`, `network UND_ERR_SOCKET`. */
  outcome: string;
}

/** A development token of a demo account (the topology's API processes run in development). */
export function demoToken(email: string): Promise<string> {
  return signLocalToken(loadConfig({ NODE_ENV: 'development' }).auth, demoSubject(email), { email });
}

export async function ask(baseUrl: string, query: string, token: string): Promise<Outcome> {
  const sentAt = Date.now();
  try {
    const response = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query }),
      signal: AbortSignal.timeout(15_000),
    });
    const text = await response.text();
    if (!text.startsWith('{')) return { sentAt, doneAt: Date.now(), outcome: `${response.status} not JSON` };
    const error = (JSON.parse(text) as { errors?: { message?: string; extensions?: { code?: string } }[] }).errors?.[0];
    // The balancer's own answer when no API process is ready (scripts/topology.ts), told apart from the API's.
    const by = error?.message?.startsWith('No API process is ready') ? ' (balancer)' : '';
    return { sentAt, doneAt: Date.now(), outcome: error?.extensions?.code ? `${response.status} ${error.extensions.code}${by}` : String(response.status) };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    return { sentAt, doneAt: Date.now(), outcome: `network ${cause?.code ?? (error instanceof Error ? error.name : 'error')}` };
  }
}

/** Counts by outcome, sorted by name. */
export function countOutcomes(outcomes: readonly Outcome[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const o of [...outcomes].sort((a, b) => a.outcome.localeCompare(b.outcome))) counts[o.outcome] = (counts[o.outcome] ?? 0) + 1;
  return counts;
}
