/**
 * The fleet ledger end to end: a fleet of real projects (0.1.0 ones, one created by this factory, one with a
 * conflict, a malformed one, a folder that is no repository, two whose last upgrade is months old) is
 * forecast (`fleet upgrade --dry-run --forecast`), then goes through a real `fleet upgrade --report-dir`,
 * then the built CLI writes `fleet status --reports --forecast --html`, and
 * Chromium opens the page from disk: every chart drawn with the fleet's figures, nothing fetched, the table
 * sortable. A screenshot is kept in test-artifacts/ledger/ (git-ignored).
 */
import { mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadBuiltinCatalog } from '@ai-factory/templates';
import { git, launchChromium, teamEdit } from '@ai-factory/testing';
import { execa } from 'execa';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoFrom, withReadmeConflict } from '../../upgrade/test-repos.js';
import { readForecast, type Forecast } from '../forecast.js';
import type { RepoStatus } from '../status.js';

const BIN = fileURLToPath(new URL('../../../dist/bin.js', import.meta.url));
const CREATE = fileURLToPath(new URL('../../../../create-ml-project/dist/bin.js', import.meta.url));
const ARTIFACTS = fileURLToPath(new URL('../../../../../test-artifacts/ledger/', import.meta.url));
const DAY_MS = 24 * 60 * 60 * 1000;
const { version: current } = await loadBuiltinCatalog();
const cli = (cwd: string, ...args: string[]) => execa('node', [BIN, ...args], { cwd, reject: false });
const dirAt = (path: string) => (mkdirSync(path, { recursive: true }), path);

/** Re-dates a repository's one commit to `days` ago, as if it had been created (or last upgraded) then. */
async function dated(dir: string, days: number): Promise<string> {
  const date = new Date(Date.now() - days * DAY_MS).toISOString();
  await execa('git', ['commit', '--quiet', '--amend', '--no-edit', '--date', date], { cwd: dir, env: { GIT_COMMITTER_DATE: date, GIT_COMMITTER_NAME: 'Team', GIT_COMMITTER_EMAIL: 'team@example.com' } });
  return dir;
}

let browser: Browser;
let page: Page;
let rows: RepoStatus[];
let forecast: Forecast;
const requests: string[] = [];
const errors: string[] = [];
const repos: Record<string, string> = {};

beforeAll(async () => {
  const root = mkdtempSync(join(tmpdir(), 'ledger-'));
  // The fixtures' commits carry the release's date: the repositories not re-dated here are made today.
  repos.azure = await dated(await repoFrom('factory-0.1.0/azure-tabular', dirAt(join(root, 'azure'))), 0);
  repos.gcp = await dated(await repoFrom('factory-0.1.0/gcp-tabular', dirAt(join(root, 'gcp'))), 200);
  repos.k8s = await dated(await repoFrom('factory-0.1.0/k8s-gpu-pytorch', dirAt(join(root, 'k8s'))), 100);
  repos.conflict = await dated(await repoFrom('factory-0.1.0/azure-tabular', dirAt(join(root, 'conflict'))), 0);
  await withReadmeConflict(repos.conflict);
  repos.malformed = await dated(await repoFrom('factory-0.1.0/gcp-tabular', dirAt(join(root, 'malformed'))), 0);
  // Type-checks, but does not evaluate: more cores than the platform allows.
  await teamEdit(repos.malformed, 'x', { 'ai-factory.config.ts': (text) => text.replace('training: cpu()', 'training: cpu({ cores: 1000 })') });
  const created = await execa('node', [CREATE, 'fresh', '--yes', '--preset', 'azure-tabular', '--no-install'], { cwd: dirAt(join(root, 'current')) });
  expect(created.exitCode).toBe(0);
  repos.current = join(root, 'current', 'fresh');
  repos.plain = dirAt(join(root, 'plain', 'not-a-repo'));
  writeFileSync(join(root, 'repos.txt'), `${Object.values(repos).join('\n')}\n`);

  const dry = await cli(root, 'fleet', 'upgrade', '--from', 'repos.txt', '--concurrency', '2', '--dry-run', '--forecast', 'forecast.json');
  expect(dry.stdout).toContain('3 upgrade cleanly, 1 up to date, 1 with conflicts, 2 would fail');
  forecast = readForecast(join(root, 'forecast.json'));
  const run = await cli(root, 'fleet', 'upgrade', '--from', 'repos.txt', '--concurrency', '2', '--report-dir', 'reports');
  expect(run.stdout).toContain('7 repositories: 3 upgraded, 1 up-to-date, 1 conflicts, 2 failed');
  const status = await cli(root, 'fleet', 'status', '--from', 'repos.txt', '--reports', 'reports', '--forecast', 'forecast.json', '--html', 'ledger.html', '--json');
  expect(status.exitCode, status.stderr).toBe(1);
  rows = JSON.parse(status.stdout).repositories;

  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => void (message.type() === 'error' && errors.push(message.text())));
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(pathToFileURL(join(root, 'ledger.html')).href);
}, 300_000);

afterAll(async () => {
  await browser?.close();
});

/** The bars of one chart as `label value`, in drawing order. */
const bars = (chart: string) => page.locator(`#${chart} g.bar`).evaluateAll((groups) => groups.map((g) => `${g.getAttribute('data-label')} ${g.getAttribute('data-value')}`));
const column = (index: number) => page.locator('#repositories tbody tr').evaluateAll((trs, i) => trs.map((tr) => (tr as HTMLTableRowElement).cells[i]!.textContent), index);

describe('fleet status --reports --html', () => {
  it('adds the last run, the modules and the manifest date to each row', () => {
    const row = (name: string) => rows.find((r) => r.repo === repos[name])!;
    expect(row('azure')).toMatchObject({ factoryVersion: '0.1.0', upgradeWaiting: true, lastRun: { status: 'upgraded', from: '0.1.0', to: current, conflicts: [] } });
    expect(row('azure').modules).toContain('ml/tabular-core');
    expect(row('conflict').lastRun).toMatchObject({ status: 'conflicts', conflicts: ['README.md'] });
    expect(row('malformed').lastRun).toMatchObject({ status: 'failed', error: expect.stringMatching(/^malformed-config: /) });
    expect(row('current')).toMatchObject({ factoryVersion: current, behind: false, lastRun: { status: 'up-to-date' } });
    expect(row('plain')).toMatchObject({ error: expect.stringMatching(/not a git repository/), lastRun: { status: 'failed' } });
    // The forecast said of each repository what the run then did.
    for (const r of rows) expect(r.forecast, r.repo).toEqual(r.lastRun);
    expect(rows.map((r) => r.wave!).sort((a, b) => a - b)).toEqual([10, 25, 50, 50, 100, 100, 100]);
    expect(Math.round((Date.now() - Date.parse(row('gcp').manifestChangedAt!)) / DAY_MS)).toBe(200);
  });

  it('renders every chart in Chromium from the fleet\'s figures, with nothing fetched', async () => {
    expect(errors).toEqual([]);
    expect(requests).toEqual([page.url()]);
    expect(await page.locator('figure svg.chart').count()).toBe(13);
    for (const svg of await page.locator('figure svg.chart').all()) expect((await svg.boundingBox())!.height).toBeGreaterThan(20);
    expect(await bars('factory-versions')).toEqual([`${current} 1`, '0.1.0 5']);
    expect(await bars('shared-versions')).toEqual(expect.arrayContaining(['1.0.0 5']));
    expect(await bars('presets')).toEqual(['azure-tabular 3', 'gcp-tabular 2', 'k8s-gpu-pytorch 1']);
    expect(await bars('modules')).toContain('ml/tabular-core 6');
    expect(await bars('upgrades')).toEqual(['current 1', 'upgrade waiting 4', 'behind 1', 'unreadable 1']);
    expect(await bars('last-run')).toEqual(['upgraded 3', 'up-to-date 1', 'conflicts 1', 'failed 2', 'not in the reports 0']);
    expect(await bars('conflicts')).toEqual(['README.md 1']);
    expect(await bars('failures')).toEqual(['malformed-config 1', 'not-a-repository 1']);
    expect((await bars('ages')).slice(0, 2)).toEqual(['gcp/gcp-tabular 200', 'k8s-gpu-pytorch 100']);
    expect(await bars('waves')).toEqual(['10% 1', '25% 1', '50% 2', '100% 3']);
    expect(await bars('forecast')).toEqual((await bars('last-run')).slice(0, 4));
    expect(await bars('forecast-conflicts')).toEqual(['README.md 1']);
    expect(forecast.codemods.find((c) => c.codemod === 'split-monitoring')).toEqual({ codemod: 'split-monitoring', repositories: 4, files: [{ path: 'ai-factory.config.ts', repositories: 4 }] });
    expect(await bars('forecast-codemods')).toEqual(forecast.codemods.map((c) => `${c.codemod} ${c.repositories}`));
    expect(await page.locator('#forecast-codemods ul.files li', { hasText: 'split-monitoring' }).textContent()).toBe('split-monitoring: ai-factory.config.ts (4)');
    // Bars are drawn to scale: 0.1.0 has five times the repositories of the current version.
    const widths = await page.locator('#factory-versions rect').evaluateAll((rects) => rects.map((r) => r.getBoundingClientRect().width));
    expect(widths[1]! / widths[0]!).toBeCloseTo(5, 1);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'ledger.png'), fullPage: true });
    expect(statSync(join(ARTIFACTS, 'ledger.png')).size).toBeGreaterThan(20_000);
  });

  it('sorts the table by any column, and reverses it', async () => {
    expect(await page.locator('#repositories tbody tr').count()).toBe(7);
    const age = page.locator('#repositories th', { hasText: 'Days since upgrade' });
    await age.locator('button').click();
    expect(await column(8)).toEqual(['0', '0', '0', '0', '100', '200', '—']);
    await age.locator('button').click();
    expect(await column(8)).toEqual(['200', '100', '0', '0', '0', '0', '—']);
    expect(await age.getAttribute('aria-sort')).toBe('descending');
    await page.locator('#repositories th', { hasText: 'Factory' }).locator('button').click();
    expect(await column(1)).toEqual(['0.1.0', '0.1.0', '0.1.0', '0.1.0', '0.1.0', current, '—']);
    await page.locator('#repositories th', { hasText: 'Wave' }).locator('button').click();
    expect(await column(10)).toEqual(['10%', '25%', '50%', '50%', '100%', '100%', '100%']);
    expect(await git(repos.azure!, 'status', '--porcelain')).toBe('');
  });
});
