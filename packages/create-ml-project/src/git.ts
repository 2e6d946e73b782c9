/** Turns the new project into a git repository with one commit. */
import { execGit, fallbackIdentityArgs, pristineRef, tryGit } from '@ai-factory/engine';

export async function isGitAvailable(): Promise<boolean> {
  return (await tryGit(['--version'], { cwd: process.cwd() }))?.exitCode === 0;
}

/**
 * `git init`, add everything, commit; returns the commit id. The first commit is the pristine render of
 * the factory version, so it is also recorded under the pristine ref that upgrades merge from.
 */
export async function initGitRepository(dir: string, message: string, factoryVersion: string): Promise<string> {
  const git = (args: string[]) => execGit(args, { cwd: dir });
  await git(['init', '--quiet', '--initial-branch=main']);
  await git(['add', '--all']);
  await git([...(await fallbackIdentityArgs(dir)), 'commit', '--quiet', '--no-verify', '--no-gpg-sign', '-m', message]);
  const commit = (await git(['rev-parse', 'HEAD'])).stdout.toString('utf8').trim();
  await git(['update-ref', pristineRef(factoryVersion), commit]);
  return commit;
}
