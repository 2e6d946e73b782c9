/**
 * A staged rollout: the waves of `--wave`, one after another, each a fleet run of the repositories it adds
 * to the waves before it. A wave that does not go cleanly (a conflict, a failure, a failed push) stops the
 * rollout there: the later waves wait until someone has looked at the canaries.
 */
import type { FleetRunResult } from './run.js';
import { summarizeFleet, type FleetRepoReport } from './report.js';
import type { FleetRepo } from './repos.js';
import { selectWave } from './waves.js';

export interface WaveResult {
  /** The wave's share of the fleet, in percent. */
  share: number;
  /** The repositories it added to the waves before it (in this shard). */
  reports: FleetRepoReport[];
  /** Every one upgraded or up to date, and pushed when pushing. */
  ok: boolean;
}

export interface RolloutResult {
  /** Every repository a wave that ran upgraded, in list order. */
  reports: FleetRepoReport[];
  waves: WaveResult[];
  /** When a wave stopped the rollout: the repositories of the later waves, not upgraded. */
  waiting: FleetRepo[];
  wallMs: number;
}

/** Members of the repositories of wave `share` of the whole list `all` that are in `mine` (a shard). */
export function inWave(all: readonly FleetRepo[], mine: readonly FleetRepo[], share: number): FleetRepo[] {
  const wave = new Set(selectWave(all, share).map((repo) => repo.index));
  return mine.filter((repo) => wave.has(repo.index));
}

/**
 * Runs `waves` (rising shares) over this shard's repositories `mine` of the whole list `all`.
 * @param run one fleet run, e.g. `(repos) => runFleet(repos, options)`
 * @param onWave called before each wave with the repositories it adds
 * @example await runWaves(all, all, [10, 50, 100], (repos) => runFleet(repos))
 */
export async function runWaves(
  all: readonly FleetRepo[],
  mine: readonly FleetRepo[],
  waves: readonly number[],
  run: (repos: FleetRepo[]) => Promise<FleetRunResult>,
  onWave?: (share: number, repos: readonly FleetRepo[]) => void,
): Promise<RolloutResult> {
  const started = performance.now();
  const done = new Set<number>();
  const results: WaveResult[] = [];
  for (const share of waves) {
    const added = inWave(all, mine, share).filter((repo) => !done.has(repo.index));
    onWave?.(share, added);
    const { reports } = added.length > 0 ? await run(added) : { reports: [] };
    for (const repo of added) done.add(repo.index);
    const ok = summarizeFleet(reports).ok;
    results.push({ share, reports, ok });
    if (!ok) break;
  }
  const reports = results.flatMap((wave) => wave.reports).sort((a, b) => a.index - b.index);
  const stopped = results.some((wave) => !wave.ok);
  const waiting = stopped ? inWave(all, mine, waves.at(-1)!).filter((repo) => !done.has(repo.index)) : [];
  return { reports, waves: results, waiting, wallMs: performance.now() - started };
}
