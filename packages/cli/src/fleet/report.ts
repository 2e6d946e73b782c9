/**
 * Fleet reports: one JSON file per repository (the upgrade report plus its place in the list and the push
 * result) and a summary, written by `fleet upgrade` and merged across shards by `fleet report`.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { UPGRADE_STATUSES, type UpgradeReport, type UpgradeStatus } from '../upgrade/report.js';

export interface PushResult {
  /** Refspecs pushed to `origin`. */
  refs: string[];
  /** Epoch milliseconds: when the push started and finished (rate limits are checked against these). */
  startedAt: number;
  finishedAt: number;
  error?: { code: 'push-failed'; message: string };
}

export interface FleetRepoReport extends UpgradeReport {
  /** Place in the whole sorted repository list, the same in every shard. */
  index: number;
  /** The URL the run was given, when `repo` is its work-directory clone. */
  origin?: string;
  /** Present when `--push` was given and the repository was upgraded. */
  push?: PushResult;
}

export interface FleetSummary {
  total: number;
  counts: Record<UpgradeStatus, number>;
  pushFailed: number;
  /** True when every repository is upgraded or up to date and every push succeeded. */
  ok: boolean;
  /** Wall time of the run; absent in a summary merged from shards. */
  wallMs?: number;
  repositories: { index: number; repo: string; origin?: string; status: UpgradeStatus; from?: string; to?: string; filesChanged: number; conflicts: number; error?: string; push?: 'ok' | 'failed'; durationMs: number }[];
}

/** A repository's report file: `<index>-<basename>.json`, the index zero-padded so names sort in list order. */
export function reportFileName(report: Pick<FleetRepoReport, 'index' | 'repo'>, total: number): string {
  const width = String(Math.max(0, total - 1)).length;
  const name = basename(report.repo).replace(/[^A-Za-z0-9._-]/g, '_') || 'repo';
  return `${String(report.index).padStart(width, '0')}-${name}.json`;
}

export function summarizeFleet(reports: readonly FleetRepoReport[], wallMs?: number): FleetSummary {
  const sorted = [...reports].sort((a, b) => a.index - b.index);
  const counts = Object.fromEntries(UPGRADE_STATUSES.map((status) => [status, sorted.filter((r) => r.status === status).length])) as Record<UpgradeStatus, number>;
  const pushFailed = sorted.filter((r) => r.push?.error).length;
  return {
    total: sorted.length,
    counts,
    pushFailed,
    ok: counts.upgraded + counts['up-to-date'] === sorted.length && pushFailed === 0,
    ...(wallMs !== undefined ? { wallMs: Math.round(wallMs) } : {}),
    repositories: sorted.map((r) => ({
      index: r.index,
      repo: r.repo,
      ...(r.origin ? { origin: r.origin } : {}),
      status: r.status,
      ...(r.from ? { from: r.from } : {}),
      ...(r.to ? { to: r.to } : {}),
      filesChanged: r.filesChanged.length,
      conflicts: r.conflicts.length,
      ...(r.error ? { error: `${r.error.code}: ${r.error.message}` } : {}),
      ...(r.push ? { push: r.push.error ? ('failed' as const) : ('ok' as const) } : {}),
      durationMs: r.durationMs,
    })),
  };
}

/** Writes a file whole or not at all: a run killed while writing leaves the previous file, never half of one. */
function writeWhole(path: string, value: unknown): void {
  const partial = `${path}.partial`;
  writeFileSync(partial, `${JSON.stringify(value, null, 2)}\n`);
  renameSync(partial, path);
}

/** Writes one repository's report into `dir`, as soon as the repository is done. */
export function writeReport(dir: string, report: FleetRepoReport, total: number): void {
  mkdirSync(dir, { recursive: true });
  writeWhole(join(dir, reportFileName(report, total)), report);
}

/** Writes `summary.json` into `dir`. */
export function writeSummary(dir: string, summary: FleetSummary): void {
  mkdirSync(dir, { recursive: true });
  writeWhole(join(dir, 'summary.json'), summary);
}

/** Writes every repository's report and `summary.json` into `dir`. */
export function writeReports(dir: string, reports: readonly FleetRepoReport[], summary: FleetSummary, total: number): void {
  for (const report of reports) writeReport(dir, report, total);
  writeSummary(dir, summary);
}

/** The summary as a table for a terminal: one row per repository, then the counts. */
export function formatSummary(summary: FleetSummary): string {
  const rows = summary.repositories.map((r) => [
    String(r.index),
    r.status + (r.push === 'failed' ? ' (push failed)' : r.push === 'ok' ? ' (pushed)' : ''),
    r.from ? `${r.from} → ${r.to}` : '',
    String(r.filesChanged),
    r.error ?? (r.conflicts ? `${r.conflicts} conflicting file(s)` : ''),
    r.origin ?? r.repo,
  ]);
  const header = ['#', 'status', 'version', 'files', 'detail', 'repository'];
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => (i === 4 ? Math.min(row[i]!.length, 60) : row[i]!.length))));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === 4 && cell.length > 60 ? `${cell.slice(0, 59)}…` : cell).padEnd(i === cells.length - 1 ? 0 : widths[i]!))
      .join('  ')
      .trimEnd();
  const totals = UPGRADE_STATUSES.map((status) => `${summary.counts[status]} ${status}`).join(', ');
  return [
    line(header),
    ...rows.map(line),
    '',
    `${summary.total} repositories: ${totals}${summary.pushFailed ? `; ${summary.pushFailed} push(es) failed` : ''}${summary.wallMs !== undefined ? ` in ${(summary.wallMs / 1000).toFixed(1)} s` : ''}`,
  ].join('\n');
}
