import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

/**
 * The incremental build (scripts/build.mjs, run by npm start, npm run dev, codegen): it
 * removes the outputs whose source is gone (a stale compiled migration was once run from
 * dist/), takes an output deleted by hand as a reason for a full build, and knows when
 * nothing changed. On a tree of its own; the script is an ES module, run by Node itself.
 */

const run = promisify(execFile);
const BUILD = path.resolve('scripts/build.mjs');

async function call(fn: 'pruneStale' | 'missingOutputs' | 'upToDate', root: string): Promise<unknown> {
  const script = `import(${JSON.stringify(BUILD)}).then((m) => process.stdout.write(JSON.stringify(m.${fn}(${JSON.stringify(root)}))))`;
  return JSON.parse((await run(process.execPath, ['-e', script])).stdout);
}

function file(root: string, relative: string, at: Date, content = '') {
  mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
  writeFileSync(path.join(root, relative), content);
  utimesSync(path.join(root, relative), at, at);
}

describe('scripts/build.mjs', () => {
  let root: string;
  const old = new Date(Date.now() - 3_600_000);
  const built = new Date(Date.now() - 1_800_000);
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'pre-build-'));
    file(root, 'src/kept.ts', old);
    file(root, 'src/migrations/Migration1Kept.ts', old);
    file(root, 'dist/src/kept.js', built);
    file(root, 'dist/src/kept.js.map', built);
    file(root, 'dist/src/migrations/Migration1Kept.js', built);
    file(root, 'dist/src/migrations/Migration0Renamed.js', built);
    file(root, 'dist/src/migrations/Migration0Renamed.js.map', built);
    file(root, 'dist/src/gone/deep.js', built);
    file(root, 'dist/.tsbuildinfo', built);
    for (const dir of ['src', 'src/migrations', 'dist/src', 'dist/src/migrations']) utimesSync(path.join(root, dir), old, old);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('removes the outputs whose source is gone, and the folders left empty, keeping the others', async () => {
    expect(((await call('pruneStale', root)) as string[]).sort()).toEqual(
      ['src/gone/deep.js', 'src/migrations/Migration0Renamed.js', 'src/migrations/Migration0Renamed.js.map'].map((p) => p.replace(/\//g, path.sep)),
    );
    expect(existsSync(path.join(root, 'dist/src/gone'))).toBe(false);
    expect(existsSync(path.join(root, 'dist/src/migrations/Migration1Kept.js'))).toBe(true);
    expect(existsSync(path.join(root, 'dist/src/kept.js.map'))).toBe(true);
    expect(await call('pruneStale', root)).toEqual([]);
  });

  it('finds an output deleted by hand, not a source newer than the last build', async () => {
    expect(await call('missingOutputs', root)).toEqual([]);
    rmSync(path.join(root, 'dist/src/kept.js'));
    file(root, 'src/brand-new.ts', new Date());
    expect(await call('missingOutputs', root)).toEqual([path.join('src', 'kept.ts')]);
  });

  it('knows when nothing changed: a source edited, added or removed is a change', async () => {
    await call('pruneStale', root);
    utimesSync(path.join(root, 'src'), old, old);
    utimesSync(path.join(root, 'dist/.tsbuildinfo'), built, built);
    expect(await call('upToDate', root)).toBe(true);
    utimesSync(path.join(root, 'src/kept.ts'), new Date(), new Date());
    expect(await call('upToDate', root)).toBe(false);
    utimesSync(path.join(root, 'src/kept.ts'), old, old);
    rmSync(path.join(root, 'src/migrations/Migration1Kept.ts'));
    expect(await call('upToDate', root)).toBe(false);
  });
});
