/** Every bad manifest, version and state is an error with a code and a message saying where, in --json too. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { git, repoState } from '@ai-factory/testing';
import { MANIFEST_PATH } from '@ai-factory/tree';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { repoFrom, upgradeContext } from './test-repos.js';
import { upgradeRepository } from './upgrade.js';

const context = await upgradeContext();
const BIN = fileURLToPath(new URL('../../dist/bin.js', import.meta.url));
const cli = (dir: string, ...args: string[]) => execa('node', [BIN, 'upgrade', dir, ...args], { reject: false });

async function withManifest(edit: (text: string) => string): Promise<string> {
  const dir = await repoFrom('factory-0.1.0/azure-tabular');
  writeFileSync(join(dir, MANIFEST_PATH), edit(readFileSync(join(dir, MANIFEST_PATH), 'utf8')));
  await git(dir, 'commit', '--quiet', '--allow-empty', '-am', 'manifest');
  return dir;
}

describe('a bad manifest', () => {
  it.each([
    ['empty', () => '', () => 'line 1, column 1'],
    // Cut inside the answers: the parser stops at the end of the text.
    ['truncated', (text: string) => text.slice(0, text.indexOf('"answers"') + 14), (cut: string) => `line ${cut.split('\n').length}, column ${cut.split('\n').at(-1)!.length + 1}`],
    ['not an object', () => '[]\n', () => 'expected object'],
  ])('%s: invalid-manifest naming the file and where, and nothing changes', async (_, edit, position) => {
    const dir = await withManifest(edit);
    const where = position(readFileSync(join(dir, MANIFEST_PATH), 'utf8'));
    const before = await repoState(dir);
    const { report } = await upgradeRepository(dir, context);
    expect(report).toMatchObject({ status: 'failed', error: { code: 'invalid-manifest' } });
    expect(report.error!.message).toContain(MANIFEST_PATH);
    expect(report.error!.message).toContain(where);
    expect(await repoState(dir)).toEqual(before);
  });

  it('the code and the position are in --json too', async () => {
    const dir = await withManifest((text) => text.slice(0, 100));
    const run = await cli(dir, '--json');
    expect(run.exitCode).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ status: 'failed', error: { code: 'invalid-manifest', file: MANIFEST_PATH, line: expect.any(Number), column: expect.any(Number) } });
  });
});

describe('a bad version', () => {
  it.each([
    ['the factory version "latest"', (text: string) => text.replace('"version": "0.1.0"', '"version": "latest"'), {}],
    ['a shared module version "1.x"', (text: string) => text.replace(/("id": "platform\/shared",\s*"version": )"1.0.0"/, '$1"1.x"'), {}],
    ['--to latest', (text: string) => text, { to: 'latest' }],
  ])('%s: invalid-version, and nothing changes', async (_, edit, options) => {
    const dir = await withManifest(edit);
    const before = await repoState(dir);
    const { report } = await upgradeRepository(dir, context, options);
    expect(report).toMatchObject({ status: 'failed', error: { code: 'invalid-version', message: expect.stringMatching(/latest|1\.x/) } });
    expect(await repoState(dir)).toEqual(before);
  });
});

/** The run's own lines, without the diff of the files (whose text may well say "undefined"). */
const reportLines = (stdout: string) => stdout.split('\n').filter((line) => !/^([+\- @\\]|diff --git |index |new file |deleted file |similarity |rename |old mode |new mode )/.test(line)).join('\n');

describe('--dry-run', () => {
  it('on a repository whose upgrade branch exists says so, with no undefined commit', async () => {
    const dir = await repoFrom('factory-0.1.0/azure-tabular');
    expect((await cli(dir)).exitCode).toBe(0);
    const run = await cli(dir, '--dry-run');
    expect(run.exitCode, run.stderr).toBe(0);
    expect(reportLines(run.stdout)).not.toContain('undefined');
    expect(run.stdout).toContain('up-to-date');
  });

  it('before any upgrade says what would be made, with no undefined commit', async () => {
    const dir = await repoFrom('factory-0.1.0/azure-tabular');
    const run = await cli(dir, '--dry-run');
    expect(run.exitCode, run.stderr).toBe(0);
    expect(reportLines(run.stdout)).not.toContain('undefined');
    expect(run.stdout).toMatch(/would create branch ai-factory\/upgrade-/);
  });
});
