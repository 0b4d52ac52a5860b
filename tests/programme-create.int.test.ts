import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { startTestServer, type TestServer } from './helpers/test-server';

const run = promisify(execFile);

/** `npm run programme:create -- ...`, as an operator runs it. */
async function programmeCreate(args: string[], env: NodeJS.ProcessEnv) {
  try {
    const { stdout, stderr } = await run('npm', ['run', '-s', 'programme:create', '--', ...args], { env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('npm run programme:create', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('creates an empty programme and its first ADMIN, who signs in with the token it says how to get', async () => {
    const email = `admin-${randomUUID().slice(0, 8)}@agen.example`;
    const result = await programmeCreate(['--name', 'PRE d’Agen', '--insee', '47001', '--admin-email', email, '--admin-name', 'Lise Admin'], { DATABASE_URL: server.databaseUrl });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`npm run -s token -- ${email}`);
    const subject = /subject (\S+)/.exec(result.stdout)?.[1];
    expect(subject).toBe(`local|${email}`);
    const answer = await server.graphql<{ viewer: { role: string; programme: { name: string; inseeCode: string } }; partners: unknown[]; accounts: { totalCount: number } }>(
      '{ viewer { role programme { name inseeCode } } partners { id } accounts { totalCount } }',
      {},
      await server.token(subject!),
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual({ viewer: { role: 'ADMIN', programme: { name: 'PRE d’Agen', inseeCode: '47001' } }, partners: [], accounts: { totalCount: 1 } });
  }, 60_000);

  it('refuses a bad INSEE code and missing arguments, creating nothing', async () => {
    const email = `admin-${randomUUID().slice(0, 8)}@agen.example`;
    const bad = await programmeCreate(['--name', 'PRE', '--insee', '4700', '--admin-email', email, '--admin-name', 'X'], { DATABASE_URL: server.databaseUrl });
    expect([bad.code, bad.stdout]).toEqual([1, '']);
    expect(bad.stderr).toContain('insee');
    const missing = await programmeCreate(['--name', 'PRE'], { DATABASE_URL: server.databaseUrl });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--insee');
    const rows = await server.orm.em.getConnection().execute('select id from account where email = ?', [email]);
    expect(rows).toEqual([]);
  }, 60_000);
});
