import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { git } from '../upgrade/test-repos.js';
import { importCommits } from './fast-import.js';

async function repository(): Promise<{ dir: string; head: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'fast-import-'));
  await git(dir, 'init', '--quiet', '--initial-branch=main');
  writeFileSync(join(dir, 'keep.txt'), 'keep\n');
  writeFileSync(join(dir, 'drop.txt'), 'drop\n');
  await git(dir, 'add', '--all');
  await git(dir, 'commit', '--quiet', '-m', 'first');
  return { dir, head: (await git(dir, 'rev-parse', 'HEAD')).trim() };
}

const BOT = 'Fleet Bot <bot@example.com>';

describe('importCommits', () => {
  it('writes commits on their refs: changes on the parent tree, or a whole new tree; paths and modes exactly', async () => {
    const { dir, head } = await repository();
    const odd = 'dir/with space "quoted"\nand a line break.txt';
    const [upgrade, pristine] = await importCommits(dir, BOT, [
      {
        ref: 'refs/heads/upgrade',
        parent: head,
        changes: new Map([
          ['drop.txt', null],
          ['bin/run.sh', Buffer.from('#!/bin/sh\n')],
          [odd, Buffer.from('odd\n')],
        ]),
        modes: new Map([['bin/run.sh', '100755']]),
        message: 'Upgrade\n\nwith a body',
      },
      { ref: 'refs/ai-factory/pristine/9.9.9', tree: 'empty', changes: new Map([['only.txt', Buffer.from('only\n')]]), message: 'Pristine' },
    ]) as [string, string];
    expect((await git(dir, 'rev-parse', 'refs/heads/upgrade')).trim()).toBe(upgrade);
    expect((await git(dir, 'rev-parse', 'refs/ai-factory/pristine/9.9.9')).trim()).toBe(pristine);
    expect((await git(dir, 'rev-parse', `${upgrade}^`)).trim()).toBe(head);
    const tree = (await git(dir, 'ls-tree', '-r', '-z', upgrade)).split('\0').filter(Boolean);
    expect(tree.map((line) => `${line.split(' ')[0]} ${line.split('\t')[1]}`).sort()).toEqual(['100644 dir/with space "quoted"\nand a line break.txt', '100644 keep.txt', '100755 bin/run.sh']);
    expect(await git(dir, 'show', `${upgrade}:${odd}`)).toBe('odd');
    expect((await git(dir, 'ls-tree', '-r', '--name-only', pristine)).trim()).toBe('only.txt');
    expect(await git(dir, 'log', '-1', '--format=%cn <%ce>|%an|%B', upgrade)).toBe('Fleet Bot <bot@example.com>|Fleet Bot|Upgrade\n\nwith a body');
    // The working tree, the index and HEAD are untouched.
    expect(await git(dir, 'status', '--porcelain')).toBe('');
    expect((await git(dir, 'rev-parse', 'HEAD')).trim()).toBe(head);
  });

  it('never moves a ref that moved meanwhile, and leaves no crash report behind', async () => {
    const { dir, head } = await repository();
    await git(dir, 'commit', '--quiet', '--allow-empty', '-m', 'someone else');
    const elsewhere = (await git(dir, 'rev-parse', 'HEAD')).trim();
    await git(dir, 'branch', 'taken');
    const refs = await git(dir, 'for-each-ref');
    await expect(importCommits(dir, BOT, [{ ref: 'refs/heads/taken', parent: head, changes: new Map([['x', Buffer.from('x')]]), message: 'x' }])).rejects.toThrow(/fast-import failed.*Not updating refs\/heads\/taken/s);
    expect(await git(dir, 'for-each-ref')).toBe(refs);
    expect((await git(dir, 'rev-parse', 'taken')).trim()).toBe(elsewhere);
    expect(readdirSync(join(dir, '.git')).filter((name) => name.startsWith('fast_import_crash'))).toEqual([]);
  });

  it('moves no ref when the stream fails part-way', async () => {
    const { dir, head } = await repository();
    const refs = await git(dir, 'for-each-ref');
    await expect(
      importCommits(dir, BOT, [
        { ref: 'refs/heads/first', parent: head, changes: new Map([['a', Buffer.from('a')]]), message: 'a' },
        { ref: 'refs/heads/second', parent: '0'.repeat(39) + '1', changes: new Map([['b', Buffer.from('b')]]), message: 'b' },
      ]),
    ).rejects.toThrow('fast-import failed');
    expect(await git(dir, 'for-each-ref')).toBe(refs);
    expect(readdirSync(join(dir, '.git')).filter((name) => name.startsWith('fast_import_crash'))).toEqual([]);
    expect(existsSync(join(dir, 'a'))).toBe(false);
  });

  it('refuses an identity fast-import would misread', async () => {
    const { dir } = await repository();
    await expect(importCommits(dir, 'Bot <a>\ncommitter Eve <eve@x>', [{ ref: 'refs/heads/x', changes: new Map(), message: 'x' }])).rejects.toThrow('Not a committer identity');
  });
});
