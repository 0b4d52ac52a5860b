import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmdirSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * The API as `npm start` runs it: compiled (dist/src/main.js), with the start script's
 * flags, as a process of its own that a test signals, kills and restarts.
 */

export const ROOT = path.resolve(__dirname, '..', '..');
export const MAIN = path.join(ROOT, 'dist', 'src', 'main.js');
const START_TIMEOUT_MS = 45_000;
const BUILD_LOCK = path.join(ROOT, 'dist.build-lock');

function newestMtime(entry: string): number {
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(entry).map((name) => newestMtime(path.join(entry, name))));
}

/**
 * Builds when dist is missing or older than the sources (what `npm start` would run). The
 * test files of a run build one at a time (a lock folder), so that two never write dist at once.
 */
export async function ensureBuilt(): Promise<void> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(BUILD_LOCK);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`${BUILD_LOCK} is held for 2 minutes: remove it if no test run is building`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    const sources = Math.max(newestMtime(path.join(ROOT, 'src')), ...['tsconfig.json', 'tsconfig.build.json', 'package.json'].map((f) => newestMtime(path.join(ROOT, f))));
    if (existsSync(MAIN) && statSync(MAIN).mtimeMs >= sources) return;
    execFileSync('npm', ['run', '-s', 'build'], { cwd: ROOT, stdio: 'ignore' });
  } finally {
    rmdirSync(BUILD_LOCK);
  }
}

// The bench's: a port the system gives, freed for the process about to listen on it.
export { freePort } from '../../bench/processes';

export interface ApiProcess {
  child: ChildProcess;
  port: number;
  output: () => string;
  exited: Promise<number | null>;
}

const spawned = new Set<ChildProcess>();

/** Starts the compiled API on 127.0.0.1:`port` with `env` over a development environment. */
export function spawnApi(port: number, env: NodeJS.ProcessEnv = {}): ApiProcess {
  const child = spawn(process.execPath, ['--max-old-space-size=512', MAIN], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'development', HOST: '127.0.0.1', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  spawned.add(child);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => {
      spawned.delete(child);
      resolve(code);
    });
  });
  return { child, port, output: () => output, exited };
}

/** SIGKILLs the API processes this file started that still run (afterAll). */
export function killSpawnedApis(): void {
  for (const child of spawned) child.kill('SIGKILL');
}

export async function statusOf(url: string): Promise<number | undefined> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    return response.status;
  } catch {
    return undefined;
  }
}

export async function waitForHealth(api: ApiProcess, route = '/health', timeoutMs = START_TIMEOUT_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (api.child.exitCode !== null || api.child.signalCode !== null) {
      throw new Error(`the API exited before it was healthy:\n${api.output()}`);
    }
    if ((await statusOf(`http://127.0.0.1:${api.port}${route}`)) === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the API was not healthy within ${timeoutMs} ms:\n${api.output()}`);
}

export async function exitWithin(api: ApiProcess, timeoutMs: number): Promise<number | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the API did not exit within ${timeoutMs} ms:\n${api.output()}`)), timeoutMs);
  });
  try {
    return await Promise.race([api.exited, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
