/** The merge benchmark, at a small case count, so that it keeps running and keeps its oracle. */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const BENCH = fileURLToPath(new URL('./merge.mjs', import.meta.url));

it('prints the conflict rate of both merges on the same edits, with no byte lost', () => {
  // execFileSync throws when the bench exits non-zero: a lost byte fails it.
  const output = execFileSync('node', [BENCH, '30'], { encoding: 'utf8', env: { ...process.env, AI_FACTORY_MERGE_SEED: '7' } });
  const rates = [...output.matchAll(/^(git merge-file alone|structured merge) +conflict rate +([\d.]+)% \((\d+) of 30 cases.*, (\d+) bytes lost$/gm)];
  expect(rates.map((match) => [match[1], match[4]])).toEqual([
    ['git merge-file alone', '0'],
    ['structured merge', '0'],
  ]);
  // Falling back to the line merge wherever the keys do not settle it, the structured merge never conflicts more.
  expect(Number(rates[1]![3])).toBeLessThanOrEqual(Number(rates[0]![3]));
});
