/** Test helpers: git repositories made from the projects of earlier factory releases, and team edits. */
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execGit, MANIFEST_PATH, pristineRef, type Manifest } from '@ai-factory/engine';
import { fixtureBundle } from '@ai-factory/testing';
import { execa } from 'execa';
import { createUpgradeContext, type UpgradeContext } from './context.js';

/** `release/preset` → the release's bundle (`__fixtures__/<release>.bundle`) and its branch. */
function fixtureOf(fixture: string) {
  const [release, preset] = fixture.split('/') as [string, string];
  return { bundle: fixtureBundle(fileURLToPath(new URL(`./__fixtures__/${release}.bundle`, import.meta.url))), preset };
}

/** A file of a project an earlier release generated (`fixture`: `release/preset`), as text. */
export const fixtureFile = (fixture: string, path: string): string => {
  const { bundle, preset } = fixtureOf(fixture);
  return bundle.file(preset, path);
};

/** git as the team, its stdout as text without the final newline. */
export const git = async (dir: string, ...args: string[]) =>
  (await execGit(args, { cwd: dir, env: { GIT_AUTHOR_NAME: 'Team', GIT_AUTHOR_EMAIL: 'team@example.com', GIT_COMMITTER_NAME: 'Team', GIT_COMMITTER_EMAIL: 'team@example.com' } })).stdout.toString('utf8').replace(/\n$/, '');

/**
 * A repository as `create-ml-project` leaves it (`fixture`: `release/preset`, a branch of the release's
 * bundle): the fixture as the first commit, which is also the pristine render of its factory version.
 */
export async function repoFrom(fixture: string, parent = mkdtempSync(join(tmpdir(), 'upgrade-'))): Promise<string> {
  const { bundle, preset } = fixtureOf(fixture);
  const dir = join(parent, preset);
  await bundle.repository(preset, dir);
  const { factory } = JSON.parse(readFileSync(join(dir, MANIFEST_PATH), 'utf8')) as Pick<Manifest, 'factory'>;
  await git(dir, 'update-ref', pristineRef(factory.version), 'HEAD');
  return dir;
}

/** Edits a file in place and commits it, as a team would. */
export async function teamEdit(dir: string, message: string, edits: Record<string, (text: string) => string>): Promise<void> {
  for (const [path, edit] of Object.entries(edits)) {
    const file = join(dir, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, edit(existsSync(file) ? readFileSync(file, 'utf8') : ''));
  }
  await git(dir, 'add', '--all');
  await git(dir, 'commit', '--quiet', '-m', message);
}

/**
 * The conflict recipe: the factory changed the README's title between the versions (the pristine 0.1.0
 * render had another one), while the team rewrote the same line.
 */
export async function withReadmeConflict(dir: string): Promise<{ title: string }> {
  const title = readFileSync(join(dir, 'README.md'), 'utf8').split('\n')[0]!;
  await git(dir, 'checkout', '--quiet', '-b', 'old-render');
  await teamEdit(dir, 'Older render', { 'README.md': (text) => text.replace(title, '# Old title') });
  await git(dir, 'update-ref', pristineRef('0.1.0'), 'HEAD');
  await git(dir, 'checkout', '--quiet', 'main');
  await git(dir, 'branch', '--quiet', '-D', 'old-render');
  await teamEdit(dir, 'Our title', { 'README.md': (text) => text.replace(title, '# Churn, by the growth team') });
  return { title };
}

/**
 * Makes a file or folder unwritable. Root writes through permissions, so as root it gets the immutable
 * attribute (chattr, from e2fsprogs, which every Debian has); anyone else loses the write bits.
 */
export async function setWritable(path: string, writable: boolean): Promise<void> {
  if (process.getuid?.() === 0) await execa('chattr', [writable ? '-i' : '+i', path]);
  else chmodSync(path, writable ? 0o755 : 0o555);
}

/** What an upgrade runs with, as the CLI builds it: one per test file, as one per worker. */
export const upgradeContext = (): Promise<UpgradeContext> => createUpgradeContext();

/**
 * Every file, link and folder under `dir` as data: path → `link <target>`, `file <mode> <sha256>` or `dir`.
 * Links are read, never followed; `.git` is left to {@link repoState}.
 */
export function treeState(dir: string): Record<string, string> {
  const state: Record<string, string> = {};
  const walk = (folder: string) => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      const key = relative(dir, path);
      if (key === '.git') continue;
      const stat = lstatSync(path);
      if (stat.isSymbolicLink()) state[key] = `link ${readlinkSync(path)}`;
      else if (stat.isDirectory()) {
        state[key] = 'dir';
        walk(path);
      } else state[key] = `file ${(stat.mode & 0o777).toString(8)} ${createHash('sha256').update(readFileSync(path)).digest('hex')}`;
    }
  };
  walk(dir);
  return state;
}

/**
 * A repository as a team would compare it: every ref and where HEAD points, the objects reachable from
 * them, the index, the working tree byte for byte (untracked and ignored files included), and what lies
 * in the git directory (temporary packs, crash reports, operation state). Objects no ref reaches may
 * differ: git's gc removes them.
 */
export async function repoState(dir: string): Promise<Record<string, unknown>> {
  const gitDir = join(dir, '.git');
  // One shell for the four git commands: a spawn from a test process holding the compiler costs more than git does.
  const script = [`git for-each-ref '--format=%(refname) %(objectname)'`, 'git symbolic-ref --quiet HEAD || echo detached; git rev-parse HEAD', 'git rev-list --objects --all | LC_ALL=C sort | sha256sum', 'git ls-files --stage'];
  const { stdout } = await execa('sh', ['-c', script.join(`; echo ${STATE_SEPARATOR}; `)], { cwd: dir });
  const [refs, head, reachable, index] = stdout.split(STATE_SEPARATOR).map((part) => part.replace(/^\n|\n$/g, ''));
  return {
    refs,
    head,
    reachable,
    index,
    tree: treeState(dir),
    gitDir: readdirSync(gitDir).filter((name) => name !== 'index' && name !== 'objects').sort(),
    temporary: readdirSync(join(gitDir, 'objects', 'pack')).filter((name) => !/^pack-[0-9a-f]+\.(pack|idx|rev)$/.test(name)),
  };
}

const STATE_SEPARATOR = '@@state@@';
