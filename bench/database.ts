import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { withClient } from '../src/db/sql';
import { loadConfig } from '../src/config';
import { connect, migrate } from '../src/db/database';
import { SCALE_PROGRAMME_PREFIX, programmeSizes, seedScale } from '../src/seed/scale.seed';
import { BENCH_DIR } from './paths';

/**
 * The bench databases: `pre_bench_<N>` on the PostgreSQL server of BENCH_PG_URL (default
 * the local service), migrated and filled by seedScale once, then reused while they hold
 * exactly N scale children (`--reseed` to start again). The seed's own report (seconds,
 * rows) is kept in bench/.cache/seed-<N>.json so that a reused database still has its
 * figure.
 */

export const BENCH_WRITE_DESCRIPTION = 'Bench: write scenario (deleted after the run)';

export interface SeedRecord {
  children: number;
  programmes: number;
  rows: number;
  /** What seedScale reported (its own clock, from the first row generated to ANALYZE). */
  seconds: number;
  at: string;
}

export interface BenchDatabase {
  url: string;
  name: string;
  seed?: SeedRecord;
  /** True when this run seeded it. */
  seeded: boolean;
  migrationsApplied: string[];
}


export function adminUrl(): string {
  return process.env.BENCH_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
}

export function databaseUrl(name: string): string {
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

function cacheFile(children: number): string {
  const dir = path.join(BENCH_DIR, '.cache');
  mkdirSync(dir, { recursive: true });
  return path.join(dir, `seed-${children}.json`);
}

export function readSeedRecord(children: number): SeedRecord | undefined {
  const file = cacheFile(children);
  if (!existsSync(file)) return undefined;
  return JSON.parse(readFileSync(file, 'utf8')) as SeedRecord;
}

async function migrateDatabase(url: string): Promise<string[]> {
  const config = loadConfig({ NODE_ENV: 'development', DATABASE_URL: url });
  const orm = await connect(url, config);
  try {
    return await migrate(orm);
  } finally {
    await orm.close(true);
  }
}

async function scaleChildren(url: string): Promise<{ children: number; programmes: number; others: number; sizes: number[] }> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ children: string; programmes: string; others: string }>(
      `select (select count(*) from child c join programme p on p.id = c.programme_id where p.name like $1) as children,
              (select count(*) from programme where name like $1) as programmes,
              (select count(*) from programme where name not like $1) as others`,
      [`${SCALE_PROGRAMME_PREFIX} %`],
    );
    const sizes = await client.query<{ n: string }>(
      `select (select count(*) from child c where c.programme_id = p.id) as n from programme p where p.name like $1 order by p.name`,
      [`${SCALE_PROGRAMME_PREFIX} %`],
    );
    return { children: Number(rows[0]!.children), programmes: Number(rows[0]!.programmes), others: Number(rows[0]!.others), sizes: sizes.rows.map((r) => Number(r.n)) };
  });
}

/** Creates, migrates and seeds `pre_bench_<children>` unless it already holds exactly that. */
export async function ensureBenchDatabase(children: number, reseed: boolean, log: (line: string) => void): Promise<BenchDatabase> {
  const name = `pre_bench_${children}`;
  const url = databaseUrl(name);
  const exists = await withClient(adminUrl(), async (client) => {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    return rowCount === 1;
  });
  let fresh = !exists;
  if (exists && !reseed) {
    const migrationsApplied = await migrateDatabase(url);
    const held = await scaleChildren(url);
    // Programme sizes other than the generator's: seeded by an older one (before the big cities).
    const current = held.sizes.join() === programmeSizes(children, held.programmes).join();
    if (held.children === children && held.others === 0 && current) {
      log(`${name}: reused (${held.children} children in ${held.programmes} programmes)`);
      return { url, name, seed: readSeedRecord(children), seeded: false, migrationsApplied };
    }
    log(current
      ? `${name}: holds ${held.children} scale children, not ${children}: recreating it`
      : `${name}: seeded by an older generator (its programme sizes differ): recreating it`);
  }
  if (exists) {
    await withClient(adminUrl(), (client) => client.query(`drop database ${client.escapeIdentifier(name)} with (force)`));
    fresh = true;
  }
  if (fresh) await withClient(adminUrl(), (client) => client.query(`create database ${client.escapeIdentifier(name)}`));
  const migrationsApplied = await migrateDatabase(url);
  log(`${name}: seeding ${children} children with seedScale...`);
  const summary = await seedScale(url, { children, log: (line) => log(`  ${line}`) });
  const seed: SeedRecord = {
    children: summary.children,
    programmes: summary.programmes,
    rows: Object.values(summary.counts).reduce((a, b) => a + b, 0),
    seconds: summary.seconds,
    at: new Date().toISOString(),
  };
  writeFileSync(cacheFile(children), `${JSON.stringify(seed, null, 2)}\n`);
  return { url, name, seed, seeded: true, migrationsApplied };
}

/**
 * Puts a reused database back where a fresh one starts: the access log emptied (every read
 * of the previous runs appended to it; its append-only triggers are skipped for this
 * session only, `session_replication_role = replica`, on a bench database) and the
 * referrals of the write scenario deleted.
 */
export async function resetBenchState(url: string): Promise<void> {
  if (!/\/pre_bench_\d+$/.test(new URL(url).pathname)) throw new Error(`not a bench database: ${url}`);
  await withClient(url, async (client) => {
    await client.query('begin');
    await client.query('set local session_replication_role = replica');
    await client.query('truncate access_event');
    await client.query('delete from referral where description = $1', [BENCH_WRITE_DESCRIPTION]);
    await client.query('commit');
    await client.query('analyze access_event');
    await client.query('analyze referral');
  });
}

export async function serverFacts(url: string): Promise<{ postgres: string; programmes: number; sizes: Record<string, number> }> {
  return withClient(url, async (client) => {
    const version = await client.query<{ v: string }>('select current_setting($$server_version$$) as v');
    const programmes = await client.query<{ n: string }>('select count(*) as n from programme');
    const sizes = await client.query<{ relname: string; n: string }>(
      `select relname, greatest(reltuples, 0)::bigint as n from pg_class
        where relkind = 'r' and relnamespace = 'public'::regnamespace
          and relname in ('child', 'family', 'guardian', 'service_link', 'consent', 'consent_scope', 'pathway', 'referral', 'observation', 'access_event')`,
    );
    return { postgres: version.rows[0]!.v, programmes: Number(programmes.rows[0]!.n), sizes: Object.fromEntries(sizes.rows.map((r) => [r.relname, Number(r.n)])) };
  });
}
