import { describe, expect, it } from 'vitest';
import { Tree } from './tree.js';

const base = () => new Tree([
  ['README.md', { content: Buffer.from('hello\n'), mode: 'file' }],
  ['bin/run', { content: Buffer.from('#!/bin/sh\n'), mode: 'executable' }],
  ['latest', { content: Buffer.from('bin/run'), mode: 'symlink' }],
]);

describe('Tree', () => {
  it('reads through to its base and lists every path sorted', () => {
    const tree = base();
    expect(tree.read('README.md', 'utf8')).toBe('hello\n');
    expect(tree.mode('bin/run')).toBe('executable');
    expect(tree.exists('missing')).toBe(false);
    expect(tree.list()).toEqual(['README.md', 'bin/run', 'latest']);
    expect(tree.changes()).toEqual([]);
  });

  it('starts from a Map or a plain object of text and bytes, with the modes it is told', () => {
    const fromMap = Tree.fromFiles(new Map<string, string | Buffer>([['bin/run', Buffer.from('#!/bin/sh\n')], ['README.md', 'hello\n']]), (path) => (path.startsWith('bin/') ? 'executable' : 'file'));
    expect(fromMap.get('bin/run')).toEqual({ content: Buffer.from('#!/bin/sh\n'), mode: 'executable' });
    expect(fromMap.get('README.md')).toEqual({ content: Buffer.from('hello\n'), mode: 'file' });
    const fromObject = Tree.fromFiles({ 'a.ts': 'export {};\n' });
    expect(fromObject.read('a.ts', 'utf8')).toBe('export {};\n');
    expect(fromObject.changes()).toEqual([]);
  });

  it('records created, updated and deleted files with what they were and are', () => {
    const tree = base();
    tree.write('src/a.ts', 'export {};\n');
    tree.write('README.md', 'hello again\n');
    tree.delete('latest');
    expect(tree.changes()).toEqual([
      { path: 'README.md', kind: 'updated', before: { content: Buffer.from('hello\n'), mode: 'file' }, after: { content: Buffer.from('hello again\n'), mode: 'file' } },
      { path: 'latest', kind: 'deleted', before: { content: Buffer.from('bin/run'), mode: 'symlink' } },
      { path: 'src/a.ts', kind: 'created', after: { content: Buffer.from('export {};\n'), mode: 'file' } },
    ]);
    expect(tree.list()).toEqual(['README.md', 'bin/run', 'src/a.ts']);
    expect(tree.size).toBe(3);
  });

  it('keeps a mode on rewrite, changes it when told, and counts a mode change as a change', () => {
    const tree = base();
    tree.write('bin/run', '#!/bin/sh\nexit 0\n');
    expect(tree.mode('bin/run')).toBe('executable');
    tree.write('bin/run', '#!/bin/sh\n');
    expect(tree.changes()).toEqual([]);
    tree.setMode('README.md', 'executable');
    tree.symlink('docs', 'README.md');
    expect(tree.changes().map((c) => [c.path, c.kind, c.after?.mode])).toEqual([['README.md', 'updated', 'executable'], ['docs', 'created', 'symlink']]);
    expect(() => tree.setMode('nothing', 'file')).toThrow(/No file "nothing"/);
  });

  it('forgets a file created and deleted again, and brings back a deleted one written again', () => {
    const tree = base();
    tree.write('tmp', 'x');
    tree.delete('tmp');
    tree.delete('README.md');
    tree.write('README.md', 'hello\n');
    expect(tree.changes()).toEqual([]);
  });

  it('forks into a tree whose base is its current files, and neither sees the writes of the other', () => {
    const tree = base();
    tree.write('README.md', 'changed\n');
    tree.delete('latest');
    tree.write('new.txt', 'new\n');
    const fork = tree.fork();
    expect(fork.entries()).toEqual(tree.entries());
    expect(fork.mode('bin/run')).toBe('executable');
    expect(fork.changes()).toEqual([]);
    fork.write('bin/run', 'exit 0\n');
    fork.delete('new.txt');
    expect(tree.read('bin/run', 'utf8')).toBe('#!/bin/sh\n');
    expect(tree.exists('new.txt')).toBe(true);
    tree.write('other.txt', 'x');
    expect(fork.exists('other.txt')).toBe(false);
    expect(fork.changes().map(({ path, kind }) => [path, kind])).toEqual([['bin/run', 'updated'], ['new.txt', 'deleted']]);
  });

  it('refuses paths outside the tree', () => {
    for (const path of ['/etc/passwd', '../up', 'a//b', './a', 'a/../b']) expect(() => new Tree().write(path, 'x'), path).toThrow(/outside the tree/);
    expect(() => new Tree([['../x', { content: Buffer.from(''), mode: 'file' }]])).toThrow(/outside the tree/);
  });
});
