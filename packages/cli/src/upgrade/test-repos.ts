/**
 * Test helpers of the upgrade: git repositories made from the projects of earlier factory releases, and
 * the upgrade's context. What needs nothing of the factory (git as the team, its edits, a repository's
 * state) is in @ai-factory/testing; these need the engine's pristine ref and manifest, or the CLI's own
 * context, which that package cannot import (the engine's tests depend on it).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pristineRef, type Manifest } from '@ai-factory/engine';
import { fixtureBundle, git, teamEdit } from '@ai-factory/testing';
import { MANIFEST_PATH } from '@ai-factory/tree';
import { createUpgradeContext, type UpgradeContext } from './context.js';

/** `release/preset` → the release's bundle (`__fixtures__/<release>.bundle`) and its branch. */
function fixtureOf(fixture: string) {
  const [release, preset] = fixture.split('/') as [string, string];
  return { bundle: fixtureBundle(fileURLToPath(new URL(`./__fixtures__/${release}.bundle`, import.meta.url))), preset };
}

/** A file of a project an earlier release generated (`fixture`: `release/preset`), as text. */
export const fixtureFile = (fixture: string, path: string): string => {
  const { bundle, preset } = fixtureOf(fixture);
  return bundle.file(preset, path);
};

/**
 * A repository as `create-ml-project` leaves it (`fixture`: `release/preset`, a branch of the release's
 * bundle): the fixture as the first commit, which is also the pristine render of its factory version.
 */
export async function repoFrom(fixture: string, parent = mkdtempSync(join(tmpdir(), 'upgrade-'))): Promise<string> {
  const { bundle, preset } = fixtureOf(fixture);
  const dir = join(parent, preset);
  await bundle.repository(preset, dir);
  const { factory } = JSON.parse(readFileSync(join(dir, MANIFEST_PATH), 'utf8')) as Pick<Manifest, 'factory'>;
  await git(dir, 'update-ref', pristineRef(factory.version), 'HEAD');
  return dir;
}

/**
 * The conflict recipe: the factory changed the README's title between the versions (the pristine 0.1.0
 * render had another one), while the team rewrote the same line.
 */
export async function withReadmeConflict(dir: string): Promise<{ title: string }> {
  const title = readFileSync(join(dir, 'README.md'), 'utf8').split('\n')[0]!;
  await git(dir, 'checkout', '--quiet', '-b', 'old-render');
  await teamEdit(dir, 'Older render', { 'README.md': (text) => text.replace(title, '# Old title') });
  await git(dir, 'update-ref', pristineRef('0.1.0'), 'HEAD');
  await git(dir, 'checkout', '--quiet', 'main');
  await git(dir, 'branch', '--quiet', '-D', 'old-render');
  await teamEdit(dir, 'Our title', { 'README.md': (text) => text.replace(title, '# Churn, by the growth team') });
  return { title };
}

/** What an upgrade runs with, as the CLI builds it: one per test file, as one per worker. */
export const upgradeContext = (): Promise<UpgradeContext> => createUpgradeContext();
