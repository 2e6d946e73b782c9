/** Test helpers: git repositories made from the projects of earlier factory releases, and team edits. */
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pristineRef } from '@ai-factory/engine';
import { execa } from 'execa';

export const FIXTURES = fileURLToPath(new URL('./__fixtures__/', import.meta.url));

export const git = async (dir: string, ...args: string[]) =>
  (await execa('git', args, { cwd: dir, env: { GIT_AUTHOR_NAME: 'Team', GIT_AUTHOR_EMAIL: 'team@example.com', GIT_COMMITTER_NAME: 'Team', GIT_COMMITTER_EMAIL: 'team@example.com' } })).stdout;

/**
 * A repository as `create-ml-project` leaves it: the fixture as the first commit, which is also the
 * pristine render of its factory version.
 */
export async function repoFrom(fixture: string, parent = mkdtempSync(join(tmpdir(), 'upgrade-'))): Promise<string> {
  const dir = join(parent, fixture.split('/').pop()!);
  cpSync(join(FIXTURES, fixture), dir, { recursive: true });
  await git(dir, 'init', '--quiet', '--initial-branch=main');
  await git(dir, 'add', '--all');
  await git(dir, 'commit', '--quiet', '-m', 'Generate from AI Factory 0.1.0');
  const version = JSON.parse(readFileSync(join(dir, '.ai-factory/manifest.json'), 'utf8')).factory.version as string;
  await git(dir, 'update-ref', pristineRef(version), 'HEAD');
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
