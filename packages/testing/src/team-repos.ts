/**
 * A team's git repository in tests: git as the team, the edits it commits, and the repository's whole
 * state as data, to compare before and after a command. Plain git (node:child_process): the engine's
 * `execGit` would make this package depend on the engine, whose tests depend on this package.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const TEAM = { GIT_AUTHOR_NAME: 'Team', GIT_AUTHOR_EMAIL: 'team@example.com', GIT_COMMITTER_NAME: 'Team', GIT_COMMITTER_EMAIL: 'team@example.com' };

/**
 * git as the team, its stdout as text without the final newline.
 * @example const head = await git(dir, 'rev-parse', 'HEAD');
 */
export const git = async (dir: string, ...args: string[]): Promise<string> =>
  (await run('git', args, { cwd: dir, env: { ...process.env, ...TEAM }, maxBuffer: 1 << 28 })).stdout.replace(/\n$/, '');

/** Edits a file in place (creating it, and its folders, from empty text) and commits it, as a team would. */
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
 * Makes a file or folder unwritable. Root writes through permissions, so as root it gets the immutable
 * attribute (chattr, from e2fsprogs, which every Debian has); anyone else loses the write bits.
 */
export async function setWritable(path: string, writable: boolean): Promise<void> {
  if (process.getuid?.() === 0) await run('chattr', [writable ? '-i' : '+i', path]);
  else chmodSync(path, writable ? 0o755 : 0o555);
}

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
  const { stdout } = await run('sh', ['-c', script.join(`; echo ${STATE_SEPARATOR}; `)], { cwd: dir, maxBuffer: 1 << 28 });
  const [refs, head, reachable, index] = stdout.replace(/\n$/, '').split(STATE_SEPARATOR).map((part) => part.replace(/^\n|\n$/g, ''));
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
