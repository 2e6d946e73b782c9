/** Messages between a fleet run and its upgrade worker processes (over the IPC channel of `fork`). */
import type { UpgradeOptions } from '../upgrade/upgrade.js';
import type { UpgradeReport } from '../upgrade/report.js';

/** Given to every worker at start, as its one argument (JSON). */
export interface WorkerSetup {
  options: UpgradeOptions;
}

/** Main → worker: upgrade one repository. A worker gets its next task only after answering this one. */
export interface TaskMessage {
  index: number;
  repo: string;
  /** The URL `repo` is a clone of: the worker clones or refreshes it first. */
  origin?: string;
}

/** Worker → main: the task's report, and the worker's peak memory so far. */
export interface DoneMessage {
  index: number;
  report: UpgradeReport;
  /** The worker process's `process.resourceUsage().maxRSS`, in KiB. */
  maxRSS: number;
}
