/**
 * Staged rollout: waves of a fleet, canaries first. Every repository has a place in one canary order, the
 * order of the SHA-256 of its identity (the URL the fleet was given, else its path), so the order is the
 * same on every run and every machine and owes nothing to names or list order. A wave is a cumulative
 * share of the fleet: wave `P%` is the first ⌈N·P/100⌉ repositories of the order, so a 25% wave holds
 * the 10% wave and one more repository never leaves a small fleet without a canary.
 */
import { createHash } from 'node:crypto';
import { UsageError } from '../command.js';
import type { FleetRepo } from './repos.js';

export { DEFAULT_WAVES, waveLabel } from './defaults.js';

/** What the canary order hashes: one repository, however it is reached. */
export const repoIdentity = (repo: Pick<FleetRepo, 'path' | 'origin'>) => repo.origin ?? repo.path;

/**
 * Parses `--wave`: one share (`10%`) or rising shares (`10%,50%,100%`), each above 0 and at most 100.
 * @example parseWaves('10%, 50%,100%') // [10, 50, 100]
 */
export function parseWaves(text: string): number[] {
  const waves = text.split(',').map((part) => {
    const match = /^(\d+(?:\.\d+)?)%$/.exec(part.trim());
    const share = Number(match?.[1]);
    if (!match || !(share > 0 && share <= 100)) throw new UsageError(`--wave takes shares of the fleet like 10% or 10%,50%,100% (each above 0% and at most 100%), not "${text}".`);
    return share;
  });
  if (waves.some((share, i) => i > 0 && share <= waves[i - 1]!)) throw new UsageError(`--wave shares must rise from one wave to the next, not "${text}".`);
  return waves;
}

/**
 * The repositories in canary order: by the hash of their identity (ties, which need equal identities, by
 * the identity itself).
 */
export function canaryOrder(repos: readonly FleetRepo[]): FleetRepo[] {
  const keyed = repos.map((repo) => ({ repo, key: createHash('sha256').update(repoIdentity(repo)).digest('hex') }));
  return keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : repoIdentity(a.repo) < repoIdentity(b.repo) ? -1 : 1)).map(({ repo }) => repo);
}

/** How many of `total` repositories a wave of `share` percent holds: at least one as soon as there is one. */
// The epsilon keeps a product that floating point puts a hair above a whole number (1000 × 14.3) on it.
export const waveSize = (total: number, share: number) => (total === 0 ? 0 : Math.min(total, Math.max(1, Math.ceil((total * share) / 100 - 1e-9))));

/**
 * The repositories of wave `share` of the whole fleet `all`, in list order.
 * @example selectWave(collectRepos(paths, undefined, cwd), 10) // the canaries
 */
export function selectWave(all: readonly FleetRepo[], share: number): FleetRepo[] {
  const members = new Set(canaryOrder(all).slice(0, waveSize(all.length, share)).map((repo) => repo.index));
  return all.filter((repo) => members.has(repo.index));
}

/**
 * Each repository's wave in `waves`: the smallest share whose wave holds it, by list index. A repository
 * beyond the last wave is in the 100% wave.
 * @example waveOf(repos, [10, 50]).get(0) // 50
 */
export function waveOf(all: readonly FleetRepo[], waves: readonly number[]): Map<number, number> {
  const order = canaryOrder(all);
  const result = new Map<number, number>();
  for (const share of waves.at(-1) === 100 ? waves : [...waves, 100]) {
    for (const repo of order.slice(0, waveSize(all.length, share))) if (!result.has(repo.index)) result.set(repo.index, share);
  }
  return result;
}
