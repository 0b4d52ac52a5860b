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
      // The API roles of those databases (tests/helpers/test-server.ts, apiRoleOf).
      const roles = await client.query<{ rolname: string }>('select rolname from pg_roles where rolname like $1', [`pre_test_${runId}_%`]);
      for (const { rolname } of roles.rows) await client.query(`drop role if exists ${client.escapeIdentifier(rolname)}`);
    } finally {
      await client.end();
    }
  }
  await globalThis.__EMBEDDED_TEST_DB__?.stop();
}
