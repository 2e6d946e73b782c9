/**
 * The built playbook in a real browser: it is generated and built here (so `npm test` needs nothing
 * else), served by `ai-factory docs`, and driven with playwright-core and Debian's chromium.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '@ai-factory/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execa } from 'execa';
import { repositoryWebUrl } from './repository.mjs';
import { readChangelogs } from './pages/whats-new.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIST = join(ROOT, 'docs', '.vitepress', 'dist');
/** Where screenshots are kept for a person to look at (git-ignored). */
const ARTIFACTS = join(ROOT, 'test-artifacts', 'playbook');
const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

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
  const { loadBuiltinCatalog } = await import('@ai-factory/templates');
  const catalog = await loadBuiltinCatalog();
  for (const id of catalog.modules.keys()) expected.set(`/reference/modules/${id}`, id);
  for (const id of catalog.presets.keys()) expected.set(`/reference/presets/${id}`, id);
  expected.set('/reference/gpus', 'GPU catalog');
  expected.set('/reference/permissions', 'Permissions');
  expected.set('/reference/cli/create-ml-project', 'create-ml-project');
  expected.set('/reference/cli/ai-factory', 'ai-factory');
  expected.set('/reference/dashboards', 'Dashboards');
  expected.set('/reference/whats-new', "What's new");
  baseUrl = await startServer();
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  if (server && server.exitCode === null) {
    server.kill('SIGTERM');
    await once(server, 'exit');
  }
});

async function openPage(path: string, viewport = { width: 1400, height: 900 }): Promise<Page> {
  const page = await browser.newPage({ viewport });
  await page.goto(new URL(path, baseUrl).href);
  return page;
}

/** Waits until every diagram on the page is drawn or has failed; returns how many are SVG. */
async function drawnDiagrams(page: Page): Promise<{ total: number; svg: number; failed: string[] }> {
  const figures = page.locator('.mermaid-diagram');
  const total = await figures.count();
  await page.waitForFunction((n) => document.querySelectorAll('.mermaid-diagram .mermaid-svg svg, .mermaid-diagram .mermaid-failure').length >= n, total, { timeout: 20_000 });
  return {
    total,
    svg: await page.locator('.mermaid-diagram .mermaid-svg svg').count(),
    failed: await page.locator('.mermaid-diagram .mermaid-failure').allInnerTexts(),
  };
}

describe('the playbook site', () => {
  it('loads the home page with its logo, favicon, quickstart and every role', async () => {
    const page = await openPage('/');
    expect(await page.title()).toContain('AI Factory');
    await page.getByRole('link', { name: 'From exploration to production' }).first().waitFor();
    expect(await page.locator('.VPHero .name').innerText()).toContain('AI Factory');
    expect(await page.locator('.VPHero .image-src').getAttribute('src')).toBe('/logo.svg');
    const favicon = await page.locator('head link[rel="icon"]').getAttribute('href');
    expect(builtFile(favicon!), `favicon ${favicon}`).toBeDefined();
    const quickstart = await page.locator('#quickstart ~ div[class*="language-"]').first().innerText();
    expect(quickstart).toContain('bash scripts/setup.sh && npx create-ml-project demo --yes --preset azure-tabular');
    expect(quickstart).toContain('bash scripts/setup.sh && npm test');
    for (const role of ['Data scientist', 'Data engineer', 'ML engineer', 'AI engineer', 'Domain expert', 'Model validator', 'Platform team']) {
      await page.locator('.vp-doc table a', { hasText: role }).first().waitFor();
    }
    // Six feature cards: three per row on a desktop, none left alone on a row.
    const cards = await page.locator('.VPFeatures .item').evaluateAll((items) => items.map((item) => Math.round(item.getBoundingClientRect().top)));
    expect(cards).toHaveLength(6);
    expect(new Set(cards).size).toBe(2);
    await page.close();
  });

  it('keeps a screenshot of the home page at desktop and phone width, with nothing wider than a phone', async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    for (const [name, viewport] of [['desktop', DESKTOP], ['phone', PHONE]] as const) {
      const page = await openPage('/', viewport);
      await page.locator('.VPFeatures').waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth), name).toBeLessThanOrEqual(viewport.width);
      const file = join(ARTIFACTS, `home-${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      expect(statSync(file).size).toBeGreaterThan(10_000);
      await page.close();
    }
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

  it('finds each role, each responsible-AI principle and each topic with the local search', async () => {
    const searches: [string, string][] = [
      ['data scientist', '/roles/data-scientist'],
      ['data engineer', '/roles/data-engineer'],
      ['ML engineer', '/roles/ml-engineer'],
      ['AI engineer', '/roles/ai-engineer'],
      ['domain expert', '/roles/domain-expert'],
      ['model validator', '/roles/model-validator'],
      ['platform team', '/roles/platform-team'],
      ['fairness', '/guide/responsible-ai'],
      ['reliability and safety', '/guide/responsible-ai'],
      ['privacy and security', '/guide/responsible-ai'],
      ['inclusiveness', '/guide/responsible-ai'],
      ['transparency', '/guide/responsible-ai'],
      ['accountability', '/guide/responsible-ai'],
      ['maturity model', '/guide/maturity'],
      ['Microsoft level 4', '/guide/maturity'],
      ['explainability', '/guide/explainability'],
      ['overfitting', '/guide/explainability'],
      ['EventBridge', '/guide/events'],
      ['Event Grid', '/guide/events'],
      ['Pub/Sub', '/guide/events'],
      ['GPU quota', '/guide/costs'],
      ['budget', '/guide/costs'],
      ['organisation dashboard', '/guide/dashboards'],
      ['training plan', '/guide/enablement'],
      ['readiness assessment', '/guide/enablement'],
      ['retrospective', '/guide/retrospective'],
      ['contributing back', '/guide/retrospective'],
      ['champion challenger', '/guide/architecture'],
      ['bootstrap', '/guide/deploy'],
      ['deployer identity', '/guide/deploy'],
      ["what's new", '/reference/whats-new'],
    ];
    const page = await openPage('/');
    await page.locator('.VPNavBarSearch button').click();
    const input = page.locator('#localsearch-input');
    const missing: string[] = [];
    for (const [query, path] of searches) {
      await input.fill(query);
      const hit = page.locator(`.VPLocalSearchBox a.result[href^="${path}"]`).first();
      try {
        await hit.waitFor({ timeout: 5_000 });
      } catch {
        missing.push(`${query} → ${path}`);
      }
    }
    expect(missing).toEqual([]);
    await page.close();
  }, 60_000);

  it('loads every page without a console error or a failed request', async () => {
    const pages = htmlFiles(DIST).filter((file) => file !== '404.html').map((file) => `/${file.replace(/(index)?\.html$/, '')}`);
    const problems: string[] = [];
    // Two tabs at a time: CI has two cores.
    const queue = [...pages];
    await Promise.all([0, 1].map(async () => {
      const page = await browser.newPage({ viewport: DESKTOP });
      let current = '';
      page.on('console', (message) => message.type() === 'error' && problems.push(`${current}: console: ${message.text()}`));
      page.on('pageerror', (error) => problems.push(`${current}: ${error.message}`));
      page.on('response', (response) => response.status() >= 400 && problems.push(`${current}: ${response.status()} ${response.url()}`));
      for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
        current = path;
        await page.goto(new URL(path, baseUrl).href, { waitUntil: 'domcontentloaded' });
        // Vue marks the container once the app is mounted: hydration, and its mismatch errors, are over.
        await page.waitForFunction(() => (document.querySelector('#app') as { __vue_app__?: unknown } | null)?.__vue_app__ !== undefined);
        if ((await page.locator('.mermaid-diagram').count()) > 0) await drawnDiagrams(page);
      }
      await page.close();
    }));
    expect(problems).toEqual([]);
    expect(pages.length).toBeGreaterThan(50);
  }, 120_000);

  it('draws every diagram as SVG', async () => {
    const withDiagrams = htmlFiles(DIST).filter((file) => readFileSync(join(DIST, file), 'utf8').includes('class="mermaid-diagram"'));
    expect(withDiagrams).toContain('guide/architecture.html');
    let drawn = 0;
    for (const file of withDiagrams) {
      const page = await openPage(`/${file.replace(/\.html$/, '')}`);
      const { total, svg, failed } = await drawnDiagrams(page);
      expect(failed, file).toEqual([]);
      expect(svg, file).toBe(total);
      drawn += svg;
      await page.close();
    }
    // The factory, a pipeline per platform (4) and the champion/challenger gate.
    expect(drawn).toBeGreaterThanOrEqual(6);
  }, 60_000);

  it('shows a preview of the organisation dashboard with each of its panels, and one per preset dashboard', async () => {
    const organisation = JSON.parse(readFileSync(join(DIST, 'reference/dashboards/organisation.json'), 'utf8')) as { panels: { type: string; title: string }[] };
    const engine = await import('@ai-factory/engine');
    const { loadBuiltinCatalog } = await import('@ai-factory/templates');
    const catalog = await loadBuiltinCatalog();
    const presetDashboards = [...catalog.presets.values()].flatMap((preset: { id: string; answers: object }) =>
      engine.generateProject(catalog, { ...engine.defaultAnswers(preset.id), ...preset.answers, preset: preset.id }).tree.entries()
        .filter(([path]: [string]) => path.startsWith('monitoring/dashboards/')));
    expect(presetDashboards.length).toBeGreaterThan(0);
    const page = await openPage('/reference/dashboards');
    const previews = page.locator('.dashboard-preview svg');
    expect(await previews.count()).toBe(1 + presetDashboards.length);
    const titles = await previews.first().locator('g.panel > title').allTextContents();
    const panels = organisation.panels.filter((panel) => panel.type !== 'row');
    expect(titles).toHaveLength(panels.length);
    panels.forEach((panel, index) => expect(titles[index]).toContain(panel.title));
    await page.close();
  });

  it('gives wide tables the whole width, keeps prose pages in a column, and shows codemods as a coloured diff', async () => {
    const wide = await openPage('/reference/gpus', DESKTOP);
    const wideTable = await wide.locator('.vp-doc table').nth(1).evaluate((table) => table.getBoundingClientRect().width);
    expect(wideTable).toBeGreaterThan(900);
    await wide.close();
    const prose = await openPage('/guide/costs', DESKTOP);
    expect(await prose.locator('.vp-doc').evaluate((doc) => doc.getBoundingClientRect().width)).toBeLessThanOrEqual(800);
    await prose.close();
    const codemod = await openPage('/reference/codemods/split-monitoring', DESKTOP);
    expect(await codemod.locator('.vp-doc .line.diff.remove').count()).toBeGreaterThan(0);
    expect(await codemod.locator('.vp-doc .line.diff.add').count()).toBeGreaterThan(0);
    expect(await codemod.locator('.vp-doc').innerText()).not.toContain('[!code');
    await codemod.close();
  });

  it("dates written pages, links them for editing when the repository is known, and builds What's new from the changelogs", async () => {
    const { repository } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { repository?: unknown };
    const repositoryUrl = repositoryWebUrl(repository);
    const written = await openPage('/guide/principles');
    await written.locator('.VPLastUpdated').waitFor();
    const edit = written.locator('.VPDocFooter .edit-link a');
    if (repositoryUrl) expect(await edit.getAttribute('href')).toBe(`${repositoryUrl}/edit/main/docs/guide/principles.md`);
    else expect(await edit.count()).toBe(0);
    await written.close();
    const generated = await openPage('/reference/gpus');
    expect(await generated.locator('.VPDocFooter .edit-link a').count()).toBe(0);
    await generated.close();
    const news = await openPage('/reference/whats-new');
    const text = await news.locator('.vp-doc').innerText();
    const changelogs = readChangelogs();
    if (changelogs.length === 0) expect(text).toContain('There are no releases yet');
    for (const { name, releases } of changelogs) expect(text).toContain(`${name} ${releases[0]!.version}`);
    await news.close();
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
