/**
 * A fleet worker process: loads the catalog, the codemods, a `CodemodRunner` and a `TypeChecker` once, then upgrades
 * the repositories it is sent one after another. Every failure is turned into that repository's report;
 * only the death of the process itself is left to the pool, which reports the repository and replaces it.
 */
import { createUpgradeContext } from '../upgrade/context.js';
import { failedUpgrade } from '../upgrade/report.js';
import { upgradeRepository, type UpgradeContext } from '../upgrade/upgrade.js';
import { CloneError, ensureClone } from './clone.js';
import type { DoneMessage, TaskMessage, WorkerSetup } from './protocol.js';

const channel = process.send?.bind(process);
if (!channel) throw new Error('fleet/worker.js runs as a worker process of `ai-factory fleet upgrade`.');
const send: (message: DoneMessage) => void = channel;
const { options } = JSON.parse(process.argv[2] ?? '{}') as WorkerSetup;

// Started at once, awaited per task: a load failure then fails each task with its message instead of
// crashing the worker in a loop.
const context: Promise<UpgradeContext> = createUpgradeContext();
context.catch(() => undefined);

/** The task being upgraded, if any: a worker whose run ended finishes it before it exits. */
let current: Promise<void> | undefined;

async function upgrade({ index, repo, origin }: TaskMessage): Promise<void> {
  let report: DoneMessage['report'];
  try {
    if (origin) await ensureClone(origin, repo);
    report = (await upgradeRepository(repo, await context, options)).report;
  } catch (error) {
    const code = error instanceof CloneError ? 'clone-failed' : 'internal';
    report = failedUpgrade(repo, { code, message: (error as Error).message });
  }
  const done: DoneMessage = { index, report, maxRSS: process.resourceUsage().maxRSS };
  if (process.connected) send(done);
}

process.on('message', (task: TaskMessage) => {
  current = upgrade(task).finally(() => (current = undefined));
});
// The pool disconnects a worker it has no more work for; a run that was killed disconnects it too, and
// an upgrade is not to be cut short between writing its objects and moving its refs.
process.on('disconnect', () => void (current ?? Promise.resolve()).then(() => process.exit(0)));
