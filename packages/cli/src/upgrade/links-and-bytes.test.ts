/**
 * Links, bytes and modes are data: an upgrade never follows a link, never writes through one, and gives
 * every file back with the encoding, byte order mark, line endings and mode it had.
 */
import { chmodSync, cpSync, lstatSync, mkdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { git, repoState, teamEdit, treeState } from '@ai-factory/testing';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { repoFrom, upgradeContext, withReadmeConflict } from './test-repos.js';
import { upgradeRepository } from './upgrade.js';

const context = await upgradeContext();
const CONFIG = 'ai-factory.config.ts';

/** A file of a commit, as bytes (`git show` would decode it). */
async function blobAt(dir: string, ref: string, path: string): Promise<{ mode: string; content: Buffer }> {
  const [mode, , oid] = (await git(dir, 'ls-tree', ref, '--', path)).split(/\s+/);
  const { stdout } = await execa('git', ['cat-file', 'blob', oid!], { cwd: dir, encoding: 'buffer', stripFinalNewline: false });
  return { mode: mode!, content: Buffer.from(stdout) };
}

/** Replaces a tracked file by a link and commits it. */
async function linkInstead(dir: string, path: string, target: string): Promise<void> {
  rmSync(join(dir, path), { recursive: true, force: true });
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  symlinkSync(target, join(dir, path));
  await git(dir, 'add', '--all');
  await git(dir, 'commit', '--quiet', '-m', `${path} is a link`);
}

describe('links', () => {
  it('a template file the team replaced by a link to a file outside the repository stays that link, and nothing is written through it', async () => {
    const dir = await repoFrom('factory-0.1.0/azure-tabular');
    // The factory changed the README between the versions and the team rewrote it: a conflict for a file.
    await withReadmeConflict(dir);
    const outside = join(dirname(dir), 'outside');
    mkdirSync(outside);
    writeFileSync(join(outside, 'ORG_README.md'), '# The organisation\'s README\n');
    await linkInstead(dir, 'README.md', '../outside/ORG_README.md');
    const outsideBefore = treeState(outside);

    const { report } = await upgradeRepository(dir, context);
    expect(report, JSON.stringify(report.error)).toMatchObject({ status: 'upgraded', conflicts: [], keptLinks: ['README.md'] });
    expect(treeState(outside)).toEqual(outsideBefore);
    expect(await blobAt(dir, report.branch!, 'README.md')).toEqual({ mode: '120000', content: Buffer.from('../outside/ORG_README.md') });
    expect(readlinkSync(join(dir, 'README.md'))).toBe('../outside/ORG_README.md');
  });

  it('a link to a file inside the repository: its target is never overwritten, in the working tree or on the branch', async () => {
    const dir = await repoFrom('factory-0.1.0/azure-tabular');
    await withReadmeConflict(dir);
    await teamEdit(dir, 'Our own README', { 'docs/TEAM_README.md': () => '# Churn, as the growth team tells it\n' });
    await linkInstead(dir, 'README.md', 'docs/TEAM_README.md');
    const before = treeState(dir);

    const { report } = await upgradeRepository(dir, context);
    expect(report, JSON.stringify(report.error)).toMatchObject({ status: 'upgraded', keptLinks: ['README.md'] });
    expect(treeState(dir)).toEqual(before);
    expect((await blobAt(dir, report.branch!, 'docs/TEAM_README.md')).content.toString()).toBe('# Churn, as the growth team tells it\n');
    expect((await blobAt(dir, report.branch!, 'README.md')).mode).toBe('120000');
  });

  it('a change under a folder the team replaced by a link is refused, naming the link, and nothing changes', async () => {
    const dir = await repoFrom('factory-0.1.0/azure-tabular');
    // infra/ now lives in a repository shared by several projects; the upgrade re-synthesizes files in it.
    const shared = join(dirname(dir), 'platform-infra');
    mkdirSync(shared);
    cpSync(join(dir, 'infra'), join(shared, 'infra'), { recursive: true });
    await linkInstead(dir, 'infra', '../platform-infra/infra');
    const sharedBefore = treeState(shared);
    const before = await repoState(dir);

    const { report } = await upgradeRepository(dir, context);
    expect(report).toMatchObject({ status: 'failed', error: { code: 'blocked-path', message: expect.stringContaining('infra') } });
    expect(report.filesChanged).toEqual([]);
    expect(await repoState(dir)).toEqual(before);
    expect(treeState(shared)).toEqual(sharedBefore);
  });

  it('a file the team made executable keeps its mode through an update, and a link stays a link on a second run', async () => {
    const dir = await repoFrom('factory-0.1.0/azure-tabular');
    chmodSync(join(dir, 'Dockerfile.serve'), 0o755);
    await git(dir, 'add', '--all');
    await git(dir, 'commit', '--quiet', '-m', 'executable');
    const { report } = await upgradeRepository(dir, context);
    expect(report.status, JSON.stringify(report.error)).toBe('upgraded');
    expect((await blobAt(dir, report.branch!, 'Dockerfile.serve')).mode).toBe('100755');
  });
});

describe('bytes', () => {
  const bytesOf = (dir: string) => readFileSync(join(dir, CONFIG));
  const commitBytes = async (dir: string, content: Buffer) => {
    writeFileSync(join(dir, CONFIG), content);
    await git(dir, 'commit', '--quiet', '-am', 'config bytes');
  };

  it('Latin-1 bytes in ai-factory.config.ts stay exactly those bytes while the codemods migrate the file', async () => {
    const dir = await repoFrom('factory-0.1.0/azure-tabular');
    const comment = Buffer.from('// Propri\xe9t\xe9 de l\'\xe9quipe growth: ne pas modifier \xe0 la main.\n', 'latin1');
    const original = bytesOf(dir);
    await commitBytes(dir, Buffer.concat([comment, original]));

    const { report } = await upgradeRepository(dir, context);
    expect(report.status, JSON.stringify(report.error)).toBe('upgraded');
    const migrated = (await blobAt(dir, report.branch!, CONFIG)).content;
    expect(migrated.subarray(0, comment.length).equals(comment)).toBe(true);
    expect(migrated.includes(Buffer.from('\uFFFD'))).toBe(false);
    expect(migrated.toString('latin1')).toContain('defineMlProject');
  });

  it('a UTF-8 byte order mark is kept', async () => {
    const dir = await repoFrom('factory-0.1.0/azure-tabular');
    await commitBytes(dir, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytesOf(dir)]));
    const { report } = await upgradeRepository(dir, context);
    expect(report.status, JSON.stringify(report.error)).toBe('upgraded');
    const migrated = (await blobAt(dir, report.branch!, CONFIG)).content;
    expect([...migrated.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(migrated.toString('utf8')).toContain('defineMlProject');
  });

  it('a CRLF config gets CRLF lines from the codemods', async () => {
    const dir = await repoFrom('factory-0.1.0/azure-tabular');
    await commitBytes(dir, Buffer.from(bytesOf(dir).toString('utf8').replace(/\n/g, '\r\n')));
    const { report } = await upgradeRepository(dir, context);
    expect(report.status, JSON.stringify(report.error)).toBe('upgraded');
    const migrated = (await blobAt(dir, report.branch!, CONFIG)).content.toString('utf8');
    expect(migrated).toContain('drift: drift()');
    expect(migrated.match(/(?<!\r)\n/g)).toBeNull();
  });

  it('the working tree is not touched, links included', async () => {
    const dir = await repoFrom('factory-0.1.0/azure-tabular');
    await linkInstead(dir, 'docs/latest.md', '../README.md');
    const before = treeState(dir);
    const { report } = await upgradeRepository(dir, context);
    expect(report.status, JSON.stringify(report.error)).toBe('upgraded');
    expect(treeState(dir)).toEqual(before);
    expect(lstatSync(join(dir, 'docs/latest.md')).isSymbolicLink()).toBe(true);
  });
});
