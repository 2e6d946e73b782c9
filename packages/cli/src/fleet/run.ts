/**
 * One fleet run: the pool upgrades, pushes follow each upgraded repository under the push limits, and
 * every repository ends with one report. Printing and files are the command's business.
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
  /** Push each upgraded repository's branch and pristine refs to `origin` under these limits. @default no push */
  push?: PushLimits;
  /** Called once per repository, when its report (push included) is final. */
  onReport?: (report: FleetRepoReport) => void;
  /** @default the built worker beside the pool */
  workerUrl?: URL;
}

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
  const { maxRSS } = await runPool(repos, {
    concurrency: options.concurrency ?? availableParallelism(),
    setup: { options: { ...options.upgrade, committer } },
    ...(options.workerUrl ? { workerUrl: options.workerUrl } : {}),
    onReport: (repo, report) => {
      const base: FleetRepoReport = { ...report, index: repo.index, ...(repo.origin ? { origin: repo.origin } : {}) };
      const pushed =
        pushes && report.status === 'upgraded' && report.branch
          ? pushes.add(() => pushUpgrade(report.repo, pushRefspecs(report.branch!))).then((push) => ({ ...base, push }))
          : Promise.resolve(base);
      final.push(pushed.then((done) => (options.onReport?.(done), done)));
    },
  });
  const reports = (await Promise.all(final)).sort((a, b) => a.index - b.index);
  return { reports, wallMs: performance.now() - started, maxRSS: maxRSS + process.resourceUsage().maxRSS };
}
