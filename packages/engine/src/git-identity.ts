/**
 * The identity the factory commits with when a repository has none of its own (a fresh machine, a CI
 * runner), so generating, upgrading or contributing never fails at the commit.
 */
import { execFile } from 'node:child_process';

export const FALLBACK_GIT_IDENTITY = { name: 'AI Factory', email: 'ai-factory@users.noreply.localhost' };

/**
 * `git -c` arguments giving a command the fallback identity; empty when the repository's config
 * (local, global or system) names both a user and an email.
 * @example await git([...(await fallbackIdentityArgs(dir)), 'commit', '-m', message])
 */
export async function fallbackIdentityArgs(cwd: string): Promise<string[]> {
  const configured = await new Promise<string>((resolve) =>
    // Exit code 1 just means no key matched: the output is then empty, which is the answer.
    execFile('git', ['config', '--get-regexp', '^user\\.(name|email)$'], { cwd }, (_error, stdout) => resolve(stdout)),
  );
  const keys = new Set(configured.split('\n').map((line) => line.split(' ')[0]));
  if (keys.has('user.name') && keys.has('user.email')) return [];
  return ['-c', `user.name=${FALLBACK_GIT_IDENTITY.name}`, '-c', `user.email=${FALLBACK_GIT_IDENTITY.email}`];
}
