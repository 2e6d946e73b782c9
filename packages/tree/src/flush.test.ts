import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { flushToDirectory, FlushError, writeFiles } from './flush.js';
import { Tree } from './tree.js';

const sample = () => {
  const tree = new Tree();
  tree.write('README.md', 'hello\n');
  tree.write('scripts/run.sh', '#!/bin/sh\n', 'executable');
  tree.symlink('run', 'scripts/run.sh');
  return tree;
};

describe('writeFiles', () => {
  it('writes contents, executables and symbolic links under the folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tree-write-'));
    writeFiles(sample(), dir);
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toBe('hello\n');
    expect(statSync(join(dir, 'scripts/run.sh')).mode & 0o111).not.toBe(0);
    expect(statSync(join(dir, 'README.md')).mode & 0o111).toBe(0);
    expect(lstatSync(join(dir, 'run')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, 'run'))).toBe('scripts/run.sh');
  });
});

describe('flushToDirectory', () => {
  it('moves the written tree into place after `finish` ran in it, leaving no staging folder', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'tree-flush-'));
    const target = join(parent, 'demo');
    await flushToDirectory(sample(), target, { finish: (dir) => Promise.resolve(writeFileSync(join(dir, 'finished'), '')) });
    expect(readdirSync(target).sort()).toEqual(['README.md', 'finished', 'run', 'scripts']);
    expect(readdirSync(parent)).toEqual(['demo']);
  });

  it('leaves a non-empty target as it was and removes its staging folder when the rename fails', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'tree-flush-'));
    const target = join(parent, 'demo');
    mkdirSync(target);
    writeFileSync(join(target, 'mine.txt'), 'keep');
    await expect(flushToDirectory(sample(), target)).rejects.toThrow(FlushError);
    expect(readdirSync(target)).toEqual(['mine.txt']);
    expect(readFileSync(join(target, 'mine.txt'), 'utf8')).toBe('keep');
    expect(readdirSync(parent)).toEqual(['demo']);
  });

  it('writes nothing when `finish` fails, and passes its error on as the cause', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'tree-flush-'));
    const failure = new Error('install failed');
    const flushed = flushToDirectory(sample(), join(parent, 'demo'), { finish: () => Promise.reject(failure) });
    await expect(flushed).rejects.toMatchObject({ message: expect.stringContaining('install failed'), cause: failure });
    expect(readdirSync(parent)).toEqual([]);
  });

  it('says which folder it cannot write in', async () => {
    const missing = join(mkdtempSync(join(tmpdir(), 'tree-flush-')), 'no', 'such');
    await expect(flushToDirectory(sample(), join(missing, 'demo'))).rejects.toThrow(`Cannot write in ${missing}: ENOENT.`);
    expect(existsSync(missing)).toBe(false);
  });
});
