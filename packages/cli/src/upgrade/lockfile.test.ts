import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { refreshedLock } from './lockfile.js';

const b = (value: unknown) => Buffer.from(typeof value === 'string' ? value : `${JSON.stringify(value, null, 2)}\n`);

/** A vendored tarball of `dep@version`, as a project generated from a source checkout carries its shared package. */
function tarball(version: string): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'lock-dep-'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'dep', version }));
  const name = execFileSync('npm', ['pack', '--silent'], { cwd: dir, encoding: 'utf8' }).trim();
  return readFileSync(join(dir, name));
}

/** A project with its lock resolved by npm, depending on the vendored `dep@version`. */
function project(version: string): Map<string, Buffer> {
  const dir = mkdtempSync(join(tmpdir(), 'lock-project-'));
  const path = `.ai-factory/packages/dep-${version}.tgz`;
  mkdirSync(join(dir, '.ai-factory/packages'), { recursive: true });
  writeFileSync(join(dir, path), tarball(version));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'demo', private: true, dependencies: { dep: `file:${path}` } }));
  execFileSync('npm', ['install', '--package-lock-only', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: dir, stdio: 'ignore' });
  return new Map(['package.json', 'package-lock.json', path].map((file) => [file, readFileSync(join(dir, file))]));
}

const lockedVersion = (lock: Buffer) => (JSON.parse(lock.toString('utf8')) as { packages: Record<string, { version?: string }> }).packages['node_modules/dep']?.version;

describe('refreshedLock', () => {
  it('resolves the lock again when the upgrade moved a dependency, so npm ci accepts the new package.json', async () => {
    const before = project('1.0.0');
    const upgraded = new Map([...project('2.0.0')].map(([path, content]) => [path, path === 'package-lock.json' ? before.get(path)! : content]));
    const lock = await refreshedLock(before, upgraded);
    expect(lockedVersion(before.get('package-lock.json')!)).toBe('1.0.0');
    expect(lockedVersion(lock!)).toBe('2.0.0');
  });

  it('leaves the lock alone when the dependencies did not change, or the project keeps none', async () => {
    const before = project('1.0.0');
    const described = new Map(before).set('package.json', b({ ...JSON.parse(before.get('package.json')!.toString()), description: 'new words' }));
    expect(await refreshedLock(before, described)).toBeUndefined();
    const noLock = new Map(before);
    noLock.delete('package-lock.json');
    expect(await refreshedLock(new Map(), noLock)).toBeUndefined();
  });

  it('fails the upgrade with npm\'s reason when the new dependencies cannot be resolved', async () => {
    const before = project('1.0.0');
    const broken = new Map(before).set('package.json', b({ name: 'demo', private: true, dependencies: { dep: 'file:.ai-factory/packages/missing.tgz' } }));
    await expect(refreshedLock(before, broken)).rejects.toMatchObject({ code: 'lockfile', message: expect.stringMatching(/could not resolve package-lock.json[\s\S]*missing\.tgz|ENOENT/) });
  });
});
