import { chmodSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { git, repoState, teamEdit, treeState } from './team-repos.js';

async function repo(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'team-repo-'));
  await git(dir, 'init', '--quiet', '--initial-branch=main');
  await teamEdit(dir, 'Start', { 'README.md': () => '# Start\n' });
  return dir;
}

describe('a team repository', () => {
  it('commits as the team, edits creating files and folders, and answers without the final newline', async () => {
    const dir = await repo();
    await teamEdit(dir, 'Notes', { 'README.md': (text) => `${text}More.\n`, 'deep/notes.md': (text) => `${text}new\n` });
    expect(await git(dir, 'log', '--format=%an <%ae> %s')).toBe('Team <team@example.com> Notes\nTeam <team@example.com> Start');
    expect(await git(dir, 'show', 'HEAD:README.md')).toBe('# Start\nMore.');
    expect(await git(dir, 'show', 'HEAD:deep/notes.md')).toBe('new');
  });

  it('states the tree with modes and links, never following them', async () => {
    const dir = await repo();
    writeFileSync(join(dir, 'run.sh'), 'echo\n');
    chmodSync(join(dir, 'run.sh'), 0o755);
    symlinkSync('/nowhere', join(dir, 'away'));
    const state = treeState(dir);
    expect(state['away']).toBe('link /nowhere');
    expect(state['run.sh']).toMatch(/^file 755 [0-9a-f]{64}$/);
    expect(Object.keys(state).some((path) => path.startsWith('.git'))).toBe(false);
  });

  it('tells a repository apart from itself after a ref or the index changes', async () => {
    const dir = await repo();
    const before = await repoState(dir);
    expect(await repoState(dir)).toEqual(before);
    await git(dir, 'branch', 'other');
    const branched = await repoState(dir);
    expect(branched.refs).not.toEqual(before.refs);
    writeFileSync(join(dir, 'staged.txt'), 'x\n');
    await git(dir, 'add', 'staged.txt');
    expect((await repoState(dir)).index).not.toEqual(branched.index);
  });
});
