/**
 * The codemods on a tree: every TypeScript file that imports the shared package (the team's own files
 * too, not only the factory's), read and written byte for byte. What they cannot migrate stops the
 * upgrade with every problem at its file:line.
 */
import { formatProblem, TYPESCRIPT_FILE, type Codemod, type CodemodResult, type CodemodRunner } from '@ai-factory/codemods';
import { Tree } from '@ai-factory/tree';
import { ContentCache, type KeyPart } from './content-cache.js';
import { UpgradeError } from './report.js';

/** A tree's files as path → bytes, what the merge, the codemods and the checks read: the one conversion to it. */
export const fileContents = (tree: Tree): Map<string, Buffer> => new Map(tree.entries().map(([path, entry]) => [path, entry.content]));

/** The upgrade's files as the Tree the codemods and the type checker read: the one conversion from path → bytes. */
export function projectTree(files: ReadonlyMap<string, Buffer>, links: ReadonlySet<string>): Tree {
  return Tree.fromFiles(files, (path) => (links.has(path) ? 'symlink' : 'file'));
}

/**
 * What the codemods and the type checker read of a tree, as cache key parts: every TypeScript-named file's
 * path, kind and bytes (a superset of what they read, so equal keys mean equal inputs).
 */
export function* typescriptKey(files: ReadonlyMap<string, Buffer>, links: ReadonlySet<string>): Generator<KeyPart> {
  for (const [path, content] of files) {
    if (TYPESCRIPT_FILE.test(path)) yield* [path, links.has(path) ? 'link' : 'file', content];
  }
}

export interface Migrated {
  files: ReadonlyMap<string, Buffer>;
  /** Codemods that changed something. */
  applied: string[];
  /** The paths each codemod of `applied` changed. */
  filesByCodemod: Record<string, string[]>;
  /** Paths whose content the codemods changed. */
  changed: string[];
}

/**
 * The codemods' answer depends only on the sources (paths and texts) and on which codemods run: the
 * pristine base of every repository made from the same preset and version is migrated once per process.
 */
const migrated = new ContentCache<{ result: CodemodResult; changes: { path: string; content: Buffer }[] }>();

/** Applies `codemods` to a tree; `links` are the paths that are symbolic links in it. */
export function migrate(files: ReadonlyMap<string, Buffer>, links: ReadonlySet<string>, codemods: readonly Codemod[], runner: CodemodRunner): Migrated {
  if (codemods.length === 0) return { files, applied: [], filesByCodemod: {}, changed: [] };
  const key = [...codemods.flatMap(({ name, introducedIn }) => [name, introducedIn]), 'sources', ...typescriptKey(files, links)];
  const { result, changes } = migrated.get(key, () => {
    const tree = projectTree(files, links);
    const outcome = runner.run(tree, codemods);
    // Codemods only rewrite files, so every change has an `after`.
    return { result: outcome, changes: tree.changes().map(({ path, after }) => ({ path, content: after!.content })) };
  });
  if (result.problems.length > 0) {
    const [first] = result.problems;
    throw new UpgradeError(
      'codemod',
      `The codemods cannot migrate this code safely; change it by hand as said, commit, then run the upgrade again:\n${result.problems.map(formatProblem).join('\n')}`,
      { file: first!.path, line: first!.line, column: first!.column },
    );
  }
  const migratedFiles = new Map(files);
  for (const { path, content } of changes) migratedFiles.set(path, content);
  return {
    files: migratedFiles,
    applied: result.applied.map((entry) => entry.codemod),
    filesByCodemod: Object.fromEntries(result.applied.map((entry) => [entry.codemod, entry.files])),
    changed: changes.map((change) => change.path),
  };
}
