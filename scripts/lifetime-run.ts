import 'reflect-metadata';
import { config as loadConfig } from '../src/config';
import { connect, prepareDatabase } from '../src/db/database';
import { runLifetime } from '../src/lifetime/daily-run';

/**
 * `lifetime-run [--as-of ISO-instant]`: one run of the data's lifetime now (or as of the
 * instant given), on DATABASE_URL (owner: DATABASE_OWNER_URL, else the same), printing
 * its counts and time: for an operator, and for the figures in bench/results.md.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.databaseUrl) throw new Error('DATABASE_URL is not set');
  const at = process.argv.indexOf('--as-of');
  const now = at > 0 ? new Date(process.argv[at + 1]!) : new Date();
  if (Number.isNaN(now.getTime())) throw new Error('--as-of: not an instant');
  const urls = { api: config.databaseUrl, owner: config.databaseOwnerUrl ?? config.databaseUrl };
  await prepareDatabase(urls, config);
  const orm = await connect(urls.api, config);
  try {
    const started = Date.now();
    const counts = await runLifetime({ orm, ownerUrl: urls.owner, retention: config.retention, now });
    console.log(JSON.stringify({ asOf: now.toISOString(), ms: Date.now() - started, ...counts }));
  } finally {
    await orm.close(true);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
