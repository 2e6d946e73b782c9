/** `ai-factory add`, `remove` and `eject` as the CLI runs them: help, usage errors, the JSON report. */
import { loadBuiltinCatalog } from '@ai-factory/templates';
import { git } from '@ai-factory/testing';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli.js';
import { generatedRepo, presetAnswers } from '../modules/test-projects.js';

async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { cwd: process.cwd(), stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), interactive: false });
  return { code, stdout, stderr };
}

describe('ai-factory add, remove and eject', () => {
  it.each(['add', 'remove', 'eject'])('%s --help shows the usage and the shared options', async (name) => {
    const { code, stdout } = await run(name, '--help');
    expect(code).toBe(0);
    expect(stdout).toContain(`Usage: ai-factory ${name} ${name === 'eject' ? '<path>' : '<module>'} [repo] [options]`);
    expect(stdout).toMatch(/--dry-run +Print the exact diff the command would commit; write nothing/);
    expect(stdout).toMatch(/--json +Print the report as JSON/);
  });

  it('names the missing argument, exit 2', async () => {
    const { code, stderr } = await run('add');
    expect(code).toBe(2);
    expect(stderr).toContain('Name the module to add');
  });

  it('--dry-run --json prints the report with the diff and writes nothing; a failure exits 1 with its code', async () => {
    const catalog = await loadBuiltinCatalog();
    const dir = await generatedRepo(catalog, presetAnswers(catalog, 'azure-tabular'));
    const refs = await git(dir, 'for-each-ref');
    const added = await run('add', 'monitoring/organisation-dashboard', dir, '--dry-run', '--json');
    expect(added.code, added.stderr).toBe(0);
    const report = JSON.parse(added.stdout) as Record<string, unknown>;
    expect(report).toMatchObject({ command: 'add', status: 'changed', dryRun: true, modules: ['monitoring/organisation-dashboard'], diff: expect.stringContaining('organisation.json') });
    const ejected = await run('eject', '.ai-factory/nothing-here', dir, '--json');
    expect(ejected.code).toBe(1);
    expect(JSON.parse(ejected.stdout)).toMatchObject({ command: 'eject', status: 'failed', error: { code: 'not-ejectable' } });
    expect(await git(dir, 'for-each-ref')).toBe(refs);
  });

  it('prints a summary a person reads', async () => {
    const catalog = await loadBuiltinCatalog();
    const dir = await generatedRepo(catalog, presetAnswers(catalog, 'gcp-tabular'));
    const { code, stdout } = await run('eject', 'README.md', dir);
    expect(code).toBe(0);
    expect(stdout).toContain(`${dir}: eject changed\n  ejects README.md\n  branch ai-factory/eject-README.md (`);
    expect(stdout).toContain('Review and merge it: git diff HEAD ai-factory/eject-README.md');
  });
});
