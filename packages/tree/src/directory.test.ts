import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { flushChanges, readDirectory } from './directory.js';
import { Tree } from './tree.js';

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tree-dir-'));
  mkdirSync(join(dir, 'ci'));
  writeFileSync(join(dir, 'ci/a.yml'), 'a: 1\n');
  writeFileSync(join(dir, 'run.sh'), '#!/bin/sh\n');
  chmodSync(join(dir, 'run.sh'), 0o755);
  symlinkSync('run.sh', join(dir, 'run'));
  return dir;
}

describe('readDirectory', () => {
  it('reads the paths that exist, with their modes, and skips the others', () => {
    expect(readDirectory(folder(), ['ci/a.yml', 'run.sh', 'run', 'missing', 'ci'])).toEqual([
      ['ci/a.yml', { content: Buffer.from('a: 1\n'), mode: 'file' }],
      ['run.sh', { content: Buffer.from('#!/bin/sh\n'), mode: 'executable' }],
      ['run', { content: Buffer.from('run.sh'), mode: 'symlink' }],
    ]);
  });
});

describe('flushChanges', () => {
  it('writes what changed, removes what was deleted, leaves the rest alone and returns the changes', () => {
    const dir = folder();
    const tree = new Tree(readDirectory(dir, ['ci/a.yml', 'run.sh']));
    tree.write('ci/a.yml', 'a: 1\n');
    tree.write('run.sh', '#!/bin/sh\nexit 0\n');
    tree.write('ci/b/c.yml', 'c: 1\n');
    tree.delete('ci/a.yml');
    expect(flushChanges(tree, dir).map((c) => `${c.kind} ${c.path}`)).toEqual(['deleted ci/a.yml', 'created ci/b/c.yml', 'updated run.sh']);
    expect(existsSync(join(dir, 'ci/a.yml'))).toBe(false);
    expect(readFileSync(join(dir, 'ci/b/c.yml'), 'utf8')).toBe('c: 1\n');
    expect(readFileSync(join(dir, 'run.sh'), 'utf8')).toBe('#!/bin/sh\nexit 0\n');
    expect(statSync(join(dir, 'run.sh')).mode & 0o111).not.toBe(0);
  });
});
