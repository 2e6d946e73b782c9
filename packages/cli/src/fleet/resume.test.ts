/**
 * Fleet runs that resume, through the built CLI: each repository's report is on disk as soon as it is
 * done, a rerun after a kill finishes the rest, --push publishes every upgrade branch not yet pushed
 * (whichever run made it), and a repository waiting on its conflicts is reported as such.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pristineRef } from '@ai-factory/engine';
import { loadBuiltinCatalog } from '@ai-factory/templates';
import { git } from '@ai-factory/testing';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { repoFrom, withReadmeConflict } from '../upgrade/test-repos.js';
import type { FleetRepoReport, FleetSummary } from './report.js';

const BIN = fileURLToPath(new URL('../../dist/bin.js', import.meta.url));
const { version } = await loadBuiltinCatalog();
const cli = (cwd: string, ...args: string[]) => execa('node', [BIN, ...args], { cwd, reject: false });
const dirAt = (path: string) => (mkdirSync(path, { recursive: true }), path);

/** Repositories of several presets, each with a bare origin. */
async function fleetWithOrigins(root: string, presets: string[]): Promise<{ dirs: string[]; origins: string[] }> {
  const dirs = await Promise.all(presets.map((preset, i) => repoFrom(`factory-0.1.0/${preset}`, dirAt(join(root, `r${i}`)))));
  const origins = [];
  for (const [i, dir] of dirs.entries()) {
    const origin = join(root, `origin${i}.git`);
    await execa('git', ['init', '--quiet', '--bare', origin]);
    await git(dir, 'remote', 'add', 'origin', origin);
    origins.push(origin);
  }
  return { dirs, origins };
}

// A kill can land between writing a report's .partial file and renaming it: only renamed reports count.
const repoReports = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.json') && name !== 'summary.json') : []);

async function expectPushed(dirs: string[], origins: string[]): Promise<void> {
  for (const [i, dir] of dirs.entries()) {
    const branch = `refs/heads/ai-factory/upgrade-${version}`;
    expect(await git(origins[i]!, 'rev-parse', branch)).toBe(await git(dir, 'rev-parse', branch));
    expect(await git(origins[i]!, 'rev-parse', pristineRef(version))).toBe(await git(dir, 'rev-parse', pristineRef(version)));
  }
}

describe('fleet runs that resume', () => {
  it('a killed run leaves the report of every repository it finished; a rerun with --push finishes the rest, reports all and pushes all', async () => {
    const root = mkdtempSync(join(tmpdir(), 'fleet-kill-'));
    const { dirs, origins } = await fleetWithOrigins(root, ['azure-tabular', 'gcp-tabular', 'k8s-gpu-pytorch', 'azure-tabular', 'gcp-tabular']);
    const reports = join(root, 'reports');

    // Its own process group, killed at once, workers included: as a cancelled CI job is.
    const run = execa('node', [BIN, 'fleet', 'upgrade', ...dirs, '--concurrency', '1', '--report-dir', 'reports'], { cwd: root, reject: false, detached: true });
    let ended = false;
    void run.finally(() => (ended = true));
    while (!ended && repoReports(reports).length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    process.kill(-run.pid!, 'SIGKILL');
    const killed = await run;
    expect(killed.signal, 'the run ended before writing any report').toBe('SIGKILL');
    const early = repoReports(reports);
    expect(early.length).toBeGreaterThan(0);
    expect(early.length).toBeLessThan(dirs.length);
    const earlyText = Object.fromEntries(early.map((name) => [name, readFileSync(join(reports, name), 'utf8')]));
    for (const text of Object.values(earlyText)) expect(JSON.parse(text)).toMatchObject({ status: 'upgraded' });

    const rerun = await cli(root, 'fleet', 'upgrade', ...dirs, '--concurrency', '1', '--report-dir', 'reports', '--push', '--push-interval-ms', '0', '--json');
    expect(rerun.exitCode, rerun.stdout + rerun.stderr).toBe(0);
    const summary = JSON.parse(rerun.stdout) as FleetSummary;
    expect(summary).toMatchObject({ total: dirs.length, ok: true, pushFailed: 0 });
    expect(summary.repositories.map((r) => r.repo).sort()).toEqual([...dirs].sort());
    expect(summary.repositories.every((r) => r.push === 'ok')).toBe(true);
    // What the killed run reported stands: those repositories were upgraded then, not "up to date" now.
    for (const name of early) expect(JSON.parse(readFileSync(join(reports, name), 'utf8'))).toMatchObject({ ...JSON.parse(earlyText[name]!), push: { refs: expect.any(Array) } });
    expect(repoReports(reports)).toHaveLength(dirs.length);
    expect(JSON.parse(readFileSync(join(reports, 'summary.json'), 'utf8'))).toMatchObject({ total: dirs.length, ok: true });
    await expectPushed(dirs, origins);
  });

  it('--push after a run without it pushes the upgrade branches that run made', async () => {
    const root = mkdtempSync(join(tmpdir(), 'fleet-push-later-'));
    const { dirs, origins } = await fleetWithOrigins(root, ['azure-tabular', 'gcp-tabular']);
    expect((await cli(root, 'fleet', 'upgrade', ...dirs)).exitCode).toBe(0);
    const later = await cli(root, 'fleet', 'upgrade', ...dirs, '--push', '--push-interval-ms', '0', '--json');
    expect(later.exitCode, later.stdout).toBe(0);
    expect(JSON.parse(later.stdout)).toMatchObject({ counts: { 'up-to-date': 2 }, pushFailed: 0, repositories: [{ push: 'ok' }, { push: 'ok' }] });
    await expectPushed(dirs, origins);
  });

  it('a repository waiting on its conflicts is reported as conflicts on a rerun, not as dirty', async () => {
    const root = mkdtempSync(join(tmpdir(), 'fleet-waiting-'));
    const dir = await repoFrom('factory-0.1.0/azure-tabular', dirAt(join(root, 'conflict')));
    await withReadmeConflict(dir);
    const first = JSON.parse((await cli(root, 'fleet', 'upgrade', dir, '--json')).stdout) as FleetSummary;
    expect(first.repositories[0]).toMatchObject({ status: 'conflicts', conflicts: 1 });
    const again = await cli(root, 'fleet', 'upgrade', dir, '--json', '--report-dir', 'reports');
    expect(JSON.parse(again.stdout).repositories[0]).toMatchObject({ status: 'conflicts', conflicts: 1 });
    const [report] = repoReports(join(root, 'reports')).map((name) => JSON.parse(readFileSync(join(root, 'reports', name), 'utf8')) as FleetRepoReport);
    expect(report).toMatchObject({ status: 'conflicts', conflicts: ['README.md'] });
    expect(report!.error).toBeUndefined();
  });
});
