/** Test helpers: git repositories made from the projects of earlier factory releases, and team edits. */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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
