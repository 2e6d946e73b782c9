import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { flushToGit, type ObjectDatabase } from './git.js';
import type { ObjectFormat, ObjectType } from './git-objects.js';
import { Tree } from './tree.js';

const run = promisify(execFile);
const git = async (cwd: string, ...args: string[]) => (await run('git', args, { cwd })).stdout;

/** The database a caller injects, here through git's own commands: reads by cat-file, packs as files. */
function database(dir: string, format: ObjectFormat = 'sha1'): ObjectDatabase & { packs: string[] } {
  const packs: string[] = [];
  return {
    format,
    packs,
    read: (oid) => {
      try {
        const type = execFileSync('git', ['cat-file', '-t', oid], { cwd: dir, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim() as ObjectType;
        return Promise.resolve({ type, content: execFileSync('git', ['cat-file', type, oid], { cwd: dir }) });
      } catch {
        return Promise.resolve(undefined);
      }
    },
    writePack: ({ name, pack, index }) => {
      const folder = join(dir, '.git', 'objects', 'pack');
      writeFileSync(join(folder, 'tmp.pack'), pack);
      writeFileSync(join(folder, 'tmp.idx'), index);
      renameSync(join(folder, 'tmp.pack'), join(folder, `pack-${name}.pack`));
      renameSync(join(folder, 'tmp.idx'), join(folder, `pack-${name}.idx`));
      packs.push(name);
    },
  };
}

async function repository(format: ObjectFormat = 'sha1'): Promise<{ dir: string; head: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'tree-git-'));
  await git(dir, 'init', '--quiet', '--initial-branch=main', `--object-format=${format}`);
  writeFileSync(join(dir, 'keep.txt'), 'keep\n');
  writeFileSync(join(dir, 'drop.txt'), 'drop\n');
  writeFileSync(join(dir, 'same.txt'), 'same\n');
  await git(dir, 'add', '--all');
  await git(dir, '-c', 'user.name=T', '-c', 'user.email=t@x', 'commit', '--quiet', '-m', 'first');
  return { dir, head: (await git(dir, 'rev-parse', 'HEAD')).trim() };
}

const BOT = 'Fleet Bot <bot@example.com>';
const listing = async (dir: string, commit: string) =>
  (await git(dir, 'ls-tree', '-r', '-z', commit))
    .split('\0')
    .filter(Boolean)
    .map((line) => `${line.split(' ')[0]} ${line.split('\t')[1]}`);

describe('flushToGit', () => {
  it("writes a tree's changes over its parent, and a parentless tree whole; paths, modes and message exactly", async () => {
    const { dir, head } = await repository();
    // The base holds the parent's files the tree changes; keep.txt is not in it and is kept as the parent has it.
    const upgrade = Tree.fromFiles({ 'drop.txt': 'drop\n', 'same.txt': 'same\n' });
    const odd = 'dir/with space "quoted"\nand a line break.txt';
    upgrade.delete('drop.txt');
    upgrade.write('same.txt', 'same\n');
    upgrade.write('bin/run.sh', '#!/bin/sh\n', 'executable');
    upgrade.symlink('link', 'keep.txt');
    upgrade.write(odd, 'odd\n');
    const fresh = new Tree();
    fresh.write('only.txt', 'only\n');
    const [changed, root] = (await flushToGit(
      [
        { tree: upgrade, parent: head, message: 'Upgrade\n\nwith a body' },
        { tree: fresh, message: 'Pristine' },
      ],
      BOT,
      database(dir),
    )) as [string, string];
    expect((await git(dir, 'rev-parse', `${changed}^`)).trim()).toBe(head);
    expect((await listing(dir, changed)).sort()).toEqual(['100644 dir/with space "quoted"\nand a line break.txt', '100644 keep.txt', '100644 same.txt', '100755 bin/run.sh', '120000 link']);
    expect(await git(dir, 'show', `${changed}:${odd}`)).toBe('odd\n');
    expect(await git(dir, 'log', '-1', '--format=%an <%ae>|%cn <%ce>|%B', changed)).toBe(`${BOT}|${BOT}|Upgrade\n\nwith a body\n`);
    expect(await git(dir, 'rev-list', '--count', root)).toBe('1\n');
    expect(await listing(dir, root)).toEqual(['100644 only.txt']);
    // Every object well formed and reachable from the commits; no ref moved.
    await git(dir, 'fsck', '--strict', '--no-dangling', changed, root);
    expect(await git(dir, 'for-each-ref', '--format=%(refname)')).toBe('refs/heads/main\n');
  });

  it('writes a content the commits share once, into the trees git itself writes for those files', async () => {
    const { dir, head } = await repository();
    const shared = 'shared by both commits\n'.repeat(50);
    const upgrade = new Tree([['keep.txt', { content: Buffer.from('keep\n'), mode: 'file' }]]);
    upgrade.write('new.txt', shared);
    upgrade.write('copy/new.txt', shared, 'executable');
    upgrade.write('keep.txt', 'kept no more\n');
    const pristine = new Tree();
    pristine.write('new.txt', Buffer.from(shared));
    const into = database(dir);
    const [upgraded, root] = (await flushToGit(
      [
        { tree: upgrade, parent: head, message: 'Upgrade' },
        { tree: pristine, message: 'Pristine' },
      ],
      BOT,
      into,
    )) as [string, string];
    // One pack; the shared content once in it: two commits, three trees (two roots, copy/), two blobs.
    expect(into.packs).toHaveLength(1);
    const packed = await git(dir, 'verify-pack', '-v', join(dir, '.git', 'objects', 'pack', `pack-${into.packs[0]}.idx`));
    expect(packed.split('\n').filter((line) => / (blob|tree|commit) /.test(line)).map((line) => line.split(' ')[1]).sort()).toEqual(['blob', 'blob', 'commit', 'commit', 'tree', 'tree', 'tree']);
    // The same files through git's own index: the same trees.
    mkdirSync(join(dir, 'copy'));
    writeFileSync(join(dir, 'new.txt'), shared);
    writeFileSync(join(dir, 'copy/new.txt'), shared, { mode: 0o755 });
    writeFileSync(join(dir, 'keep.txt'), 'kept no more\n');
    await git(dir, 'add', 'new.txt', 'copy/new.txt', 'keep.txt');
    expect(await git(dir, 'write-tree')).toBe(await git(dir, 'rev-parse', `${upgraded}^{tree}`));
    await git(dir, 'read-tree', '--empty');
    await git(dir, 'add', 'new.txt');
    expect(await git(dir, 'write-tree')).toBe(await git(dir, 'rev-parse', `${root}^{tree}`));
  });

  it('removes a folder its last file leaves, keeps submodules, and lets a file take the place of a folder', async () => {
    const { dir } = await repository();
    mkdirSync(join(dir, 'lib/deep'), { recursive: true });
    writeFileSync(join(dir, 'lib/deep/only.txt'), 'only\n');
    writeFileSync(join(dir, 'lib/kept.txt'), 'kept\n');
    mkdirSync(join(dir, 'old'));
    writeFileSync(join(dir, 'old/a.txt'), 'a\n');
    await git(dir, 'add', '--all');
    const submodule = '1'.repeat(40);
    await git(dir, 'update-index', '--add', '--cacheinfo', `160000,${submodule},vendor/sub`);
    await git(dir, '-c', 'user.name=T', '-c', 'user.email=t@x', 'commit', '--quiet', '-m', 'second');
    const head = (await git(dir, 'rev-parse', 'HEAD')).trim();
    const tree = Tree.fromFiles({ 'lib/deep/only.txt': 'only\n', 'old/a.txt': 'a\n' });
    tree.delete('lib/deep/only.txt');
    tree.delete('old/a.txt');
    tree.write('old', 'now a file\n');
    const [commit] = await flushToGit([{ tree, parent: head, message: 'x' }], BOT, database(dir));
    expect(await listing(dir, commit!)).toEqual(['100644 drop.txt', '100644 keep.txt', '100644 lib/kept.txt', '100644 old', '100644 same.txt', `160000 vendor/sub`]);
    expect(await git(dir, 'rev-parse', `${commit}:vendor/sub`)).toBe(`${submodule}\n`);
  });

  it('writes a repository of SHA-256 objects in its own format', async () => {
    const { dir, head } = await repository('sha256');
    const tree = new Tree();
    tree.write('new.txt', 'new\n');
    const [commit] = await flushToGit([{ tree, parent: head, message: 'x' }], BOT, database(dir, 'sha256'));
    expect(commit).toMatch(/^[0-9a-f]{64}$/);
    await git(dir, 'fsck', '--strict', '--no-dangling', commit!);
    expect(await git(dir, 'show', `${commit}:new.txt`)).toBe('new\n');
  });

  it('writes nothing for no commits, and refuses an identity that would forge a header', async () => {
    const { dir } = await repository();
    const into = database(dir);
    expect(await flushToGit([], BOT, into)).toEqual([]);
    await expect(flushToGit([{ tree: new Tree(), message: 'x' }], 'Bot <a>\ncommitter Eve <eve@x>', into)).rejects.toThrow('Not a committer identity');
    expect(into.packs).toEqual([]);
  });

  it('refuses a parent the repository does not have, and writes nothing', async () => {
    const { dir } = await repository();
    const into = database(dir);
    await expect(flushToGit([{ tree: new Tree(), parent: '0'.repeat(39) + '1', message: 'x' }], BOT, into)).rejects.toThrow(/no commit 0{39}1/);
    expect(readdirSync(join(dir, '.git', 'objects', 'pack'))).toEqual([]);
  });
});
