/**
 * The factory's life cycle as an organisation lives it, with every part real: the previous release is
 * built from its commit and published to a private registry; teams create projects from it with
 * `npm create ml-project@<version>`, push them to their own origins and edit them; the current release is
 * published; a machine that has only the registry upgrades the whole fleet from the origins' URLs with
 * `npx ai-factory@<version> fleet upgrade --push`; and a fresh clone of every upgrade branch passes the
 * project's own CI with every team edit still there. Every preset of the current release is also created
 * from the registry and its fresh clone passes its CI.
 */
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  checkoutRelease,
  newMachine,
  previousRelease,
  publishedVersions,
  publishRelease,
  publishableWorkspaces,
  startRegistry,
  type Release,
  type TestRegistry,
  type UserMachine,
} from '@ai-factory/testing';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCi, type CiRun } from './ci-steps.js';
import { filesContaining } from './project-files.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const MINUTES = 60_000;
const current = (JSON.parse(readFileSync(join(ROOT, 'templates/package.json'), 'utf8')) as { version: string }).version;
const PRESETS = (await import(pathToFileURL(join(ROOT, 'templates/dist/index.js')).href).then((m) => m.loadBuiltinCatalog())).presets as Map<string, unknown>;

const git = async (cwd: string, ...args: string[]) => (await execa('git', args, { cwd })).stdout.trim();
const asTeam = ['-c', 'user.name=Churn Team', '-c', 'user.email=churn@example.org'];

/** What a team does to its project after creating it; each edit must survive the upgrade. */
const TEAM_README = '\n## Our runbook\n\nPage the churn team before retraining by hand.\n';
const TEAM_TEST = 'def test_team_owns_this_file():\n    assert "churn" in "churn team"\n';

/** Steps the CI of every project must have run: the CI systems' own install, checks, tests and gate. */
function expectFullCi(run: CiRun, label: string): void {
  const ran = run.ran.map((step) => step.run).join('\n');
  for (const command of ['npm ci', 'npm run typecheck', 'npm run synth -- --check', '-m pytest', ' train', ' evaluate']) expect(ran, label).toContain(command);
  expect(run.skipped.map((step) => step.why).sort(), label).toEqual(expect.arrayContaining([expect.stringMatching(/PyPI/), expect.stringMatching(/Terraform/)]));
}

let registry: TestRegistry;
let previous: Release;
const work = mkdtempSync(join(tmpdir(), 'lifecycle-'));

beforeAll(async () => {
  const own = (await publishableWorkspaces(ROOT)).map((workspace) => workspace.name);
  registry = await startRegistry({ ownPackages: own });
});
afterAll(async () => {
  await registry?.stop();
});

describe('the factory life cycle on a private registry', () => {
  // Origins by name; `churn-unmirrored` holds the same project as `churn` without its refs/ai-factory/*.
  const origins = new Map<string, string>();
  let team: UserMachine;
  let creator: UserMachine | undefined;
  let colleague: UserMachine | undefined;

  it('publishes the previous release, built from its commit in a clean clone', { timeout: 20 * MINUTES }, async () => {
    previous = await previousRelease(ROOT);
    expect(previous.version).not.toBe(current);
    await publishRelease(await checkoutRelease(ROOT, previous.commit), registry);
    expect(await publishedVersions(registry, 'create-ml-project')).toEqual([previous.version]);
    expect(await publishedVersions(registry, 'ai-factory')).toEqual([previous.version]);
  });

  it('teams create projects from it with npm create, push them to their origins and edit them', { timeout: 20 * MINUTES }, async () => {
    team = newMachine(registry);
    const projects: [string, string][] = [['churn', 'azure-tabular'], ['fraud', 'gcp-tabular'], ['vision', 'k8s-gpu-pytorch']];
    for (const [name, preset] of projects) {
      const created = await execa('npm', ['create', `ml-project@${previous.version}`, name, '--', '--yes', '--preset', preset], { cwd: team.home, env: team.env, reject: false, all: true });
      expect(created.exitCode, created.all).toBe(0);
      const dir = join(team.home, name);
      appendFileSync(join(dir, 'README.md'), TEAM_README);
      writeFileSync(join(dir, 'tests/test_team.py'), TEAM_TEST);
      await execa('git', [...asTeam, 'add', '--all'], { cwd: dir });
      await execa('git', [...asTeam, 'commit', '--quiet', '-m', 'Our runbook and our own test'], { cwd: dir });
      // As the project README says: push the branch and the factory's refs.
      const bare = join(work, 'origins', `${name}.git`);
      mkdirSync(bare, { recursive: true });
      await git(bare, 'init', '--quiet', '--bare', '--initial-branch=main');
      await git(dir, 'push', '--quiet', bare, 'main', 'refs/ai-factory/*:refs/ai-factory/*');
      origins.set(name, pathToFileURL(bare).href);
    }
    // A team that pushed its branch only: its clones have no pristine ref.
    const unmirrored = join(work, 'origins', 'churn-unmirrored.git');
    mkdirSync(unmirrored, { recursive: true });
    await git(unmirrored, 'init', '--quiet', '--bare', '--initial-branch=main');
    await git(join(team.home, 'churn'), 'push', '--quiet', unmirrored, 'main');
    origins.set('churn-unmirrored', pathToFileURL(unmirrored).href);
  });

  it('publishes the current release', { timeout: 10 * MINUTES }, async () => {
    // `npm test` built this checkout; the release script would build it again.
    await publishRelease(ROOT, registry, { built: true });
    expect((await publishedVersions(registry, 'create-ml-project')).sort()).toEqual([previous.version, current].sort());
  });

  it.each([...PRESETS.keys()])(
    'npm create ml-project@latest --preset %s works from the registry alone, and a fresh clone passes its CI',
    { timeout: 15 * MINUTES },
    async (preset) => {
      // One data scientist's machine creates every preset (npm caches the creator between runs, as it would).
      creator ??= newMachine(registry);
      const name = `demo-${preset}`;
      const created = await execa('npm', ['create', 'ml-project@latest', name, '--', '--yes', '--preset', preset], { cwd: creator.home, env: creator.env, reject: false, all: true });
      expect(created.exitCode, created.all).toBe(0);
      const project = join(creator.home, name);
      expect(JSON.parse(readFileSync(join(project, '.ai-factory/manifest.json'), 'utf8')).factory.version).toBe(current);
      expect(filesContaining(project, [ROOT.replace(/\/$/, ''), creator.home, work])).toEqual([]);
      // A colleague's machine: a clone, nothing installed.
      colleague ??= newMachine(registry);
      const clone = join(colleague.home, name);
      await execa('git', ['clone', '--quiet', project, clone]);
      expectFullCi(await runCi(clone, colleague.env), preset);
    },
  );

  it('a machine with only the registry upgrades the fleet from its URLs and pushes the upgrade branches', { timeout: 20 * MINUTES }, async () => {
    const fleet = newMachine(registry);
    const result = await execa('npx', ['--yes', `ai-factory@${current}`, 'fleet', 'upgrade', ...origins.values(), '--push', '--push-interval-ms', '0', '--json'], {
      cwd: fleet.home,
      env: fleet.env,
      reject: false,
    });
    const summary = JSON.parse(result.stdout) as { ok: boolean; repositories: { origin: string; status: string; push?: string; error?: string }[] };
    expect(summary.repositories.map((r) => [r.origin, r.status, r.push, r.error])).toEqual([...origins.values()].sort().map((url) => [url, 'upgraded', 'ok', undefined]));
    expect(result.exitCode, result.stderr).toBe(0);
  });

  it('a fresh clone of every upgrade branch passes its CI and keeps every team edit', { timeout: 30 * MINUTES }, async () => {
    const reviewer = newMachine(registry);
    for (const [name, url] of origins) {
      const clone = join(reviewer.home, name);
      await execa('git', ['clone', '--quiet', '--branch', `ai-factory/upgrade-${current}`, url, clone]);
      expect(readFileSync(join(clone, 'README.md'), 'utf8'), name).toContain(TEAM_README);
      expect(readFileSync(join(clone, 'tests/test_team.py'), 'utf8'), name).toBe(TEAM_TEST);
      expect(JSON.parse(readFileSync(join(clone, '.ai-factory/manifest.json'), 'utf8')).factory.version).toBe(current);
      expectFullCi(await runCi(clone, reviewer.env), name);
    }
  });

  it('an upgrade of a clone without the pristine ref gives the same result as one with it', async () => {
    const branch = `refs/heads/ai-factory/upgrade-${current}^{tree}`;
    const tree = (name: string) => git(fileURLToPath(origins.get(name)!), 'rev-parse', branch);
    expect(await tree('churn-unmirrored')).toBe(await tree('churn'));
  });
});
