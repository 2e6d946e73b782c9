import { cpSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultAnswers, flushTree, generateProject } from '@ai-factory/engine';
import { loadBuiltinCatalog } from '@ai-factory/templates';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli.js';

const ENV = { GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@example.com' };

async function setUp() {
  const work = mkdtempSync(join(tmpdir(), 'contribute-'));
  const project = join(work, 'demo');
  const { tree } = generateProject(await loadBuiltinCatalog(), { ...defaultAnswers('demo-app'), preset: 'azure-tabular' });
  flushTree(tree, project);
  mkdirSync(join(project, 'ops'));
  writeFileSync(join(project, 'ops', 'alert.yaml'), 'service: demo-app\n');
  writeFileSync(join(project, 'ops', 'probe.py'), 'SERVICE = "demo-app"\n');
  const factory = join(work, 'factory');
  mkdirSync(join(factory, 'templates', 'ops', 'taken'), { recursive: true });
  writeFileSync(join(factory, 'templates', 'ops', 'taken', 'module.ts'), '');
  cpSync(fileURLToPath(new URL('../../../../generators/templates', import.meta.url)), join(factory, 'generators', 'templates'), { recursive: true });
  for (const args of [['init', '--quiet', '--initial-branch=main'], ['add', '--all'], ['commit', '--quiet', '-m', 'factory']]) await execa('git', args, { cwd: factory, env: ENV });
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
  ])('%s', async (_, args, message) => {
    const { project, factory } = await setUp();
    const result = await contribute(project, ['.', ...args, '--factory', factory]);
    expect(result.stderr).toMatch(message);
    expect(result.code).toBe(1);
    expect((await execa('git', ['status', '--porcelain', '--untracked-files=all'], { cwd: factory })).stdout).toBe('');
    expect((await execa('git', ['branch', '--list', 'contrib/*'], { cwd: factory })).stdout).toBe('');
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
