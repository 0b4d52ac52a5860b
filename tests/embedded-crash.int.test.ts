import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config';
import { signLocalToken } from '../src/auth/tokens';
import { runningEmbedded } from '../src/db/embedded';

/**
 * `npm start` killed without running any handler (SIGKILL, or V8's "heap limit" abort)
 * leaves its embedded PostgreSQL behind; the next start on the same data folder takes it
 * back. The API runs compiled, with the flags of the start script, as a separate process.
 */

const ROOT = path.resolve(__dirname, '..');
const MAIN = path.join(ROOT, 'dist', 'src', 'main.js');
const START_TIMEOUT_MS = 45_000;

const apis = new Set<ChildProcess>();
const folders: string[] = [];

function newestMtime(entry: string): number {
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(entry).map((name) => newestMtime(path.join(entry, name))));
}

/** Builds once when dist is missing or older than the sources (what `npm start` would run). */
function ensureBuilt(): void {
  const sources = Math.max(newestMtime(path.join(ROOT, 'src')), ...['tsconfig.json', 'tsconfig.build.json', 'package.json'].map((f) => newestMtime(path.join(ROOT, f))));
  if (existsSync(MAIN) && statSync(MAIN).mtimeMs >= sources) return;
  execFileSync('npm', ['run', '-s', 'build'], { cwd: ROOT, stdio: 'ignore' });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function freshDataDir(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'pre-crash-'));
  chmodSync(root, 0o755);
  folders.push(root);
  return path.join(root, 'postgres');
}

interface Api {
  child: ChildProcess;
  port: number;
  output: () => string;
  exited: Promise<number | null>;
}

function startApi(dataDir: string, port: number, pgPort: number, env: NodeJS.ProcessEnv = {}): Api {
  const child = spawn(process.execPath, ['--max-old-space-size=512', MAIN], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: String(port),
      EMBEDDED_PG_DIR: dataDir,
      EMBEDDED_PG_PORT: String(pgPort),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  apis.add(child);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => {
      apis.delete(child);
      resolve(code);
    });
  });
  return { child, port, output: () => output, exited };
}

async function health(port: number): Promise<number | undefined> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(2_000) });
    return response.status;
  } catch {
    return undefined;
  }
}

async function waitForHealth(api: Api, timeoutMs = START_TIMEOUT_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (api.child.exitCode !== null || api.child.signalCode !== null) {
      throw new Error(`the API exited before it was healthy:\n${api.output()}`);
    }
    if ((await health(api.port)) === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the API was not healthy within ${timeoutMs} ms:\n${api.output()}`);
}

async function exitWithin(api: Api, timeoutMs: number): Promise<number | null> {
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

/** Running (not zombie) PostgreSQL servers whose command line names this data folder. */
function postgresOf(dataDir: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z')) continue;
      const args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      const dashD = args.indexOf('-D');
      if (path.basename(args[0] ?? '') === 'postgres' && dashD > 0 && args[dashD + 1] === dataDir) pids.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

async function waitUntil(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return true;
}

async function coordinatorToken(): Promise<string> {
  const auth = loadConfig({ NODE_ENV: 'development' }).auth;
  return signLocalToken(auth, 'demo|coordinator@demo.example', { email: 'coordinator@demo.example' });
}

beforeAll(() => ensureBuilt(), 120_000);

afterAll(async () => {
  for (const child of apis) child.kill('SIGKILL');
  for (const root of folders) {
    const dataDir = path.join(root, 'postgres');
    for (const pid of postgresOf(dataDir)) {
      try {
        process.kill(pid, 'SIGINT');
      } catch {
        // already gone
      }
    }
    if (!(await waitUntil(() => postgresOf(dataDir).length === 0, 10_000))) {
      for (const pid of postgresOf(dataDir)) process.kill(pid, 'SIGQUIT');
      await waitUntil(() => postgresOf(dataDir).length === 0, 5_000);
    }
    rmSync(root, { recursive: true, force: true });
  }
}, 30_000);

describe('npm start after the API was killed', () => {
  it('takes back the PostgreSQL the killed API left running, serves, and stops it on SIGTERM', async () => {
    const dataDir = freshDataDir();
    const pgPort = await freePort();
    const first = startApi(dataDir, await freePort(), pgPort);
    await waitForHealth(first);
    const server = runningEmbedded(dataDir);
    expect(server?.port).toBe(pgPort);
    expect(JSON.parse(readFileSync(`${dataDir}.owner`, 'utf8'))).toMatchObject({ pid: first.child.pid, postgresPid: server?.pid });

    first.child.kill('SIGKILL');
    await exitWithin(first, 5_000);
    // What a kill leaves: the server still runs, and the old code refused to start.
    expect(postgresOf(dataDir)).toEqual([server?.pid]);

    const second = startApi(dataDir, await freePort(), pgPort);
    await waitForHealth(second);
    expect(second.output()).toContain(`took back the embedded PostgreSQL (pid ${server?.pid}, port ${pgPort})`);

    const response = await fetch(`http://127.0.0.1:${second.port}/graphql`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await coordinatorToken()}`, 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ viewer { role } children(first: 1) { totalCount } }' }),
    });
    expect(response.status).toBe(200);
    const answer = (await response.json()) as { data?: { viewer: { role: string }; children: { totalCount: number } } };
    expect(answer.data?.viewer.role).toBe('PRE_COORDINATOR');
    expect(answer.data?.children.totalCount).toBe(200);

    second.child.kill('SIGTERM');
    expect(await exitWithin(second, 20_000)).toBe(0);
    expect(postgresOf(dataDir)).toEqual([]);
    expect(existsSync(path.join(dataDir, 'postmaster.pid'))).toBe(false);
    expect(existsSync(`${dataDir}.owner`)).toBe(false);
  }, 120_000);

  it('refuses while the API that started the server still runs, and leaves it serving', async () => {
    const dataDir = freshDataDir();
    const pgPort = await freePort();
    const running = startApi(dataDir, await freePort(), pgPort, { SEED_ON_EMPTY: 'false' });
    await waitForHealth(running);

    const second = startApi(dataDir, await freePort(), pgPort, { SEED_ON_EMPTY: 'false' });
    expect(await exitWithin(second, START_TIMEOUT_MS)).toBe(1);
    expect(second.output()).toMatch(new RegExp(`already running .*still runs \\(pid ${running.child.pid}\\).*kill ${running.child.pid}`, 's'));
    expect(await health(running.port)).toBe(200);
    expect(postgresOf(dataDir)).toHaveLength(1);

    running.child.kill('SIGTERM');
    expect(await exitWithin(running, 20_000)).toBe(0);
    expect(postgresOf(dataDir)).toEqual([]);
  }, 120_000);
});
