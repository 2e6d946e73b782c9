/**
 * Factory releases as an organisation makes them: a release commit of the factory's history, checked out
 * in a clean clone, installed and published to a registry with the repository's own release script.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import semver from 'semver';
import { outsideNpm } from './npm.js';
import type { TestRegistry } from './registry.js';

const run = promisify(execFile);
const git = async (cwd: string, ...args: string[]) => (await run('git', args, { cwd, maxBuffer: 64 << 20 })).stdout.trim();

/** The factory version lives in the templates package; the fixed release group shares it. */
const VERSION_FILE = 'templates/package.json';

export interface Release {
  version: string;
  /** The commit that set this version: the one its packages were published from. */
  commit: string;
}

const versionAt = async (repo: string, commit: string) => (JSON.parse(await git(repo, 'show', `${commit}:${VERSION_FILE}`)) as { version: string }).version;

/**
 * The newest release before the one checked out at `repo`'s HEAD that was made with the release scripts
 * (a `.changeset/` folder), found by walking main's history of the version file.
 * @throws when the history holds no such release (a shallow clone, or no release yet)
 */
export async function previousRelease(repo: string): Promise<Release> {
  const current = await versionAt(repo, 'HEAD');
  const commits = (await git(repo, 'log', '--first-parent', '--format=%H', '--', VERSION_FILE)).split('\n').filter(Boolean);
  let found: Release | undefined;
  // Newest first: the first older version found, then back to the oldest commit that still has it.
  for (const commit of commits) {
    const version = await versionAt(repo, commit);
    if (found) {
      if (version !== found.version) break;
      found.commit = commit;
    } else if (semver.lt(version, current)) found = { version, commit };
  }
  if (!found) throw new Error(`No release before ${current} in the history of ${repo} (is it a shallow clone?)`);
  const releasable = await run('git', ['cat-file', '-e', `${found.commit}:.changeset/config.json`], { cwd: repo }).then(() => true, () => false);
  if (!releasable) throw new Error(`Release ${found.version} (${found.commit}) predates the release scripts: it cannot be published`);
  return found;
}

/** A clean clone of `repo` at `commit`, with its dependencies installed from the machine's own registry. */
export async function checkoutRelease(repo: string, commit: string): Promise<string> {
  const dir = join(mkdtempSync(join(tmpdir(), 'factory-release-')), 'factory');
  await run('git', ['clone', '--quiet', '--no-checkout', repo, dir]);
  await git(dir, 'checkout', '--quiet', commit);
  await run('npm', ['ci', '--no-audit', '--no-fund'], { cwd: dir, env: outsideNpm(process.env), maxBuffer: 64 << 20 });
  return dir;
}

/**
 * Publishes every package of the checkout at `dir` to `registry`, as `npm run release:publish` does;
 * `built` skips its build step where the checkout is built already. Git tags are the release job's own
 * business and are not made here.
 */
export async function publishRelease(dir: string, registry: Pick<TestRegistry, 'userConfig'>, options: { built?: boolean } = {}): Promise<void> {
  const env = { ...outsideNpm(process.env), npm_config_userconfig: registry.userConfig(mkdtempSync(join(tmpdir(), 'publisher-'))) };
  const command = options.built ? ['exec', '--', 'changeset', 'publish', '--no-git-tag'] : ['run', 'release:publish', '--', '--no-git-tag'];
  await run('npm', command, { cwd: dir, env, maxBuffer: 64 << 20 });
}
