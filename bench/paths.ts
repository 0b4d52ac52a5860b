import { existsSync } from 'node:fs';
import path from 'node:path';

/** The repository root: the nearest folder above this file with a package.json (bench/ or dist/bench/). */
function findRoot(from: string): string {
  let dir = from;
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${from}`);
    dir = parent;
  }
  return dir;
}

export const ROOT = findRoot(__dirname);
export const BENCH_DIR = path.join(ROOT, 'bench');
