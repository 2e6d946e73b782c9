/**
 * The identity the factory commits with when a repository has none of its own (a fresh machine, a CI
 * runner), so generating, upgrading or contributing never fails at the commit.
 */
import { tryGit } from './git-exec.js';

export const FALLBACK_GIT_IDENTITY = { name: 'AI Factory', email: 'ai-factory@users.noreply.localhost' };

/** user.name and user.email as the repository's config (local, global or system) sets them, if both are. */
async function configuredIdentity(cwd: string): Promise<{ name: string; email: string } | undefined> {
  // Exit code 1 just means no key matched: the output is then empty, which is the answer. Without git
  // (or `cwd`) there is no identity to read either, and the fallback is the answer.
  const configured = (await tryGit(['config', '--get-regexp', '^user\\.(name|email)$'], { cwd }))?.stdout.toString('utf8') ?? '';
  const values = new Map(configured.split('\n').map((line) => [line.slice(0, line.indexOf(' ')), line.slice(line.indexOf(' ') + 1)]));
  const name = values.get('user.name');
  const email = values.get('user.email');
  return name !== undefined && email !== undefined ? { name, email } : undefined;
}

/**
 * `git -c` arguments giving a command the fallback identity; empty when the repository's config
 * (local, global or system) names both a user and an email.
 * @example await git([...(await fallbackIdentityArgs(dir)), 'commit', '-m', message])
 */
export async function fallbackIdentityArgs(cwd: string): Promise<string[]> {
  if (await configuredIdentity(cwd)) return [];
  return ['-c', `user.name=${FALLBACK_GIT_IDENTITY.name}`, '-c', `user.email=${FALLBACK_GIT_IDENTITY.email}`];
}

/**
 * The committer `Name <email>` a commit made in `cwd` gets under the same rule, for plumbing that is
 * given the identity instead of looking it up (the objects an upgrade writes itself). As with `git commit`, the
 * GIT_COMMITTER_NAME and GIT_COMMITTER_EMAIL environment variables win over the config.
 * @example await committerIdentity(repo) // 'AI Factory <ai-factory@users.noreply.localhost>'
 */
export async function committerIdentity(cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const { GIT_COMMITTER_NAME: name, GIT_COMMITTER_EMAIL: email } = env;
  // Both set (a bot's identity, typically): the config cannot matter, so it is not read.
  const identity = name !== undefined && email !== undefined ? { name, email } : ((await configuredIdentity(cwd)) ?? FALLBACK_GIT_IDENTITY);
  return `${name ?? identity.name} <${email ?? identity.email}>`;
}
