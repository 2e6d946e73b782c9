import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execGit } from '@ai-factory/engine';
import { HEAVY_MODULES, listing, modulesLoadedBy, tempDir } from '@ai-factory/testing';
import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, runCli } from './test-support.js';

/** git's stdout as text, without its final newline. */
const git = async (cwd: string, ...args: string[]) => (await execGit(args, { cwd })).stdout.toString('utf8').replace(/\n$/, '');

describe('create-ml-project', () => {
  let cwd: string;
  let registry: string;
  beforeAll(async () => {
    cwd = tempDir();
    registry = (await execa('npm', ['config', 'get', 'registry'])).stdout.trim().replace(/\/?$/, '/');
  });

  it('generates the preset with --yes, installs it and commits it with its lock file, even without a git identity', async () => {
    const result = await runCli(['demo', '--yes', '--preset', 'azure-tabular', '--registry', registry], { cwd });
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toContain('Next steps');
    const manifest = JSON.parse(readFileSync(join(cwd, 'demo/.ai-factory/manifest.json'), 'utf8'));
    expect(manifest.preset).toBe('azure-tabular');
    expect(manifest.answers).toMatchObject({ name: 'demo', cloud: 'azure', cicd: 'github-actions', framework: 'sklearn', serving: 'online', gpu: null });
    expect(await git(join(cwd, 'demo'), 'log', '--format=%an|%s')).toMatch(/^AI Factory\|Generate demo from AI Factory .* \(preset azure-tabular\)$/);
    expect(await git(join(cwd, 'demo'), 'status', '--porcelain')).toBe('');
    const committed = (await git(join(cwd, 'demo'), 'ls-files')).split('\n');
    expect(committed).toEqual(expect.arrayContaining(['package-lock.json', '.npmrc']));
    expect(committed.some((path) => path.startsWith('node_modules/'))).toBe(false);
    expect(readFileSync(join(cwd, 'demo/.npmrc'), 'utf8')).toBe(`registry=${registry}\n`);
    expect(listing(cwd)).toEqual(['demo']);
  });

  it('--no-install writes the registry but installs nothing, and says what to run', async () => {
    const result = await runCli(['lazy', '--yes', '--no-install', '--no-git', '--registry', 'https://npm.example.org/team'], { cwd });
    expect(result.exitCode, result.stderr).toBe(0);
    expect(readFileSync(join(cwd, 'lazy/.npmrc'), 'utf8')).toBe('registry=https://npm.example.org/team/\n');
    expect(existsSync(join(cwd, 'lazy/package-lock.json'))).toBe(false);
    expect(existsSync(join(cwd, 'lazy/node_modules'))).toBe(false);
    expect(result.stdout).toContain('npm install && npm run synth -- --check');
  });

  it('--dry-run lists exactly the files a real run writes, and writes nothing', async () => {
    const dry = await runCli(['dry', '--yes', '--dry-run', '--json', '--no-install'], { cwd });
    expect(dry.exitCode, dry.stderr).toBe(0);
    expect(existsSync(join(cwd, 'dry'))).toBe(false);
    const real = await runCli(['dry', '--yes', '--json', '--no-git', '--no-install'], { cwd });
    const planned = JSON.parse(dry.stdout).files;
    expect(JSON.parse(real.stdout).files).toEqual(planned);
    const written = (await execa('find', ['.', '-type', 'f'], { cwd: join(cwd, 'dry') })).stdout.split('\n').map((p) => p.slice(2)).sort();
    expect(written).toEqual(planned.map((f: { path: string }) => f.path).sort());
    expect(existsSync(join(cwd, 'dry/.git'))).toBe(false);
  });

  it("a preset's GPU on a cloud that sells other counts takes the nearest, and says so; a GPU flag is kept", async () => {
    const gpuOf = (dir: string) => JSON.parse(readFileSync(join(cwd, dir, '.ai-factory/manifest.json'), 'utf8')).answers.gpu;
    const run = await runCli(['gpu-aws', '--yes', '--preset', 'k8s-gpu-pytorch', '--cloud', 'aws', '--json', '--no-git', '--no-install'], { cwd });
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stderr.trim()).toBe("The preset's GPU, a100-80gb:4, is not sold on aws: the project trains on a100-80gb:8, the nearest count aws sells (choose another with --gpu).");
    expect(gpuOf('gpu-aws')).toEqual({ sku: 'a100-80gb', count: 8 });
    const flagged = await runCli(['gpu-flag', '--yes', '--preset', 'k8s-gpu-pytorch', '--cloud', 'aws', '--gpu', 't4:1', '--json', '--no-git', '--no-install'], { cwd });
    expect(flagged.exitCode, flagged.stderr).toBe(0);
    expect(flagged.stderr).toBe('');
    expect(gpuOf('gpu-flag')).toEqual({ sku: 't4', count: 1 });
  });

  it('replays a manifest with --answers into an identical project', async () => {
    const first = await runCli(['first', '--no-git', '--no-install', '--preset', 'azure-tabular', '--description', 'Churn: "risk" #1', '--team', 'growth', '--serving', 'both'], { cwd });
    expect(first.exitCode, first.stderr).toBe(0);
    const replay = await runCli(['replay', '--no-git', '--no-install', '--answers', join(cwd, 'first/.ai-factory/manifest.json'), '--name', 'first'], { cwd });
    expect(replay.exitCode, replay.stderr).toBe(0);
    const diff = await execa('diff', ['-r', 'first', 'replay'], { cwd, reject: false });
    expect(diff.stdout).toBe('');
    expect(readFileSync(join(cwd, 'replay/src/first/batch.py'), 'utf8')).toContain('def ');
  });

  it('replays the modules a manifest records as added or removed after creation', async () => {
    writeFileSync(join(cwd, 'composed.json'), JSON.stringify({ addedModules: ['monitoring/organisation-dashboard'], removedModules: ['core/project'] }));
    const result = await runCli(['composed', '--yes', '--no-git', '--no-install', '--answers', join(cwd, 'composed.json')], { cwd });
    expect(result.exitCode, result.stderr).toBe(0);
    const manifest = JSON.parse(readFileSync(join(cwd, 'composed/.ai-factory/manifest.json'), 'utf8'));
    expect(manifest.answers).toMatchObject({ addedModules: ['monitoring/organisation-dashboard'], removedModules: ['core/project'] });
    expect(existsSync(join(cwd, 'composed/monitoring/dashboards/organisation.json'))).toBe(true);
    expect(existsSync(join(cwd, 'composed/catalog-info.yaml'))).toBe(false);
  });

  it('takes every answer from flags without a terminal', async () => {
    const result = await runCli(
      ['flags', '--no-git', '--no-install', '--json', '--description', 'd', '--team', 't', '--preset', 'azure-tabular', '--serving', 'batch',
        '--environments', 'dev,prod', '--no-monitoring', '--personas', 'ml-engineer'],
      { cwd },
    );
    expect(result.exitCode, result.stderr).toBe(0);
    const manifest = JSON.parse(readFileSync(join(cwd, 'flags/.ai-factory/manifest.json'), 'utf8'));
    expect(manifest.answers).toMatchObject({ serving: 'batch', environments: ['dev', 'prod'], monitoring: false, personas: ['ml-engineer'] });
    expect(manifest.modules.map((m: { id: string }) => m.id)).not.toContain('serving/online-fastapi');
  });

  it('prints help generated from the option table', async () => {
    const result = await runCli(['--help'], { cwd });
    expect(result.exitCode).toBe(0);
    for (const flag of ['--name', '--description', '--team', '--preset', '--cloud', '--cicd', '--framework', '--serving', '--gpu', '--environments', '--[no-]monitoring', '--personas', '--yes', '--answers', '--registry', '--[no-]install', '--dry-run', '--no-git', '--json']) {
      expect(result.stdout).toContain(flag);
    }
  });
});

describe('create-ml-project refuses bad input: clear error, exit 1, nothing written', () => {
  const cases: [string, (cwd: string) => string[], RegExp][] = [
    ['an invalid name, with a suggestion', () => ['My Project', '--yes'], /Invalid project name "My Project": the name must be lowercase[\s\S]*Try "my-project"/],
    ['a reserved name', () => ['node_modules', '--yes'], /Invalid project name "node_modules"/],
    ['a name that is not a Python module', () => ['2fast', '--yes'], /Python package "2fast", and a Python name cannot start with a digit[\s\S]*Try "ml-2fast"/],
    ['a name that shadows a Python module', () => ['json', '--yes'], /shadows a standard or required module[\s\S]*Try "ml-json"/],
    ['a target that is not empty', (cwd) => (mkdirSync(join(cwd, 'full')), writeFileSync(join(cwd, 'full/x'), ''), ['full', '--yes']), /is not empty/],
    ['a target that is a file', (cwd) => (writeFileSync(join(cwd, 'afile'), ''), ['afile', '--yes']), /is a file, not a directory/],
    ['a path escaping through ..', () => ['../escaped', '--yes'], /escapes the current directory through "\.\."/],
    ['an unknown preset', () => ['p', '--yes', '--preset', 'nope'], /Unknown preset "nope"[\s\S]*Choose one of: .*azure-tabular.*k8s-gpu-pytorch/],
    ['an unknown option value', () => ['p', '--yes', '--cloud', 'mars'], /cloud: Invalid option: expected one of "azure"\|"aws"\|"gcp"\|"kubernetes"/],
    ['an incompatible framework', () => ['p', '--yes', '--framework', 'pytorch'], /no module for framework "pytorch"/],
    ['a GPU with scikit-learn', () => ['p', '--yes', '--gpu', 'a100-80gb:2'], /no module for compute "gpu"[\s\S]*--gpu/],
    ['an unknown GPU', () => ['p', '--yes', '--gpu', 'tpu:1'], /gpu.sku: Invalid option/],
    ['a GPU count the cloud does not sell', () => ['p', '--yes', '--preset', 'k8s-gpu-pytorch', '--cloud', 'aws', '--gpu', 't4:3'], /^Error: aws offers NVIDIA T4 16 GB \(t4\) only with 1, 4 GPU\(s\) per node, not 3\.\nChange --gpu to none or one of: t4:1, t4:4, /],
    ['a missing answers file', (cwd) => ['p', '--yes', '--answers', join(cwd, 'missing.json')], /Cannot read answers file .*missing.json: ENOENT/],
    ['a malformed answers file', (cwd) => (writeFileSync(join(cwd, 'bad.yaml'), 'name: [unclosed'), ['p', '--yes', '--answers', join(cwd, 'bad.yaml')]), /not valid JSON or YAML/],
    ['an invalid answers file', (cwd) => (writeFileSync(join(cwd, 'bad.json'), '{"serving": "sometimes", "colour": 1}'), ['p', '--answers', join(cwd, 'bad.json')]), /serving: Invalid option[\s\S]*Unrecognized key: "colour"/],
    ['missing answers without a terminal', () => ['p', '--preset', 'azure-tabular'], /Missing answers, and there is no terminal to ask: --description, --team\.[\s\S]*--yes/],
    ['no name without a terminal', () => ['--preset', 'azure-tabular', '--description', 'd', '--team', 't'], /Missing answers.*<directory> or --name/],
    ['a registry that is not a URL', () => ['p', '--yes', '--registry', 'npm.example.org'], /--registry "npm.example.org" is not a URL/],
    ['a registry URL with credentials', () => ['p', '--yes', '--registry', 'https://bot:secret@npm.example.org/'], /must not carry credentials/],
  ];

  it.each(cases)('%s', async (_, setUp, message) => {
    const cwd = tempDir();
    const args = setUp(cwd);
    const before = listing(cwd);
    const result = await runCli(args, { cwd });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(listing(cwd)).toEqual(before);
  });

  it('an unwritable parent directory', async () => {
    const cwd = tempDir();
    // root writes anywhere a mode allows, so as root use a folder no one can create files in.
    const parent = process.getuid?.() === 0 ? '/proc' : join(cwd, 'locked');
    if (parent !== '/proc') mkdirSync(parent, { mode: 0o555 });
    const result = await runCli([join(parent, 'demo'), '--yes'], { cwd });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/parent directory .* is not writable|Cannot write in/);
    if (parent !== '/proc') chmodSync(parent, 0o755);
  });

  it('a registry that does not serve the project\'s packages', async () => {
    const cwd = tempDir();
    // A registry that knows no package at all answers 404 to everything.
    const server = createServer((_, response) => response.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const registry = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    try {
      const result = await runCli(['p', '--yes', '--registry', registry], { cwd, env: { npm_config_cache: join(cwd, '.npm-cache') } });
      expect(result.exitCode).toBe(1);
      expect(result.stderr).toMatch(new RegExp(`npm install failed in the new project \\(registry ${registry.replace(/[.:/]/g, '\\$&')}\\)[\\s\\S]*404[\\s\\S]*--no-install`));
      expect(listing(cwd)).toEqual(['.npm-cache']);
    } finally {
      server.close();
    }
  });

  it.each([
    ['an unknown flag', ['p', '--yes', '--colour', 'red'], /Unknown option '--colour'/],
    ['two directories', ['p', 'q', '--yes'], /Expected one directory, got 2: p q/],
    ['a flag and its negation', ['p', '--yes', '--install', '--no-install'], /either --install or --no-install/],
  ])('wrong arguments (%s) exit 2, and --json still prints one JSON document', async (_, args, message) => {
    const cwd = tempDir();
    const plain = await runCli(args, { cwd });
    expect(plain.exitCode).toBe(2);
    expect(plain.stderr).toMatch(message);
    const json = await runCli([...args, '--json'], { cwd });
    expect(json.exitCode).toBe(2);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, error: { code: 'usage', message: expect.stringMatching(message) } });
    expect(listing(cwd)).toEqual([]);
  });

  it.each([[['--help'], 0], [['--version'], 0], [['p', '--colour'], 2]])('%j loads none of the libraries only a real run needs', async (args, exitCode) => {
    const { exitCode: actual, modules } = await modulesLoadedBy(BIN, args);
    expect(actual).toBe(exitCode);
    expect(modules[0]).toMatch(/\/create-ml-project\/dist\/bin\.js$/);
    expect(modules.filter((url) => HEAVY_MODULES.test(url))).toEqual([]);
    // The bin is a bundle: what a real run needs (zod, the catalog, the platform layer) is megabytes of
    // chunks loaded on demand, and the few kilobytes of argument parsing and help are all this path reads.
    const bytes = modules.reduce((sum, url) => sum + statSync(fileURLToPath(url)).size, 0);
    expect(bytes).toBeLessThan(32 * 1024);
  });

  it('--help ends with the exit codes both CLIs share', async () => {
    const result = await runCli(['--help'], { cwd: tempDir() });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/Exit codes:\n +0 +done\n +1 +.*\n +2 +wrong arguments.*\n +130 +cancelled/);
  });

  it('reports errors as JSON with --json', async () => {
    const cwd = tempDir();
    const result = await runCli(['p', '--yes', '--json', '--preset', 'nope'], { cwd });
    expect(result.exitCode).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: false, error: { code: 'unknown-preset' } });
  });
});
