/** Chooses the codemods an upgrade needs: every one introduced after the project's version, up to the target. */
import semver from 'semver';
import type { Codemod } from './codemod.js';

/**
 * Codemods with `from < introducedIn <= to`, oldest first, so skipping versions never skips a migration.
 * @example selectCodemods(all, '1.2.0', '3.0.0') // the 2.0.0 codemods, then the 3.0.0 ones
 */
export function selectCodemods(codemods: readonly Codemod[], from: string, to: string): Codemod[] {
  return codemods
    .filter((codemod) => semver.gt(codemod.introducedIn, from) && semver.lte(codemod.introducedIn, to))
    .sort((a, b) => semver.compare(a.introducedIn, b.introducedIn) || a.name.localeCompare(b.name));
}
