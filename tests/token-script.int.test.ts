import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { decodeJwt } from 'jose';
import { startDemoServer } from './helpers/test-server';

const run = promisify(execFile);

/** `npm run -s token -- <email>`, as a developer runs it (scripts/run-ts.cjs on scripts/token.ts). */
async function token(args: string[], env: NodeJS.ProcessEnv) {
  try {
    const { stdout, stderr } = await run('npm', ['run', '-s', 'token', '--', ...args], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('npm run -s token', () => {
  let server: Awaited<ReturnType<typeof startDemoServer>>;
  beforeAll(async () => {
    server = await startDemoServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('prints only a token for a seeded account, which the API accepts', async () => {
    const result = await token(['school@demo.example'], { DATABASE_URL: server.databaseUrl });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    expect(decodeJwt(result.stdout.trim()).sub).toBe('demo|school@demo.example');
    const answer = await server.graphql<{ viewer: { role: string } }>('{ viewer { role } }', {}, result.stdout.trim());
    expect(answer.data?.viewer.role).toBe('PARTNER_AGENT');
  });

  it('refuses an unknown account, and production mode, printing nothing on stdout', async () => {
    const unknown = await token(['nobody@demo.example'], { DATABASE_URL: server.databaseUrl });
    expect(unknown.code).toBe(1);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toContain('no active account');

    const production = await token(['school@demo.example'], {
      DATABASE_URL: server.databaseUrl,
      NODE_ENV: 'production',
      JWT_SECRET: 'a-production-secret-that-is-long-enough-0123',
    });
    expect(production.code).toBe(1);
    expect(production.stdout).toBe('');
    expect(production.stderr).toContain('refused');
  });

  it('does not start a database of its own', async () => {
    const result = await token(['school@demo.example'], { EMBEDDED_PG_DIR: '/tmp/pre-no-such-folder/postgres' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('start the API first');
  });
});
