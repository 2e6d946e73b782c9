import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { git } from '@ai-factory/testing';
import { describe, expect, it } from 'vitest';
import { updateRefs } from './refs.js';

async function repository(): Promise<{ dir: string; first: string; second: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'refs-'));
  await git(dir, 'init', '--quiet', '--initial-branch=main');
  writeFileSync(join(dir, 'a.txt'), 'a\n');
  await git(dir, 'add', '--all');
  await git(dir, 'commit', '--quiet', '-m', 'first');
  const first = await git(dir, 'rev-parse', 'HEAD');
  await git(dir, 'commit', '--quiet', '--allow-empty', '-m', 'second');
  return { dir, first, second: await git(dir, 'rev-parse', 'HEAD') };
}

describe('updateRefs', () => {
  it('creates, deletes and verifies in one transaction', async () => {
    const { dir, first, second } = await repository();
    await git(dir, 'branch', 'old', first);
    await updateRefs(dir, [{ create: 'refs/heads/new', oid: first }, { create: 'refs/ai-factory/pristine/9.9.9', oid: second }, { delete: 'refs/heads/old', oid: first }, { verify: 'HEAD', oid: second }]);
    expect(await git(dir, 'for-each-ref', '--format=%(refname) %(objectname)')).toBe([`refs/ai-factory/pristine/9.9.9 ${second}`, `refs/heads/main ${second}`, `refs/heads/new ${first}`].join('\n'));
  });

  it('moves a ref from where it was', async () => {
    const { dir, first, second } = await repository();
    await git(dir, 'branch', 'moving', first);
    await updateRefs(dir, [{ update: 'refs/heads/moving', oid: second, old: first }]);
    expect(await git(dir, 'rev-parse', 'refs/heads/moving')).toBe(second);
  });

  it.each([
    ['a ref to create exists already', (first: string) => [{ create: 'refs/heads/taken', oid: first }]],
    ['HEAD moved meanwhile', (first: string) => [{ verify: 'HEAD', oid: first }]],
    ['a ref to delete moved', (first: string) => [{ delete: 'refs/heads/taken', oid: first }]],
    ['a ref to update moved', (first: string) => [{ update: 'refs/heads/taken', oid: first, old: first }]],
  ])('moves nothing when %s', async (_, failing) => {
    const { dir, first, second } = await repository();
    await git(dir, 'branch', 'taken', second);
    const before = await git(dir, 'for-each-ref');
    await expect(updateRefs(dir, [{ create: 'refs/heads/fresh', oid: first }, ...failing(first)])).rejects.toThrow('git update-ref failed');
    expect(await git(dir, 'for-each-ref')).toBe(before);
  });
});
