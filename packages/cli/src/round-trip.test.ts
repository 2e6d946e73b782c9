/**
 * The way back in, end to end: generate a project with the built create-ml-project, add files a team would
 * write to it (Python that imports the package's schema, its test, an SLO file), `ai-factory contribute` them
 * into a scratch factory repository, check out the contribution's branch as a reviewer would, validate the
 * new module, and generate a second project with other answers from a preset that uses it: its files hold
 * the second project's values and none of the first one's, and the lifted test passes there under python3.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultAnswers, generateProject, loadCatalog, pythonPackageName, type Answers } from '@ai-factory/engine';
import { writeFiles } from '@ai-factory/tree';
import { loadBuiltinCatalog } from '@ai-factory/templates';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';

const REPO = fileURLToPath(new URL('../../..', import.meta.url));
const CREATE = join(REPO, 'packages', 'create-ml-project', 'dist', 'bin.js');
const CLI = join(REPO, 'packages', 'cli', 'dist', 'bin.js');
const ENV = { GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 't@example.com' };
/** Debian's Python, which has the generated project's dependencies. */
const PYTHON = '/usr/bin/python3';
const git = async (cwd: string, ...args: string[]) => (await execa('git', args, { cwd, env: ENV })).stdout;

/** A scratch factory: the working tree's templates/ and generators/ (sources only), committed in a new repository. */
async function scratchFactory(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'factory-'));
  const sourcesOnly = (source: string) => !/[/\\](dist|node_modules|\.turbo)$/.test(source);
  cpSync(join(REPO, 'templates'), join(dir, 'templates'), { recursive: true, filter: sourcesOnly });
  cpSync(join(REPO, 'generators'), join(dir, 'generators'), { recursive: true, filter: sourcesOnly });
  cpSync(join(REPO, 'tsconfig.json'), join(dir, 'tsconfig.json'));
  writeFileSync(join(dir, '.gitignore'), 'node_modules\ndist\n');
  symlinkSync(join(REPO, 'node_modules'), join(dir, 'node_modules'), 'dir');
  for (const args of [['init', '--quiet', '--initial-branch=main'], ['add', '--all'], ['commit', '--quiet', '-m', 'factory']]) await git(dir, ...args);
  return dir;
}

/** The first project's answers: every one of them appears in the files its team writes. */
const FIRST = { name: 'churn-radar', team: 'retention-analytics', description: 'Predicts churn for the retention desk.', preset: 'aws-tabular', cloud: 'aws', cicd: 'github-actions', framework: 'sklearn' };

const FEATURES = `"""Extra features for churn-radar (team retention-analytics).

${FIRST.description} Runs on aws, shipped by github-actions, modelled with sklearn.
"""

from __future__ import annotations

import logging

from churn_radar.schema import NUMERIC_NAMES

LOGGER_NAME = "churn_radar.features_extra"
PROJECT = "churn-radar"
CLOUD = "aws"
log = logging.getLogger(LOGGER_NAME)


def numeric_columns() -> list[str]:
    """The numeric columns churn-radar scores on."""
    log.debug(f"{len(NUMERIC_NAMES)} numeric columns for churn-radar")
    return list(NUMERIC_NAMES)  # owned by retention-analytics, preset aws-tabular
`;

const FEATURES_TEST = `from churn_radar import features_extra
from churn_radar.features_extra import CLOUD, LOGGER_NAME, PROJECT, numeric_columns


def test_names_follow_the_project():
    assert PROJECT == "churn-radar"
    assert LOGGER_NAME == "churn_radar.features_extra"
    assert CLOUD == "aws"
    assert "team retention-analytics" in features_extra.__doc__
    assert ${JSON.stringify(FIRST.description)} in features_extra.__doc__


def test_numeric_columns_come_from_the_schema():
    assert "tenure_months" in numeric_columns()
`;

const SLO = `# Service level objectives of churn-radar, kept by retention-analytics.
service: churn-radar
owner: "retention-analytics"
summary: ${FIRST.description}
cloud: aws
image: registry.example.com/churn-radar:1
objectives:
  - name: latency-p99
    target_ms: 250
runbook: https://wiki.acme.internal/churn-radar/runbook
`;

/** A first-project value standing alone (not inside a longer word), as a leak would. */
const standalone = (value: string) => new RegExp(`(?<![A-Za-z0-9])${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z0-9])`);

describe('contribute round trip', () => {
  it('a module lifted from one project renders into a project with other answers, leaking none of the first one\'s values', async () => {
    const work = mkdtempSync(join(tmpdir(), 'round-trip-'));
    const created = await execa('node', [CREATE, FIRST.name, '--yes', '--no-git', '--no-install', '--preset', FIRST.preset, '--team', FIRST.team, '--description', FIRST.description], { cwd: work, env: ENV });
    expect(created.exitCode).toBe(0);
    const project = join(work, FIRST.name);
    mkdirSync(join(project, 'ops'));
    writeFileSync(join(project, 'src', 'churn_radar', 'features_extra.py'), FEATURES);
    writeFileSync(join(project, 'tests', 'test_features_extra.py'), FEATURES_TEST);
    writeFileSync(join(project, 'ops', 'churn-radar-slo.yaml'), SLO);
    // The team's test passes in the project it was written in.
    const own = await execa(PYTHON, ['-m', 'pytest', '-q', '-p', 'no:cacheprovider', 'tests/test_features_extra.py'], { cwd: project, env: { PYTHONPATH: 'src' }, reject: false });
    expect(own.exitCode, own.stdout).toBe(0);

    const factory = await scratchFactory();
    const lift = ['--files', 'src/churn_radar/features_extra.py', '--files', 'tests/test_features_extra.py', '--files', 'ops/*.yaml'];
    const contributed = await execa('node', [CLI, 'contribute', '.', ...lift, '--as', 'ml/features-extra', '--summary', 'Extra numeric features and their SLO', '--factory', factory, '--json'], { cwd: project, env: ENV, reject: false });
    expect(contributed.stderr).toBe('');
    const report = JSON.parse(contributed.stdout);
    expect(report).toMatchObject({ ok: true, module: 'ml/features-extra', branch: 'contrib/ml-features-extra', requires: ['ml/tabular-core'], summary: 'Extra numeric features and their SLO' });
    expect(report.files.map((f: { to: string }) => f.to)).toEqual([
      'files/ops/__name__-slo.yaml.hbs', 'files/src/__packageName__/features_extra.py.hbs', 'files/tests/test_features_extra.py.hbs',
    ]);
    const replaced = report.generalised.map((g: { file: string; line: number; context: string; expression: string }) => `${g.file.split('/').pop()}:${g.line} ${g.context} ${g.expression}`);
    expect(replaced).toEqual(expect.arrayContaining([
      'features_extra.py.hbs:1 docstring {{inPyString name}}',
      'features_extra.py.hbs:1 docstring {{inPyString team}}',
      'features_extra.py.hbs:3 docstring {{inPyString description}}',
      'features_extra.py.hbs:3 docstring {{inPyString cloud}}',
      'features_extra.py.hbs:3 docstring {{inPyString cicd}}',
      'features_extra.py.hbs:3 docstring {{inPyString framework}}',
      'features_extra.py.hbs:10 identifier {{pyIdent packageName}}',
      'features_extra.py.hbs:12 string {{inPyString packageName}}',
      'features_extra.py.hbs:14 value {{py cloud}}',
      'features_extra.py.hbs:20 string {{inPyString name}}',
      'features_extra.py.hbs:21 comment {{inComment preset}}',
      '__name__-slo.yaml.hbs:1 comment {{inComment team}}',
      '__name__-slo.yaml.hbs:6 string {{inString name}}',
    ]));
    expect(report.projectSpecific.filter((f: { reason: string }) => /answer value left/.test(f.reason))).toEqual([]);
    // The factory's checkout is as it was: the module exists only on the branch.
    expect(await git(factory, 'status', '--porcelain', '--untracked-files=all')).toBe('');
    expect(existsSync(join(factory, 'templates', 'ml', 'features-extra'))).toBe(false);

    // A reviewer checks the branch out, adds a preset that uses the module, and runs the factory's build.
    await git(factory, 'switch', '--quiet', report.branch);
    const reference = (await loadBuiltinCatalog()).presets.get('k8s-gpu-pytorch')!;
    writeFileSync(join(factory, 'templates', 'presets', 'with-features.ts'),
      `import { definePreset } from '@ai-factory/engine';\nexport default definePreset(${JSON.stringify({ ...reference, id: 'with-features', modules: [...reference.modules, 'ml/features-extra'] })});\n`);
    await execa('node', [join(REPO, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(factory, 'templates', 'tsconfig.build.json')]);
    const validated = await execa('node', [CLI, 'module', 'validate', join(factory, 'templates', 'ml', 'features-extra')], { reject: false });
    expect(validated.stdout).toContain('✓ ml/features-extra');
    expect(validated.exitCode).toBe(0);
    expect(readFileSync(join(factory, 'templates', 'ml', 'features-extra', 'module.ts'), 'utf8')).toContain('requires: ["ml/tabular-core"]');

    const catalog = await loadCatalog({ root: join(factory, 'templates'), compiledRoot: join(factory, 'templates', 'dist'), version: '0.0.0-test' });
    const other: Answers = {
      ...defaultAnswers('fraud-score'), ...reference.answers,
      team: "risk & o'neil", description: 'Flags "fraud": fast.\nSecond line with {braces} and a \\ backslash.',
      cloud: 'gcp', cicd: 'gitlab-ci', gpu: null, preset: 'with-features',
    };
    const { tree, manifest } = generateProject(catalog, other);
    const second = join(work, 'fraud-score');
    writeFiles(tree, second);

    const slo = parseYaml(tree.read('ops/fraud-score-slo.yaml', 'utf8') ?? '');
    expect(slo).toMatchObject({ service: 'fraud-score', owner: other.team, summary: other.description, cloud: 'gcp', image: 'registry.example.com/fraud-score:1', runbook: 'https://wiki.acme.internal/fraud-score/runbook' });
    const python = await execa(PYTHON, ['-c', 'import json, fraud_score.features_extra as f; print(json.dumps([f.__doc__, f.LOGGER_NAME, f.PROJECT, f.CLOUD]))'], { cwd: second, env: { PYTHONPATH: 'src' } });
    const [doc, logger, name, cloud] = JSON.parse(python.stdout) as string[];
    expect([logger, name, cloud]).toEqual(['fraud_score.features_extra', 'fraud-score', 'gcp']);
    expect(doc).toContain(`Extra features for fraud-score (team ${other.team}).\n\n${other.description} Runs on gcp, shipped by gitlab-ci, modelled with pytorch.`);
    // The lifted test, rendered with the second project's values, passes against the lifted code.
    const pytest = await execa(PYTHON, ['-m', 'pytest', '-q', '-p', 'no:cacheprovider', 'tests/test_features_extra.py'], { cwd: second, env: { PYTHONPATH: 'src' }, reject: false });
    expect(pytest.exitCode, pytest.stdout).toBe(0);

    const written = manifest.files.filter((file) => file.module === 'ml/features-extra').map((file) => file.path);
    expect(written.sort()).toEqual(['ops/fraud-score-slo.yaml', 'src/fraud_score/features_extra.py', 'tests/test_features_extra.py']);
    const firstValues = [...Object.values(FIRST), pythonPackageName(FIRST.name)];
    for (const path of written) {
      const text = tree.read(path, 'utf8')!;
      for (const value of firstValues) expect(text, `${path} holds ${value}`).not.toMatch(standalone(value));
    }
  });
});
