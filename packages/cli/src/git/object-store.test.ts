import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { git } from '@ai-factory/testing';
import { objectId, packObjects, Tree } from '@ai-factory/tree';
import { describe, expect, it } from 'vitest';
import { storePack } from './object-store.js';
import { Repository } from './repository.js';

async function repository(): Promise<{ dir: string; head: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'object-store-'));
  await git(dir, 'init', '--quiet', '--initial-branch=main');
  writeFileSync(join(dir, 'keep.txt'), 'keep\n');
  writeFileSync(join(dir, 'drop.txt'), 'drop\n');
  await git(dir, 'add', '--all');
  await git(dir, 'commit', '--quiet', '-m', 'first');
  return { dir, head: (await git(dir, 'rev-parse', 'HEAD')).trim() };
}

const BOT = 'Fleet Bot <bot@example.com>';

/** A tree of new files only. */
function written(files: Record<string, string>): Tree {
  const tree = new Tree();
  for (const [path, content] of Object.entries(files)) tree.write(path, content);
  return tree;
}
/** Everything in the git directory but its objects: refs, logs, state files. */
const gitDirEntries = (dir: string) => readdirSync(join(dir, '.git')).filter((name) => name !== 'objects').sort();
const packFiles = (dir: string) => readdirSync(join(dir, '.git/objects/pack')).sort();

describe('Repository.writeCommits', () => {
  it('writes commits as one pack: changes on the parent tree, or a whole new tree; paths and modes exactly; no ref moves', async () => {
    const { dir, head } = await repository();
    const refs = await git(dir, 'for-each-ref');
    const entries = gitDirEntries(dir);
    const odd = 'dir/with space "quoted"\nand a line break.txt';
    const upgradeTree = Tree.fromFiles({ 'drop.txt': 'drop\n' });
    upgradeTree.delete('drop.txt');
    upgradeTree.write('bin/run.sh', '#!/bin/sh\n', 'executable');
    upgradeTree.symlink('link', 'keep.txt');
    upgradeTree.write(odd, 'odd\n');
    const repo = new Repository(dir);
    const [upgrade, pristine] = (await repo.writeCommits(
      [
        { parent: head, tree: upgradeTree, message: 'Upgrade\n\nwith a body' },
        { tree: written({ 'only.txt': 'only\n' }), message: 'Pristine' },
      ],
      BOT,
    )) as [string, string];
    await repo.close();
    expect((await git(dir, 'rev-parse', `${upgrade}^`)).trim()).toBe(head);
    expect(await git(dir, 'rev-list', '--count', pristine)).toBe('1');
    const tree = (await git(dir, 'ls-tree', '-r', '-z', upgrade)).split('\0').filter(Boolean);
    expect(tree.map((line) => `${line.split(' ')[0]} ${line.split('\t')[1]}`).sort()).toEqual(['100644 dir/with space "quoted"\nand a line break.txt', '100644 keep.txt', '100755 bin/run.sh', '120000 link']);
    expect(await git(dir, 'show', `${upgrade}:${odd}`)).toBe('odd');
    expect((await git(dir, 'ls-tree', '-r', '--name-only', pristine)).trim()).toBe('only.txt');
    expect(await git(dir, 'log', '-1', '--format=%cn <%ce>|%an|%B', upgrade)).toBe('Fleet Bot <bot@example.com>|Fleet Bot|Upgrade\n\nwith a body');
    expect(packFiles(dir).filter((name) => !/^pack-[0-9a-f]{40}\.(pack|idx)$/.test(name))).toEqual([]);
    await git(dir, 'fsck', '--strict', '--no-dangling', upgrade, pristine);
    // No ref, no reflog, no scratch file; the working tree, the index and HEAD are untouched.
    expect(await git(dir, 'for-each-ref')).toBe(refs);
    expect(gitDirEntries(dir)).toEqual(entries);
    expect(await git(dir, 'status', '--porcelain')).toBe('');
    expect((await git(dir, 'rev-parse', 'HEAD')).trim()).toBe(head);
  });

  it('refuses a parent the repository does not have, and writes no object', async () => {
    const { dir, head } = await repository();
    const before = packFiles(dir);
    const repo = new Repository(dir);
    await expect(
      repo.writeCommits([
        { parent: head, tree: written({ a: 'a' }), message: 'a' },
        { parent: '0'.repeat(39) + '1', tree: written({ b: 'b' }), message: 'b' },
      ]),
    ).rejects.toThrow(/no commit 0{39}1/);
    await repo.close();
    expect(packFiles(dir)).toEqual(before);
  });
});

describe('storePack', () => {
  it('leaves no temporary file when it cannot put the pack in place', async () => {
    const { dir } = await repository();
    const content = Buffer.from('blocked\n');
    const pack = packObjects([{ type: 'blob', oid: objectId('blob', content, 'sha1'), content }], 'sha1');
    // A folder where the pack is to go: the rename fails, as a full or broken disk would make it.
    mkdirSync(join(dir, '.git/objects/pack', `pack-${pack.name}.pack`, 'in-the-way'), { recursive: true });
    expect(() => storePack({ objects: join(dir, '.git/objects'), format: 'sha1' }, pack)).toThrow();
    expect(packFiles(dir)).toEqual([`pack-${pack.name}.pack`]);
  });
});
