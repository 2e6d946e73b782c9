/**
 * `eject` hands template files to the team: recorded as owner `team`, and an upgrade then leaves them
 * exactly as the team has them, where it would otherwise have merged (here: conflicted).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { git } from '@ai-factory/testing';
import { MANIFEST_PATH } from '@ai-factory/tree';
import { describe, expect, it } from 'vitest';
import { repoFrom, upgradeContext, withReadmeConflict } from '../upgrade/test-repos.js';
import { upgradeRepository } from '../upgrade/upgrade.js';
import { ejectFromProject } from './eject.js';
import { manifestAt, manifestIn } from './test-projects.js';

const context = await upgradeContext();

describe('ai-factory eject', () => {
  it('records the file as the team\'s, and the upgrade that would have conflicted leaves it untouched', async () => {
    const dir = await repoFrom('factory-0.1.0/azure-tabular');
    await withReadmeConflict(dir);
    const readme = readFileSync(join(dir, 'README.md'));
    const before = manifestIn(dir);
    const raw = readFileSync(join(dir, MANIFEST_PATH), 'utf8');

    const { report } = await ejectFromProject(dir, './README.md');
    expect(report, JSON.stringify(report.error)).toMatchObject({ status: 'changed', ejected: ['README.md'], filesChanged: [MANIFEST_PATH], branch: 'ai-factory/eject-README.md' });
    const ejected = await manifestAt(dir, report.branch!);
    expect(ejected).toEqual({ ...before, files: before.files.map((file) => (file.path === 'README.md' ? { ...file, owner: 'team' } : file)) });
    // Only the owner changes: the diff is one line.
    expect(await git(dir, 'diff', '--numstat', 'HEAD', report.branch!)).toBe(`1\t1\t${MANIFEST_PATH}`);
    expect(raw).toContain('"path": "README.md",\n      "owner": "template"');

    await git(dir, 'merge', '--quiet', '--ff-only', report.branch!);
    const upgrade = await upgradeRepository(dir, context);
    expect(upgrade.report, JSON.stringify(upgrade.report.error)).toMatchObject({ status: 'upgraded', conflicts: [] });
    expect(upgrade.report.filesChanged).not.toContain('README.md');
    expect(Buffer.from(await git(dir, 'show', `${upgrade.report.branch}:README.md`))).toEqual(readme.subarray(0, -1));
    const upgraded = await manifestAt(dir, upgrade.report.branch!);
    expect(upgraded.files.find((file) => file.path === 'README.md')).toEqual(ejected.files.find((file) => file.path === 'README.md'));
  });

  it('takes a folder, refuses managed files and files the factory did not write, and a rerun changes nothing', async () => {
    const dir = await repoFrom('factory-0.1.0/gcp-tabular');
    const manifest = manifestIn(dir);
    const state = async () => [await git(dir, 'for-each-ref'), await git(dir, 'status', '--porcelain')];
    const before = await state();
    const managed = manifest.files.find((file) => file.owner === 'managed')!.path;
    expect((await ejectFromProject(dir, managed)).report).toMatchObject({ status: 'failed', error: { code: 'not-ejectable', message: expect.stringContaining('managed') } });
    expect((await ejectFromProject(dir, 'notes/ours.md')).report).toMatchObject({ status: 'failed', error: { code: 'not-ejectable' } });
    expect(await state()).toEqual(before);

    const { report, diff } = await ejectFromProject(dir, 'scripts/', { dryRun: true });
    const scripts = manifest.files.filter((file) => file.path.startsWith('scripts/') && file.owner === 'template').map((file) => file.path);
    expect(scripts.length).toBeGreaterThan(0);
    expect(report).toMatchObject({ status: 'changed', dryRun: true, ejected: scripts });
    expect(diff).toContain('+      "owner": "team"');
    expect(await state()).toEqual(before);

    const real = await ejectFromProject(dir, 'scripts');
    await git(dir, 'merge', '--quiet', '--ff-only', real.report.branch!);
    expect((await ejectFromProject(dir, 'scripts')).report).toMatchObject({ status: 'up-to-date', ejected: [] });
  });
});
