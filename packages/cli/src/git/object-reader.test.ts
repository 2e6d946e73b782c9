import { chmodSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { git } from '@ai-factory/testing';
import { describe, expect, it } from 'vitest';
import { ObjectReader, ObjectReaderError } from './object-reader.js';
import { readSnapshot } from './trees.js';

/** A repository whose one commit has nested folders, odd names, a large binary file, modes and a submodule. */
async function sampleRepository(): Promise<{ dir: string; large: Buffer }> {
  const dir = mkdtempSync(join(tmpdir(), 'object-reader-'));
  await git(dir, 'init', '--quiet', '--initial-branch=main');
  mkdirSync(join(dir, 'a/b/c'), { recursive: true });
  writeFileSync(join(dir, 'README.md'), '# top\n');
  writeFileSync(join(dir, 'a/b/c/deep.txt'), 'deep\n');
  writeFileSync(join(dir, 'a/with space "quoted" é.txt'), 'odd name\n');
  // Larger than a pipe's buffer, with every byte value: the reader must reassemble it across chunks.
  const large = Buffer.alloc(3 * 1024 * 1024 + 7, 0);
  for (let i = 0; i < large.length; i += 1) large[i] = (i * 31) % 256;
  writeFileSync(join(dir, 'a/large.bin'), large);
  writeFileSync(join(dir, 'run.sh'), '#!/bin/sh\necho ok\n');
  chmodSync(join(dir, 'run.sh'), 0o755);
  symlinkSync('README.md', join(dir, 'link.md'));
  await git(dir, 'add', '--all');
  // A submodule entry (a commit of another repository) without the other repository.
  await git(dir, 'update-index', '--add', '--cacheinfo', `160000,${'1'.repeat(40)},vendor/lib`);
  await git(dir, 'commit', '--quiet', '-m', 'sample');
  return { dir, large };
}

describe('ObjectReader and readSnapshot', () => {
  it('read every file of a commit with its mode, skipping submodules, through one git process', async () => {
    const { dir, large } = await sampleRepository();
    const reader = new ObjectReader(dir);
    try {
      const tree = await readSnapshot(reader, 'HEAD');
      expect(tree.list()).toEqual(['README.md', 'a/b/c/deep.txt', 'a/large.bin', 'a/with space "quoted" é.txt', 'link.md', 'run.sh']);
      expect(tree.read('a/b/c/deep.txt', 'utf8')).toBe('deep\n');
      expect(tree.read('a/large.bin')!.equals(large)).toBe(true);
      expect(tree.read('link.md', 'utf8')).toBe('README.md');
      expect(['run.sh', 'link.md', 'README.md', 'a/b/c/deep.txt'].map((path) => tree.mode(path))).toEqual(['executable', 'symlink', 'file', 'file']);
      expect(tree.changes()).toEqual([]);
    } finally {
      await reader.close();
    }
  });

  it('answers pipelined requests in order, with undefined for names that do not exist', async () => {
    const { dir } = await sampleRepository();
    const head = (await git(dir, 'rev-parse', 'HEAD')).trim();
    const reader = new ObjectReader(dir);
    try {
      const answers = await reader.readAll(['HEAD^{commit}', 'refs/heads/nope^{commit}', 'HEAD:README.md', 'HEAD:a/large.bin', 'HEAD:missing.txt', 'HEAD:run.sh']);
      expect(answers.map((object) => object?.type)).toEqual(['commit', undefined, 'blob', 'blob', undefined, 'blob']);
      expect(answers[0]!.oid).toBe(head);
      expect(answers[2]!.content.toString()).toBe('# top\n');
      expect(answers[5]!.content.toString()).toContain('echo ok');
      // Requests made while others are in flight keep their order too.
      const [readme, deep] = await Promise.all([reader.read('HEAD:README.md'), reader.read('HEAD:a/b/c/deep.txt')]);
      expect([readme!.content.toString(), deep!.content.toString()]).toEqual(['# top\n', 'deep\n']);
      await expect(reader.read('HEAD\nHEAD')).rejects.toThrow('line breaks');
    } finally {
      await reader.close();
    }
  });

  it('fails with what git said when the directory is not a repository', async () => {
    const reader = new ObjectReader(mkdtempSync(join(tmpdir(), 'not-a-repo-')));
    const error = await reader.read('HEAD^{commit}').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ObjectReaderError);
    expect((error as ObjectReaderError).stderr).toMatch(/not a git repository/i);
    await reader.close();
  });
});
