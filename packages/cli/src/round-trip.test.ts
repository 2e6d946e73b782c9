/**
 * The way back in, end to end: generate a project with the built create-ml-project, add a reusable file to it,
 * `ai-factory contribute` it into a scratch factory repository, validate the new module, and generate a second
 * project from a preset that uses it: the file is there, with the second project's values.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultAnswers, generateProject, loadCatalog } from '@ai-factory/engine';
import { loadBuiltinCatalog } from '@ai-factory/templates';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';

const REPO = fileURLToPath(new URL('../../..', import.meta.url));
const CREATE = join(REPO, 'packages', 'create-ml-project', 'dist', 'bin.js');
const CLI = join(REPO, 'packages', 'cli', 'dist', 'bin.js');
const ENV = { GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 't@example.com' };

/** A scratch factory: the working tree's templates/ and generators/ (sources only), committed in a new repository. */
async function scratchFactory(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'factory-'));
  const sourcesOnly = (source: string) => !/[/\\](dist|node_modules|\.turbo)$/.test(source);
  cpSync(join(REPO, 'templates'), join(dir, 'templates'), { recursive: true, filter: sourcesOnly });
  cpSync(join(REPO, 'generators'), join(dir, 'generators'), { recursive: true, filter: sourcesOnly });
  cpSync(join(REPO, 'tsconfig.json'), join(dir, 'tsconfig.json'));
  writeFileSync(join(dir, '.gitignore'), 'node_modules\ndist\n');
  symlinkSync(join(REPO, 'node_modules'), join(dir, 'node_modules'), 'dir');
  for (const args of [['init', '--quiet', '--initial-branch=main'], ['add', '--all'], ['commit', '--quiet', '-m', 'factory']]) {
    await execa('git', args, { cwd: dir, env: ENV });
  }
  return dir;
}

const SLO = (name: string, team: string, description: string) => `# Service level objectives, reusable by any project.
service: ${name}
owner: "${team}"
summary: ${description}
objectives:
  - name: latency-p99
    target_ms: 250
runbook: https://wiki.acme.internal/${name}/runbook
`;

describe('contribute round trip', () => {
  it('lifts a file from one project into a module that a second project generates with its own values', async () => {
    const work = mkdtempSync(join(tmpdir(), 'round-trip-'));
    const created = await execa('node', [CREATE, 'churn-model', '--yes', '--no-git', '--team', 'growth', '--description', 'Predicts churn.'], { cwd: work, env: ENV });
    expect(created.exitCode).toBe(0);
    const project = join(work, 'churn-model');
    mkdirSync(join(project, 'ops'));
    writeFileSync(join(project, 'ops', 'churn-model-slo.yaml'), SLO('churn-model', 'growth', 'Predicts churn.'));

    const factory = await scratchFactory();
    const contributed = await execa('node', [CLI, 'contribute', '.', '--files', 'ops/*.yaml', '--as', 'ops/slo', '--factory', factory, '--json'], { cwd: project, env: ENV, reject: false });
    expect(contributed.stderr).toBe('');
    const report = JSON.parse(contributed.stdout);
    expect(report).toMatchObject({ ok: true, module: 'ops/slo', branch: 'contrib/ops-slo' });
    expect(report.files).toEqual([{ from: 'ops/churn-model-slo.yaml', to: 'files/ops/__name__-slo.yaml.hbs' }]);
    expect(report.generalised.map((g: { variable: string; expression: string }) => `${g.variable} ${g.expression}`)).toEqual([
      'name {{yaml name}}', 'team {{yaml team}}', 'description {{yaml description}}',
    ]);
    expect(report.projectSpecific).toContainEqual(expect.objectContaining({ reason: 'URL', text: 'https://wiki.acme.internal/churn-model/runbook' }));
    const { stdout: branchFiles } = await execa('git', ['show', '--name-only', '--format=', 'contrib/ops-slo'], { cwd: factory });
    expect(branchFiles.split('\n').sort()).toEqual(['templates/ops/slo/README.md', 'templates/ops/slo/files/ops/__name__-slo.yaml.hbs', 'templates/ops/slo/module.test.ts', 'templates/ops/slo/module.ts']);

    // A preset that uses the new module, then the build the factory's CI runs.
    const reference = (await loadBuiltinCatalog()).presets.get('azure-tabular')!;
    writeFileSync(join(factory, 'templates', 'presets', 'with-slo.ts'),
      `import { definePreset } from '@ai-factory/engine';\nexport default definePreset(${JSON.stringify({ ...reference, id: 'with-slo', modules: [...reference.modules, 'ops/slo'] })});\n`);
    await execa('node', [join(REPO, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(factory, 'templates', 'tsconfig.build.json')]);
    const validated = await execa('node', [CLI, 'module', 'validate', join(factory, 'templates', 'ops', 'slo')], { reject: false });
    expect(validated.stdout).toContain('✓ ops/slo');
    expect(validated.exitCode).toBe(0);

    const catalog = await loadCatalog({ root: join(factory, 'templates'), compiledRoot: join(factory, 'templates', 'dist'), version: '0.0.0-test' });
    const description = 'Flags "fraud": fast';
    const { tree } = generateProject(catalog, { ...defaultAnswers('fraud-score'), ...reference.answers, team: "risk & o'neil", description, preset: 'with-slo' });
    const slo = parseYaml(tree.read('ops/fraud-score-slo.yaml') ?? '');
    expect(slo).toMatchObject({ service: 'fraud-score', owner: "risk & o'neil", summary: description, objectives: [{ name: 'latency-p99', target_ms: 250 }] });
    expect(readFileSync(join(factory, 'templates', 'ops', 'slo', 'README.md'), 'utf8')).toContain('# ops/slo');
  });
});
