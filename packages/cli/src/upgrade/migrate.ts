/**
 * The codemods on a tree: every TypeScript file that imports the shared package (the team's own files
 * too, not only the factory's), read and written byte for byte. What they cannot migrate stops the
 * upgrade with every problem at its file:line.
 */
import { formatProblem, type Codemod, type CodemodResult, type CodemodRunner } from '@ai-factory/codemods';
import type { FileMap } from '../git/trees.js';
import { ContentCache } from './content-cache.js';
import { decodeSource, encodeSource, type SourceEncoding } from './source-text.js';
import { UpgradeError } from './report.js';

export const TYPESCRIPT_FILE = /\.(c|m)?tsx?$/;

/**
 * A tree's TypeScript: regular files (links are data to keep, never sources to edit) whose names say
 * TypeScript, outside installed packages.
 */
export function typescriptFiles(files: FileMap, links: ReadonlySet<string>): { path: string; text: string; encoding: SourceEncoding }[] {
  return [...files]
    .filter(([path]) => TYPESCRIPT_FILE.test(path) && !links.has(path) && !path.split('/').includes('node_modules'))
    .map(([path, content]) => ({ path, ...decodeSource(content) }));
}

export interface Migrated {
  files: FileMap;
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
const migrated = new ContentCache<CodemodResult>();

/** Applies `codemods` to a tree; `links` are the paths that are symbolic links in it. */
export function migrate(files: FileMap, links: ReadonlySet<string>, codemods: readonly Codemod[], runner: CodemodRunner): Migrated {
  if (codemods.length === 0) return { files, applied: [], filesByCodemod: {}, changed: [] };
  const sources = typescriptFiles(files, links);
  const key = [...codemods.flatMap(({ name, introducedIn }) => [name, introducedIn]), 'sources', ...sources.flatMap(({ path, text }) => [path, text])];
  const result = migrated.get(key, () => runner.run(sources, codemods));
  if (result.problems.length > 0) {
    const [first] = result.problems;
    throw new UpgradeError(
      'codemod',
      `The codemods cannot migrate this code safely; change it by hand as said, commit, then run the upgrade again:\n${result.problems.map(formatProblem).join('\n')}`,
      { file: first!.path, line: first!.line, column: first!.column },
    );
  }
  const encodings = new Map(sources.map((source) => [source.path, source.encoding]));
  const migratedFiles = new Map(files);
  for (const { path, text } of result.changed) migratedFiles.set(path, encodeSource(path, text, encodings.get(path)!));
  return {
    files: migratedFiles,
    applied: result.applied.map((entry) => entry.codemod),
    filesByCodemod: Object.fromEntries(result.applied.map((entry) => [entry.codemod, entry.files])),
    changed: result.changed.map((file) => file.path),
  };
}
