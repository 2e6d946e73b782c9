/** Test helpers of the fleet commands: a team's project behind a URL, as the fleet meets it. */
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { git, teamEdit } from '@ai-factory/testing';
import { repoFrom } from '../upgrade/test-repos.js';

/**
 * A team's project (from `fixture`, with a file of its own) pushed to a bare repository under `root`,
 * pristine ref included, as `create-ml-project` then `git push` leave it; returns the bare repository's URL.
 */
export async function origin(root: string, fixture: string, name: string): Promise<string> {
  const work = await repoFrom(fixture, mkdtempSync(join(root, `${name}-work-`)));
  await teamEdit(work, 'Our own notes', { 'NOTES.md': () => 'Ours.\n' });
  const bare = join(root, `${name}.git`);
  await git(root, 'init', '--quiet', '--bare', '--initial-branch=main', bare);
  await git(work, 'push', '--quiet', bare, 'main', 'refs/ai-factory/*:refs/ai-factory/*');
  return pathToFileURL(bare).href;
}
