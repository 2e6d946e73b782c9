/**
 * The fleet-wide forecast of `fleet upgrade --dry-run`: every repository's upgrade computed in memory by the
 * same code as a real run, summed up before anything is written: how many repositories upgrade cleanly,
 * which files conflict in how many repositories, which codemods change which files, what fails and why.
 * The reports of a real run give the same figures (`forecastOf` is the one place they are counted), which
 * is how a forecast is checked.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { UpgradeFailureCode, UpgradeStatus } from '../upgrade/report.js';
import { isReport } from './merge.js';
import { summarizeFleet, type FleetRepoReport } from './report.js';

/** A file, and in how many repositories something happens to it. */
export interface FileCount {
  path: string;
  repositories: number;
}

export interface CodemodForecast {
  codemod: string;
  /** Repositories the codemod changes something in. */
  repositories: number;
  /** The files it changes, by how many repositories. */
  files: FileCount[];
}

export interface Forecast {
  /** Tells a forecast from the other JSON files of the fleet commands. */
  kind: typeof FORECAST_KIND;
  /** The factory version the fleet would be upgraded to. */
  factoryVersion: string;
  /** ISO 8601. */
  generatedAt: string;
  total: number;
  /** `upgraded` is the repositories that upgrade cleanly; as `fleet upgrade` counts a real run. */
  counts: Record<UpgradeStatus, number>;
  /** Files that would be left with conflict markers, by how many repositories, most first. */
  conflicts: FileCount[];
  codemods: CodemodForecast[];
  /** Repositories that would fail, by error code, most first. */
  failures: { code: UpgradeFailureCode | 'unknown'; repositories: number }[];
  /** Each repository's report, as the real run would write it (with `dryRun` when it is a forecast). */
  repositories: FleetRepoReport[];
}

export const FORECAST_KIND = 'ai-factory-fleet-forecast';

/** Most first, ties by name: the order every list of the forecast is in. */
function ranked<Name extends string>(names: readonly Name[]): [Name, number][] {
  const counts = new Map<Name, number>();
  for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  return [...counts].sort(([a, m], [b, n]) => n - m || (a < b ? -1 : 1));
}

const fileCounts = (paths: readonly string[]): FileCount[] => ranked(paths).map(([path, repositories]) => ({ path, repositories }));

/**
 * The forecast of `reports` (a dry run's, or a real run's to compare with it).
 * @example forecastOf(reports, '0.3.0') // { counts: { upgraded: 3, conflicts: 1, ... }, conflicts: [{ path: 'README.md', repositories: 1 }], ... }
 */
export function forecastOf(reports: readonly FleetRepoReport[], factoryVersion: string, now = new Date()): Forecast {
  const repositories = [...reports].sort((a, b) => a.index - b.index);
  const byCodemod = new Map<string, string[][]>();
  for (const report of repositories) {
    for (const codemod of report.codemodsApplied) byCodemod.set(codemod, [...(byCodemod.get(codemod) ?? []), report.codemodFiles?.[codemod] ?? []]);
  }
  return {
    kind: FORECAST_KIND,
    factoryVersion,
    generatedAt: now.toISOString(),
    total: repositories.length,
    counts: summarizeFleet(repositories).counts,
    conflicts: fileCounts(repositories.flatMap((report) => report.conflicts)),
    codemods: ranked(repositories.flatMap((report) => report.codemodsApplied)).map(([codemod, count]) => ({ codemod, repositories: count, files: fileCounts(byCodemod.get(codemod)!.flat()) })),
    failures: ranked(repositories.flatMap((report) => (report.status === 'failed' ? [report.error?.code ?? ('unknown' as const)] : []))).map(([code, count]) => ({ code, repositories: count })),
    repositories,
  };
}

export function writeForecast(path: string, forecast: Forecast): void {
  writeFileSync(path, `${JSON.stringify(forecast, null, 2)}\n`);
}

/**
 * Reads a forecast file; anything else (a summary, a report, broken JSON) is an error naming the file.
 * @example readForecast('forecast.json').counts.upgraded // 3
 */
export function readForecast(path: string): Forecast {
  let value: Partial<Forecast> | null;
  try {
    value = JSON.parse(readFileSync(path, 'utf8')) as Partial<Forecast> | null;
  } catch (error) {
    throw new Error(`Cannot read the forecast ${path}: ${(error as Error).message}`, { cause: error });
  }
  if (value?.kind !== FORECAST_KIND || !Array.isArray(value.repositories) || !value.repositories.every(isReport)) {
    throw new Error(`${path} is not a forecast of ai-factory fleet upgrade --dry-run --forecast <file>.`);
  }
  return value as Forecast;
}
