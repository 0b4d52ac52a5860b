import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { performance } from 'node:perf_hooks';

/**
 * The servers the bench starts (the compiled API, the floor), each a child process stopped
 * by its pid when its runs are over, or when the bench itself stops.
 */

export interface Started {
  name: string;
  child: ChildProcess;
  pid: number;
  origin: string;
  /** Spawn to the first 200 on /health, milliseconds. */
  startupMs: number;
  /** The process's output so far (shown when it fails). */
  output(): string;
}

const running = new Set<Started>();

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function startServer(
  name: string,
  script: string,
  env: NodeJS.ProcessEnv,
  options: { cwd: string; timeoutMs?: number; nodeArgs?: readonly string[] },
): Promise<Started> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), script], {
    cwd: options.cwd,
    env: { ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString('utf8')).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  if (child.pid === undefined) throw new Error(`${name}: could not spawn ${script}`);
  const handle: Started = { name, child, pid: child.pid, origin, startupMs: 0, output: () => log };
  running.add(handle);
  const deadline = started + (options.timeoutMs ?? 30_000);
  for (;;) {
    if (child.exitCode !== null) {
      running.delete(handle);
      throw new Error(`${name} exited with code ${child.exitCode} before answering /health:\n${log}`);
    }
    try {
      const response = await fetch(`${origin}/health`);
      if (response.status === 200) break;
    } catch {
      // Not listening yet.
    }
    if (performance.now() > deadline) {
      await stopServer(handle);
      throw new Error(`${name} did not answer /health within ${options.timeoutMs ?? 30_000} ms:\n${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  handle.startupMs = performance.now() - started;
  return handle;
}

/** Peak and current resident set size of a process, in MB (/proc/<pid>/status VmHWM and VmRSS). */
export function memoryOf(pid: number): { peakMb: number; rssMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { peakMb: kb('VmHWM') / 1024, rssMb: kb('VmRSS') / 1024 };
}

const TICKS_PER_SECOND = 100; // getconf CLK_TCK on Linux

/** CPU time (user + system) a process has used so far, in ms (/proc/<pid>/stat). */
export function cpuMsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

/** CPU time of processes that may have ended meanwhile (those are left out: their time is lost). */
export function cpuMsOfEach(pids: readonly number[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const pid of pids) {
    try {
      out.set(pid, cpuMsOf(pid));
    } catch {
      // The backend closed (the pool let an idle connection go).
    }
  }
  return out;
}

/** SIGTERM by pid, SIGKILL after 5 s. */
export async function stopServer(handle: Started): Promise<void> {
  running.delete(handle);
  if (handle.child.exitCode !== null || handle.child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => handle.child.once('exit', () => resolve()));
  process.kill(handle.pid, 'SIGTERM');
  const timer = setTimeout(() => {
    if (handle.child.exitCode === null) process.kill(handle.pid, 'SIGKILL');
  }, 5_000);
  await exited;
  clearTimeout(timer);
}

/** Stops whatever is still running (on failure or Ctrl-C). */
export async function stopAll(): Promise<void> {
  await Promise.all([...running].map((handle) => stopServer(handle).catch(() => undefined)));
}
