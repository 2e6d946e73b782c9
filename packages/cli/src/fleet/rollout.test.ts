/**
 * Waves one after another: each runs only what it adds, a wave that does not go cleanly stops the rest,
 * and a shard runs its own part of each wave. `run` stands for one fleet run; the CLI's is tested end to
 * end in forecast-run.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { NOTHING_CHANGED, type UpgradeStatus } from '../upgrade/report.js';
import type { FleetRepoReport } from './report.js';
import { collectRepos, selectShard, type FleetRepo } from './repos.js';
import { inWave, runWaves } from './rollout.js';
import { selectWave } from './waves.js';

const all = collectRepos(Array.from({ length: 20 }, (_, i) => `/fleet/p${String(i).padStart(2, '0')}`), undefined, '/');

/** A fleet run that reports `status` for every repository, and records what it was given. */
function recorder(status: (repo: FleetRepo) => UpgradeStatus) {
  const runs: number[][] = [];
  const run = (repos: FleetRepo[]) => {
    runs.push(repos.map((repo) => repo.index));
    const reports: FleetRepoReport[] = repos.map((repo) => ({ index: repo.index, repo: repo.path, status: status(repo), ...NOTHING_CHANGED, durationMs: 0 }));
    return Promise.resolve({ reports, wallMs: 0, maxRSS: 0 });
  };
  return { runs, run };
}

describe('runWaves', () => {
  it('runs each wave\'s new repositories only, in list order, until the last wave', async () => {
    const { runs, run } = recorder(() => 'upgraded');
    const seen: [number, number][] = [];
    const result = await runWaves(all, all, [10, 50, 100], run, (share, repos) => seen.push([share, repos.length]));
    expect(seen).toEqual([[10, 2], [50, 8], [100, 10]]);
    expect(runs[0]).toEqual(selectWave(all, 10).map((repo) => repo.index));
    expect(runs.flat().sort((a, b) => a - b)).toEqual(all.map((repo) => repo.index));
    expect(result.reports.map((r) => r.index)).toEqual(all.map((repo) => repo.index));
    expect(result.waiting).toEqual([]);
    expect(result.waves.map((wave) => wave.ok)).toEqual([true, true, true]);
  });

  it('stops after a wave with a conflict or a failure: the later waves wait', async () => {
    const canaries = new Set(selectWave(all, 10).map((repo) => repo.index));
    const { runs, run } = recorder((repo) => (canaries.has(repo.index) && repo.index === Math.max(...canaries) ? 'conflicts' : 'upgraded'));
    const result = await runWaves(all, all, [10, 50, 100], run);
    expect(runs).toHaveLength(1);
    expect(result.waves).toMatchObject([{ share: 10, ok: false }]);
    expect(result.reports).toHaveLength(2);
    expect(result.waiting.map((repo) => repo.index)).toEqual(all.filter((repo) => !canaries.has(repo.index)).map((repo) => repo.index));
  });

  it('runs a shard\'s part of the waves of the whole list', async () => {
    const shard = selectShard(all, { index: 2, count: 3 });
    const { runs, run } = recorder(() => 'upgraded');
    await runWaves(all, shard, [25, 100], run);
    expect(runs[0]).toEqual(inWave(all, shard, 25).map((repo) => repo.index));
    expect(runs.flat().every((index) => shard.some((repo) => repo.index === index))).toBe(true);
    expect(runs.flat()).toHaveLength(shard.length);
  });
});
