import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, appendFileSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { freePort } from '../bench/processes';

/**
 * The production topology on one machine, for the topology test and by hand
 * (`npm run topology`, README "Production deployment"): a PostgreSQL 15 primary and its
 * streaming replica (Debian's binaries, /usr/lib/postgresql/15/bin: initdb, then
 * pg_basebackup -R; their own ports and data folders under a temporary folder, never the
 * machine's service), two API processes (compiled: dist/src/main.js) on the primary with
 * DATABASE_READ_URL on the replica, and HAProxy in front, which sends requests only to the
 * processes whose /health/ready answers 200. Everything listens on 127.0.0.1; everything is
 * stopped by its pid, and the folder removed, by stop().
 */

const execFileAsync = promisify(execFile);

export const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';
const HAPROXY = ['/usr/sbin/haproxy', '/usr/bin/haproxy', '/usr/local/sbin/haproxy'];
const ROOT = path.resolve(__dirname, '..');
const MAIN = path.join(ROOT, 'dist', 'src', 'main.js');
const DATABASE = 'pre';
const API_ROLE = 'pre_api';
/** The API processes' settings in the topology: short bounds, so that faults show in seconds. */
const API_ENV = {
  NODE_ENV: 'development',
  HOST: '127.0.0.1',
  TRUST_PROXY: '1',
  SHUTDOWN_DELAY_MS: '3000',
  HEALTH_TIMEOUT_MS: '1000',
  DB_ACQUIRE_TIMEOUT_MS: '1000',
  RATE_LIMIT_ACCOUNT_POINTS: '1000000',
  RATE_LIMIT_AUTH_FAILURES: '1000000',
};

/** Why the topology cannot start on this machine (undefined: it can). */
export function topologyMissing(): string | undefined {
  if (!existsSync(path.join(PG_BIN, 'initdb'))) return `PostgreSQL binaries not found in ${PG_BIN} (apt-get install postgresql-15, or set PG_BIN)`;
  if (!haproxyPath()) return 'HAProxy not found (bash scripts/install-haproxy.sh)';
  if (!existsSync(MAIN)) return `${MAIN} is missing: npm run build`;
  return undefined;
}

function haproxyPath(): string | undefined {
  return HAPROXY.find((candidate) => existsSync(candidate));
}

/** PostgreSQL refuses to run as root: as root, its commands run as the `postgres` user. */
const asRoot = process.getuid?.() === 0;

async function pg(command: string, args: string[], timeoutMs = 30_000): Promise<string> {
  const binary = path.join(PG_BIN, command);
  const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', binary, ...args]] : [binary, args];
  try {
    const { stdout } = await execFileAsync(file, argv, { timeout: timeoutMs, cwd: tmpdir() });
    return stdout;
  } catch (error) {
    const { stderr, stdout } = error as { stderr?: string; stdout?: string };
    throw new Error(`${command} ${args.join(' ')} failed: ${stderr || stdout || String(error)}`, { cause: error });
  }
}

export interface ApiHandle {
  name: string;
  port: number;
  child?: ChildProcess;
  exited?: Promise<number | null>;
  log: string;
}

export interface TopologyOptions {
  /** First of six consecutive ports (primary, replica, two APIs, balancer, its stats); default: free ports. */
  portBase?: number;
  log?: (line: string) => void;
}

export interface Topology {
  dir: string;
  balancerUrl: string;
  primaryPort: number;
  replicaPort: number;
  /** The owner's URL on the primary (the test's own statements). */
  ownerUrl: string;
  apis: ApiHandle[];
  /** Starts API `index` (again) and waits for its /health/ready. */
  startApi(index: number): Promise<void>;
  /** Sends `signal` to API `index` and waits for its exit code. */
  stopApi(index: number, signal?: NodeJS.Signals): Promise<number | null>;
  stopReplica(): Promise<void>;
  startReplica(): Promise<void>;
  /** Restarts the primary (`fast`: sessions ended cleanly; `immediate`: as after a crash). */
  restartPrimary(mode: 'fast' | 'immediate'): Promise<void>;
  stop(): Promise<void>;
}

async function ports(base?: number): Promise<number[]> {
  if (base) return [0, 1, 2, 3, 4, 5].map((i) => base + i);
  const chosen: number[] = [];
  while (chosen.length < 6) {
    const port = await freePort();
    if (!chosen.includes(port)) chosen.push(port);
  }
  return chosen;
}

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${what}: not within ${timeoutMs} ms`);
}

async function statusOf(url: string): Promise<number | undefined> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(2_000) })).status;
  } catch {
    return undefined;
  }
}

export function haproxyConfig(balancerPort: number, statsPort: number, apiPorts: number[]): string {
  return `global
  maxconn 2000
defaults
  mode http
  timeout connect 1s
  timeout client 30s
  timeout server 30s
  timeout http-keep-alive 10s
  # A process that refused the connection, or closed it without answering, is tried again on the other.
  retries 3
  option redispatch
  retry-on conn-failure empty-response
  # No process ready (the database is down for all of them): the API's own answer, in JSON.
  http-error status 503 content-type application/json string "{\\"errors\\":[{\\"message\\":\\"No API process is ready: retry in 5 s\\",\\"extensions\\":{\\"code\\":\\"SERVICE_UNAVAILABLE\\",\\"retryAfter\\":5}}]}" hdr retry-after 5
frontend api
  bind 127.0.0.1:${balancerPort}
  option forwardfor
  default_backend apis
frontend stats
  bind 127.0.0.1:${statsPort}
  http-request return status 200 content-type text/plain lf-string "%[nbsrv(apis)]\\n"
backend apis
  balance roundrobin
  option httpchk
  http-check send meth GET uri /health/ready
  http-check expect status 200
  # Out after two failed checks (500 ms, then 250 ms: within SHUTDOWN_DELAY_MS), in after two good ones.
  timeout check 2s
  default-server inter 500ms fastinter 250ms downinter 250ms fall 2 rise 2
${apiPorts.map((port, i) => `  server api${i + 1} 127.0.0.1:${port} check`).join('\n')}
`;
}

export async function startTopology(options: TopologyOptions = {}): Promise<Topology> {
  const missing = topologyMissing();
  if (missing) throw new Error(missing);
  const log = options.log ?? (() => undefined);
  const [primaryPort, replicaPort, api1, api2, balancerPort, statsPort] = (await ports(options.portBase)) as [number, number, number, number, number, number];
  const dir = mkdtempSync(path.join(tmpdir(), 'pre-topology-'));
  chmodSync(dir, 0o755);
  const primaryDir = path.join(dir, 'primary');
  const replicaDir = path.join(dir, 'replica');
  if (asRoot) chownSync(dir, Number((await execFileAsync('id', ['-u', 'postgres'])).stdout.trim()), Number((await execFileAsync('id', ['-g', 'postgres'])).stdout.trim()));
  const ownerUrl = `postgresql://postgres@127.0.0.1:${primaryPort}/${DATABASE}`;
  const apiUrl = (port: number) => `postgresql://${API_ROLE}@127.0.0.1:${port}/${DATABASE}`;
  let haproxy: ChildProcess | undefined;
  const apis: ApiHandle[] = [api1, api2].map((port, i) => ({ name: `api${i + 1}`, port, log: path.join(dir, `api${i + 1}.log`) }));

  const pgStart = (dataDir: string) => pg('pg_ctl', ['-D', dataDir, '-l', `${dataDir}.log`, '-w', '-t', '30', 'start']);
  const pgStop = (dataDir: string, mode: 'fast' | 'immediate' = 'fast') => pg('pg_ctl', ['-D', dataDir, '-m', mode, '-w', '-t', '30', 'stop']);
  const settings = (port: number) => `\nlisten_addresses = '127.0.0.1'\nport = ${port}\nunix_socket_directories = '${dir}'\n`;

  const spawnApi = (index: number) => {
    const api = apis[index]!;
    const out = openSync(api.log, 'a');
    const child = spawn(process.execPath, ['--max-old-space-size=512', MAIN], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        ...API_ENV,
        PORT: String(api.port),
        DATABASE_URL: apiUrl(primaryPort),
        DATABASE_OWNER_URL: ownerUrl,
        DATABASE_READ_URL: apiUrl(replicaPort),
        // The first process seeds the demo programme into the empty database.
        SEED_ON_EMPTY: index === 0 ? 'true' : 'false',
      },
      stdio: ['ignore', out, out],
    });
    closeSync(out);
    api.child = child;
    api.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  };
  const exitedEarly = (api: ApiHandle) => {
    if (api.child && api.child.exitCode !== null) throw new Error(`${api.name} exited (${api.child.exitCode}):\n${readFileSync(api.log, 'utf8')}`);
  };
  const readyApi = async (index: number) => {
    const api = apis[index]!;
    await waitFor(`${api.name} ready`, async () => {
      exitedEarly(api);
      return (await statusOf(`http://127.0.0.1:${api.port}/health/ready`)) === 200;
    }, 60_000).catch((error: unknown) => {
      throw new Error(`${error instanceof Error ? error.message : String(error)}\n${readFileSync(api.log, 'utf8')}`, { cause: error });
    });
    log(`${api.name} ready on port ${api.port} (pid ${api.child!.pid})`);
  };
  // The replica: a base backup of the primary, streaming from it (-R writes primary_conninfo and standby.signal).
  const createReplica = async () => {
    await pg('pg_basebackup', ['-h', '127.0.0.1', '-p', String(primaryPort), '-U', 'postgres', '-D', replicaDir, '-R', '-X', 'stream', '--checkpoint=fast', '--no-sync'], 60_000);
    appendFileSync(path.join(replicaDir, 'postgresql.conf'), settings(replicaPort));
    await pgStart(replicaDir);
    await waitFor('replica in recovery', async () => {
      const client = new Client({ connectionString: `postgresql://postgres@127.0.0.1:${replicaPort}/postgres` });
      await client.connect();
      try {
        return (await client.query<{ standby: boolean }>('select pg_is_in_recovery() as standby')).rows[0]!.standby;
      } finally {
        await client.end();
      }
    }, 30_000);
    log(`replica on port ${replicaPort}`);
  };

  const topology: Topology = {
    dir,
    balancerUrl: `http://127.0.0.1:${balancerPort}`,
    primaryPort,
    replicaPort,
    ownerUrl,
    apis,
    async startApi(index) {
      spawnApi(index);
      await readyApi(index);
    },
    async stopApi(index, signal = 'SIGTERM') {
      const api = apis[index]!;
      if (!api.child || api.child.exitCode !== null || api.child.signalCode !== null) return api.child?.exitCode ?? null;
      api.child.kill(signal);
      return api.exited!;
    },
    stopReplica: async () => void (await pgStop(replicaDir)),
    startReplica: async () => void (await pgStart(replicaDir)),
    async restartPrimary(mode) {
      await pgStop(primaryDir, mode);
      await pgStart(primaryDir);
    },
    async stop() {
      await Promise.all(apis.map((_, i) => topology.stopApi(i, 'SIGTERM')));
      if (haproxy && haproxy.exitCode === null) {
        const exited = new Promise((resolve) => haproxy!.once('exit', resolve));
        haproxy.kill('SIGTERM');
        await exited;
      }
      for (const dataDir of [replicaDir, primaryDir]) {
        if (existsSync(path.join(dataDir, 'postmaster.pid'))) await pgStop(dataDir, 'immediate').catch(() => undefined);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };

  try {
    // The primary: its own cluster, trust on 127.0.0.1 (replication included, initdb's default).
    await pg('initdb', ['-D', primaryDir, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C.UTF-8']);
    appendFileSync(path.join(primaryDir, 'postgresql.conf'), settings(primaryPort) + 'wal_level = replica\nmax_wal_senders = 5\n');
    await pgStart(primaryDir);
    const owner = new Client({ connectionString: `postgresql://postgres@127.0.0.1:${primaryPort}/postgres` });
    await owner.connect();
    try {
      await owner.query(`create database ${DATABASE}`);
      await owner.query(`create role ${API_ROLE} login`);
    } finally {
      await owner.end();
    }
    log(`primary on port ${primaryPort}`);
    // The replica (a base backup of the primary still empty: it streams the rest) and the API
    // processes start side by side; the second process once the first has migrated the database.
    const apisStarted = (async () => {
      spawnApi(0);
      await waitFor('api1 migrated', async () => {
        exitedEarly(apis[0]!);
        return /empty database|PRE API ready/.test(readFileSync(apis[0]!.log, 'utf8'));
      }, 60_000);
      spawnApi(1);
      await Promise.all([readyApi(0), readyApi(1)]);
    })();
    await Promise.all([createReplica(), apisStarted]);
    const config = path.join(dir, 'haproxy.cfg');
    writeFileSync(config, haproxyConfig(balancerPort, statsPort, [api1, api2]));
    const haproxyLog = openSync(path.join(dir, 'haproxy.log'), 'a');
    haproxy = spawn(haproxyPath()!, ['-db', '-f', config], { stdio: ['ignore', haproxyLog, haproxyLog] });
    closeSync(haproxyLog);
    await waitFor('HAProxy sees both API processes', async () => {
      const response = await fetch(`http://127.0.0.1:${statsPort}/`, { signal: AbortSignal.timeout(1_000) });
      return (await response.text()).trim() === '2';
    }, 30_000);
    log(`HAProxy on port ${balancerPort}`);
    return topology;
  } catch (error) {
    await topology.stop().catch(() => undefined);
    throw error;
  }
}

/** `npm run topology`: starts it all, prints where, and stops it all on Ctrl-C. */
async function main(): Promise<void> {
  const portBase = process.env.TOPOLOGY_PORT_BASE ? Number(process.env.TOPOLOGY_PORT_BASE) : undefined;
  const topology = await startTopology({ portBase, log: (line) => console.log(line) });
  console.log(`API behind HAProxy: ${topology.balancerUrl}/graphql (files under ${topology.dir}); Ctrl-C stops everything`);
  const stop = () => void topology.stop().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
