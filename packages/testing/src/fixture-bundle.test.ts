import { execFileSync } from 'node:child_process';
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureBundle } from './fixture-bundle.js';

const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, env: { ...process.env, GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@example.com' } }).toString('utf8').trim();

/** A bundle of two branches: `tool` with a script, a link and a nested file; `notes` with one file. */
function makeBundle(): { path: string; tool: string } {
  const root = mkdtempSync(join(tmpdir(), 'bundle-test-'));
  const work = join(root, 'work');
  mkdirSync(join(work, 'src/deep'), { recursive: true });
  git(work, 'init', '--quiet', '--initial-branch=tool');
  writeFileSync(join(work, 'run.sh'), '#!/bin/sh\necho run\n');
  chmodSync(join(work, 'run.sh'), 0o755);
  writeFileSync(join(work, 'src/deep/a.txt'), 'deep\n');
  symlinkSync('src/deep/a.txt', join(work, 'link'));
  git(work, 'add', '--all');
  git(work, 'commit', '--quiet', '-m', 'tool');
  git(work, 'checkout', '--quiet', '--orphan', 'notes');
  git(work, 'rm', '--quiet', '-r', '--cached', '.');
  writeFileSync(join(work, 'NOTES.md'), 'notes\n');
  git(work, 'add', 'NOTES.md');
  git(work, 'commit', '--quiet', '-m', 'notes');
  const path = join(root, 'fixtures.bundle');
  git(work, 'bundle', 'create', '--quiet', path, '--branches');
  return { path, tool: git(work, 'rev-parse', 'tool') };
}

const { path, tool } = makeBundle();

describe('a fixture bundle', () => {
  it('lists its branches, and is opened once per path', () => {
    expect([...fixtureBundle(path).branches].sort()).toEqual(['notes', 'tool']);
    expect(fixtureBundle(path)).toBe(fixtureBundle(path));
  });

  it('makes a repository whose only commit is the branch, checked out with modes and links', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'bundle-repo-')), 'tool');
    await fixtureBundle(path).repository('tool', dir);
    expect(git(dir, 'rev-parse', 'HEAD')).toBe(tool);
    expect(git(dir, 'symbolic-ref', 'HEAD')).toBe('refs/heads/main');
    expect(git(dir, 'for-each-ref', '--format=%(refname)')).toBe('refs/heads/main');
    expect(git(dir, 'status', '--porcelain')).toBe('');
    expect(lstatSync(join(dir, 'run.sh')).mode & 0o777).toBe(0o755);
    expect(readlinkSync(join(dir, 'link'))).toBe('src/deep/a.txt');
  });

  it('reads a file of a tree, extracted with its modes and links', () => {
    const bundle = fixtureBundle(path);
    expect(bundle.file('tool', 'src/deep/a.txt')).toBe('deep\n');
    expect(bundle.file('notes', 'NOTES.md')).toBe('notes\n');
    expect(readlinkSync(join(bundle.tree('tool'), 'link'))).toBe('src/deep/a.txt');
    expect(lstatSync(join(bundle.tree('tool'), 'run.sh')).mode & 0o777).toBe(0o755);
    expect(readFileSync(join(bundle.tree('tool'), 'run.sh'), 'utf8')).toContain('echo run');
  });

  it('names the branches it has when asked for another', () => {
    expect(() => fixtureBundle(path).tree('missing')).toThrow(/has no branch missing; it has/);
  });
});
