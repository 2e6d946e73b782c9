/**
 * One fleet run: the pool upgrades, pushes follow each repository with an upgrade branch under the push
 * limits, and every repository ends with one report. Printing and files are the command's business.
 */
import { availableParallelism } from 'node:os';
import { committerIdentity } from '@ai-factory/engine';
import type { UpgradeOptions } from '../upgrade/upgrade.js';
import { runPool } from './pool.js';
import { PushQueue, pushRefspecs, pushUpgrade, type PushLimits } from './push.js';
import type { FleetRepoReport } from './report.js';
import type { FleetRepo } from './repos.js';

export interface FleetRunOptions {
  /** Worker processes. @default os.availableParallelism() */
  concurrency?: number;
  /** Options of every repository's upgrade. Without a `committer`, the run commits as the identity git has where it runs. */
  upgrade?: UpgradeOptions;
  /**
   * Push each repository's upgrade branch and pristine refs to `origin` under these limits: every one with
   * an upgrade branch, whichever run made it, unless its report says it was pushed. @default no push
   */
  push?: PushLimits;
  /** Reports of repositories an earlier run finished (see `finishedReports`): not upgraded again. */
  finished?: readonly FleetRepoReport[];
  /** Called once per repository, when its report (push included) is final. */
  onReport?: (report: FleetRepoReport) => void;
  /** @default the built worker beside the pool */
  workerUrl?: URL;
}

/** An upgrade branch that is ready (not waiting on conflicts) and not known to be on the remote yet. */
const needsPush = (report: FleetRepoReport) => (report.status === 'upgraded' || report.status === 'up-to-date') && report.branch !== undefined && report.commit !== undefined && (report.push === undefined || report.push.error !== undefined);

export interface FleetRunResult {
  /** In list order. */
  reports: FleetRepoReport[];
  wallMs: number;
  /** Peak resident memory of the run in KiB: this process's plus its workers' (see `PoolResult.maxRSS`). */
  maxRSS: number;
}

/**
 * Upgrades every repository of `repos`.
 * @example const { reports } = await runFleet(collectRepos(paths, undefined, cwd), { push: DEFAULT_PUSH_LIMITS });
 */
export async function runFleet(repos: readonly FleetRepo[], options: FleetRunOptions = {}): Promise<FleetRunResult> {
  const started = performance.now();
  const pushes = options.push ? new PushQueue(options.push) : undefined;
  const final: Promise<FleetRepoReport>[] = [];
  // One identity for the whole run, resolved once: a bot's commits, not a git lookup per repository.
  const committer = options.upgrade?.committer ?? (await committerIdentity(process.cwd()));
  const publish = (report: FleetRepoReport) => {
    const pushed = pushes && needsPush(report) ? pushes.add(() => pushUpgrade(report.repo, pushRefspecs(report.branch!))).then((push) => ({ ...report, push })) : Promise.resolve(report);
    final.push(pushed.then((done) => (options.onReport?.(done), done)));
  };
  const finished = new Set((options.finished ?? []).map((report) => report.index));
  for (const report of options.finished ?? []) publish(report);
  const { maxRSS } = await runPool(
    repos.filter((repo) => !finished.has(repo.index)),
    {
      concurrency: options.concurrency ?? availableParallelism(),
      setup: { options: { ...options.upgrade, committer } },
      ...(options.workerUrl ? { workerUrl: options.workerUrl } : {}),
      onReport: (repo, report) => publish({ ...report, index: repo.index, ...(repo.origin ? { origin: repo.origin } : {}) }),
    },
  );
  const reports = (await Promise.all(final)).sort((a, b) => a.index - b.index);
  return { reports, wallMs: performance.now() - started, maxRSS: maxRSS + process.resourceUsage().maxRSS };
}
