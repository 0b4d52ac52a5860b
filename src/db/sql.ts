import type { EntityManager } from '@mikro-orm/postgresql';
import { Client, type QueryResult, type QueryResultRow } from 'pg';
import { deadlineOf } from '../limits/deadline';

/**
 * A plain SQL statement on one of the ORM's pooled connections, straight through the
 * driver: `$1`-style parameters, rows as the driver parses them. For the read paths that
 * run many times a request (the read model, the grants, the viewer, the access log): the
 * query builder's own work (bindings, formatting, result mapping) costs more there than the
 * statement. Not in a transaction: the workflows use their transaction's entity manager.
 *
 * The connection comes from the ORM's pool, so the pool's size, statement timeout and
 * application name apply, and LOG_SQL logs these statements like the ORM's own.
 *
 * Past the deadline of the request the entity manager serves (src/limits/deadline.ts), no
 * statement is sent (TIMEOUT), and one in flight is no longer waited for: its connection
 * goes back to the pool when the statement ends on the server.
 */
export async function sql<T extends QueryResultRow>(em: EntityManager, text: string, params: readonly unknown[]): Promise<T[]> {
  const deadline = deadlineOf(em);
  deadline?.check();
  const knexClient = em.getConnection().getKnex().client as PoolClient;
  const release = (connection: Client) => knexClient.releaseConnection(connection);
  const acquiring = knexClient.acquireConnection();
  const connection = deadline ? await deadline.race(acquiring, release) : await acquiring;
  const started = Date.now();
  let running: Promise<QueryResult<T>> | undefined;
  try {
    deadline?.check();
    running = connection.query<T>(text, params as unknown[]);
    const result = deadline ? await deadline.race(running).catch(withStatement(text)) : await running.catch(withStatement(text));
    em.config.getLogger().logQuery({ query: text, params: params as unknown[], took: Date.now() - started, results: result.rowCount ?? 0, level: 'info' });
    return result.rows;
  } finally {
    if (running && deadline?.tripped) void running.then(() => release(connection), () => release(connection));
    else await release(connection);
  }
}

/**
 * Names the statement on a driver error, for the log (src/log.ts logs its shape, never its
 * parameters): the driver's own errors carry no statement.
 */
function withStatement(text: string) {
  return (error: unknown): never => {
    if (error instanceof Error && !('statement' in error)) Object.defineProperty(error, 'statement', { value: text, enumerable: false });
    throw error;
  };
}

/** What we use of the knex client behind the ORM (its pool of driver connections). */
interface PoolClient {
  acquireConnection(): Promise<Client>;
  releaseConnection(connection: Client): Promise<void>;
}

/** The parameters of a statement being written: `add(value)` gives its placeholder. */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** `work` on a connection of its own to `url`, closed after (scripts, the bench: no pool). */
export async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
