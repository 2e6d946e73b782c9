/** What an upgrade of one repository can do, in the order a run counts them. */
export const UPGRADE_STATUSES = ['upgraded', 'up-to-date', 'conflicts', 'failed'] as const;
/** What an upgrade of one repository did, as printed and as `--json` writes it. */
export type UpgradeStatus = (typeof UPGRADE_STATUSES)[number];

/** Why an upgrade stopped, with nothing changed. */
export type UpgradeErrorCode =
  | 'not-a-repository'
  | 'no-manifest'
  /** The manifest is not JSON, or not a manifest: `file`, `line` and `column` say where. */
  | 'invalid-manifest'
  /** A version in the manifest, or `--to`, is not a semantic version. */
  | 'invalid-version'
  | 'unknown-version'
  | 'dirty'
  /** A rebase, merge, cherry-pick, revert or bisect is in progress. */
  | 'operation-in-progress'
  /** Managed files were edited by hand (listed); `--discard-managed-edits` regenerates them anyway. */
  | 'managed-edits'
  /** The upgrade would write inside a symbolic link, or over a folder or file of the team's. */
  | 'blocked-path'
  /** A codemod met code it cannot migrate safely (file:line in the message). */
  | 'codemod'
  /** The migrated TypeScript does not type-check against the new @ai-factory/shared (file:line in the message). */
  | 'type-check'
  | 'malformed-config'
  /** package.json's dependencies changed and npm could not resolve package-lock.json again (npm's message). */
  | 'lockfile'
  /** The pristine ref is missing and the recorded release could not rebuild it (the reason in the message). */
  | 'no-pristine'
  /** A repository given by URL could not be cloned or refreshed (git's message). */
  | 'clone-failed'
  | 'branch-exists'
  | 'io';

/** What a failed report's `error.code` says: why the upgrade stopped, a bug (`internal`), or a fleet worker that died. */
export type UpgradeFailureCode = UpgradeErrorCode | 'internal' | 'worker-crashed';

export interface UpgradeReport {
  repo: string;
  status: UpgradeStatus;
  /** Factory versions. */
  from?: string;
  to?: string;
  branch?: string;
  commit?: string;
  /** True when nothing was written (`--dry-run`): `branch` and `filesChanged` say what a real run would make. */
  dryRun?: boolean;
  filesChanged: string[];
  codemodsApplied: string[];
  /** The files each codemod of `codemodsApplied` changed; absent when the upgrade stopped before the codemods. */
  codemodFiles?: Record<string, string[]>;
  conflicts: string[];
  /** Files the team deleted that this version would have changed: they stay deleted. */
  keptDeleted: string[];
  /** Files the team replaced by a symbolic link that this version would have changed: the links stay, never followed. */
  keptLinks: string[];
  /** Managed files whose hand edits were regenerated away, with `--discard-managed-edits`. */
  discardedManagedEdits: string[];
  error?: { code: UpgradeFailureCode; message: string; file?: string; line?: number; column?: number };
  durationMs: number;
}

/** The lists of a report that say what an upgrade changed: empty for a failed one, which changed nothing. */
export const NOTHING_CHANGED = { filesChanged: [], codemodsApplied: [], conflicts: [], keptDeleted: [], keptLinks: [], discardedManagedEdits: [] } satisfies Partial<UpgradeReport>;

/**
 * The report of an upgrade of `repo` that failed, having changed nothing: every failure path (the upgrade's
 * own, a fleet worker's, a dead worker's) reports this shape. Without `error`, it is the report a run
 * starts from until it knows better.
 */
export function failedUpgrade(repo: string, error?: UpgradeReport['error']): UpgradeReport {
  return { repo, status: 'failed', ...NOTHING_CHANGED, durationMs: 0, ...(error ? { error } : {}) };
}

/** An upgrade stopped before changing anything, with a stable code for reports and tests. */
export class UpgradeError extends Error {
  constructor(
    readonly code: UpgradeErrorCode,
    message: string,
    /** Where in the repository, when one file is at fault. */
    readonly where?: { file: string; line?: number; column?: number },
  ) {
    super(message);
  }
}

export function summarize(report: UpgradeReport): string {
  const head = `${report.repo}: ${report.status}${report.from ? ` ${report.from} → ${report.to}` : ''}${report.dryRun ? ' (dry run: nothing written)' : ''}`;
  const lines = [head];
  if (report.branch && report.status === 'upgraded') {
    const files = `${report.filesChanged.length} files changed`;
    lines.push(report.dryRun ? `  would create branch ${report.branch}, ${files}` : `  branch ${report.branch} (${report.commit?.slice(0, 12)}), ${files}`);
  }
  if (report.branch && report.status === 'up-to-date' && report.commit) lines.push(`  branch ${report.branch} (${report.commit.slice(0, 12)}) already holds this upgrade`);
  if (report.codemodsApplied.length) lines.push(`  codemods: ${report.codemodsApplied.join(', ')}`);
  for (const path of report.conflicts) lines.push(`  CONFLICT ${path}: resolve the markers, then git add and git commit on ${report.branch}`);
  for (const path of report.keptDeleted) lines.push(`  kept deleted: ${path}`);
  for (const path of report.keptLinks) lines.push(`  kept link: ${path} (the new version of the file is in refs/ai-factory/pristine/${report.to})`);
  for (const path of report.discardedManagedEdits) lines.push(`  discarded hand edits: ${path}`);
  if (report.error) lines.push(`  error (${report.error.code}): ${report.error.message}`);
  return lines.join('\n');
}
