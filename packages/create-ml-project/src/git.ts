/** Turns the new project into a git repository with one commit. */
import { fallbackIdentityArgs, pristineRef } from '@ai-factory/engine';

// execa is loaded on first use: it costs ~100 ms at start-up, which --no-git and --dry-run runs never need.
const git = async (args: string[], cwd?: string, reject = true) => {
  const { execa } = await import('execa');
  return execa('git', args, { ...(cwd ? { cwd } : {}), reject });
};

export async function isGitAvailable(): Promise<boolean> {
  return (await git(['--version'], undefined, false)).exitCode === 0;
}

/**
 * `git init`, add everything, commit; returns the commit id. The first commit is the pristine render of
 * the factory version, so it is also recorded under the pristine ref that upgrades merge from.
 */
export async function initGitRepository(dir: string, message: string, factoryVersion: string): Promise<string> {
  await git(['init', '--quiet', '--initial-branch=main'], dir);
  await git(['add', '--all'], dir);
  await git([...(await fallbackIdentityArgs(dir)), 'commit', '--quiet', '--no-verify', '--no-gpg-sign', '-m', message], dir);
  const commit = (await git(['rev-parse', 'HEAD'], dir)).stdout.trim();
  await git(['update-ref', pristineRef(factoryVersion), commit], dir);
  return commit;
}
