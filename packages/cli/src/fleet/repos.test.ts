import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../command.js';
import { collectRepos, parseRepoList, parseShard, selectShard } from './repos.js';

describe('the repository list', () => {
  it('reads one path per line, skips blanks and # comments, resolves, sorts and de-duplicates', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fleet-list-'));
    writeFileSync(join(dir, 'repos.txt'), '# the churn team\nb\n\n  a  # trailing comment\nb\n/abs/c#not-a-comment\n');
    expect(collectRepos([], 'repos.txt', dir)).toEqual([
      { index: 0, path: '/abs/c#not-a-comment' },
      { index: 1, path: join(dir, 'a') },
      { index: 2, path: join(dir, 'b') },
    ]);
    expect(parseRepoList('x\r\ny\n', '/r')).toEqual(['/r/x', '/r/y']);
  });

  it('refuses an empty list, both sources at once, and an unreadable file', () => {
    expect(() => collectRepos([], undefined, '/')).toThrow(UsageError);
    expect(() => collectRepos(['a'], 'list.txt', '/')).toThrow(/not both/);
    expect(() => collectRepos([], '/no/such/list.txt', '/')).toThrow(/Cannot read/);
  });
});

describe('--shard I/N', () => {
  it.each(['0/3', '4/3', '1/0', '-1/2', 'a/b', '1', '1/2/3', ''])('rejects %j', (text) => expect(() => parseShard(text)).toThrow(UsageError));

  it('partitions any list: the union of the N shards is the list, they are disjoint, and sizes differ by at most one', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ minLength: 1 }), { maxLength: 60 }), fc.integer({ min: 1, max: 12 }), (names, count) => {
        const repos = names.length ? collectRepos(names, undefined, '/fleet') : [];
        const shards = Array.from({ length: count }, (_, i) => selectShard(repos, parseShard(`${i + 1}/${count}`)));
        const seen = shards.flat().map((repo) => repo.index).sort((a, b) => a - b);
        expect(seen).toEqual(repos.map((repo) => repo.index));
        const sizes = shards.map((shard) => shard.length);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('is the same on every machine, whatever order the list was written in', () => {
    const a = selectShard(collectRepos(['r3', 'r1', 'r2', 'r4'], undefined, '/f'), parseShard('2/2'));
    const b = selectShard(collectRepos(['r4', 'r2', 'r1', 'r3'], undefined, '/f'), parseShard('2/2'));
    expect(a).toEqual(b);
    expect(a.map((repo) => repo.path)).toEqual(['/f/r2', '/f/r4']);
  });
});
