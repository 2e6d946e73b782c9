/**
 * The fleet commands' defaults, which their --help prints. Nothing here imports anything: the commands'
 * declarations load at every start-up, and the code that runs them (git, hashing) only when one runs.
 */

/** Where URLs are cloned when `--work-dir` is not given, relative to the current directory. */
export const DEFAULT_WORK_DIR = 'ai-factory-fleet';

export interface PushLimits {
  /** Pushes in flight at most. @default 2 */
  concurrency: number;
  /** Milliseconds between the starts of two pushes. @default 1000 */
  intervalMs: number;
}

export const DEFAULT_PUSH_LIMITS: PushLimits = { concurrency: 2, intervalMs: 1000 };

/** The waves `fleet status` shows when it is given none. */
export const DEFAULT_WAVES: readonly number[] = [10, 25, 50, 100];

/** A wave's name, as `--wave` takes it. */
export const waveLabel = (share: number) => `${share}%`;
