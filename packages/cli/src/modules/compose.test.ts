/**
 * `add` and `remove` on projects this factory generated, with team edits: nothing the team wrote is lost,
 * conflicts are reported and left on the branch, the manifest records the new composition, and apart from
 * the team's edits the branch holds exactly a fresh project generated with the new answers.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateProject, pristineRef, pythonPackageName, type Answers } from '@ai-factory/engine';
import { hashContent, MANIFEST_PATH } from '@ai-factory/tree';
import { loadBuiltinCatalog } from '@ai-factory/templates';
import { git, teamEdit } from '@ai-factory/testing';
import { describe, expect, it } from 'vitest';
import { repoFrom, upgradeContext } from '../upgrade/test-repos.js';
import { upgradeRepository } from '../upgrade/upgrade.js';
import { addToProject, removeFromProject } from './compose.js';
import { ejectFromProject } from './eject.js';
import { generatedRepo, manifestAt, presetAnswers } from './test-projects.js';

const catalog = await loadBuiltinCatalog();
const context = await upgradeContext();
const DASHBOARD = 'monitoring/organisation-dashboard';
const CORE = 'core/project';
const README_EDIT = '\n## On call\n\nThe retention desk, weekdays.\n';
const TRAIN_EDIT = '\n\ndef feature_report() -> str:\n    return "ok"\n';

/** Every file of `ref` that the team did not edit equals a fresh render with `answers`, and the same paths exist. */
async function expectFreshRender(dir: string, ref: string, answers: Answers, edited: Record<string, string>) {
  const fresh = new Map(generateProject(catalog, answers).tree.entries().map(([path, file]) => [path, file.content.toString('utf8')]));
  for (const [path, content] of Object.entries(edited)) fresh.set(path, content);
  const paths = (await git(dir, 'ls-tree', '-r', '--name-only', ref)).split('\n');
  expect(paths.sort()).toEqual([...fresh.keys()].sort());
  for (const path of paths.filter((p) => p !== MANIFEST_PATH)) expect(`${await git(dir, 'show', `${ref}:${path}`)}\n`, path).toBe(fresh.get(path)!.replace(/\n*$/, '\n'));
}

const state = async (dir: string) => [await git(dir, 'for-each-ref'), await git(dir, 'status', '--porcelain'), await git(dir, 'rev-parse', '--abbrev-ref', 'HEAD')];

describe('ai-factory add', () => {
  it('adds a module on a branch: team edits kept, the manifest records it, a rerun changes nothing', async () => {
    const answers = presetAnswers(catalog, 'azure-tabular');
    const dir = await generatedRepo(catalog, answers);
    const train = `src/${pythonPackageName(answers.name)}/train.py`;
    await teamEdit(dir, 'Team work', { 'README.md': (text) => text + README_EDIT, [train]: (text) => text + TRAIN_EDIT });
    const edited = { 'README.md': readFileSync(join(dir, 'README.md'), 'utf8'), [train]: readFileSync(join(dir, train), 'utf8') };
    const main = await git(dir, 'rev-parse', 'HEAD');
    const pristine = await git(dir, 'rev-parse', pristineRef(catalog.version));

    const { report } = await addToProject(dir, context, DASHBOARD);
    expect(report, JSON.stringify(report.error)).toMatchObject({ status: 'changed', modules: [DASHBOARD], branch: 'ai-factory/add-monitoring-organisation-dashboard', conflicts: [] });
    expect(report.filesChanged).toEqual([MANIFEST_PATH, 'monitoring/dashboards/organisation.json']);
    expect([await git(dir, 'rev-parse', 'HEAD'), await git(dir, 'status', '--porcelain')]).toEqual([main, '']);

    const withDashboard = { ...answers, addedModules: [DASHBOARD] };
    await expectFreshRender(dir, report.branch!, withDashboard, edited);
    const manifest = await manifestAt(dir, report.branch!);
    expect(manifest.answers.addedModules).toEqual([DASHBOARD]);
    expect(manifest.modules.map((m) => m.id)).toContain(DASHBOARD);
    expect(manifest.upgrades).toBeUndefined();
    const dashboard = await git(dir, 'show', `${report.branch}:monitoring/dashboards/organisation.json`);
    expect(manifest.files.find((file) => file.path === 'monitoring/dashboards/organisation.json')).toEqual({ path: 'monitoring/dashboards/organisation.json', owner: 'managed', module: DASHBOARD, sha256: hashContent(`${dashboard}\n`) });
    // The manifest's records are a fresh project's: the team's edits are not the factory's render.
    expect(manifest.files).toEqual(generateProject(catalog, withDashboard).manifest.files);

    // The pristine render now has the module, on top of the one the project was generated from.
    expect(await git(dir, 'rev-parse', `${pristineRef(catalog.version)}^`)).toBe(pristine);
    expect(await git(dir, 'show', `${pristineRef(catalog.version)}:monitoring/dashboards/organisation.json`)).toBe(dashboard);

    const again = await addToProject(dir, context, DASHBOARD);
    expect(again.report).toMatchObject({ status: 'up-to-date', commit: report.commit });
    await git(dir, 'merge', '--quiet', '--ff-only', report.branch!);
    expect((await addToProject(dir, context, DASHBOARD)).report).toMatchObject({ status: 'up-to-date', modules: [], filesChanged: [] });
  });

  it('an upgrade after the add renders the module again and keeps its managed file', async () => {
    const dir = await generatedRepo(catalog, presetAnswers(catalog, 'azure-tabular'));
    const added = await addToProject(dir, context, DASHBOARD);
    await git(dir, 'merge', '--quiet', '--ff-only', added.report.branch!);
    // The same render recorded as an older release's, so the upgrade has a version to move from.
    await git(dir, 'update-ref', pristineRef('0.0.1'), pristineRef(catalog.version));
    await teamEdit(dir, 'Recorded as 0.0.1', { [MANIFEST_PATH]: (text) => text.replace(`"version": "${catalog.version}"`, '"version": "0.0.1"') });
    const { report } = await upgradeRepository(dir, context);
    expect(report, JSON.stringify(report.error)).toMatchObject({ status: 'upgraded', filesChanged: [MANIFEST_PATH], conflicts: [] });
    const manifest = await manifestAt(dir, report.branch!);
    expect(manifest.answers.addedModules).toEqual([DASHBOARD]);
    expect(manifest.files.find((file) => file.module === DASHBOARD)).toMatchObject({ path: 'monitoring/dashboards/organisation.json', owner: 'managed' });
  });

  it('merges into files the team already has at the module\'s paths, and reports the conflicts', async () => {
    const dir = await generatedRepo(catalog, presetAnswers(catalog, 'gcp-tabular'));
    await teamEdit(dir, 'Our README', { 'README.md': (text) => `# Churn radar, by retention analytics\n${text.split('\n').slice(1).join('\n')}${README_EDIT}` });
    const ours = readFileSync(join(dir, 'README.md'), 'utf8');
    const removed = await removeFromProject(dir, context, CORE);
    expect(removed.report, JSON.stringify(removed.report.error)).toMatchObject({ status: 'changed', kept: ['README.md'] });
    await git(dir, 'merge', '--quiet', '--ff-only', removed.report.branch!);
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toBe(ours);

    const { report } = await addToProject(dir, context, CORE);
    expect(report, JSON.stringify(report.error)).toMatchObject({ status: 'conflicts', modules: [CORE], conflicts: ['README.md'] });
    // The conflicts wait on the branch, in the working tree: the team's lines and the factory's both there.
    expect(await git(dir, 'rev-parse', '--abbrev-ref', 'HEAD')).toBe(report.branch);
    const readme = readFileSync(join(dir, 'README.md'), 'utf8');
    expect(readme).toContain('<<<<<<< README.md (yours)\n# Churn radar, by retention analytics\n');
    expect(readme).toContain('>>>>>>> README.md (new factory version)');
    expect(readme).toContain(README_EDIT.trim());
    expect(existsSync(join(dir, '.gitignore'))).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, MANIFEST_PATH), 'utf8')).answers.removedModules).toBeUndefined();
    // A rerun while they wait reports them again, changing nothing.
    const before = await state(dir);
    expect((await addToProject(dir, context, CORE)).report).toMatchObject({ status: 'conflicts', conflicts: ['README.md'] });
    expect(await state(dir)).toEqual(before);
  });

  it('refuses a module that does not fit the answers, changing nothing', async () => {
    const dir = await generatedRepo(catalog, presetAnswers(catalog, 'azure-tabular'));
    const before = await state(dir);
    for (const [id, code, message] of [
      ['iac/aws-terraform', 'incompatible', 'iac/aws-terraform does not apply to these answers'],
      ['serving/batch', 'incompatible', 'serving/batch does not apply to these answers'],
      ['ml/nothing-like-this', 'unknown-module', 'no module ml/nothing-like-this'],
    ]) {
      const { report } = await addToProject(dir, context, id!);
      expect(report).toMatchObject({ status: 'failed', error: { code, message: expect.stringContaining(message!) }, filesChanged: [] });
    }
    expect(await state(dir)).toEqual(before);
  });

  it('refuses a project behind this factory: it is upgraded first', async () => {
    const dir = await repoFrom('factory-0.1.0/azure-tabular');
    expect((await addToProject(dir, context, DASHBOARD)).report).toMatchObject({ status: 'failed', error: { code: 'unknown-version', message: expect.stringContaining('upgrade it first') } });
  });

  it('--dry-run prints the diff and writes nothing', async () => {
    const dir = await generatedRepo(catalog, presetAnswers(catalog, 'azure-tabular'));
    const before = await state(dir);
    const { report, diff } = await addToProject(dir, context, DASHBOARD, { dryRun: true });
    expect(report).toMatchObject({ status: 'changed', dryRun: true, filesChanged: [MANIFEST_PATH, 'monitoring/dashboards/organisation.json'] });
    expect(diff).toMatch(/^--- \/dev\/null\n\+\+\+ b\/.*monitoring\/dashboards\/organisation\.json$/m);
    expect(diff).toContain(`+    "addedModules": [`);
    expect(await state(dir)).toEqual(before);
  });
});

describe('ai-factory remove', () => {
  it('deletes the files the team did not change, keeps and lists the others, and records the removal', async () => {
    const answers = presetAnswers(catalog, 'azure-tabular');
    const dir = await generatedRepo(catalog, answers);
    await teamEdit(dir, 'Team work', { 'README.md': (text) => text + README_EDIT });
    const readme = readFileSync(join(dir, 'README.md'), 'utf8');

    const { report } = await removeFromProject(dir, context, CORE);
    expect(report, JSON.stringify(report.error)).toMatchObject({ status: 'changed', modules: [CORE], kept: ['README.md'], conflicts: [], branch: 'ai-factory/remove-core-project' });
    const withoutCore = { ...answers, removedModules: [CORE] };
    await expectFreshRender(dir, report.branch!, withoutCore, { 'README.md': readme });
    const manifest = await manifestAt(dir, report.branch!);
    expect(manifest.answers.removedModules).toEqual([CORE]);
    expect(manifest.modules.map((m) => m.id)).not.toContain(CORE);
    expect(manifest.files.filter((file) => file.module === CORE)).toEqual([]);
    expect(manifest.files).toEqual(generateProject(catalog, withoutCore).manifest.files);
  });

  it('keeps a file the team ejected, with its record', async () => {
    const dir = await generatedRepo(catalog, presetAnswers(catalog, 'aws-tabular'));
    const ejected = await ejectFromProject(dir, 'catalog-info.yaml');
    await git(dir, 'merge', '--quiet', '--ff-only', ejected.report.branch!);
    const { report } = await removeFromProject(dir, context, CORE);
    expect(report, JSON.stringify(report.error)).toMatchObject({ status: 'changed', kept: ['catalog-info.yaml'] });
    expect(report.filesChanged).toEqual(expect.arrayContaining(['README.md', '.gitignore']));
    expect(report.filesChanged).not.toContain('catalog-info.yaml');
    const manifest = await manifestAt(dir, report.branch!);
    expect(manifest.files.filter((file) => file.module === CORE)).toEqual([expect.objectContaining({ path: 'catalog-info.yaml', owner: 'team' })]);
  });

  it('refuses while an installed module requires it, changing nothing', async () => {
    const dir = await generatedRepo(catalog, presetAnswers(catalog, 'azure-tabular'));
    const before = await state(dir);
    expect((await removeFromProject(dir, context, 'ml/tabular-core')).report).toMatchObject({ status: 'failed', error: { code: 'incompatible', message: 'Cannot remove ml/tabular-core: ml/tabular-sklearn requires it.' } });
    expect((await removeFromProject(dir, context, 'platform/shared')).report).toMatchObject({ status: 'failed', error: { code: 'incompatible' } });
    expect(await state(dir)).toEqual(before);
  });

  it('a remove branch that is never merged leaves the next change its right base', async () => {
    const dir = await generatedRepo(catalog, presetAnswers(catalog, 'azure-tabular'));
    await teamEdit(dir, 'Team work', { 'README.md': (text) => text + README_EDIT });
    const removed = await removeFromProject(dir, context, CORE);
    await git(dir, 'branch', '--quiet', '-D', removed.report.branch!);
    // HEAD still has core/project: its base is the render before the removal, so nothing conflicts.
    const { report } = await addToProject(dir, context, DASHBOARD);
    expect(report, JSON.stringify(report.error)).toMatchObject({ status: 'changed', conflicts: [], filesChanged: [MANIFEST_PATH, 'monitoring/dashboards/organisation.json'] });
  });
});
