/** What an upgrade of one repository did, as printed and as `--json` writes it. */
export type UpgradeStatus = 'upgraded' | 'up-to-date' | 'conflicts' | 'failed';

export interface UpgradeReport {
  repo: string;
  status: UpgradeStatus;
  /** Factory versions. */
  from?: string;
  to?: string;
  branch?: string;
  commit?: string;
  filesChanged: string[];
  codemodsApplied: string[];
  conflicts: string[];
  /** Files the team deleted that this version would have changed: they stay deleted. */
  keptDeleted: string[];
  error?: { code: string; message: string };
  durationMs: number;
}

/** An upgrade stopped before changing anything, with a stable code for reports and tests. */
export class UpgradeError extends Error {
  constructor(
    readonly code: 'not-a-repository' | 'no-manifest' | 'no-pristine' | 'dirty' | 'unknown-version' | 'malformed-config' | 'branch-exists' | 'io',
    message: string,
  ) {
    super(message);
  }
}

export function summarize(report: UpgradeReport): string {
  const head = `${report.repo}: ${report.status}${report.from ? ` ${report.from} → ${report.to}` : ''}`;
  const lines = [head];
  if (report.branch && report.status === 'upgraded') lines.push(`  branch ${report.branch} (${report.commit?.slice(0, 12)}), ${report.filesChanged.length} files changed`);
  if (report.codemodsApplied.length) lines.push(`  codemods: ${report.codemodsApplied.join(', ')}`);
  for (const path of report.conflicts) lines.push(`  CONFLICT ${path}: resolve the markers, then git add and git commit on ${report.branch}`);
  for (const path of report.keptDeleted) lines.push(`  kept deleted: ${path}`);
  if (report.error) lines.push(`  error (${report.error.code}): ${report.error.message}`);
  return lines.join('\n');
}
