/**
 * `fleet report`: gathers the per-repository reports of a sharded run (each shard's `--report-dir`, as CI
 * artifacts unpack them: one sub-directory per shard) into one summary.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UPGRADE_STATUSES } from '../upgrade/report.js';
import type { FleetRepoReport } from './report.js';

const STATUSES = new Set<string>(UPGRADE_STATUSES);

function jsonFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return jsonFiles(path);
    return entry.isFile() && entry.name.endsWith('.json') && entry.name !== 'summary.json' ? [path] : [];
  });
}

/** True for what `writeReport` writes: a repository's report with its index. */
export function isReport(value: unknown): value is FleetRepoReport {
  const report = value as Partial<FleetRepoReport> | null;
  return typeof report?.index === 'number' && typeof report.repo === 'string' && STATUSES.has(report.status as string) && Array.isArray(report.filesChanged) && Array.isArray(report.conflicts);
}

/**
 * Every repository report under `dirs`, by list index. A file that is not a report is an error naming it;
 * the same index twice (a shard uploaded twice) keeps one copy only if both are identical.
 * @example readReports(['reports']) // [{ index: 0, repo: '/src/a', status: 'upgraded', ... }]
 */
export function readReports(dirs: readonly string[]): FleetRepoReport[] {
  const byIndex = new Map<number, { report: FleetRepoReport; file: string; text: string }>();
  for (const dir of dirs) {
    if (!statSync(dir).isDirectory()) throw new Error(`${dir} is not a directory of fleet reports.`);
    for (const file of jsonFiles(dir)) {
      const text = readFileSync(file, 'utf8');
      let report: unknown;
      try {
        report = JSON.parse(text);
      } catch (error) {
        throw new Error(`${file} is not JSON: ${(error as Error).message}`, { cause: error });
      }
      if (!isReport(report)) throw new Error(`${file} is not a fleet repository report (index, repo, status...).`);
      const seen = byIndex.get(report.index);
      if (seen && seen.text !== text) throw new Error(`${seen.file} and ${file} are different reports for repository #${report.index}.`);
      byIndex.set(report.index, { report, file, text });
    }
  }
  return [...byIndex.values()].map((entry) => entry.report).sort((a, b) => a.index - b.index);
}
