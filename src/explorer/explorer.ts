import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';

/**
 * The explorer: GraphiQL, served by the API itself from its npm package (and React's UMD
 * builds), so that it works with no internet and no CDN. On by default outside production
 * (`EXPLORER`). A browser opening /graphql gets its page; its files are under /explorer/.
 *
 * The page runs under its own strict CSP: scripts and styles from this origin only (no
 * inline script, no eval), requests to this origin only, fonts and images from GraphiQL's
 * stylesheet (data: URLs), never framed.
 */

export const EXPLORER_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The repository's root (where package.json is), from src/explorer or dist/src/explorer alike. */
function projectRoot(): string {
  let dir = __dirname;
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('explorer: no package.json above ' + __dirname);
    dir = parent;
  }
  return dir;
}

/** A file of an installed package, found through its package.json (their `exports` hide these). */
function packageFile(name: string, file: string): string {
  return path.join(path.dirname(require.resolve(`${name}/package.json`)), file);
}

interface Asset {
  file: string;
  type: string;
}

const JS = 'text/javascript; charset=utf-8';
const CSS = 'text/css; charset=utf-8';

function assets(root: string): Record<string, Asset> {
  return {
    'react.production.min.js': { file: packageFile('react', 'umd/react.production.min.js'), type: JS },
    'react-dom.production.min.js': { file: packageFile('react-dom', 'umd/react-dom.production.min.js'), type: JS },
    'graphiql.min.js': { file: packageFile('graphiql', 'graphiql.min.js'), type: JS },
    'graphiql.min.css': { file: packageFile('graphiql', 'graphiql.min.css'), type: CSS },
    'explorer.js': { file: path.join(root, 'src/explorer/assets/explorer.js'), type: JS },
    'explorer.css': { file: path.join(root, 'src/explorer/assets/explorer.css'), type: CSS },
  };
}

/** A variable the operation cannot run without (`$id: ID!`, no default). */
const REQUIRED_VARIABLE = /\$\w+\s*:\s*[\w[\]!]*!\s*[,)]/;

/**
 * The example operations (operations/*.graphql), one tab each: those that run as they are
 * first (the first tab answers at once), then those that need variables, by file name.
 */
export function exampleOperations(root = projectRoot()): { name: string; query: string }[] {
  const dir = path.join(root, 'operations');
  if (!existsSync(dir)) return [];
  const operations = readdirSync(dir)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => ({ name: file.replace(/\.graphql$/, ''), query: readFileSync(path.join(dir, file), 'utf8') }));
  const needsVariables = (query: string) => REQUIRED_VARIABLE.test(query);
  return [...operations.filter((o) => !needsVariables(o.query)), ...operations.filter((o) => needsVariables(o.query))];
}

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>PRE API explorer</title>
<link rel="stylesheet" href="/explorer/graphiql.min.css">
<link rel="stylesheet" href="/explorer/explorer.css">
</head>
<body>
<form id="token-form" action="#"><div id="bar">
<strong>PRE API</strong>
<label for="token">Bearer token</label>
<input id="token" name="token" type="password" autocomplete="off" spellcheck="false" placeholder="paste a token">
<button id="use-token" type="submit">Use</button>
<span class="hint">in development: <code>npm run -s token -- coordinator@demo.example</code></span>
<span id="who"></span>
</div></form>
<div id="graphiql">Loading the explorer…</div>
<script src="/explorer/react.production.min.js"></script>
<script src="/explorer/react-dom.production.min.js"></script>
<script src="/explorer/graphiql.min.js"></script>
<script src="/explorer/explorer.js"></script>
</body>
</html>
`;

export interface Explorer {
  /** Answers the request when it is the explorer's (its page, its files); false otherwise. */
  handle(req: IncomingMessage, res: ServerResponse, url: URL): boolean;
}

/** Whether a GET of /graphql comes from a browser opening the page, not from a client sending a query. */
export function wantsPage(req: IncomingMessage, url: URL): boolean {
  return req.method === 'GET' && !url.searchParams.has('query') && (req.headers.accept ?? '').includes('text/html');
}

export function createExplorer(): Explorer {
  const root = projectRoot();
  const files = assets(root);
  for (const [name, asset] of Object.entries(files)) {
    if (!existsSync(asset.file)) throw new Error(`explorer: ${name} not found at ${asset.file} (npm ci installs it)`);
  }
  const operations = JSON.stringify(exampleOperations(root));
  // The security headers of every response are set (src/http.ts); the page sets its own CSP over them.
  const send = (res: ServerResponse, type: string, body: string | Buffer, csp?: string) => {
    if (csp) res.setHeader('content-security-policy', csp);
    res.writeHead(200, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
    res.end(body);
  };
  return {
    handle(req, res, url) {
      if (req.method !== 'GET' && req.method !== 'HEAD') return false;
      if (url.pathname === '/graphql' && wantsPage(req, url)) {
        send(res, 'text/html; charset=utf-8', PAGE, EXPLORER_CSP);
        return true;
      }
      if (!url.pathname.startsWith('/explorer/')) return false;
      const name = url.pathname.slice('/explorer/'.length);
      if (name === 'operations.json') {
        send(res, 'application/json; charset=utf-8', operations);
        return true;
      }
      const asset = Object.prototype.hasOwnProperty.call(files, name) ? files[name] : undefined;
      if (!asset) return false;
      send(res, asset.type, readFileSync(asset.file));
      return true;
    },
  };
}
