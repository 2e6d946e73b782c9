/**
 * `ai-factory fleet` end to end, through the built CLI: a fleet of real 0.1.0 projects (several presets)
 * with one of each kind of trouble, upgraded by the worker pool, compared with `upgradeRepository` alone.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pristineRef } from '@ai-factory/engine';
import { MANIFEST_PATH } from '@ai-factory/tree';
import { loadBuiltinCatalog } from '@ai-factory/templates';
import { git, setWritable, teamEdit } from '@ai-factory/testing';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { repoFrom, upgradeContext, withReadmeConflict } from '../upgrade/test-repos.js';
import { upgradeRepository } from '../upgrade/upgrade.js';
import type { FleetRepoReport, FleetSummary } from './report.js';
import type { RepoStatus } from './status.js';

const BIN = fileURLToPath(new URL('../../dist/bin.js', import.meta.url));
const catalog = await loadBuiltinCatalog();
const context = await upgradeContext();
/** Creates a directory and returns its path (mkdirSync returns the first directory it created). */
const dirAt = (path: string) => (mkdirSync(path, { recursive: true }), path);
const cli = (cwd: string, ...args: string[]) => execa('node', [BIN, ...args], { cwd, reject: false });
const edit = (text: string) => text.replace('  monitoring: monitoring(),', '  monitoring: monitoring({ latencyP95Ms: 250 }),');

/** Healthy repositories, built the same way twice: one copy for the fleet, one for `upgradeRepository`. */
const HEALTHY: [string, string, ((dir: string) => Promise<void>)?][] = [
  ['azure', 'factory-0.1.0/azure-tabular'],
  ['gcp', 'factory-0.1.0/gcp-tabular', (dir) => teamEdit(dir, 'Tune monitoring', { 'ai-factory.config.ts': edit })],
  ['k8s', 'factory-0.1.0/k8s-gpu-pytorch'],
];

async function buildFleet(root: string): Promise<Record<string, string>> {
  const repos: Record<string, string> = {};
  for (const [name, fixture, setUp] of HEALTHY) {
    repos[name] = await repoFrom(fixture, dirAt(join(root, name)));
    await setUp?.(repos[name]);
  }
  repos.conflict = await repoFrom('factory-0.1.0/azure-tabular', dirAt(join(root, 'conflict')));
  await withReadmeConflict(repos.conflict);
  repos.malformed = await repoFrom('factory-0.1.0/gcp-tabular', dirAt(join(root, 'malformed')));
  await teamEdit(repos.malformed, 'x', { 'ai-factory.config.ts': (text) => text.replace('training: cpu()', 'training: cpu({ cores: 1000 })') });
  repos.unmanifested = await repoFrom('factory-0.1.0/k8s-gpu-pytorch', dirAt(join(root, 'unmanifested')));
  await git(repos.unmanifested, 'rm', '--quiet', MANIFEST_PATH);
  await git(repos.unmanifested, 'commit', '--quiet', '-m', 'x');
  repos.dirty = await repoFrom('factory-0.1.0/azure-tabular', dirAt(join(root, 'dirty')));
  writeFileSync(join(repos.dirty, 'README.md'), 'work in progress\n');
  repos.plain = dirAt(join(root, 'plain', 'not-a-repo'));
  // Its object database cannot be written: made so by the test, undone at its end.
  repos.unwritable = await repoFrom('factory-0.1.0/gcp-tabular', dirAt(join(root, 'unwritable')));
  return repos;
}

const treeOf = (dir: string, ref: string) => git(dir, 'rev-parse', `${ref}^{tree}`);

describe('ai-factory fleet', () => {
  it('upgrades the healthy repositories exactly as upgradeRepository does, reports every other one, exits 1; status before and after', async () => {
    const root = mkdtempSync(join(tmpdir(), 'fleet-'));
    const repos = await buildFleet(join(root, 'fleet'));
    const twins = Object.fromEntries(await Promise.all(HEALTHY.map(async ([name, fixture, setUp]) => {
      const dir = await repoFrom(fixture, dirAt(join(root, 'twins', name)));
      await setUp?.(dir);
      return [name, dir] as const;
    })));
    writeFileSync(join(root, 'repos.txt'), `# the whole fleet\n${Object.values(repos).join('\n')}\n`);

    const before = await cli(root, 'fleet', 'status', '--from', 'repos.txt', '--json');
    expect(before.exitCode).toBe(1);
    const rowsBefore = JSON.parse(before.stdout).repositories as RepoStatus[];
    const row = (rows: RepoStatus[], dir: string) => rows.find((r) => r.repo === dir)!;
    expect(row(rowsBefore, repos.azure!)).toMatchObject({ factoryVersion: '0.1.0', sharedVersion: '1.0.0', preset: 'azure-tabular', behind: true, upgradeWaiting: false });
    expect(row(rowsBefore, repos.k8s!)).toMatchObject({ preset: 'k8s-gpu-pytorch', behind: true });
    expect(row(rowsBefore, repos.unmanifested!).error).toMatch(/no \.ai-factory\/manifest\.json at HEAD/);
    expect(row(rowsBefore, repos.plain!).error).toMatch(/not a git repository/);
    // Read from HEAD: the dirty working tree does not change what status says.
    expect(row(rowsBefore, repos.dirty!)).toMatchObject({ factoryVersion: '0.1.0', behind: true });

    const unwritable = join(repos.unwritable!, '.git/objects/pack');
    const unwritableRefs = await git(repos.unwritable!, 'for-each-ref');
    await setWritable(unwritable, false);
    const run = await cli(root, 'fleet', 'upgrade', '--from', 'repos.txt', '--concurrency', '2', '--report-dir', 'reports').finally(() => setWritable(unwritable, true));
    expect(run.exitCode, run.stderr).toBe(1);
    expect(run.stderr.split('\n').filter((line) => /^\[\d+\/9\] /.test(line))).toHaveLength(9);
    const files = readdirSync(join(root, 'reports')).sort();
    expect(files).toHaveLength(10);
    expect(files).toContain('summary.json');
    const reports = files.filter((f) => f !== 'summary.json').map((f) => JSON.parse(readFileSync(join(root, 'reports', f), 'utf8')) as FleetRepoReport);
    const report = (dir: string) => reports.find((r) => r.repo === dir)!;

    for (const [name] of HEALTHY) {
      const fleet = report(repos[name]!);
      expect(fleet, JSON.stringify(fleet.error)).toMatchObject({ status: 'upgraded', from: '0.1.0', to: catalog.version, conflicts: [] });
      expect(fleet.codemodsApplied.length).toBeGreaterThan(0);
      const alone = (await upgradeRepository(twins[name]!, context)).report;
      expect(fleet.filesChanged).toEqual(alone.filesChanged);
      expect(fleet.codemodsApplied).toEqual(alone.codemodsApplied);
      expect(await treeOf(repos[name]!, fleet.branch!)).toBe(await treeOf(twins[name]!, alone.branch!));
      expect(await treeOf(repos[name]!, pristineRef(catalog.version))).toBe(await treeOf(twins[name]!, pristineRef(catalog.version)));
    }
    expect(report(repos.conflict!)).toMatchObject({ status: 'conflicts', conflicts: ['README.md'] });
    expect(report(repos.malformed!)).toMatchObject({ status: 'failed', error: { code: 'malformed-config' } });
    expect(report(repos.unmanifested!)).toMatchObject({ status: 'failed', error: { code: 'no-manifest' } });
    expect(report(repos.dirty!)).toMatchObject({ status: 'failed', error: { code: 'dirty' } });
    expect(report(repos.plain!)).toMatchObject({ status: 'failed', error: { code: 'not-a-repository' } });
    // A failed repository changed nothing, and its report says so.
    expect(report(repos.unwritable!)).toMatchObject({ status: 'failed', error: { code: 'io' }, filesChanged: [], codemodsApplied: [] });
    expect(await git(repos.unwritable!, 'for-each-ref')).toBe(unwritableRefs);
    expect(reports.every((r) => typeof r.durationMs === 'number' && typeof r.index === 'number')).toBe(true);
    expect(files.find((f) => f.endsWith('-not-a-repo.json'))).toMatch(/^\d-not-a-repo\.json$/);

    const summary = JSON.parse(readFileSync(join(root, 'reports', 'summary.json'), 'utf8')) as FleetSummary;
    expect(summary).toMatchObject({ total: 9, ok: false, counts: { upgraded: 3, 'up-to-date': 0, conflicts: 1, failed: 5 } });
    expect(run.stdout).toContain('9 repositories: 3 upgraded, 0 up-to-date, 1 conflicts, 5 failed');

    const after = JSON.parse((await cli(root, 'fleet', 'status', '--from', 'repos.txt', '--json')).stdout).repositories as RepoStatus[];
    for (const [name] of HEALTHY) expect(row(after, repos[name]!)).toMatchObject({ factoryVersion: '0.1.0', behind: true, upgradeWaiting: true, upgradeBranches: [`ai-factory/upgrade-${catalog.version}`] });
    expect(row(after, repos.malformed!)).toMatchObject({ upgradeWaiting: false, upgradeBranches: [] });
    // The conflicts are left checked out on the upgrade branch, whose HEAD is still the team's commit.
    expect(row(after, repos.conflict!)).toMatchObject({ factoryVersion: '0.1.0', upgradeWaiting: true });

    // A second run: the healthy ones are up to date with their branch, the rest fail the same way.
    const again = await cli(root, 'fleet', 'upgrade', ...[repos.azure!, repos.gcp!, repos.k8s!], '--json');
    expect(again.exitCode, again.stdout).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ total: 3, ok: true, counts: { 'up-to-date': 3 } });
  });

  it('--shard runs disjoint parts that together cover the list, and fleet report merges their directories', async () => {
    const root = mkdtempSync(join(tmpdir(), 'fleet-shard-'));
    const dirs = await Promise.all(['azure-tabular', 'gcp-tabular', 'k8s-gpu-pytorch', 'azure-tabular'].map((preset, i) => repoFrom(`factory-0.1.0/${preset}`, dirAt(join(root, `r${i}`)))));
    writeFileSync(join(root, 'repos.txt'), `${[...dirs].reverse().join('\n')}\n${join(root, 'missing')}\n`);
    const shards = [];
    for (const shard of ['1/2', '2/2']) {
      const run = await cli(root, 'fleet', 'upgrade', '--from', 'repos.txt', '--shard', shard, '--report-dir', `artifacts/reports-${shard[0]}`, '--json');
      shards.push(JSON.parse(run.stdout) as FleetSummary);
    }
    const indexes = shards.map((summary) => summary.repositories.map((r) => r.index));
    expect(indexes).toEqual([[0, 2, 4], [1, 3]]);
    expect(shards.flatMap((s) => s.repositories.map((r) => r.repo)).sort()).toEqual([...dirs, join(root, 'missing')].sort());

    const merged = await cli(root, 'fleet', 'report', 'artifacts', '--json', '--out', 'merged');
    expect(merged.exitCode).toBe(1);
    expect(JSON.parse(merged.stdout)).toMatchObject({ total: 5, counts: { upgraded: 4, failed: 1 }, ok: false });
    expect(readdirSync(join(root, 'merged'))).toHaveLength(6);

    const bad = await cli(root, 'fleet', 'upgrade', '--from', 'repos.txt', '--shard', '3/2');
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toContain('1 ≤ I ≤ N');
  });

  it('--push publishes the branch and the pristine refs to each origin, paced and bounded, and reports a failed push', async () => {
    const root = mkdtempSync(join(tmpdir(), 'fleet-push-'));
    const dirs = await Promise.all(['azure-tabular', 'gcp-tabular', 'k8s-gpu-pytorch', 'gcp-tabular'].map((preset, i) => repoFrom(`factory-0.1.0/${preset}`, dirAt(join(root, `r${i}`)))));
    const remotes = [];
    for (const [i, dir] of dirs.entries()) {
      const remote = join(root, `remote${i}.git`);
      await execa('git', ['init', '--quiet', '--bare', remote]);
      // The last origin does not exist: its push fails and only its report says so.
      await git(dir, 'remote', 'add', 'origin', i === 3 ? join(root, 'gone.git') : remote);
      remotes.push(remote);
    }
    const run = await cli(root, 'fleet', 'upgrade', ...dirs, '--push', '--push-concurrency', '1', '--push-interval-ms', '400', '--report-dir', 'reports');
    expect(run.exitCode, run.stdout).toBe(1);
    const reports = readdirSync(join(root, 'reports')).filter((f) => f !== 'summary.json').map((f) => JSON.parse(readFileSync(join(root, 'reports', f), 'utf8')) as FleetRepoReport);
    expect(reports.map((r) => r.status)).toEqual(['upgraded', 'upgraded', 'upgraded', 'upgraded']);
    for (const [i, report] of reports.entries()) {
      if (i === 3) {
        expect(report.push?.error?.code).toBe('push-failed');
        continue;
      }
      expect(report.push?.error).toBeUndefined();
      expect(await git(remotes[i]!, 'rev-parse', `refs/heads/${report.branch}`)).toBe(report.commit);
      expect(await git(remotes[i]!, 'rev-parse', pristineRef(catalog.version))).toBe(await git(dirs[i]!, 'rev-parse', pristineRef(catalog.version)));
      expect(await git(remotes[i]!, 'rev-parse', pristineRef('0.1.0'))).toBe(await git(dirs[i]!, 'rev-parse', pristineRef('0.1.0')));
    }
    const pushes = reports.map((r) => r.push!).sort((a, b) => a.startedAt - b.startedAt);
    for (let i = 1; i < pushes.length; i += 1) {
      // Paced: 400 ms between starts (1 ms for rounding); bounded: with one at a time, none starts before the previous ends.
      expect(pushes[i]!.startedAt - pushes[i - 1]!.startedAt).toBeGreaterThanOrEqual(399);
      expect(pushes[i]!.startedAt).toBeGreaterThanOrEqual(pushes[i - 1]!.finishedAt - 1);
    }
    expect(JSON.parse(readFileSync(join(root, 'reports', 'summary.json'), 'utf8'))).toMatchObject({ pushFailed: 1, ok: false, counts: { upgraded: 4 } });
  });
});
