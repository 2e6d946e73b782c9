import { cpSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultAnswers, execGit, generateProject } from '@ai-factory/engine';
import { writeFiles } from '@ai-factory/tree';
import { loadBuiltinCatalog } from '@ai-factory/templates';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli.js';

const ENV = { GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@example.com' };

/** git's stdout as text, without its final newline. */
const git = async (cwd: string, ...args: string[]) => (await execGit(args, { cwd, env: ENV })).stdout.toString('utf8').replace(/\n$/, '');

async function setUp() {
  const work = mkdtempSync(join(tmpdir(), 'contribute-'));
  const project = join(work, 'demo');
  const { tree } = generateProject(await loadBuiltinCatalog(), { ...defaultAnswers('demo-app'), preset: 'azure-tabular' });
  writeFiles(tree, project);
  mkdirSync(join(project, 'ops'));
  writeFileSync(join(project, 'ops', 'alert.yaml'), 'service: demo-app\n');
  writeFileSync(join(project, 'ops', 'probe.py'), 'SERVICE = "demo-app"\n');
  const factory = join(work, 'factory');
  mkdirSync(join(factory, 'templates', 'ops', 'taken'), { recursive: true });
  writeFileSync(join(factory, 'templates', 'ops', 'taken', 'module.ts'), '');
  cpSync(fileURLToPath(new URL('../../../../generators/templates', import.meta.url)), join(factory, 'generators', 'templates'), { recursive: true });
  for (const args of [['init', '--quiet', '--initial-branch=main'], ['add', '--all'], ['commit', '--quiet', '-m', 'factory']]) await git(factory, ...args);
  return { work, project, factory };
}

async function contribute(cwd: string, args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['contribute', ...args], { cwd, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), interactive: false });
  return { code, stdout, stderr };
}

describe('ai-factory contribute: bad input writes nothing', () => {
  it.each([
    ['a glob matching nothing', ['--files', 'nope/**', '--as', 'ops/new'], /"nope\/\*\*" matches no file/],
    ['a glob escaping the project', ['--files', '../factory/**', '--as', 'ops/new'], /reaches outside the project/],
    ['an absolute glob', ['--files', '/etc/*', '--as', 'ops/new'], /reaches outside the project/],
    ['a module that exists', ['--files', 'ops/*.yaml', '--as', 'ops/taken'], /ops\/taken already exists/],
    ['a bad module id', ['--files', 'ops/*.yaml', '--as', 'Ops'], /must be <category>\/<name>/],
    ['Python without tests', ['--files', 'ops/*', '--as', 'ops/new'], /contract[\s\S]*contributes Python but no tests/],
    ['a file the factory wrote', ['--files', 'README.md', '--as', 'ops/new'], /README\.md \(written by core\/project\) already come from the factory/],
    ['a summary on two lines', ['--files', 'ops/*.yaml', '--as', 'ops/new', '--summary', 'one\ntwo'], /--summary must be one line/],
  ])('%s', async (_, args, message) => {
    const { project, factory } = await setUp();
    const result = await contribute(project, ['.', ...args, '--factory', factory]);
    expect(result.stderr).toMatch(message);
    expect(result.code).toBe(1);
    expect(await git(factory, 'status', '--porcelain', '--untracked-files=all')).toBe('');
    expect(await git(factory, 'branch', '--list', 'contrib/*')).toBe('');
  });

  it('a branch that exists', async () => {
    const { project, factory } = await setUp();
    await git(factory, 'branch', 'contrib/ops-new');
    const result = await contribute(project, ['.', '--files', 'ops/*.yaml', '--as', 'ops/new', '--factory', factory]);
    expect([result.code, result.stderr]).toEqual([1, expect.stringMatching(/Branch contrib\/ops-new already exists/)]);
  });

  it('a project without a manifest', async () => {
    const { work, factory } = await setUp();
    mkdirSync(join(work, 'plain'));
    writeFileSync(join(work, 'plain', 'a.yaml'), 'a: 1\n');
    const result = await contribute(work, ['plain', '--files', '*.yaml', '--as', 'ops/new', '--factory', factory, '--json']);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: false, error: { code: 'invalid-target', message: expect.stringMatching(/no \.ai-factory\/manifest.json/) } });
    expect(existsSync(join(factory, 'templates', 'ops', 'new'))).toBe(false);
  });

  it('missing --files or --as is a usage error', async () => {
    const { project } = await setUp();
    expect((await contribute(project, ['.', '--as', 'ops/new'])).code).toBe(2);
  });
});

/** A feature module a team wrote in the project: it imports the package's schema and a helper of its own. */
const FEATURES = `"""Extra features for demo-app (team data-science)."""

from __future__ import annotations

from demo_app.schema import NUMERIC_NAMES

from .helpers import clip  # our own helper

LOGGER_NAME = "demo_app.features_extra"


def numeric_columns() -> list[str]:
    return [clip(name) for name in NUMERIC_NAMES]
`;
const FEATURES_TEST = 'from demo_app.features_extra import LOGGER_NAME\n\n\ndef test_logger():\n    assert LOGGER_NAME.endswith(".features_extra")\n';

describe('ai-factory contribute: the branch', () => {
  it('is written as git objects on the factory HEAD: working tree, index, branch and untracked files stay as they were', async () => {
    const { project, factory } = await setUp();
    writeFileSync(join(project, 'src', 'demo_app', 'helpers.py'), 'def clip(name):\n    return name\n');
    writeFileSync(join(project, 'src', 'demo_app', 'features_extra.py'), FEATURES);
    writeFileSync(join(project, 'tests', 'test_features_extra.py'), FEATURES_TEST);
    // Work in progress in the factory: an untracked file, an edited one and a staged one.
    writeFileSync(join(factory, 'notes.txt'), 'mine\n');
    writeFileSync(join(factory, 'templates', 'ops', 'taken', 'module.ts'), '// edited\n');
    writeFileSync(join(factory, 'staged.txt'), 'staged\n');
    await git(factory, 'add', 'staged.txt');
    const head = await git(factory, 'rev-parse', 'HEAD');
    const status = await git(factory, 'status', '--porcelain', '--untracked-files=all');

    const files = ['--files', 'src/demo_app/features_extra.py', '--files', 'tests/test_features_extra.py'];
    const result = await contribute(project, ['.', ...files, '--as', 'ml/features-extra', '--summary', 'Extra numeric features', '--factory', factory, '--json']);
    expect(result.stderr).toBe('');
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ ok: true, branch: 'contrib/ml-features-extra', base: head, dir: 'templates/ml/features-extra', summary: 'Extra numeric features', requires: ['ml/tabular-core'] });
    expect(report.imports).toEqual([
      { file: 'src/demo_app/features_extra.py', line: 5, name: 'demo_app.schema', target: 'src/demo_app/schema.py', module: 'ml/tabular-core' },
      { file: 'src/demo_app/features_extra.py', line: 7, name: '.helpers', target: 'src/demo_app/helpers.py' },
    ]);
    expect(report.projectSpecific).toContainEqual(expect.objectContaining({ file: 'files/src/__packageName__/features_extra.py.hbs', line: 7, text: 'src/demo_app/helpers.py', reason: expect.stringMatching(/not lifted/) }));

    expect(await git(factory, 'status', '--porcelain', '--untracked-files=all')).toBe(status);
    expect(await git(factory, 'rev-parse', 'HEAD')).toBe(head);
    expect(await git(factory, 'symbolic-ref', 'HEAD')).toBe('refs/heads/main');
    expect(existsSync(join(factory, 'templates', 'ml'))).toBe(false);
    expect(await git(factory, 'rev-parse', 'contrib/ml-features-extra^')).toBe(head);
    expect((await git(factory, 'diff', '--name-only', head, 'contrib/ml-features-extra')).split('\n')).toEqual([
      'templates/ml/features-extra/README.md',
      'templates/ml/features-extra/files/src/__packageName__/features_extra.py.hbs',
      'templates/ml/features-extra/files/tests/test_features_extra.py.hbs',
      'templates/ml/features-extra/module.test.ts',
      'templates/ml/features-extra/module.ts',
    ]);
    const definition = await git(factory, 'show', 'contrib/ml-features-extra:templates/ml/features-extra/module.ts');
    expect(definition).toContain('summary: "Extra numeric features",');
    expect(definition).toContain('requires: ["ml/tabular-core"],');
    expect(await git(factory, 'show', 'contrib/ml-features-extra:templates/ml/features-extra/README.md')).toMatch(/## Requires\n\n- `ml\/tabular-core`/);
  });

  it('prints each replacement, the requirements and the findings', async () => {
    const { project, factory } = await setUp();
    const result = await contribute(project, ['.', '--files', 'ops/alert.yaml', '--as', 'ops/alert', '--factory', factory]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Created ops/alert (Contributed ops/alert.yaml)');
    expect(result.stdout).toContain('  ops/alert.yaml -> templates/ops/alert/files/ops/alert.yaml.hbs');
    expect(result.stdout).toContain('  files/ops/alert.yaml.hbs:1  value  "demo-app" -> {{yaml name}}');
    expect(result.stdout).toContain('Requires: nothing');
  });
});
