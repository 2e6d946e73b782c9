/**
 * A pool of worker threads that upgrade repositories one at a time each. A repository is isolated from
 * the others: whatever happens while it is upgraded ends in its report, and a worker that dies (an
 * uncaught error, running out of memory, `process.exit`) fails only the repository it was on and is
 * replaced by a fresh one for the rest of the queue.
 */
import { Worker } from 'node:worker_threads';
import type { UpgradeReport } from '../upgrade/report.js';
import type { DoneMessage, TaskMessage, WorkerSetup } from './protocol.js';
import type { FleetRepo } from './repos.js';

export interface PoolOptions {
  /** Worker threads at most. @default os.availableParallelism() (applied by the command) */
  concurrency: number;
  setup: WorkerSetup;
  /** The worker script. @default the built `fleet/worker.js` beside this module */
  workerUrl?: URL;
  /** Called when a repository is handed to a worker. */
  onStart?: (repo: FleetRepo) => void;
  /** Called with each repository's report as soon as it is known, in completion order. */
  onReport?: (repo: FleetRepo, report: UpgradeReport) => void;
}

export interface PoolResult {
  /** Reports in list order. */
  reports: UpgradeReport[];
  /** Highest `maxRSS` (KiB) any worker reported; worker threads share the process, so this is its peak. */
  maxRSS: number;
  /** Workers that died and were replaced. */
  crashes: number;
}

const crashed = (repo: string, why: string): UpgradeReport => ({
  repo,
  status: 'failed',
  filesChanged: [],
  codemodsApplied: [],
  conflicts: [],
  keptDeleted: [],
  durationMs: 0,
  error: { code: 'worker-crashed', message: `The upgrade worker died on this repository (${why}); it was replaced and the other repositories were not affected.` },
});

/**
 * Upgrades `repos` on up to `concurrency` workers.
 * @example await runPool(repos, { concurrency: os.availableParallelism(), setup: { options: {} } })
 */
export function runPool(repos: readonly FleetRepo[], options: PoolOptions): Promise<PoolResult> {
  const workerUrl = options.workerUrl ?? new URL('./worker.js', import.meta.url);
  const queue = [...repos];
  const reports = new Map<number, UpgradeReport>();
  let maxRSS = 0;
  let crashes = 0;
  let live = 0;

  return new Promise((resolve) => {
    const finish = (repo: FleetRepo, report: UpgradeReport) => {
      reports.set(repo.index, report);
      options.onReport?.(repo, report);
    };
    const startWorker = () => {
      const first = queue.shift();
      if (!first) return;
      live += 1;
      const worker = new Worker(workerUrl, { workerData: options.setup });
      let current: FleetRepo | undefined;
      let lastError: Error | undefined;
      const send = (repo: FleetRepo | undefined) => {
        current = repo;
        if (!repo) return void worker.terminate();
        options.onStart?.(repo);
        const task: TaskMessage = { index: repo.index, repo: repo.path };
        worker.postMessage(task);
      };
      worker.on('message', (message: DoneMessage) => {
        maxRSS = Math.max(maxRSS, message.maxRSS);
        if (current) finish(current, message.report);
        send(queue.shift());
      });
      worker.on('error', (error) => void (lastError = error));
      worker.on('exit', (code) => {
        live -= 1;
        if (current) {
          crashes += 1;
          finish(current, crashed(current.path, lastError ? lastError.message : `exit code ${code}`));
          current = undefined;
          startWorker();
        }
        if (live === 0 && queue.length === 0) resolve({ reports: repos.map((repo) => reports.get(repo.index)!), maxRSS, crashes });
      });
      send(first);
    };
    const workers = Math.max(1, Math.min(options.concurrency, repos.length));
    for (let i = 0; i < workers; i += 1) startWorker();
    if (repos.length === 0) resolve({ reports: [], maxRSS, crashes });
  });
}
