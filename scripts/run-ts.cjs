// `node scripts/run-ts.cjs <script.ts> [args...]` (`npm run -s token`): runs a TypeScript
// script transpiled file by file with TypeScript's transpileModule, as
// `ts-node --transpile-only` does, but keeps each file's output (keyed by its content, the
// tsconfig and the TypeScript version) in node_modules/.cache/pre-run-ts/. Once warm,
// TypeScript itself is not even loaded: that load alone costs ts-node about a second.
// Plain JavaScript on purpose: it runs before anything is compiled.
'use strict';

const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const cacheDir = path.join(root, 'node_modules', '.cache', 'pre-run-ts');
const tsconfigText = fs.readFileSync(path.join(root, 'tsconfig.json'), 'utf8');
const tsVersion = JSON.parse(fs.readFileSync(path.join(root, 'node_modules', 'typescript', 'package.json'), 'utf8')).version;

let compilerOptions;
function transpile(source, filename) {
  const ts = require('typescript');
  if (!compilerOptions) {
    const { config } = ts.parseConfigFileTextToJson('tsconfig.json', tsconfigText);
    compilerOptions = ts.convertCompilerOptionsFromJson(config.compilerOptions, root).options;
    Object.assign(compilerOptions, { module: ts.ModuleKind.CommonJS, sourceMap: false, inlineSourceMap: true, inlineSources: false, declaration: false });
  }
  return ts.transpileModule(source, { compilerOptions, fileName: filename }).outputText;
}

function compiled(filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const key = crypto.createHash('sha256').update(`${tsVersion}\0${tsconfigText}\0${filename}\0${source}`).digest('hex');
  const cached = path.join(cacheDir, `${key}.js`);
  try {
    return fs.readFileSync(cached, 'utf8');
  } catch {
    const output = transpile(source, filename);
    fs.mkdirSync(cacheDir, { recursive: true });
    // Written aside then renamed: two runs at once never read half a file.
    const partial = `${cached}.${process.pid}.tmp`;
    fs.writeFileSync(partial, output);
    fs.renameSync(partial, cached);
    return output;
  }
}

require.extensions['.ts'] = function loadTypeScript(module, filename) {
  if (filename.includes(`${path.sep}node_modules${path.sep}`)) throw new Error(`run-ts: will not compile ${filename}`);
  module._compile(compiled(filename), filename);
};

const [script, ...args] = process.argv.slice(2);
if (!script) {
  console.error('usage: node scripts/run-ts.cjs <script.ts> [args...]');
  process.exit(2);
}
const target = path.resolve(script);
process.argv = [process.argv[0], target, ...args];
require(target);
