/**
 * An upgrade moves all its refs in one transaction at the end, or none; a failed run leaves no ref, no
 * temporary pack and no state file behind; and it never runs in the middle of another git operation.
 */
import { execSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { upgradeBranch } from '@ai-factory/engine';
import { git, repoState, teamEdit } from '@ai-factory/testing';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { repoFrom, upgradeContext, withReadmeConflict } from './test-repos.js';
import { upgradeRepository } from './upgrade.js';

const context = await upgradeContext();
const branch = upgradeBranch(context.catalog.version);

/** Root may mount a small tmpfs: a real full disk. */
function canMount(): boolean {
  if (process.getuid?.() !== 0) return false;
  const probe = mkdtempSync(join(tmpdir(), 'mount-probe-'));
  try {
    execSync(`mount -t tmpfs -o size=1m tmpfs ${probe} && umount ${probe}`, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('refs move together at the end, or not at all', () => {
  it.each([
    ['the upgrade branch is locked by another git process', false],
    ['the upgrade branch is locked while conflicts are written', true],
  ])('%s: the run fails and leaves neither the pristine ref nor the branch', async (_, conflicts) => {
    const dir = await repoFrom('factory-0.1.0/azure-tabular');
    if (conflicts) await withReadmeConflict(dir);
    const lock = join(dir, '.git/refs/heads', `${branch}.lock`);
    mkdirSync(join(lock, '..'), { recursive: true });
    writeFileSync(lock, '');
    const before = await repoState(dir);
    const { report } = await upgradeRepository(dir, context);
    expect(report).toMatchObject({ status: 'failed', filesChanged: [], error: { code: 'io' } });
    expect(await repoState(dir)).toEqual(before);
  });

  it.skipIf(!canMount())('a full disk: error io, no temporary pack left, the repository as it was', async () => {
    const mount = mkdtempSync(join(tmpdir(), 'full-disk-'));
    execSync(`mount -t tmpfs -o size=24m tmpfs ${mount}`);
    try {
      const dir = await repoFrom('factory-0.1.0/azure-tabular', mount);
      const before = await repoState(dir);
      // Fill the disk up to a few kilobytes: the new pack no longer fits.
      const free = Number(execSync(`df --output=avail -B1 ${mount} | tail -1`).toString().trim());
      writeFileSync(join(mount, 'filler'), Buffer.alloc(Math.max(0, free - 16 * 1024)));
      const { report } = await upgradeRepository(dir, context);
      expect(report).toMatchObject({ status: 'failed', filesChanged: [], error: { code: 'io' } });
      expect(readdirSync(join(dir, '.git/objects/pack')).filter((name) => name.startsWith('tmp_'))).toEqual([]);
      expect(await repoState(dir)).toEqual(before);
    } finally {
      execSync(`umount ${mount}`);
    }
  });
});

describe('another git operation in progress', () => {
  const commitOn = async (dir: string, name: string, file: string, text: string) => {
    await git(dir, 'checkout', '--quiet', '-b', name);
    await teamEdit(dir, name, { [file]: () => text });
    await git(dir, 'checkout', '--quiet', 'main');
  };

  it.each([
    [
      'an interactive rebase stopped to edit a commit',
      async (dir: string) => {
        await teamEdit(dir, 'one', { 'notes/one.md': () => 'one\n' });
        await teamEdit(dir, 'two', { 'notes/two.md': () => 'two\n' });
        await execa('git', ['rebase', '--quiet', '-i', 'HEAD~2'], { cwd: dir, env: { GIT_SEQUENCE_EDITOR: "sed -i '1s/^pick/edit/'", GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@x', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@x' } });
      },
    ],
    [
      'a merge --no-commit',
      async (dir: string) => {
        await commitOn(dir, 'feature', 'notes/feature.md', 'feature\n');
        await git(dir, 'merge', '--quiet', '--no-commit', '--strategy=ours', 'feature');
      },
    ],
    [
      'a cherry-pick that stopped',
      async (dir: string) => {
        await commitOn(dir, 'feature', 'notes/feature.md', 'feature\n');
        await teamEdit(dir, 'same change', { 'notes/feature.md': () => 'feature\n' });
        await git(dir, 'cherry-pick', 'feature').catch(() => undefined);
      },
    ],
    [
      'a revert whose changes were put back',
      async (dir: string) => {
        await teamEdit(dir, 'change', { 'notes/change.md': () => 'change\n' });
        await git(dir, 'revert', '--no-commit', 'HEAD');
        await git(dir, 'restore', '--staged', '--worktree', '--source=HEAD', '.');
      },
    ],
    [
      'a bisect',
      async (dir: string) => {
        await teamEdit(dir, 'change', { 'notes/change.md': () => 'change\n' });
        await git(dir, 'bisect', 'start', 'HEAD', 'HEAD~1');
      },
    ],
  ])('%s: refused, and nothing changes', async (_, setUp) => {
    const dir = await repoFrom('factory-0.1.0/azure-tabular');
    await setUp(dir);
    const before = await repoState(dir);
    const { report } = await upgradeRepository(dir, context);
    expect(report).toMatchObject({ status: 'failed', error: { code: 'operation-in-progress' } });
    expect(await repoState(dir)).toEqual(before);
  });
});
