/**
 * A pool of worker processes that upgrade repositories one at a time each. A repository is isolated from
 * the others: whatever happens while it is upgraded ends in its report, and a worker that dies (an
 * uncaught error, running out of memory, `process.exit`, a signal) fails only the repository it was on
 * and is replaced by a fresh one for the rest of the queue.
 *
 * Processes rather than threads: an upgrade spawns git several times, and spawning forks the whole
 * process. Forking one small single-threaded worker costs far less than forking a process that holds
 * every worker's heap while the other threads keep writing to it.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { failedUpgrade, type UpgradeReport } from '../upgrade/report.js';
import type { DoneMessage, TaskMessage, WorkerSetup } from './protocol.js';
import type { FleetRepo } from './repos.js';

export interface PoolOptions {
  /** Worker processes at most. @default os.availableParallelism() (applied by the command) */
  concurrency: number;
  setup: WorkerSetup;
  /**
   * Each worker's V8 old-generation limit in MiB. It keeps a worker's memory flat over a long run: V8
   * otherwise lets the heap grow with the run instead of collecting.
   * @default 192
   */
  workerHeapMb?: number;
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
  /**
   * Peak resident memory of the workers in KiB: the sum over worker slots of the highest `maxRSS` each
   * slot's workers reported. Peaks need not coincide, so this bounds the workers' peak from above.
   */
  maxRSS: number;
  /** Workers that died and were replaced. */
  crashes: number;
}

const DEFAULT_WORKER_HEAP_MB = 192;
/** The end of a dead worker's stderr is kept for its repository's report. */
const STDERR_TAIL = 2000;

/** What a dead worker said last: Node's uncaught-error or out-of-memory line, else its last line. */
function lastWords(stderr: string): string | undefined {
  const lines = stderr.split('\n').map((line) => line.trim()).filter((line) => line && !line.startsWith('at ') && !line.startsWith('Node.js v'));
  return lines.findLast((line) => /^(?:[A-Z]\w*Error\b|FATAL ERROR)/.test(line)) ?? lines.at(-1);
}

const crashed = (repo: string, why: string): UpgradeReport =>
  failedUpgrade(repo, { code: 'worker-crashed', message: `The upgrade worker died on this repository (${why}); it was replaced and the other repositories were not affected.` });

/**
 * Upgrades `repos` on up to `concurrency` workers.
 * @example await runPool(repos, { concurrency: os.availableParallelism(), setup: { options: {} } })
 */
export function runPool(repos: readonly FleetRepo[], options: PoolOptions): Promise<PoolResult> {
  const script = fileURLToPath(options.workerUrl ?? new URL('./worker.js', import.meta.url));
  const execArgv = [...process.execArgv, `--max-old-space-size=${options.workerHeapMb ?? DEFAULT_WORKER_HEAP_MB}`];
  const queue = [...repos];
  const reports = new Map<number, UpgradeReport>();
  const slotPeaks: number[] = [];
  let crashes = 0;
  let live = 0;
  return new Promise((resolve) => {
    const finish = (repo: FleetRepo, report: UpgradeReport) => {
      reports.set(repo.index, report);
      options.onReport?.(repo, report);
    };
    const startWorker = (slot: number) => {
      const first = queue.shift();
      if (!first) return;
      live += 1;
      // Its stdout is not ours: a module printing there must not end up in `--json` output.
      const worker: ChildProcess = fork(script, [JSON.stringify(options.setup)], { execArgv, stdio: ['ignore', 'ignore', 'pipe', 'ipc'], serialization: 'advanced' });
      let current: FleetRepo | undefined;
      let stderr = '';
      worker.stderr!.on('data', (chunk: Buffer) => void (stderr = (stderr + chunk.toString('utf8')).slice(-STDERR_TAIL)));
      const send = (repo: FleetRepo | undefined) => {
        current = repo;
        if (!repo) return void worker.disconnect();
        options.onStart?.(repo);
        const task: TaskMessage = { index: repo.index, repo: repo.path, ...(repo.origin ? { origin: repo.origin } : {}) };
        worker.send(task);
      };
      worker.on('message', (message: DoneMessage) => {
        slotPeaks[slot] = Math.max(slotPeaks[slot] ?? 0, message.maxRSS);
        if (current) finish(current, message.report);
        send(queue.shift());
      });
      // A failed send means the worker is going away: its exit, below, reports the repository.
      worker.on('error', () => undefined);
      worker.on('exit', (code, signal) => {
        live -= 1;
        if (current) {
          crashes += 1;
          const why = [signal ? `signal ${signal}` : `exit code ${code}`, lastWords(stderr)].filter(Boolean).join(': ');
          finish(current, crashed(current.path, why));
          current = undefined;
          startWorker(slot);
        }
        if (live === 0 && queue.length === 0) {
          resolve({ reports: repos.map((repo) => reports.get(repo.index)!), maxRSS: slotPeaks.reduce((sum, peak) => sum + (peak ?? 0), 0), crashes });
        }
      });
      send(first);
    };
    const workers = Math.max(1, Math.min(options.concurrency, repos.length));
    for (let slot = 0; slot < workers; slot += 1) startWorker(slot);
    if (repos.length === 0) resolve({ reports: [], maxRSS: 0, crashes });
  });
}
