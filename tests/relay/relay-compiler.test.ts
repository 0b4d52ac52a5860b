import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

/**
 * relay-compiler (the binary its npm package ships) accepts the schema and a portal's
 * operations: @connection on `children` forward and on `referrals` backward (Relay cursor
 * connections: first/after, last/before, PageInfo with its four fields), and @refetchable
 * fragments on a Node type (Global Object Identification: node(id:), one ID per object).
 * The same operations against the schema with one PageInfo field removed are refused, so
 * this test fails when the schema stops being Relay's.
 */

const run = promisify(execFile);
const RELAY = path.resolve('node_modules/relay-compiler/cli.js');
const SCHEMA = readFileSync('src/schema/schema.graphql', 'utf8');

async function compile(schema: string): Promise<{ ok: boolean; output: string; generated: string[]; dir: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'pre-relay-'));
  cpSync('tests/relay/portal-fragments.ts', path.join(dir, 'src/portal-fragments.ts'));
  writeFileSync(path.join(dir, 'schema.graphql'), schema);
  writeFileSync(path.join(dir, 'relay.config.json'), JSON.stringify({ src: './src', schema: './schema.graphql', language: 'typescript', eagerEsModules: true }));
  try {
    const { stdout, stderr } = await run(process.execPath, [RELAY], { cwd: dir, timeout: 30_000 });
    return { ok: true, output: stdout + stderr, generated: readdirSync(path.join(dir, 'src/__generated__')), dir };
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string; message: string };
    return { ok: false, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}${failed.message}`, generated: [], dir };
  }
}

describe('relay-compiler', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('compiles the portal operations: @connection forward and backward, @refetchable on a Node', async () => {
    const result = await compile(SCHEMA);
    dirs.push(result.dir);
    expect({ ok: result.ok, output: result.ok ? '' : result.output }).toEqual({ ok: true, output: '' });
    expect(result.generated).toEqual(
      expect.arrayContaining(['RosterPaginationQuery.graphql.ts', 'ReferralsPaginationQuery.graphql.ts', 'ChildCardRefetchQuery.graphql.ts', 'portalFragmentsRosterQuery.graphql.ts']),
    );
    const refetch = readFileSync(path.join(result.dir, 'src/__generated__/ChildCardRefetchQuery.graphql.ts'), 'utf8');
    expect(refetch).toMatch(/node\(id: \$id\)/);
    const backward = readFileSync(path.join(result.dir, 'src/__generated__/portalFragments_referrals.graphql.ts'), 'utf8');
    expect(backward).toMatch(/"direction": "backward"/);
  }, 60_000);

  it('refuses them against a PageInfo without hasPreviousPage (what the schema was before)', async () => {
    const without = SCHEMA.replace(/\n\s*"""[^"]*"""\n\s*hasPreviousPage: Boolean!/, '');
    expect(without).not.toBe(SCHEMA);
    const result = await compile(without);
    dirs.push(result.dir);
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/hasPreviousPage/);
  }, 60_000);
});
