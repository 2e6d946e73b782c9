import { describe, expect, it } from 'vitest';
import { mergeFile } from './merge.js';
import { planTemplateFiles, type PlannedFile } from './plan.js';

const b = (text: string) => Buffer.from(text);
const files = (entries: Record<string, string>) => new Map(Object.entries(entries).map(([path, text]) => [path, b(text)]));

function plan(base: Record<string, string>, ours: Record<string, string>, theirs: Record<string, string>) {
  const planned = planTemplateFiles([...Object.keys(base), ...Object.keys(ours), ...Object.keys(theirs)], { base: files(base), ours: files(ours), theirs: files(theirs) }, mergeFile);
  return Object.fromEntries(planned.map((p: PlannedFile) => [p.path, [p.outcome, p.content?.toString() ?? null]]));
}

describe('planTemplateFiles', () => {
  it('takes the new render where the team changed nothing, and keeps the team\'s file where the factory changed nothing', () => {
    expect(plan({ a: '1\n', b: '1\n' }, { a: '1\n', b: 'mine\n' }, { a: '2\n', b: '1\n' })).toEqual({
      a: ['updated', '2\n'],
      b: ['unchanged', 'mine\n'],
    });
  });

  it('merges edits on both sides line by line as git merge-file does, and marks overlapping ones as conflicts', () => {
    const base = 'one\ntwo\nthree\nfour\nfive\n';
    expect(plan({ f: base }, { f: 'one\ntwo\nthree\nfour\nfive\nsix (team)\n' }, { f: 'ONE\ntwo\nthree\nfour\nfive\n' })).toEqual({
      f: ['merged', 'ONE\ntwo\nthree\nfour\nfive\nsix (team)\n'],
    });
    const [outcome, content] = plan({ f: 'x = 1\n' }, { f: 'x = 2\n' }, { f: 'x = 3\n' }).f!;
    expect(outcome).toBe('conflict');
    expect(content).toBe('<<<<<<< f (yours)\nx = 2\n=======\nx = 3\n>>>>>>> f (new factory version)\n');
  });

  it('keeps files the team deleted deleted, adds new files, and drops only unedited files the factory removed', () => {
    expect(plan({ gone: 'g\n', dropped: 'd\n', edited: 'e\n' }, { dropped: 'd\n', edited: 'e!\n' }, { gone: 'g2\n', fresh: 'n\n' })).toEqual({
      gone: ['deleted-by-team', null],
      dropped: ['removed', null],
      edited: ['kept', 'e!\n'],
      fresh: ['added', 'n\n'],
    });
  });
});

describe('mergeFile', () => {
  it('keeps the team\'s binary file as one conflict: git has no lines to merge in it', () => {
    const ours = Buffer.from([0x89, 0x50, 0x00, 0x01]);
    expect(mergeFile('logo.png', { base: b('old\n'), ours, theirs: b('new\n') })).toEqual({ content: ours, conflicts: 1 });
  });
});
