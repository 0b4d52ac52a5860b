import { AsyncLocalStorage } from 'node:async_hooks';
import { Client } from 'pg';

/**
 * Counts the SQL statements each request sends: for its log line (src/request-log.ts), and
 * for the tests and the benchmarks that hold the API to a fixed number of statements per
 * request (tests/sql-count.int.test.ts, bench/). The server enables it: it patches the
 * driver's Client.query once.
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

/** Runs `fn` counting its statements into `counter` (a request's record). */
export function withCounter<T>(counter: Counter, fn: () => Promise<T>): Promise<T> {
  return storage.run(counter, fn);
}

/** The counter of the code running now (the request's), if any. */
export function currentCounter(): Counter | undefined {
  return storage.getStore();
}
