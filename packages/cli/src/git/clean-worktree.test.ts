import { appendFileSync, chmodSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { git, teamEdit, tempDir } from '@ai-factory/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { provenClean } from './clean-worktree.js';
import { parseIndex } from './index-file.js';
import { Repository } from './repository.js';

/** A team's repository as a fleet clones it: several folders, an ignore file, a link, an executable. */
let origin: string;
beforeAll(async () => {
  origin = tempDir('clean-origin-');
  await git(origin, 'init', '--quiet', '--initial-branch=main');
  await teamEdit(origin, 'first', {
    'README.md': () => '# project\n',
    '.gitignore': () => '*.log\n',
    'src/train.py': () => 'print("train")\n',
    'infra/main.tf': () => 'terraform {}\n',
    'scripts/run.sh': () => '#!/bin/sh\n',
  });
  chmodSync(join(origin, 'scripts/run.sh'), 0o755);
  symlinkSync('README.md', join(origin, 'LINK.md'));
  await git(origin, 'add', '--all');
  await git(origin, 'commit', '--quiet', '-m', 'link and executable');
});

async function clone(): Promise<{ dir: string; tree: string }> {
  const dir = join(tempDir('clean-'), 'repo');
  await git(origin, 'clone', '--quiet', origin, dir);
  return { dir, tree: await git(dir, 'rev-parse', 'HEAD^{tree}') };
}

/** What `Repository.status` answers, next to what git itself says. */
async function statuses(dir: string): Promise<{ ours: string[]; git: string }> {
  const repository = new Repository(dir);
  try {
    return { ours: await repository.status(), git: await git(dir, '--no-optional-locks', 'status', '--porcelain', '--untracked-files=normal') };
  } finally {
    await repository.close();
  }
}

const proven = (dir: string, tree: string) => provenClean(dir, tree, readFileSync(join(dir, '.git/config'), 'utf8'));

describe('provenClean', () => {
  it('proves a fresh clone clean, racily clean entries included, and after git refreshed its index', async () => {
    const { dir, tree } = await clone();
    expect(proven(dir, tree)).toBe(true);
    await git(dir, 'status');
    expect(proven(dir, tree)).toBe(true);
    expect(await statuses(dir)).toEqual({ ours: [], git: '' });
  });

  it('reads a file whose times changed and finds its bytes unchanged', async () => {
    const { dir, tree } = await clone();
    utimesSync(join(dir, 'src/train.py'), new Date(2030, 0, 1), new Date(2030, 0, 1));
    expect(proven(dir, tree)).toBe(true);
  });

  it('sees an edit that keeps the size and the recorded times', async () => {
    const { dir, tree } = await clone();
    const file = join(dir, 'src/train.py');
    const [entry] = parseIndex(readFileSync(join(dir, '.git/index')))!.entries.filter((candidate) => candidate.path === 'src/train.py');
    writeFileSync(file, 'print("tests")\n');
    const mtime = entry!.stat.mtimeSec + entry!.stat.mtimeNsec / 1e9;
    utimesSync(file, mtime, mtime);
    expect(proven(dir, tree)).toBe(false);
    expect((await statuses(dir)).ours).toEqual([' M src/train.py']);
  });

  it.each<[string, (dir: string) => Promise<void> | void, string[]]>([
    ['an edited file', (dir) => appendFileSync(join(dir, 'README.md'), 'more\n'), [' M README.md']],
    ['a staged edit', async (dir) => (appendFileSync(join(dir, 'README.md'), 'more\n'), await git(dir, 'add', 'README.md')), ['M  README.md']],
    ['a deleted file', (dir) => rmSync(join(dir, 'infra/main.tf')), [' D infra/main.tf']],
    ['a lost executable bit', (dir) => chmodSync(join(dir, 'scripts/run.sh'), 0o644), [' M scripts/run.sh']],
    ['an untracked file', (dir) => writeFileSync(join(dir, 'src/notes.txt'), 'x\n'), ['?? src/notes.txt']],
    ['a link pointing elsewhere', (dir) => (rmSync(join(dir, 'LINK.md')), symlinkSync('src', join(dir, 'LINK.md'))), [' M LINK.md']],
  ])('leaves %s to git status, which reports it', async (_, change, expected) => {
    const { dir, tree } = await clone();
    await change(dir);
    expect(proven(dir, tree)).toBe(false);
    expect(await statuses(dir)).toEqual({ ours: expected, git: expected.join('\n') });
  });

  it('leaves an ignored file to git, which finds the tree clean', async () => {
    const { dir, tree } = await clone();
    writeFileSync(join(dir, 'train.log'), 'loss 0.1\n');
    expect(proven(dir, tree)).toBe(false);
    expect(await statuses(dir)).toEqual({ ours: [], git: '' });
  });

  it('claims nothing against another tree, a relocated working tree or an index format it does not read', async () => {
    const { dir, tree } = await clone();
    expect(proven(dir, await git(dir, 'rev-parse', 'HEAD:src'))).toBe(false);
    await git(dir, 'update-index', '--index-version', '4');
    expect(proven(dir, tree)).toBe(false);
    await git(dir, 'update-index', '--index-version', '2');
    await git(dir, 'update-index', '--split-index');
    expect(proven(dir, tree)).toBe(false);
    await git(dir, 'update-index', '--no-split-index');
    expect(proven(dir, tree)).toBe(true);
    await git(dir, 'config', 'core.worktree', dir);
    expect(proven(dir, tree)).toBe(false);
  });
});
