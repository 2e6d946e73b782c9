/**
 * Pushes upgrade branches to each repository's `origin`, gently: at most `concurrency` pushes at once and
 * at least `intervalMs` between two push starts, because Git hosts rate-limit bursts of pushes. A failed
 * push is a result, never an exception: the repository stays upgraded locally and the report says why.
 */
import { PRISTINE_REF_PREFIX } from '@ai-factory/engine/pristine';
import { execGit } from '@ai-factory/engine/git';
import { DEFAULT_PUSH_LIMITS, type PushLimits } from './defaults.js';
import type { PushResult } from './report.js';

export { DEFAULT_PUSH_LIMITS, type PushLimits } from './defaults.js';

const now = () => performance.timeOrigin + performance.now();

/** The refspecs an upgrade publishes: its branch, and the pristine renders the next upgrade merges from. */
export const pushRefspecs = (branch: string) => [`refs/heads/${branch}:refs/heads/${branch}`, `${PRISTINE_REF_PREFIX}*:${PRISTINE_REF_PREFIX}*`];

/** Pushes `refs` of `repo` to its origin; never throws. No force: a branch that moved on the remote is a failure to report. */
export async function pushUpgrade(repo: string, refs: string[]): Promise<PushResult> {
  const startedAt = now();
  // No prompt may block an unattended run: a host asking for credentials is a failed push.
  const result = await execGit(['push', '--quiet', 'origin', ...refs], { cwd: repo, reject: false, env: { GIT_TERMINAL_PROMPT: '0' } }).catch((error: Error) => ({ exitCode: 1, stderr: error.message }));
  const finishedAt = now();
  const base = { refs, startedAt: Math.round(startedAt), finishedAt: Math.round(finishedAt) };
  return result.exitCode === 0 ? base : { ...base, error: { code: 'push-failed', message: result.stderr.trim() || `git push exited with ${result.exitCode}` } };
}

/**
 * Runs tasks under push limits, in the order they are queued.
 * @example const pushes = new PushQueue({ concurrency: 2, intervalMs: 1000 }); await pushes.add(() => pushUpgrade(repo, refs));
 */
export class PushQueue {
  readonly #queue: { run: () => Promise<void> }[] = [];
  #active = 0;
  #lastStart = -Infinity;
  #timer: NodeJS.Timeout | undefined;

  constructor(readonly limits: PushLimits = DEFAULT_PUSH_LIMITS) {
    if (!(limits.concurrency >= 1) || !(limits.intervalMs >= 0)) throw new RangeError('Push concurrency must be at least 1 and the interval at least 0 ms.');
  }

  add<T>(task: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#queue.push({ run: () => task().then(resolve, reject) });
      this.#pump();
    });
  }

  #pump(): void {
    if (this.#timer || this.#active >= this.limits.concurrency || this.#queue.length === 0) return;
    // Re-checked after the timer too: timers may fire a little early by the monotonic clock.
    const wait = this.#lastStart + this.limits.intervalMs - performance.now();
    if (wait > 0) {
      this.#timer = setTimeout(() => {
        this.#timer = undefined;
        this.#pump();
      }, Math.ceil(wait));
      return;
    }
    const job = this.#queue.shift()!;
    this.#active += 1;
    const running = job.run();
    // Stamped once the task has started (its synchronous part ran): the next start is then at least
    // `intervalMs` after anything the task did on starting, as a remote that counts requests sees it.
    this.#lastStart = performance.now();
    void running.finally(() => {
      this.#active -= 1;
      this.#pump();
    });
    this.#pump();
  }
}
