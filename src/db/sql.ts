import type { EntityManager } from '@mikro-orm/postgresql';
import { Client, type QueryResultRow } from 'pg';

/**
 * A plain SQL statement on one of the ORM's pooled connections, straight through the
 * driver: `$1`-style parameters, rows as the driver parses them. For the read paths that
 * run many times a request (the read model, the grants, the viewer, the access log): the
 * query builder's own work (bindings, formatting, result mapping) costs more there than the
 * statement. Not in a transaction: the workflows use their transaction's entity manager.
 *
 * The connection comes from the ORM's pool, so the pool's size, statement timeout and
 * application name apply, and LOG_SQL logs these statements like the ORM's own.
 */
export async function sql<T extends QueryResultRow>(em: EntityManager, text: string, params: readonly unknown[]): Promise<T[]> {
  const knexClient = em.getConnection().getKnex().client as PoolClient;
  const connection = await knexClient.acquireConnection();
  const started = Date.now();
  try {
    const result = await connection.query<T>(text, params as unknown[]);
    em.config.getLogger().logQuery({ query: text, params: params as unknown[], took: Date.now() - started, results: result.rowCount ?? 0, level: 'info' });
    return result.rows;
  } finally {
    await knexClient.releaseConnection(connection);
  }
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
