import { mkdtempSync, mkdirSync, chmodSync, rmSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { startEmbedded, EmbeddedDatabaseError, runningEmbedded, runningEmbeddedUrl, type EmbeddedHandle } from '../src/db/embedded';

describe('embedded PostgreSQL', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'pre-embedded-'));
  chmodSync(root, 0o755);
  const dataDir = path.join(root, 'postgres');
  let first: EmbeddedHandle | undefined;

  afterAll(async () => {
    await first?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('initialises a data folder, creates the database, and keeps data across a restart', async () => {
    first = await startEmbedded({ dataDir, databases: ['pre'] });
    const client = new Client({ connectionString: first.url('pre') });
    await client.connect();
    await client.query('create table kept (v text)');
    await client.query("insert into kept values ('still here')");
    await client.end();
    await first.stop();
    expect(existsSync(`${dataDir}.port`)).toBe(true);

    first = await startEmbedded({ dataDir, databases: ['pre'] });
    const again = new Client({ connectionString: first.url('pre') });
    await again.connect();
    const { rows } = await again.query('select v from kept');
    await again.end();
    expect(rows).toEqual([{ v: 'still here' }]);
  });

  it('says what is wrong when a server already runs on the same data folder', async () => {
    const attempt = startEmbedded({ dataDir, databases: [] });
    await expect(attempt).rejects.toThrow(EmbeddedDatabaseError);
    await expect(startEmbedded({ dataDir, databases: [] })).rejects.toThrow(
      new RegExp(`already running .*still runs \\(pid ${process.pid}\\).*kill ${process.pid}`, 's'),
    );
  });

  it('refuses a server it cannot prove it started (no owner file), saying what to do', async () => {
    const server = runningEmbedded(dataDir);
    const owner = readFileSync(`${dataDir}.owner`, 'utf8');
    rmSync(`${dataDir}.owner`);
    try {
      await expect(startEmbedded({ dataDir, databases: [] })).rejects.toThrow(
        new RegExp(`not provably .*no readable postgres.owner file.*kill -INT ${server?.pid}`, 's'),
      );
      expect(runningEmbedded(dataDir)?.pid).toBe(server?.pid);
    } finally {
      writeFileSync(`${dataDir}.owner`, owner);
    }
  });

  it('refuses when postmaster.pid names a live process that is not a PostgreSQL of the folder', async () => {
    const other = path.join(root, 'other');
    mkdirSync(other, { mode: 0o700 });
    writeFileSync(path.join(other, 'postmaster.pid'), `${process.pid}\n${other}\n0\n5999\n\n127.0.0.1\n`);
    await expect(startEmbedded({ dataDir: other, databases: [] })).rejects.toThrow(
      new RegExp(`pid ${process.pid} is not a PostgreSQL server of this data folder.*remove .*postmaster.pid`, 's'),
    );
  });

  it('takes the server back when the owner file names a pid now used by another process', async () => {
    const server = runningEmbedded(dataDir);
    // Our own pid, with another start time: what a dead API's pid, reused since, looks like.
    const owner = JSON.parse(readFileSync(`${dataDir}.owner`, 'utf8')) as { startTime: string };
    writeFileSync(`${dataDir}.owner`, JSON.stringify({ ...owner, startTime: '1' }));
    const notices: string[] = [];
    const previous = first;
    first = await startEmbedded({ dataDir, databases: ['pre'], notice: (line) => notices.push(line) });
    await previous?.stop();
    expect(notices).toEqual([expect.stringContaining(`took back the embedded PostgreSQL (pid ${server?.pid}, port ${server?.port})`)]);
    expect(runningEmbedded(dataDir)?.pid).not.toBe(server?.pid);
    const client = new Client({ connectionString: first.url('pre') });
    await client.connect();
    const { rows } = await client.query('select v from kept');
    await client.end();
    expect(rows).toEqual([{ v: 'still here' }]);
  });

  it('lets other commands find the running server (npm run token)', () => {
    expect(runningEmbeddedUrl(dataDir, 'pre')).toBe(first?.url('pre'));
  });
});
