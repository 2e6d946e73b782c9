/** What `ai-factory add`, `remove` and `eject` did to one repository, as printed and as `--json` writes it. */
import type { FactoryErrorCode } from '@ai-factory/engine';
import type { UpgradeErrorCode } from '../upgrade/report.js';

export type ChangeCommand = 'add' | 'remove' | 'eject';

export interface ChangeReport {
  repo: string;
  command: ChangeCommand;
  /** `changed`: the branch holds the change; `up-to-date`: nothing to do; `conflicts`: left for the team on the branch. */
  status: 'changed' | 'up-to-date' | 'conflicts' | 'failed';
  /** Modules added (the one asked for, then those it requires) or removed. */
  modules: string[];
  branch?: string;
  commit?: string;
  /** True when nothing was written (`--dry-run`). */
  dryRun?: boolean;
  filesChanged: string[];
  conflicts: string[];
  /** `remove`: files of the module the team changed, left in place and no longer the factory's. */
  kept: string[];
  /** `eject`: files handed to the team. */
  ejected: string[];
  error?: { code: UpgradeErrorCode | FactoryErrorCode | 'internal'; message: string; hint?: string; file?: string };
  durationMs: number;
}

/** The lists of a report that say what changed: empty for a failed run, which changed nothing. */
const NO_CHANGE = { modules: [], filesChanged: [], conflicts: [], kept: [], ejected: [] } satisfies Partial<ChangeReport>;

/** The report of a `command` on `repo` that failed, having changed nothing; without `error`, where a run starts. */
export function failedChange(repo: string, command: ChangeCommand, error?: ChangeReport['error']): ChangeReport {
  return { repo, command, status: 'failed', ...NO_CHANGE, durationMs: 0, ...(error ? { error } : {}) };
}

const VERB: Record<ChangeCommand, string> = { add: 'adds', remove: 'removes', eject: 'ejects' };

export function summarizeChange(report: ChangeReport): string {
  const subject = report.command === 'eject' ? report.ejected : report.modules;
  const lines = [`${report.repo}: ${report.command} ${report.status}${report.dryRun ? ' (dry run: nothing written)' : ''}`];
  if (subject.length && report.status !== 'failed') lines.push(`  ${VERB[report.command]} ${subject.join(', ')}`);
  if (report.branch && report.status !== 'failed') {
    const files = `${report.filesChanged.length} files changed`;
    lines.push(report.dryRun ? `  would create branch ${report.branch}, ${files}` : `  branch ${report.branch}${report.commit ? ` (${report.commit.slice(0, 12)})` : ''}, ${files}`);
  }
  for (const path of report.conflicts) lines.push(`  CONFLICT ${path}: resolve the markers, then git add and git commit on ${report.branch}`);
  for (const path of report.kept) lines.push(`  kept (edited by the team, now the team's): ${path}`);
  if (report.error) lines.push(`  error (${report.error.code}): ${report.error.message}${report.error.hint ? ` ${report.error.hint}` : ''}`);
  return lines.join('\n');
}

/**
 * Prints a run as the upgrade command does: the diff first on a dry run, then the summary (or the JSON);
 * returns the exit code: 0 changed or nothing to do, 1 conflicts or an error.
 */
export function printChange(io: { stdout: (text: string) => void; stderr: (text: string) => void }, json: boolean, { report, diff }: { report: ChangeReport; diff?: string }): number {
  if (json) io.stdout(`${JSON.stringify(diff === undefined ? report : { ...report, diff }, null, 2)}\n`);
  else {
    if (diff !== undefined) io.stdout(diff);
    (report.status === 'failed' ? io.stderr : io.stdout)(`${summarizeChange(report)}\n`);
    if (report.status === 'changed' && !report.dryRun) io.stdout(`Review and merge it: git diff HEAD ${report.branch}\n`);
  }
  return report.status === 'changed' || report.status === 'up-to-date' ? 0 : 1;
}
