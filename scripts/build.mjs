// `npm run build` (and `npm start`, `npm run dev`, `npm run codegen`): an incremental
// TypeScript build of src/, scripts/ and bench/ into dist/.
//
// - Nothing changed since the last build (no source, folder, tsconfig or lockfile newer than
//   dist/.tsbuildinfo): tsc is not even started.
// - Something changed: tsc -p tsconfig.build.json, incremental (it re-emits what changed).
// - Outputs whose source is gone (a renamed or deleted file) are removed first: a stale
//   compiled migration was once run from dist/. An output deleted by hand makes the next
//   build a full one (tsc's build info would otherwise take it for emitted).
//
// Plain JavaScript on purpose: it runs before anything is compiled.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmdirSync, rmSync, statSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOTS = ['src', 'scripts', 'bench'];
const OUT = 'dist';
const BUILD_INFO = path.join(OUT, '.tsbuildinfo');
const INPUTS = ['tsconfig.json', 'tsconfig.build.json', 'package-lock.json'];
/** What tsc writes for a source `x.ts`, and for a JSON module `x.json`. */
const OUTPUT = /^(.*)\.(js|js\.map|d\.ts)$/;

function walk(dir, visit) {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      visit(full, true);
      walk(full, visit);
    } else {
      visit(full, false);
    }
  }
}

const isSource = (file) => (file.endsWith('.ts') && !file.endsWith('.d.ts')) || file.endsWith('.json');

/** Removes the outputs in `out` whose source under `root` is gone; returns them. */
export function pruneStale(root = '.', out = OUT) {
  const removed = [];
  for (const top of ROOTS) {
    const folders = [];
    walk(path.join(root, out, top), (file, isDir) => {
      if (isDir) return folders.push(file);
      const relative = path.relative(path.join(root, out), file);
      const match = OUTPUT.exec(relative);
      const sources = match ? [`${match[1]}.ts`] : relative.endsWith('.json') ? [relative] : [];
      if (sources.length && !sources.some((source) => existsSync(path.join(root, source)))) {
        rmSync(file);
        removed.push(relative);
      }
    });
    // Folders left empty, deepest first.
    for (const folder of folders.reverse()) if (readdirSync(folder).length === 0) rmdirSync(folder);
  }
  return removed;
}

/**
 * The sources that were there at the last build and have no output (deleted by hand): tsc's
 * build info would take them for emitted, so it must then be dropped. A source newer than
 * the last build is tsc's to compile anyway.
 */
export function missingOutputs(root = '.', out = OUT) {
  const info = path.join(root, out, '.tsbuildinfo');
  if (!existsSync(info)) return [];
  const built = statSync(info).mtimeMs;
  const missing = [];
  for (const top of ROOTS) {
    walk(path.join(root, top), (file, isDir) => {
      if (isDir || !isSource(file) || file.endsWith('.json') || statSync(file).mtimeMs > built) return;
      const relative = path.relative(root, file);
      if (!existsSync(path.join(root, out, relative.replace(/\.ts$/, '.js')))) missing.push(relative);
    });
  }
  return missing;
}

/** Whether anything tsc reads changed since the last build (folders count: a file added or removed). */
export function upToDate(root = '.', out = OUT) {
  const info = path.join(root, out, '.tsbuildinfo');
  if (!existsSync(info)) return false;
  const built = statSync(info).mtimeMs;
  let newer = false;
  const check = (file) => {
    if (!newer && statSync(file).mtimeMs > built) newer = true;
  };
  for (const input of INPUTS) if (existsSync(path.join(root, input))) check(path.join(root, input));
  for (const top of ROOTS) {
    if (!existsSync(path.join(root, top))) continue;
    check(path.join(root, top));
    walk(path.join(root, top), (file, isDir) => (isDir || isSource(file) ? check(file) : undefined));
  }
  return !newer;
}

/** The build; returns tsc's exit code (0 when nothing needed building). */
export function build({ log = (line) => process.stderr.write(`${line}\n`) } = {}) {
  const removed = pruneStale();
  for (const file of removed) log(`build: removed ${path.join(OUT, file)} (its source is gone)`);
  const missing = missingOutputs();
  if (missing.length) {
    rmSync(BUILD_INFO, { force: true });
  } else if (removed.length === 0 && upToDate()) {
    return 0;
  }
  const started = Date.now();
  const tsc = spawnSync(process.execPath, [path.join('node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
  if (tsc.status !== 0) return tsc.status ?? 1;
  // tsc leaves its build info untouched when nothing was emitted: mark the build as done.
  if (existsSync(BUILD_INFO)) utimesSync(BUILD_INFO, new Date(), new Date());
  log(`build: compiled in ${Date.now() - started} ms${missing.length ? ` (in full: ${missing.length} outputs were missing)` : ''}`);
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.chdir(path.join(path.dirname(fileURLToPath(import.meta.url)), '..'));
  process.exit(build());
}
