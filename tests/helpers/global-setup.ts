import { Client } from 'pg';
import { startEmbedded, type EmbeddedHandle } from '../../src/db/embedded';

declare global {
  var __EMBEDDED_TEST_DB__: EmbeddedHandle | undefined;
}

/**
 * One PostgreSQL server for the run: DATABASE_URL's when given (CI, these machines), else
 * an embedded one with its own data folder, as on a newcomer's machine. Each worker then
 * creates its own database on it (tests/helpers/test-server.ts).
 */
export default async function globalSetup(): Promise<void> {
  process.env.TEST_RUN_ID = `${Date.now().toString(36)}${process.pid}`;
  if (process.env.DATABASE_URL) {
    process.env.TEST_SERVER_URL = process.env.DATABASE_URL;
  } else {
    const handle = await startEmbedded({ dataDir: '.data/test-postgres', databases: [] });
    globalThis.__EMBEDDED_TEST_DB__ = handle;
    process.env.TEST_SERVER_URL = handle.url('postgres');
  }
  const client = new Client({ connectionString: process.env.TEST_SERVER_URL });
  await client.connect();
  await client.end();
}
