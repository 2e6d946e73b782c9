import { execFile, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { flushToGit, type FastImport } from './git.js';
import { Tree } from './tree.js';

const run = promisify(execFile);
const git = async (cwd: string, ...args: string[]) => (await run('git', args, { cwd })).stdout;

/** The runner a caller injects: git in `cwd`, the stream on its stdin. */
const runner =
  (cwd: string): FastImport =>
  (args, stream) =>
    new Promise((resolve, reject) => {
      const child = spawn('git', args, { cwd });
      const out: Buffer[] = [];
      let err = '';
      child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
      child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
      child.on('error', reject);
      child.on('close', (code) => (code === 0 ? resolve(Buffer.concat(out)) : reject(new Error(err))));
      child.stdin.end(stream);
    });

async function repository(): Promise<{ dir: string; head: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'tree-git-'));
  await git(dir, 'init', '--quiet', '--initial-branch=main');
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
        { tree: upgrade, parent: head, message: 'Upgrade\n\nwith a body', ref: 'refs/heads/import' },
        { tree: fresh, message: 'Pristine', ref: 'refs/heads/import' },
      ],
      BOT,
      runner(dir),
    )) as [string, string];
    expect((await git(dir, 'rev-parse', `${changed}^`)).trim()).toBe(head);
    expect((await listing(dir, changed)).sort()).toEqual(['100644 dir/with space "quoted"\nand a line break.txt', '100644 keep.txt', '100644 same.txt', '100755 bin/run.sh', '120000 link']);
    expect(await git(dir, 'show', `${changed}:${odd}`)).toBe('odd\n');
    expect(await git(dir, 'log', '-1', '--format=%cn <%ce>|%B', changed)).toBe(`${BOT}|Upgrade\n\nwith a body\n`);
    expect(await git(dir, 'rev-list', '--count', root)).toBe('1\n');
    expect(await listing(dir, root)).toEqual(['100644 only.txt']);
    // The ref fast-import committed on points at the last commit.
    expect((await git(dir, 'rev-parse', 'refs/heads/import')).trim()).toBe(root);
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
    const streams: Buffer[] = [];
    const recorded: FastImport = (args, stream) => (streams.push(stream), runner(dir)(args, stream));
    const [upgraded, root] = (await flushToGit(
      [
        { tree: upgrade, parent: head, message: 'Upgrade', ref: 'refs/heads/import' },
        { tree: pristine, message: 'Pristine', ref: 'refs/heads/import' },
      ],
      BOT,
      recorded,
    )) as [string, string];
    expect(streams[0]!.toString('utf8').split(shared)).toHaveLength(2);
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

  it('writes nothing for no commits, and refuses an identity fast-import would misread', async () => {
    const never: FastImport = () => Promise.reject(new Error('git ran'));
    expect(await flushToGit([], BOT, never)).toEqual([]);
    await expect(flushToGit([{ tree: new Tree(), message: 'x', ref: 'refs/heads/x' }], 'Bot <a>\ncommitter Eve <eve@x>', never)).rejects.toThrow('Not a committer identity');
  });

  it("passes on the runner's failure", async () => {
    const { dir } = await repository();
    await expect(flushToGit([{ tree: new Tree(), parent: '0'.repeat(39) + '1', message: 'x', ref: 'refs/heads/x' }], BOT, runner(dir))).rejects.toThrow(/0{39}1/);
  });
});
