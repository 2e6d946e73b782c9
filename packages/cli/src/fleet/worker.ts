/**
 * A fleet worker process: loads the catalog, the codemods and one `CodemodRunner` once, then upgrades
 * the repositories it is sent one after another. Every failure is turned into that repository's report;
 * only the death of the process itself is left to the pool, which reports the repository and replaces it.
 */
import { CodemodRunner, loadCodemods } from '@ai-factory/codemods';
import { loadBuiltinCatalog } from '@ai-factory/templates';
import { upgradeRepository, type UpgradeContext } from '../upgrade/upgrade.js';
import { CloneError, ensureClone } from './clone.js';
import type { DoneMessage, TaskMessage, WorkerSetup } from './protocol.js';

const send = process.send?.bind(process);
if (!send) throw new Error('fleet/worker.js runs as a worker process of `ai-factory fleet upgrade`.');
const { options } = JSON.parse(process.argv[2] ?? '{}') as WorkerSetup;

// Started at once, awaited per task: a load failure then fails each task with its message instead of
// crashing the worker in a loop.
const context: Promise<UpgradeContext> = Promise.all([loadBuiltinCatalog(), loadCodemods()]).then(([catalog, codemods]) => ({ catalog, codemods, runner: new CodemodRunner() }));
context.catch(() => undefined);

process.on('message', async ({ index, repo, origin }: TaskMessage) => {
  let report: DoneMessage['report'];
  try {
    if (origin) await ensureClone(origin, repo);
    report = (await upgradeRepository(repo, await context, options)).report;
  } catch (error) {
    const code = error instanceof CloneError ? 'clone-failed' : 'internal';
    report = { repo, status: 'failed', filesChanged: [], codemodsApplied: [], conflicts: [], keptDeleted: [], durationMs: 0, error: { code, message: (error as Error).message } };
  }
  const done: DoneMessage = { index, report, maxRSS: process.resourceUsage().maxRSS };
  send(done);
});
// The pool disconnects a worker it has no more work for.
process.on('disconnect', () => process.exit(0));
