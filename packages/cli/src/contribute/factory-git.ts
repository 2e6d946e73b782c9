/** Git in the factory repository: find it, and commit a contributed module on its own branch. */
import { execa } from 'execa';
import { fallbackIdentityArgs, FactoryError } from '@ai-factory/engine';

const git = (cwd: string, args: string[]) => execa('git', args, { cwd, reject: false });

/** The repository holding `cwd`, the default factory for `contribute`. */
export async function repositoryRoot(cwd: string): Promise<string> {
  const result = await git(cwd, ['rev-parse', '--show-toplevel']);
  if (result.exitCode !== 0) throw new FactoryError('invalid-target', `${cwd} is not in a git repository; pass --factory <repo-dir>.`);
  return result.stdout.trim();
}

export async function branchExists(repo: string, branch: string): Promise<boolean> {
  return (await git(repo, ['rev-parse', '--verify', '--quiet', `refs/heads/${branch}`])).exitCode === 0;
}

/**
 * Switches to a new branch and commits only `path` on it; other changes in the working tree stay uncommitted.
 * @returns the commit id
 */
export async function commitOnNewBranch(repo: string, branch: string, path: string, message: string): Promise<string> {
  const step = async (args: string[]) => {
    const result = await git(repo, args);
    if (result.exitCode !== 0) throw new FactoryError('io', `git ${args.filter((a) => !a.startsWith('user.')).join(' ')} failed: ${result.stderr.trim()}`);
    return result.stdout.trim();
  };
  const identity = await fallbackIdentityArgs(repo);
  await step(['switch', '--quiet', '--create', branch]);
  try {
    await step(['add', '--', path]);
    await step([...identity, 'commit', '--quiet', '--no-verify', '--no-gpg-sign', '-m', message, '--', path]);
  } catch (error) {
    await git(repo, ['reset', '--quiet', '--', path]);
    await git(repo, ['switch', '--quiet', '-']);
    await git(repo, ['branch', '--quiet', '-D', branch]);
    throw error;
  }
  return step(['rev-parse', 'HEAD']);
}
