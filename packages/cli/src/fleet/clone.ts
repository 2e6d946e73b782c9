/**
 * The work-directory clone of a repository a fleet run was given by URL. A clone fetches the factory's
 * refs (`refs/ai-factory/*`, the pristine renders upgrades merge from) besides the branches, which a plain
 * `git clone` leaves behind. A rerun reuses the clone, so a run that was stopped resumes where it was.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { execGit, FACTORY_REF_PREFIX, gitErrorDetail } from '@ai-factory/engine';

/** Fetched with the branches on every clone and every refresh. */
export const FACTORY_REFSPEC = `+${FACTORY_REF_PREFIX}*:${FACTORY_REF_PREFIX}*`;

// No prompt may block an unattended run: a host asking for credentials is a failure to report.
const UNATTENDED = { GIT_TERMINAL_PROMPT: '0' };

/** A clone that could not be made or refreshed; its message is git's own. */
export class CloneError extends Error {}

const git = async (args: string[], cwd: string) => {
  try {
    await execGit(args, { cwd, env: UNATTENDED });
  } catch (error) {
    throw new CloneError(gitErrorDetail(error));
  }
};

/**
 * Clones `url` into `dir`, or refreshes the clone already there: fetches, and fast-forwards the checked
 * out branch when the team pushed more commits and the clone has no work of its own on it.
 */
export async function ensureClone(url: string, dir: string): Promise<void> {
  if (!existsSync(dir)) {
    mkdirSync(dirname(dir), { recursive: true });
    await git(['clone', '--quiet', '--config', `remote.origin.fetch=${FACTORY_REFSPEC}`, url, dir], dirname(dir));
    return;
  }
  await git(['fetch', '--quiet', '--prune', 'origin'], dir);
  // Only a clean fast-forward: a clone waiting on conflicts, or with commits of its own, is left as it is.
  await execGit(['merge', '--ff-only', '--quiet', '@{upstream}'], { cwd: dir, reject: false, env: UNATTENDED });
}
