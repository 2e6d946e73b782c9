/**
 * Resuming a fleet run: the reports an earlier run of the same list wrote into the report directory say
 * which repositories are done. A repository upgraded (or found up to date) for this factory version is
 * not upgraded again; its report stands. Any other is upgraded again: a failure may have been fixed, a
 * conflict resolved.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FleetRepoReport } from './report.js';
import type { FleetRepo } from './repos.js';

const DONE = new Set(['upgraded', 'up-to-date']);

/**
 * The reports in `dir` of repositories of `repos` that are done with factory `version`.
 * @example finishedReports('reports', repos, '0.2.0') // [{ index: 0, status: 'upgraded', ... }]
 */
export function finishedReports(dir: string, repos: readonly FleetRepo[], version: string): FleetRepoReport[] {
  if (!existsSync(dir)) return [];
  const byIndex = new Map(repos.map((repo) => [repo.index, repo.path]));
  const finished = new Map<number, FleetRepoReport>();
  for (const name of readdirSync(dir).filter((file) => file.endsWith('.json') && file !== 'summary.json')) {
    let report: FleetRepoReport;
    try {
      report = JSON.parse(readFileSync(join(dir, name), 'utf8')) as FleetRepoReport;
    } catch {
      continue; // not a report of ours: it is upgraded again, and its report written beside it
    }
    if (byIndex.get(report.index) === report.repo && DONE.has(report.status) && report.to === version) finished.set(report.index, report);
  }
  return [...finished.values()];
}
