import { Client } from 'pg';

/** Drops this run's databases, then stops the embedded server if the setup started one. */
export default async function globalTeardown(): Promise<void> {
  const url = process.env.TEST_SERVER_URL;
  const runId = process.env.TEST_RUN_ID;
  if (url && runId) {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<{ datname: string }>(
        'select datname from pg_database where datname like $1',
        [`pre_test_${runId}_%`],
      );
      for (const { datname } of rows) await client.query(`drop database if exists ${client.escapeIdentifier(datname)} with (force)`);
    } finally {
      await client.end();
    }
  }
  await globalThis.__EMBEDDED_TEST_DB__?.stop();
}
