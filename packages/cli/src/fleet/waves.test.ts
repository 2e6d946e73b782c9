/** Waves: one canary order for every run, nested waves, exact sizes, and `--wave` as the CLI parses it. */
import { describe, expect, it } from 'vitest';
import { UsageError } from '../command.js';
import { collectRepos } from './repos.js';
import { canaryOrder, parseWaves, selectWave, waveOf, waveSize } from './waves.js';

const fleet = (n: number, prefix = 'git@git.example.org:ml/') => collectRepos(Array.from({ length: n }, (_, i) => `${prefix}project-${i}.git`), undefined, '/fleet', '/w');
const identities = (repos: { origin?: string; path: string }[]) => repos.map((repo) => repo.origin ?? repo.path);

describe('waves', () => {
  it('orders canaries by the hash of each identity: the same order whatever the list order or the rest of the fleet', () => {
    const all = fleet(40);
    const order = identities(canaryOrder(all));
    expect(identities(canaryOrder([...all].reverse()))).toEqual(order);
    // Not the list order: a hash spreads one team's neighbouring repositories over the waves.
    expect(order).not.toEqual(identities(all));
    // A repository joining the fleet leaves the others' relative order as it was.
    const grown = collectRepos([...identities(all), 'https://git.example.org/ml/new.git'], undefined, '/fleet', '/w');
    expect(identities(canaryOrder(grown)).filter((id) => !id.endsWith('new.git'))).toEqual(order);
  });

  it('sizes a wave as ⌈N·P/100⌉, at least one repository, and nests every wave in the next', () => {
    expect([waveSize(9, 10), waveSize(9, 25), waveSize(9, 50), waveSize(9, 100)]).toEqual([1, 3, 5, 9]);
    expect([waveSize(1000, 14.3), waveSize(10, 10), waveSize(3, 1), waveSize(0, 10)]).toEqual([143, 1, 1, 0]);
    const all = fleet(200);
    const sizes = [5, 10, 25, 50, 100].map((share) => selectWave(all, share));
    expect(sizes.map((wave) => wave.length)).toEqual([10, 20, 50, 100, 200]);
    for (let i = 1; i < sizes.length; i += 1) expect(sizes[i]).toEqual(expect.arrayContaining(sizes[i - 1]!));
    // In list order, so a wave is upgraded and reported as the whole list would be.
    expect(sizes[1]!.map((repo) => repo.index)).toEqual([...sizes[1]!.map((repo) => repo.index)].sort((a, b) => a - b));
  });

  it('puts each repository in the first wave that holds it, the rest in the 100% wave', () => {
    const all = fleet(9);
    const waves = waveOf(all, [10, 25]);
    const count = (share: number) => [...waves.values()].filter((wave) => wave === share).length;
    expect([count(10), count(25), count(100)]).toEqual([1, 2, 6]);
    expect(selectWave(all, 10).map((repo) => waves.get(repo.index))).toEqual([10]);
    expect(new Set(selectWave(all, 25).map((repo) => waves.get(repo.index)))).toEqual(new Set([10, 25]));
    expect(waveOf(all, [50, 100]).size).toBe(9);
  });

  it('parses one share or rising shares, and refuses anything else with a usage error', () => {
    expect(parseWaves('10%')).toEqual([10]);
    expect(parseWaves('10%, 50%,100%')).toEqual([10, 50, 100]);
    expect(parseWaves('2.5%')).toEqual([2.5]);
    for (const wrong of ['10', '0%', '101%', '50%,25%', '10%,10%', 'ten%', '']) expect(() => parseWaves(wrong), wrong).toThrow(UsageError);
  });
});
