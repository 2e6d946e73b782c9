/**
 * Real 0.1.0 projects (shared 1.x), edited as a team would, upgraded to this factory: the TypeScript
 * typechecks against shared 2.x, synth --check is clean, every team edit is still there, and apart from
 * those edits the project equals a fresh project generated with the same answers.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateProject, pristineRef, pythonPackageName, type Manifest } from '@ai-factory/engine';
import { MANIFEST_PATH } from '@ai-factory/tree';
import { evaluateConfig, synthesize } from '@ai-factory/shared';
import { loadBuiltinCatalog } from '@ai-factory/templates';
import { git, setWritable, teamEdit } from '@ai-factory/testing';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { repoFrom, upgradeContext, withReadmeConflict } from './test-repos.js';
import { upgradeRepository } from './upgrade.js';

const catalog = await loadBuiltinCatalog();
// The @ai-factory/shared release this factory writes projects against (the platform/shared module's version).
const SHARED_VERSION = catalog.modules.get('platform/shared')!.version;
const context = await upgradeContext();
const TEAM_FUNCTION = '\n\ndef feature_report() -> str:\n    """Added by the team: a summary the on-call reads."""\n    return "ok"\n';
const TEAM_WORKFLOW = 'name: notebooks\non: [pull_request]\npermissions:\n  contents: read\njobs:\n  lint:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "the team\'s own check"\n';
const DELETED = 'scripts/make_sample_data.py';

const manifestOf = (dir: string) => JSON.parse(readFileSync(join(dir, MANIFEST_PATH), 'utf8')) as Manifest;

/** The same edits, made on the fresh project: its config is already 2.x, so the threshold is written in 2.x form. */
async function freshWithEdits(manifest: Manifest): Promise<Map<string, string>> {
  const files = new Map(generateProject(catalog, manifest.answers).tree.entries().map(([path, file]) => [path, file.content.toString('utf8')]));
  const pkg = pythonPackageName(manifest.answers.name);
  files.set(`src/${pkg}/train.py`, files.get(`src/${pkg}/train.py`)! + TEAM_FUNCTION);
  files.set('ai-factory.config.ts', files.get('ai-factory.config.ts')!.replace('  slo: slo(),', '  slo: slo({ latencyP95Ms: 200 }),'));
  files.delete(DELETED);
  files.set('.github/workflows/notebooks.yml', TEAM_WORKFLOW);
  for (const artifact of synthesize(await evaluateConfig(files.get('ai-factory.config.ts')!, tmpdir()))) files.set(artifact.path, artifact.content);
  return files;
}

describe.each(['azure-tabular', 'k8s-gpu-pytorch'])('upgrading a real 0.1.0 %s project', (fixture) => {
  it('keeps every team edit, and otherwise equals a fresh project; typechecks, synth --check is clean, a second run changes nothing', async () => {
    const dir = await repoFrom(`factory-0.1.0/${fixture}`);
    const before = manifestOf(dir);
    const pkg = pythonPackageName(before.answers.name);
    await teamEdit(dir, 'Team work', {
      [`src/${pkg}/train.py`]: (text) => text + TEAM_FUNCTION,
      'ai-factory.config.ts': (text) => text.replace('  monitoring: monitoring(),', '  monitoring: monitoring({ latencyP95Ms: 200 }),'),
      '.github/workflows/notebooks.yml': () => TEAM_WORKFLOW,
    });
    await git(dir, 'rm', '--quiet', DELETED);
    await git(dir, 'commit', '--quiet', '-m', 'We generate data elsewhere');
    const main = await git(dir, 'rev-parse', 'HEAD');

    const { report } = await upgradeRepository(dir, context);
    expect(report, JSON.stringify(report.error)).toMatchObject({ status: 'upgraded', from: '0.1.0', to: catalog.version, conflicts: [], keptDeleted: [DELETED] });
    expect(report.codemodsApplied).toEqual(expect.arrayContaining(['rename-define-project', 'split-monitoring']));
    expect(await git(dir, 'rev-parse', 'HEAD')).toBe(main);
    expect(await git(dir, 'status', '--porcelain')).toBe('');

    await git(dir, 'checkout', '--quiet', report.branch!);
    const expected = await freshWithEdits(before);
    const actual = (await git(dir, 'ls-files')).split('\n');
    expect(actual.sort()).toEqual([...expected.keys()].sort());
    for (const path of actual.filter((p) => p !== MANIFEST_PATH)) expect(readFileSync(join(dir, path), 'utf8'), path).toBe(expected.get(path));
    const { upgrades, ...manifest } = manifestOf(dir);
    expect(manifest).toEqual({ ...JSON.parse(expected.get(MANIFEST_PATH)!), files: manifest.files });
    expect(upgrades).toEqual([{ from: '0.1.0', to: catalog.version, shared: { from: '1.0.0', to: SHARED_VERSION }, codemods: expect.arrayContaining(['split-monitoring']) }]);
    expect(existsSync(join(dir, DELETED))).toBe(false);

    // The new pristine ref is exactly a fresh render with the recorded answers, on top of the old one.
    const render = generateProject(catalog, before.answers).tree.entries();
    const pristine = pristineRef(catalog.version);
    expect((await git(dir, 'ls-tree', '-r', '--name-only', pristine)).split('\n')).toEqual(render.map(([path]) => path));
    for (const [path, file] of render.filter(([p]) => p !== MANIFEST_PATH)) expect(await git(dir, 'show', `${pristine}:${path}`), path).toBe(file.content.toString('utf8').replace(/\n$/, ''));
    expect(await git(dir, 'rev-parse', `${pristine}^`)).toBe(await git(dir, 'rev-parse', pristineRef('0.1.0')));

    const npm = (...args: string[]) => execa('npm', args, { cwd: dir, reject: false });
    expect((await npm('install', '--no-audit', '--no-fund')).exitCode).toBe(0);
    const typecheck = await npm('run', 'typecheck');
    expect(typecheck.exitCode, typecheck.stdout).toBe(0);
    const check = await npm('run', 'synth', '--', '--check');
    expect(check.exitCode, check.stdout + check.stderr).toBe(0);

    // Back where the upgrade started (npm install left a lock file the branch does not track).
    await git(dir, 'clean', '--quiet', '--force', '--', 'package-lock.json');
    await git(dir, 'checkout', '--quiet', 'main');
    const again = await upgradeRepository(dir, context);
    expect(again.report, JSON.stringify(again.report.error)).toMatchObject({ status: 'up-to-date', filesChanged: [] });
    expect(await git(dir, 'rev-parse', report.branch!)).toBe(report.commit);
  });
});

describe('upgrade results when something is wrong', () => {
  it('a path that is not a directory, or not a repository, is reported as such', async () => {
    const missing = await upgradeRepository(join(tmpdir(), 'no-such-project-here'), context);
    expect(missing.report).toMatchObject({ status: 'failed', error: { code: 'not-a-repository', message: expect.stringContaining('is not a directory') } });
    const plain = await upgradeRepository(mkdtempSync(join(tmpdir(), 'plain-')), context);
    expect(plain.report).toMatchObject({ status: 'failed', error: { code: 'not-a-repository', message: expect.stringMatching(/not a git repository/i) } });
  });

  it('--dry-run prints the exact diff and writes nothing', async () => {
    const dir = await repoFrom('factory-0.1.0/gcp-tabular');
    const refs = await git(dir, 'for-each-ref');
    const { report, diff } = await upgradeRepository(dir, context, { dryRun: true });
    expect(report.status).toBe('upgraded');
    expect(diff).toContain('-import { defineProject, environment, cpu, pipeline, serving, monitoring, access }');
    expect(diff).toContain('+export default defineMlProject({');
    expect(await git(dir, 'for-each-ref')).toBe(refs);
    expect(await git(dir, 'status', '--porcelain')).toBe('');
  });

  it('a conflict leaves standard markers on the upgrade branch, is reported, and fails', async () => {
    const dir = await repoFrom('factory-0.1.0/azure-tabular');
    const { title } = await withReadmeConflict(dir);

    const { report } = await upgradeRepository(dir, context);
    expect(report).toMatchObject({ status: 'conflicts', conflicts: ['README.md'] });
    expect(await git(dir, 'rev-parse', '--abbrev-ref', 'HEAD')).toBe(report.branch);
    const readme = readFileSync(join(dir, 'README.md'), 'utf8');
    expect(readme.startsWith(`<<<<<<< README.md (yours)\n# Churn, by the growth team\n=======\n${title}\n>>>>>>> README.md (new factory version)\n`)).toBe(true);
    expect(readFileSync(join(dir, 'ai-factory.config.ts'), 'utf8')).toContain('defineMlProject');
    expect((await git(dir, 'status', '--porcelain')).split('\n').some((line) => line.endsWith('README.md'))).toBe(true);
    expect(await git(dir, 'ls-files', '--others', '--exclude-standard')).not.toMatch(/\.rej|\.orig/);
  });

  it.each([
    ['the object database', '.git/objects/pack', () => Promise.resolve()],
    ['the file a conflict is written to', 'README.md', withReadmeConflict],
  ])('an unwritable %s: error io, and the repository is exactly as it was', async (_, path, setUp) => {
    const dir = await repoFrom('factory-0.1.0/azure-tabular');
    await setUp(dir);
    const state = async () => [await git(dir, 'for-each-ref'), await git(dir, 'status', '--porcelain'), await git(dir, 'rev-parse', '--abbrev-ref', 'HEAD'), readdirSync(join(dir, '.git')).sort()];
    const before = await state();
    await setWritable(join(dir, path), false);
    try {
      const { report } = await upgradeRepository(dir, context);
      expect(report).toMatchObject({ status: 'failed', error: { code: 'io' }, filesChanged: [], codemodsApplied: [], conflicts: [] });
      expect(await state()).toEqual(before);
    } finally {
      await setWritable(join(dir, path), true);
    }
  });

  it.each([
    ['a dirty working tree', 'dirty', async (dir: string) => void (await execa('sh', ['-c', 'echo change >> README.md'], { cwd: dir }))],
    ['a missing manifest', 'no-manifest', async (dir: string) => void (await git(dir, 'rm', '--quiet', MANIFEST_PATH), await git(dir, 'commit', '--quiet', '-m', 'x'))],
    // It type-checks (a number of vCPUs) but does not evaluate (no cloud has 1000).
    ['an ai-factory.config.ts that does not evaluate', 'malformed-config', (dir: string) => teamEdit(dir, 'x', { 'ai-factory.config.ts': (text) => text.replace('training: cpu()', 'training: cpu({ cores: 1000 })') })],
    ['an unknown target version', 'unknown-version', () => Promise.resolve()],
  ])('%s: a clear error, and the repository is exactly as it was', async (_, code, setUp) => {
    const dir = await repoFrom('factory-0.1.0/azure-tabular');
    await setUp(dir);
    const state = [await git(dir, 'for-each-ref'), await git(dir, 'status', '--porcelain'), await git(dir, 'rev-parse', 'HEAD')];
    const { report } = await upgradeRepository(dir, context, code === 'unknown-version' ? { to: '9.9.9' } : {});
    expect(report.status).toBe('failed');
    expect(report.error?.code).toBe(code);
    expect([await git(dir, 'for-each-ref'), await git(dir, 'status', '--porcelain'), await git(dir, 'rev-parse', 'HEAD')]).toEqual(state);
  });
});
