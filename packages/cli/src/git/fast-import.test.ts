import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { git } from '@ai-factory/testing';
import { Tree } from '@ai-factory/tree';
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

/** A tree of new files only. */
function written(files: Record<string, string>): Tree {
  const tree = new Tree();
  for (const [path, content] of Object.entries(files)) tree.write(path, content);
  return tree;
}
/** Everything in the git directory but its objects: refs, logs, crash reports, state files. */
const gitDirEntries = (dir: string) => readdirSync(join(dir, '.git')).filter((name) => name !== 'objects').sort();

describe('importCommits', () => {
  it('writes commits as objects: changes on the parent tree, or a whole new tree; paths and modes exactly; no ref moves', async () => {
    const { dir, head, store } = await repository();
    const refs = await git(dir, 'for-each-ref');
    const entries = gitDirEntries(dir);
    const odd = 'dir/with space "quoted"\nand a line break.txt';
    const upgradeTree = Tree.fromFiles({ 'drop.txt': 'drop\n' });
    upgradeTree.delete('drop.txt');
    upgradeTree.write('bin/run.sh', '#!/bin/sh\n', 'executable');
    upgradeTree.symlink('link', 'keep.txt');
    upgradeTree.write(odd, 'odd\n');
    const [upgrade, pristine] = (await importCommits(store, BOT, [
      { parent: head, tree: upgradeTree, message: 'Upgrade\n\nwith a body' },
      { tree: written({ 'only.txt': 'only\n' }), message: 'Pristine' },
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
        { parent: head, tree: written({ a: 'a' }), message: 'a' },
        { parent: '0'.repeat(39) + '1', tree: written({ b: 'b' }), message: 'b' },
      ]),
    ).rejects.toThrow(/fast-import failed.*0{39}1/s);
    expect(await git(dir, 'for-each-ref')).toBe(refs);
    expect(gitDirEntries(dir)).toEqual(entries);
    expect(readdirSync(join(dir, '.git/objects/pack')).filter((name) => name.startsWith('tmp_'))).toEqual([]);
  });
});
