import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { git } from '@ai-factory/testing';
import { describe, expect, it } from 'vitest';
import { importCommits, type ObjectStore } from './fast-import.js';

async function repository(): Promise<{ dir: string; head: string; store: ObjectStore }> {
  const dir = mkdtempSync(join(tmpdir(), 'fast-import-'));
  await git(dir, 'init', '--quiet', '--initial-branch=main');
  writeFileSync(join(dir, 'keep.txt'), 'keep\n');
  writeFileSync(join(dir, 'drop.txt'), 'drop\n');
  await git(dir, 'add', '--all');
  await git(dir, 'commit', '--quiet', '-m', 'first');
  return { dir, head: (await git(dir, 'rev-parse', 'HEAD')).trim(), store: { objects: join(dir, '.git/objects'), format: 'sha1' } };
}

const BOT = 'Fleet Bot <bot@example.com>';
/** Everything in the git directory but its objects: refs, logs, crash reports, state files. */
const gitDirEntries = (dir: string) => readdirSync(join(dir, '.git')).filter((name) => name !== 'objects').sort();

describe('importCommits', () => {
  it('writes commits as objects: changes on the parent tree, or a whole new tree; paths and modes exactly; no ref moves', async () => {
    const { dir, head, store } = await repository();
    const refs = await git(dir, 'for-each-ref');
    const entries = gitDirEntries(dir);
    const odd = 'dir/with space "quoted"\nand a line break.txt';
    const [upgrade, pristine] = (await importCommits(store, BOT, [
      {
        parent: head,
        changes: new Map([
          ['drop.txt', null],
          ['bin/run.sh', Buffer.from('#!/bin/sh\n')],
          ['link', Buffer.from('keep.txt')],
          [odd, Buffer.from('odd\n')],
        ]),
        modes: new Map([
          ['bin/run.sh', '100755'],
          ['link', '120000'],
        ]),
        message: 'Upgrade\n\nwith a body',
      },
      { tree: 'empty', changes: new Map([['only.txt', Buffer.from('only\n')]]), message: 'Pristine' },
    ])) as [string, string];
    expect((await git(dir, 'rev-parse', `${upgrade}^`)).trim()).toBe(head);
    expect(await git(dir, 'rev-list', '--count', pristine)).toBe('1');
    const tree = (await git(dir, 'ls-tree', '-r', '-z', upgrade)).split('\0').filter(Boolean);
    expect(tree.map((line) => `${line.split(' ')[0]} ${line.split('\t')[1]}`).sort()).toEqual(['100644 dir/with space "quoted"\nand a line break.txt', '100644 keep.txt', '100755 bin/run.sh', '120000 link']);
    expect(await git(dir, 'show', `${upgrade}:${odd}`)).toBe('odd');
    expect((await git(dir, 'ls-tree', '-r', '--name-only', pristine)).trim()).toBe('only.txt');
    expect(await git(dir, 'log', '-1', '--format=%cn <%ce>|%an|%B', upgrade)).toBe('Fleet Bot <bot@example.com>|Fleet Bot|Upgrade\n\nwith a body');
    // No ref, no reflog, no scratch file; the working tree, the index and HEAD are untouched.
    expect(await git(dir, 'for-each-ref')).toBe(refs);
    expect(gitDirEntries(dir)).toEqual(entries);
    expect(await git(dir, 'status', '--porcelain')).toBe('');
    expect((await git(dir, 'rev-parse', 'HEAD')).trim()).toBe(head);
  });

  it('fails on a bad stream with what git said, and leaves no crash report or temporary pack', async () => {
    const { dir, head, store } = await repository();
    const refs = await git(dir, 'for-each-ref');
    const entries = gitDirEntries(dir);
    await expect(
      importCommits(store, BOT, [
        { parent: head, changes: new Map([['a', Buffer.from('a')]]), message: 'a' },
        { parent: '0'.repeat(39) + '1', changes: new Map([['b', Buffer.from('b')]]), message: 'b' },
      ]),
    ).rejects.toThrow(/fast-import failed.*0{39}1/s);
    expect(await git(dir, 'for-each-ref')).toBe(refs);
    expect(gitDirEntries(dir)).toEqual(entries);
    expect(readdirSync(join(dir, '.git/objects/pack')).filter((name) => name.startsWith('tmp_'))).toEqual([]);
  });

  it('refuses an identity fast-import would misread', async () => {
    const { store } = await repository();
    await expect(importCommits(store, 'Bot <a>\ncommitter Eve <eve@x>', [{ changes: new Map(), message: 'x' }])).rejects.toThrow('Not a committer identity');
  });
});
