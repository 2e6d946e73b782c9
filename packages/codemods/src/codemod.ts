/**
 * A codemod migrates the TypeScript a project writes against `@ai-factory/shared` across one breaking
 * release. One file per codemod; `introducedIn` is the shared version whose API it migrates to.
 */
import type { SourceFile } from 'ts-morph';

export interface Codemod {
  /** Kebab-case, the same as the file name. */
  name: string;
  description: string;
  /** The `@ai-factory/shared` version that needs it: it runs when an upgrade crosses this version. */
  introducedIn: string;
  /** Running it twice changes nothing the second time (checked by the fixture test). */
  idempotent: boolean;
  /**
   * Migrates one file in place and says whether it changed anything. Find every node to change first,
   * then change them: manipulating forgets the nodes below the one changed.
   */
  transform: (file: SourceFile) => boolean;
}

/**
 * Declares a codemod.
 * @example
 * export default defineCodemod({
 *   name: 'rename-define-project', description: 'defineProject() is now defineMlProject()',
 *   introducedIn: '2.0.0', idempotent: true, transform: (file) => renameImport(file, 'defineProject', 'defineMlProject'),
 * });
 */
export function defineCodemod(codemod: Codemod): Codemod {
  return codemod;
}

/** The module specifier codemods look for. */
export const SHARED_PACKAGE = '@ai-factory/shared';
