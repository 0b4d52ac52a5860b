import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/postgresql';
import { ConfigError, loadConfig } from '../src/config';
import { ormOptions } from '../src/mikro-orm.config';
import { runningEmbeddedUrl } from '../src/db/embedded';
import { EMBEDDED_DATABASE } from '../src/db/database';
import { Programme } from '../src/entities';
import { DEMO_PROGRAMME_NAME, type DemoSummary, seedDemo } from '../src/seed/demo.seed';

/**
 * `npm run seed`: migrates the database of DATABASE_URL and writes the demo programme
 * (src/seed/demo.seed.ts), once. A database that already holds it is left alone.
 */
export async function main(url: string | undefined, argv: readonly string[] = []): Promise<DemoSummary | null> {
  if (argv.length > 0) throw new UsageError(`unexpected argument ${argv[0]} (usage: seed, with DATABASE_URL set)`);
  if (!url) throw new UsageError('no database: set DATABASE_URL (e.g. postgresql://postgres@127.0.0.1:5432/pre_dev), or run `npm start` for the embedded one');
  const orm = await MikroORM.init(ormOptions(url));
  try {
    await orm.getMigrator().up();
    const em = orm.em.fork();
    if ((await em.count(Programme, { name: DEMO_PROGRAMME_NAME }, { filters: false })) > 0) {
      console.log(`already seeded: "${DEMO_PROGRAMME_NAME}" exists`);
      return null;
    }
    const started = Date.now();
    const summary = await seedDemo(em);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`demo seeded in ${seconds} s: programme ${summary.programmeId} (other: ${summary.otherProgrammeId})`);
    for (const [table, count] of Object.entries(summary.counts)) console.log(`  ${table.padEnd(32)} ${String(count).padStart(6)}`);
    return summary;
  } finally {
    await orm.close();
  }
}

/** A mistake in how the script was called: reported without a stack trace. */
export class UsageError extends Error {}

/** One line on stderr; the stack only with DEBUG set (read here: it is not application configuration). */
export function reportFailure(error: unknown): void {
  const message = error instanceof Error ? error.message.split('\n').map((l) => l.trim()).join(' ') : String(error);
  console.error(`seed failed: ${message}`);
  if (process.env.DEBUG && error instanceof Error && !(error instanceof UsageError)) console.error(error.stack);
}

if (require.main === module) {
  (async () => {
    let url: string | undefined;
    try {
      const config = loadConfig();
      // DATABASE_URL, else the embedded database of a running `npm start`.
      url = config.databaseUrl ?? runningEmbeddedUrl(config.embedded.dir, EMBEDDED_DATABASE);
    } catch (error) {
      throw error instanceof ConfigError ? new UsageError(error.message) : error;
    }
    await main(url, process.argv.slice(2));
  })().then(
    () => process.exit(0),
    (error: unknown) => {
      reportFailure(error);
      process.exit(1);
    },
  );
}
