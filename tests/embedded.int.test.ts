import { mkdtempSync, chmodSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { startEmbedded, EmbeddedDatabaseError, runningEmbeddedUrl, type EmbeddedHandle } from '../src/db/embedded';

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
    await expect(startEmbedded({ dataDir, databases: [] })).rejects.toThrow(/already running .*kill \d+/s);
  });

  it('lets other commands find the running server (npm run token)', () => {
    expect(runningEmbeddedUrl(dataDir, 'pre')).toBe(first?.url('pre'));
  });
});
