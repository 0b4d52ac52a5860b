// `npm run dev`: the API, rebuilt and restarted on every change of src/, scripts/ or bench/.
// tsc --watch compiles incrementally into the same dist/ as `npm start`; after each compile
// without errors, outputs whose source is gone are removed and the API is stopped (SIGTERM:
// it stops its embedded PostgreSQL, data kept) and started again. A compile with errors
// leaves the running API as it is. Ctrl-C stops both.
//
// Plain JavaScript on purpose: it runs before anything is compiled.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, pruneStale } from './build.mjs';

process.chdir(path.join(path.dirname(fileURLToPath(import.meta.url)), '..'));
const log = (line) => process.stderr.write(`dev: ${line}\n`);
/** How long a stopping API may take (it drains requests, then stops its database) before it is killed. */
const STOP_MS = 20_000;

let api;
let stopping = false;

function startApi() {
  api = spawn(process.execPath, ['--max-old-space-size=512', 'dist/src/main.js'], { stdio: 'inherit' });
  const child = api;
  child.on('exit', (code, signal) => {
    if (api === child) api = undefined;
    if (!stopping && code !== null && code !== 0) log(`the API exited (${code}); it starts again at the next change`);
    else if (signal && !stopping) log(`the API was stopped (${signal})`);
  });
}

function stopApi() {
  const child = api;
  if (!child) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_MS);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

// One restart at a time; changes that arrive meanwhile make one more.
let restarting = Promise.resolve();
function restart() {
  restarting = restarting.then(async () => {
    for (const file of pruneStale()) log(`removed dist/${file} (its source is gone)`);
    log('changes compiled: restarting the API');
    await stopApi();
    if (!stopping) startApi();
  });
}

if (build() !== 0) log('the first build has errors: fix them, the API starts at the next compile without errors');
else startApi();

const tsc = spawn(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json', '--watch', '--preserveWatchOutput'], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
// The first report is the check of what `build()` just compiled: no restart for it.
let reports = 0;
let buffered = '';
tsc.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  buffered += chunk.toString('utf8');
  const lines = buffered.split('\n');
  buffered = lines.pop() ?? '';
  for (const line of lines) {
    const found = /Found (\d+) errors?\. Watching for file changes/.exec(line);
    if (!found) continue;
    reports += 1;
    if (found[1] === '0' && (reports > 1 || !api)) restart();
  }
});

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    tsc.kill('SIGTERM');
    void restarting.then(stopApi).then(() => process.exit(0));
  });
}
