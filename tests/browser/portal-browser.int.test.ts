import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startDemoServer } from '../helpers/test-server';
import { exampleOperations } from '../../src/explorer/explorer';

/**
 * The API as a web portal meets it, in a real headless Chromium (Debian's package, driven
 * by playwright-core; never a downloaded browser: `bash scripts/install-browser.sh`, which
 * .ci/run calls, installs it): a page of an allowed origin runs the leisure roster with
 * `fetch` and gets its data; a page of another origin is blocked by the browser (CORS);
 * the explorer served by the API loads under its CSP, takes a token and runs a query.
 */

/**
 * The little of the DOM the functions run in the page use: this file is type-checked with
 * Node's types, and Playwright sends those functions to the page as source (string code
 * would be eval, which the explorer's CSP refuses).
 */
declare const document: {
  querySelector(selector: string): { textContent: string | null } | null;
  addEventListener(type: 'securitypolicyviolation', listener: (event: { violatedDirective: string; blockedURI: string }) => void): void;
};

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const ROSTER = readFileSync('operations/leisure-roster.graphql', 'utf8');

/** A web server standing for a portal: one empty page, on an origin of its own. */
async function portalOrigin(): Promise<{ origin: string; server: Server }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><title>portal</title><p>portal</p>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

/** What a portal's code does: POST the roster with its token, from the page. */
function runRoster(page: Page, api: string, token: string, query: string) {
  return page.evaluate(
    async ({ api, token, query }) => {
      try {
        const response = await fetch(api, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query }),
        });
        return { ok: true as const, status: response.status, body: (await response.json()) as { data?: { children: { totalCount: number; edges: { node: { firstName: string; inclusion: unknown } }[] } }; errors?: unknown[] } };
      } catch (error) {
        return { ok: false as const, error: String(error) };
      }
    },
    { api, token, query },
  );
}

describe('in a real browser', () => {
  let api: Awaited<ReturnType<typeof startDemoServer>>;
  let browser: Browser;
  const portals: Server[] = [];
  let allowed: string;
  let refused: string;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: run \`bash scripts/install-browser.sh\` (Debian's chromium package)`);
    const [a, b] = await Promise.all([portalOrigin(), portalOrigin()]);
    portals.push(a.server, b.server);
    [allowed, refused] = [a.origin, b.origin];
    api = await startDemoServer({ CORS_ORIGINS: allowed, EXPLORER: 'true' });
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS, timeout: 15_000 });
  });
  afterAll(async () => {
    await browser?.close();
    for (const server of portals) server.close();
    await api?.close();
  });

  async function newPage(): Promise<{ page: Page; console: string[] }> {
    const context = await browser.newContext();
    const page = await context.newPage();
    const messages: string[] = [];
    page.on('console', (message) => messages.push(message.text()));
    page.on('pageerror', (error) => messages.push(`pageerror: ${error.message}`));
    // CSP violations, reported by the browser itself.
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`));
    });
    return { page, console: messages };
  }

  it('lets a page of an allowed origin run the leisure roster with fetch, with its token, and get its data', async () => {
    const token = await api.tokenFor('leisure@demo.example');
    const { page } = await newPage();
    await page.goto(`${allowed}/`);
    const result = await runRoster(page, api.url, token, ROSTER);
    expect(result).toMatchObject({ ok: true, status: 200 });
    if (!result.ok) return;
    expect(result.body.errors).toBeUndefined();
    const roster = result.body.data!.children;
    expect(roster.totalCount).toBeGreaterThan(0);
    expect(roster.edges).toHaveLength(roster.totalCount);
    expect(roster.edges[0].node.firstName).toEqual(expect.any(String));
    await page.context().close();
  });

  it('blocks a page of another origin: the browser withholds the answer (CORS)', async () => {
    const token = await api.tokenFor('leisure@demo.example');
    const { page, console } = await newPage();
    await page.goto(`${refused}/`);
    const result = await runRoster(page, api.url, token, ROSTER);
    expect(result).toEqual({ ok: false, error: 'TypeError: Failed to fetch' });
    expect(console.join('\n')).toMatch(/blocked by CORS policy/);
    await page.context().close();
  });

  it('serves the explorer: GraphiQL loads under its CSP with no request elsewhere, takes a token and runs the first example operation', async () => {
    const token = await api.tokenFor('coordinator@demo.example');
    const { page, console } = await newPage();
    const elsewhere: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(new URL(api.url).origin) && !request.url().startsWith('data:')) elsewhere.push(request.url());
    });
    // GraphiQL's own introspection query passes the request limits with the token.
    const introspections: { status: number; types: number; errors: unknown }[] = [];
    page.on('response', async (answer) => {
      if (answer.request().method() !== 'POST' || !answer.request().postData()?.includes('__schema')) return;
      const body = (await answer.json()) as { data?: { __schema?: { types: unknown[] } }; errors?: unknown };
      introspections.push({ status: answer.status(), types: body.data?.__schema?.types.length ?? 0, errors: body.errors });
    });
    const response = await page.goto(api.url);
    expect(response?.headers()['content-security-policy']).toMatch(/script-src 'self'/);
    await page.waitForSelector('.graphiql-container', { timeout: 15_000 });
    await page.fill('#token', token);
    await page.click('#use-token');
    await page.waitForFunction(() => document.querySelector('#who')?.textContent?.startsWith('signed in as'), undefined, { timeout: 15_000 });
    expect(await page.textContent('#who')).toBe('signed in as Hélène Roques (PRE_COORDINATOR)');
    // The first tab is the first example operation (one that needs no variables), preloaded.
    const first = /(?:query|mutation) (\w+)/.exec(exampleOperations()[0].query)![1];
    await page.waitForFunction((name) => document.querySelector('.graphiql-query-editor')?.textContent?.includes(name), first, { timeout: 15_000 });
    const ran = page.waitForResponse((answer) => answer.request().method() === 'POST' && (answer.request().postData() ?? '').includes(`"operationName":"${first}"`), { timeout: 15_000 });
    await page.click('.graphiql-execute-button');
    const answer = (await (await ran).json()) as { data?: { children?: { totalCount: number } }; errors?: { extensions?: { code?: string } }[] };
    expect(answer.data?.children?.totalCount).toBe(200);
    // Only what the coordinator may not see is refused (HEALTH), the rest answered.
    expect((answer.errors ?? []).every((e) => e.extensions?.code === 'FORBIDDEN')).toBe(true);
    // And GraphiQL shows it.
    await page.waitForFunction(() => /"(data|errors)"/.test(document.querySelector('.result-window')?.textContent ?? ''), undefined, { timeout: 15_000 });
    expect(elsewhere).toEqual([]);
    const signedIn = introspections[introspections.length - 1];
    expect(signedIn).toMatchObject({ status: 200, errors: undefined });
    expect(signedIn.types).toBeGreaterThan(50);
    expect(console.filter((line) => /CSP violation|Refused to|pageerror/.test(line))).toEqual([]);
    await page.context().close();
  });
});
