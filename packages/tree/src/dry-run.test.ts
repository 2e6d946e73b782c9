import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { describeChanges, dryRunDiff } from './dry-run.js';
import { Tree } from './tree.js';

const run = promisify(execFile);
// git diff exits 1 when the sides differ: that is its answer, not a failure.
const git = (args: readonly string[], cwd: string) => run('git', args, { cwd }).then((r) => r.stdout, (error: { stdout: string }) => error.stdout);

const changed = () => {
  const tree = new Tree([
    ['kept.txt', { content: Buffer.from('same\n'), mode: 'file' }],
    ['old.txt', { content: Buffer.from('gone\n'), mode: 'file' }],
    ['notes.md', { content: Buffer.from('one\n'), mode: 'file' }],
  ]);
  tree.write('notes.md', 'two\n');
  tree.delete('old.txt');
  tree.write('new.txt', 'fresh\n');
  return tree;
};

describe('describeChanges', () => {
  it('lists each change with its label and size, in path order', () => {
    expect(describeChanges(changed())).toEqual(['created        6 B  new.txt', 'updated        4 B  notes.md', 'deleted        5 B  old.txt']);
    expect(describeChanges(changed(), (change) => (change.path === 'new.txt' ? 'team' : 'factory'))[0]).toBe('team           6 B  new.txt');
  });
});

describe('dryRunDiff', () => {
  it('is the git diff of the base against the tree, with only the changed files', async () => {
    const diff = await dryRunDiff(changed(), git);
    expect(diff).toMatch(/^\+\+\+ b\/b\/new\.txt$/m);
    expect(diff).toMatch(/^-one\n\+two$/m);
    expect(diff).toMatch(/^--- a\/a\/old\.txt$/m);
    expect(diff).not.toContain('kept.txt');
  });

  it('is empty for a tree without changes', async () => {
    expect(await dryRunDiff(new Tree([['a', { content: Buffer.from('a'), mode: 'file' }]]), git)).toBe('');
  });
});
