/**
 * The built playbook in a real browser: it is generated and built here (so `npm test` needs nothing
 * else), served by `ai-factory docs`, and driven with playwright-core and Debian's chromium.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execa } from 'execa';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIST = join(ROOT, 'docs', '.vitepress', 'dist');
const CHROMIUM = '/usr/bin/chromium';

let server: ChildProcess | undefined;
let baseUrl: string;
let browser: Browser;
/** Reference pages the site must have, named independently of the generator: path → title. */
const expected = new Map<string, string>();

async function startServer(): Promise<string> {
  server = spawn(process.execPath, [join(ROOT, 'packages/cli/dist/bin.js'), 'docs', '--port', '0', '--dir', DIST], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  server.stdout!.on('data', (chunk) => (out += chunk));
  const deadline = Date.now() + 15_000;
  while (!/http:\/\/localhost:\d+\//.test(out)) {
    if (server.exitCode !== null || Date.now() > deadline) throw new Error(`ai-factory docs did not start: ${out}`);
    await new Promise((done) => setTimeout(done, 50));
  }
  return /http:\/\/localhost:\d+\//.exec(out)![0];
}

beforeAll(async () => {
  await execa('node', ['scripts/docs/generate.mjs'], { cwd: ROOT });
  await execa(join(ROOT, 'node_modules/.bin/vitepress'), ['build', 'docs'], { cwd: ROOT });
  const { loadBuiltinCatalog } = await import(join(ROOT, 'templates/dist/index.js'));
  const catalog = await loadBuiltinCatalog();
  for (const id of catalog.modules.keys()) expected.set(`/reference/modules/${id}`, id);
  for (const id of catalog.presets.keys()) expected.set(`/reference/presets/${id}`, id);
  expected.set('/reference/gpus', 'GPU catalog');
  expected.set('/reference/permissions', 'Permissions');
  expected.set('/reference/cli/create-ml-project', 'create-ml-project');
  expected.set('/reference/cli/ai-factory', 'ai-factory');
  baseUrl = await startServer();
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  if (server && server.exitCode === null) {
    server.kill('SIGTERM');
    await once(server, 'exit');
  }
});

async function openPage(path: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(new URL(path, baseUrl).href);
  return page;
}

describe('the playbook site', () => {
  it('loads the home page', async () => {
    const page = await openPage('/');
    expect(await page.title()).toContain('AI Factory');
    await page.getByRole('link', { name: 'From exploration to production' }).first().waitFor();
    expect(await page.locator('.VPHero .name').innerText()).toContain('AI Factory');
    await page.close();
  });

  it('reaches every generated page by following sidebar links, and each shows its title', async () => {
    const page = await openPage('/guide/principles');
    const sidebarLinks = await page.locator('.VPSidebar a').evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    for (const path of expected.keys()) expect(sidebarLinks, `sidebar links to ${path}`).toContain(path);
    for (const [path, title] of expected) {
      // Client-side navigation, as a reader clicks: the sidebar stays, the content changes.
      await page.locator(`.VPSidebar a[href="${path}"]`).click();
      await page.waitForURL((url) => url.pathname === path);
      await expect.poll(() => page.locator('.vp-doc h1').first().innerText()).toContain(title);
    }
    await page.close();
  }, 120_000);

  it('finds a module with the local search and opens its page', async () => {
    const page = await openPage('/');
    await page.locator('.VPNavBarSearch button').click();
    await page.locator('#localsearch-input').fill('tabular-pytorch');
    const result = page.locator('.VPLocalSearchBox a.result[href*="/reference/modules/ml/tabular-pytorch"]').first();
    await result.waitFor();
    await result.click();
    await page.waitForURL((url) => url.pathname === '/reference/modules/ml/tabular-pytorch');
    expect(await page.locator('.vp-doc h1').first().innerText()).toContain('ml/tabular-pytorch');
    await page.close();
  });
});

/** Every built HTML file, as paths relative to the site root with `/` separators. */
function htmlFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((path) => path.endsWith('.html') && statSync(join(dir, path)).isFile())
    .map((path) => path.split(sep).join('/'));
}

/** The built file a site path names, with clean URLs, or undefined. */
function builtFile(path: string): string | undefined {
  const target = join(DIST, decodeURIComponent(path));
  return [target, `${target}.html`, join(target, 'index.html')].find((file) => existsSync(file) && statSync(file).isFile());
}

const ids = new Map<string, Set<string>>();
function anchorsOf(file: string): Set<string> {
  let found = ids.get(file);
  if (!found) ids.set(file, (found = new Set([...readFileSync(file, 'utf8').matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]!))));
  return found;
}

describe('links in the built site', () => {
  it('resolves every internal link to a built page and, with a fragment, to an anchor on it', () => {
    const broken: string[] = [];
    let checked = 0;
    for (const file of htmlFiles(DIST)) {
      const html = readFileSync(join(DIST, file), 'utf8');
      const pagePath = `/${file}`;
      for (const [, href] of html.matchAll(/<a\b[^>]*?\shref="([^"]*)"/g)) {
        if (/^[a-z][a-z0-9+.-]*:/i.test(href!) || href!.startsWith('//')) continue; // external
        const url = new URL(href!.replace(/&amp;/g, '&'), `http://site${pagePath}`);
        const target = url.pathname === pagePath ? join(DIST, file) : builtFile(url.pathname);
        checked += 1;
        if (!target) {
          broken.push(`${file}: ${href} (no page)`);
          continue;
        }
        const fragment = decodeURIComponent(url.hash.slice(1));
        if (fragment && !anchorsOf(target).has(fragment)) broken.push(`${file}: ${href} (no anchor #${fragment} in ${relative(DIST, target)})`);
      }
    }
    expect(broken).toEqual([]);
    // Every page links somewhere: a check that saw no links checked nothing.
    expect(checked).toBeGreaterThan(htmlFiles(DIST).length * 10);
  });
});
