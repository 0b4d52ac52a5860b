import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { loadConfig } from '../src/config';
import { signLocalToken } from '../src/auth/tokens';
import { withClient } from '../src/db/sql';
import { adminUrl, databaseUrl } from './database';
import { ROOT } from './paths';
import { memoryOf, startServer, stopAll, stopServer, type Started } from './processes';
import { aliasedPages, duplicatedField, manyDirectives, nestedFamilies, paddedDocument } from './shapes';

/**
 * `npm run bench:shapes [-- --skip-build] [--server dist/src/main.js]`: sends each request shape that once took the API
 * down to the compiled API started as `npm start` does (`node --max-old-space-size=512
 * dist/src/main.js`, demo programme), one shape per fresh process, and prints how long the
 * answer took, the process's peak resident memory and what came back (or that it died).
 * Each request is bounded (REQUEST_TIMEOUT_MS); the figures are in bench/limits.md.
 */

const DATABASE = 'pre_limits_shapes';
const REQUEST_TIMEOUT_MS = 40_000;
const DEATH_WATCH_MS = 20_000;
const NODE_ARGS = ['--max-old-space-size=512'];

interface Shape {
  name: string;
  account: string;
  query: string;
  /** Needs the id of a family the account sees. */
  family?: boolean;
}

const SHAPES: Shape[] = [
  { name: 'family/children nested 8 times', account: 'coordinator@demo.example', query: nestedFamilies(8), family: true },
  { name: 'family/children nested 12 times', account: 'coordinator@demo.example', query: nestedFamilies(12), family: true },
  { name: 'family/children nested 20 times', account: 'school@demo.example', query: nestedFamilies(20), family: true },
  { name: 'family/children nested 30 times', account: 'guardian@demo.example', query: nestedFamilies(30), family: true },
  { name: '1000 aliases of children(first: 100) with blocks', account: 'coordinator@demo.example', query: aliasedPages(1000) },
  { name: '990 KB document (a comment)', account: 'coordinator@demo.example', query: paddedDocument(990_000) },
  { name: '10,000 directives', account: 'coordinator@demo.example', query: manyDirectives(10_000) },
  { name: 'one field 50,000 times', account: 'coordinator@demo.example', query: duplicatedField(50_000) },
  // The largest the limits admit, to see what they still cost.
  { name: 'family/children nested 5 times (admitted: depth 11, cost 144,443)', account: 'coordinator@demo.example', query: nestedFamilies(5), family: true },
  { name: '30 aliases of children(first: 100) with blocks (admitted: cost 183,031)', account: 'coordinator@demo.example', query: aliasedPages(30) },
];

interface Outcome {
  shape: string;
  ms: number;
  peakMb: number;
  answer: string;
  nextRequest: string;
}

async function post(origin: string, token: string, query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(`${origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const text = await response.text();
  return { status: response.status, text };
}

function summary(status: number, text: string): string {
  try {
    const body = JSON.parse(text) as { errors?: { message: string; extensions?: { code?: string } }[]; data?: unknown };
    const errors = body.errors ?? [];
    const codes = [...new Set(errors.map((e) => e.extensions?.code))].join(', ');
    const first = errors[0]?.message.slice(0, 90);
    return errors.length ? `${status}, ${errors.length} error(s) ${codes}: ${first}` : `${status}, data (${text.length} bytes)`;
  } catch {
    return `${status}, ${text.length} bytes, not JSON`;
  }
}

/** The family with the most children the account sees (the shapes grow with it). */
async function familyIdFor(origin: string, token: string, account: string): Promise<string> {
  const query = account.startsWith('guardian')
    ? '{ viewer { children { family { id children { id } } } } }'
    : '{ children(first: 100) { edges { node { family { id children { id } } } } } }';
  const { text } = await post(origin, token, query);
  let best: { id: string; size: number } | undefined;
  for (const match of text.matchAll(/"family":\{"id":"([^"]+)","children":\[([^\]]*)\]/g)) {
    const size = match[2].split('"id"').length - 1;
    if (!best || size > best.size) best = { id: match[1], size };
  }
  if (!best) throw new Error(`no family visible to ${account}: ${text.slice(0, 200)}`);
  return best.id;
}

async function measure(shape: Shape, script: string, env: NodeJS.ProcessEnv, tokens: Map<string, string>): Promise<Outcome> {
  const server: Started = await startServer('api', script, env, { cwd: ROOT, nodeArgs: NODE_ARGS });
  const token = tokens.get(shape.account)!;
  try {
    const variables = shape.family ? { id: await familyIdFor(server.origin, token, shape.account) } : {};
    let peakMb = memoryOf(server.pid).peakMb;
    let died = '';
    server.child.once('exit', (code, signal) => (died = `process died (${signal ?? `exit ${code}`})`));
    const sample = () => {
      if (died) return;
      const { peakMb: now } = memoryOf(server.pid);
      if (Number.isFinite(now)) peakMb = Math.max(peakMb, now);
    };
    const sampler = setInterval(sample, 50);
    const started = performance.now();
    let answer: string;
    try {
      const { status, text } = await post(server.origin, token, shape.query, variables);
      answer = summary(status, text);
    } catch (error) {
      // Without an answer, give the process DEATH_WATCH_MS more to die, and say when it did.
      const waitUntil = performance.now() + (died ? 0 : DEATH_WATCH_MS);
      while (!died && performance.now() < waitUntil) await new Promise((resolve) => setTimeout(resolve, 50));
      const at = ((performance.now() - started) / 1000).toFixed(1);
      answer = died ? `${died} after ${at} s` : `no answer: ${error instanceof Error ? error.message : String(error)}`;
    }
    const ms = performance.now() - started;
    clearInterval(sampler);
    sample();
    let nextRequest = 'not sent (process dead)';
    if (!died) {
      try {
        const next = await post(server.origin, token, '{ viewer { displayName } }');
        nextRequest = summary(next.status, next.text);
      } catch (error) {
        nextRequest = died || `no answer: ${error instanceof Error ? error.message : String(error)}`;
      }
    }
    return { shape: shape.name, ms, peakMb, answer, nextRequest };
  } finally {
    await stopServer(server);
  }
}

async function main(argv: string[]): Promise<void> {
  // Another build of the API (the code before a change, copied aside) can be measured the same way.
  const scriptAt = argv.indexOf('--server');
  const script = scriptAt >= 0 ? argv[scriptAt + 1]! : 'dist/src/main.js';
  if (!argv.includes('--skip-build')) execFileSync('npm', ['run', '-s', 'build'], { cwd: ROOT, stdio: 'inherit' });
  await withClient(adminUrl(), async (client) => {
    await client.query(`drop database if exists ${DATABASE} with (force)`);
    await client.query(`create database ${DATABASE}`);
  });
  const url = databaseUrl(DATABASE);
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, NODE_ENV: 'development', DATABASE_URL: url, SEED_ON_EMPTY: 'true' };
  // A first start migrates and seeds the demo programme.
  await stopServer(await startServer('api', script, env, { cwd: ROOT, nodeArgs: NODE_ARGS, timeoutMs: 120_000 }));
  const auth = loadConfig({ NODE_ENV: 'development' }).auth;
  const tokens = new Map<string, string>();
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    for (const shape of SHAPES) {
      const rows = await db.query<{ subject: string }>('select subject from account where email = $1', [shape.account]);
      tokens.set(shape.account, await signLocalToken(auth, rows.rows[0]!.subject));
    }
  } finally {
    await db.end();
  }
  console.log('| shape | account | time | peak RSS | answer | next request |');
  console.log('|---|---|---|---|---|---|');
  for (const shape of SHAPES) {
    const outcome = await measure(shape, script, env, tokens);
    console.log(`| ${outcome.shape} | ${shape.account.split('@')[0]} | ${(outcome.ms / 1000).toFixed(2)} s | ${outcome.peakMb.toFixed(0)} MB | ${outcome.answer.replace(/\|/g, '/')} | ${outcome.nextRequest.replace(/\|/g, '/')} |`);
  }
  await withClient(adminUrl(), (client) => client.query(`drop database if exists ${DATABASE} with (force)`));
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  async (error: unknown) => {
    console.error(error instanceof Error ? error.stack : String(error));
    await stopAll();
    process.exit(1);
  },
);
