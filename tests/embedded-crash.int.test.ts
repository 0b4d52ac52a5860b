import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config';
import { signLocalToken } from '../src/auth/tokens';
import { runningEmbedded } from '../src/db/embedded';
import { ensureBuilt, exitWithin, freePort, killSpawnedApis, spawnApi, statusOf, waitForHealth, type ApiProcess } from './helpers/api-process';

/**
 * `npm start` killed without running any handler (SIGKILL, or V8's "heap limit" abort)
 * leaves its embedded PostgreSQL behind; the next start on the same data folder takes it
 * back. The API runs compiled, with the flags of the start script, as a separate process.
 */

const START_TIMEOUT_MS = 45_000;
const folders: string[] = [];

function freshDataDir(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'pre-crash-'));
  chmodSync(root, 0o755);
  folders.push(root);
  return path.join(root, 'postgres');
}

function startApi(dataDir: string, port: number, pgPort: number, env: NodeJS.ProcessEnv = {}): ApiProcess {
  return spawnApi(port, { EMBEDDED_PG_DIR: dataDir, EMBEDDED_PG_PORT: String(pgPort), ...env });
}

const health = (port: number) => statusOf(`http://127.0.0.1:${port}/health`);

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

beforeAll(() => ensureBuilt(), 150_000);

afterAll(async () => {
  killSpawnedApis();
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
