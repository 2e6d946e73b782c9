/** Turns the new project into a git repository with one commit. */
import { execa } from 'execa';

/** Used only when the user has no git identity, so the first commit never fails on a fresh machine. */
const FALLBACK_IDENTITY = ['-c', 'user.name=AI Factory', '-c', 'user.email=ai-factory@users.noreply.localhost'];

async function hasIdentity(cwd: string): Promise<boolean> {
  const [name, email] = await Promise.all(
    ['user.name', 'user.email'].map((key) => execa('git', ['config', '--get', key], { cwd, reject: false })),
  );
  return name!.exitCode === 0 && email!.exitCode === 0;
}

export async function isGitAvailable(): Promise<boolean> {
  return (await execa('git', ['--version'], { reject: false })).exitCode === 0;
}

/** `git init`, add everything, commit; returns the commit id. */
export async function initGitRepository(dir: string, message: string): Promise<string> {
  await execa('git', ['init', '--quiet', '--initial-branch=main'], { cwd: dir });
  await execa('git', ['add', '--all'], { cwd: dir });
  const identity = (await hasIdentity(dir)) ? [] : FALLBACK_IDENTITY;
  await execa('git', [...identity, 'commit', '--quiet', '--no-verify', '--no-gpg-sign', '-m', message], { cwd: dir });
  return (await execa('git', ['rev-parse', 'HEAD'], { cwd: dir })).stdout.trim();
}
