/**
 * A fleet worker process: loads the catalog, the codemods and one `CodemodRunner` once, then upgrades
 * the repositories it is sent one after another. Every failure is turned into that repository's report;
 * only the death of the process itself is left to the pool, which reports the repository and replaces it.
 */
import { createUpgradeContext } from '../upgrade/context.js';
import { NOTHING_CHANGED } from '../upgrade/report.js';
import { upgradeRepository, type UpgradeContext } from '../upgrade/upgrade.js';
import type { DoneMessage, TaskMessage, WorkerSetup } from './protocol.js';

const send = process.send?.bind(process);
if (!send) throw new Error('fleet/worker.js runs as a worker process of `ai-factory fleet upgrade`.');
const { options } = JSON.parse(process.argv[2] ?? '{}') as WorkerSetup;

// Started at once, awaited per task: a load failure then fails each task with its message instead of
// crashing the worker in a loop.
const context: Promise<UpgradeContext> = createUpgradeContext();
context.catch(() => undefined);

process.on('message', async ({ index, repo }: TaskMessage) => {
  let report: DoneMessage['report'];
  try {
    report = (await upgradeRepository(repo, await context, options)).report;
  } catch (error) {
    report = { repo, status: 'failed', ...NOTHING_CHANGED, durationMs: 0, error: { code: 'internal', message: (error as Error).message } };
  }
  const done: DoneMessage = { index, report, maxRSS: process.resourceUsage().maxRSS };
  send(done);
});
// The pool disconnects a worker it has no more work for.
process.on('disconnect', () => process.exit(0));
