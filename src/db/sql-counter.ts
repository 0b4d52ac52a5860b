import { AsyncLocalStorage } from 'node:async_hooks';
import { Client } from 'pg';

/**
 * Counts the SQL statements each request sends, for the tests and the benchmarks that
 * hold the API to a fixed number of statements per request (tests/sql-count.int.test.ts,
 * bench/). Off unless enabled: it patches the driver's Client.query once.
 */

interface Counter {
  statements: number;
}

const storage = new AsyncLocalStorage<Counter>();
let enabled = false;

export function enableSqlCounting(): void {
  if (enabled) return;
  enabled = true;
  const original = Client.prototype.query;
  // The driver's query has many overloads; we only count the call and pass everything on.
  Client.prototype.query = function countedQuery(this: Client, ...args: unknown[]) {
    const counter = storage.getStore();
    if (counter) counter.statements += 1;
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof Client.prototype.query;
}

export function sqlCountingEnabled(): boolean {
  return enabled;
}

/** Runs `fn` with a fresh statement counter for everything it awaits. */
export function withSqlCounter<T>(fn: (counter: Counter) => Promise<T>): Promise<T> {
  const counter: Counter = { statements: 0 };
  return storage.run(counter, () => fn(counter));
}
