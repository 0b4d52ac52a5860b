import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/postgresql';
import { withClient } from '../src/db/sql';
import { ConfigError, loadConfig } from '../src/config';
import { ormOptions } from '../src/mikro-orm.config';
import { type ScaleSummary, seedScale } from '../src/seed/scale.seed';
import { UsageError, reportFailure } from './seed';

/**
 * `seed-scale --children N [--programmes P] [--reset]`: migrates the database of
 * DATABASE_URL and fills it with N generated children (src/seed/scale.seed.ts).
 * The database must hold no programme, unless --reset is given: then its public schema is
 * dropped and migrated again (every table, the access log included, is wiped).
 */
export async function main(url: string | undefined, argv: readonly string[]): Promise<ScaleSummary> {
  const args = parseArgs(argv);
  if (!url) throw new UsageError('DATABASE_URL is not set: give the PostgreSQL database to fill, e.g. DATABASE_URL=postgresql://postgres@127.0.0.1:5432/pre_scale');
  const started = Date.now();
  if (args.reset) await resetSchema(url);
  const orm = await MikroORM.init(ormOptions(url));
  try {
    await orm.getMigrator().up();
  } finally {
    await orm.close();
  }
  const existing = await countProgrammes(url);
  if (existing > 0) throw new UsageError(`the database is not empty (${existing} programmes): use an empty database, or --reset to wipe it`);

  const summary = await seedScale(url, {
    children: args.children, programmes: args.programmes, log: (line) => console.log(line),
  });
  const rows = Object.values(summary.counts).reduce((a, b) => a + b, 0);
  for (const [table, count] of Object.entries(summary.counts)) console.log(`  ${table.padEnd(32)} ${String(count).padStart(9)}`);
  console.log(`${summary.children} children in ${summary.programmes} programmes, ${rows} rows: seed ${summary.seconds} s, total ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return summary;
}

interface Args {
  children: number;
  programmes?: number;
  reset: boolean;
}

const USAGE = 'usage: seed-scale --children N [--programmes P] [--reset]';

export function parseArgs(argv: readonly string[]): Args {
  let children: number | undefined;
  let programmes: number | undefined;
  let reset = false;
  const positive = (flag: string, raw: string | undefined): number => {
    const n = Number(raw);
    if (!raw || !Number.isInteger(n) || n < 1) throw new UsageError(`${flag} needs a positive integer (${USAGE})`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split('=', 2) as [string, string | undefined];
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--children': children = positive(flag, value()); break;
      case '--programmes': programmes = positive(flag, value()); break;
      case '--reset': reset = true; break;
      default: throw new UsageError(`unknown argument ${argv[i]} (${USAGE})`);
    }
  }
  if (children === undefined) throw new UsageError(`--children is required (${USAGE})`);
  if (programmes !== undefined && programmes > children) throw new UsageError('--programmes cannot exceed --children');
  return { children, programmes, reset };
}

/** Drops every table, type and function of the public schema (the access log's triggers forbid TRUNCATE). */
async function resetSchema(url: string): Promise<void> {
  await withClient(url, async (client) => {
    await client.query('drop schema public cascade');
    await client.query('create schema public');
  });
}

async function countProgrammes(url: string): Promise<number> {
  return withClient(url, async (client) => {
    const result = await client.query<{ n: string }>('select count(*) as n from programme');
    return Number(result.rows[0]?.n ?? 0);
  });
}

if (require.main === module) {
  (async () => {
    let url: string | undefined;
    try {
      url = loadConfig().databaseUrl;
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
