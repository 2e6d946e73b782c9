/**
 * Three-way merge of one file, never `.rej` files. The three versions are compared in the factory's line
 * style, TypeScript imports as sets, lines the team only added around the factory's text go around the new
 * text, and YAML, JSON and TOML files merge by key path (structured/merge.ts), so that what only looks like
 * a dispute (CRLF lines, a byte order mark, an import line that grew a name, a section appended to a
 * README, keys added next to each other) merges cleanly. What is left is `git merge-file`'s line merge,
 * done in process (line-merge/three-way.ts) with the same bytes and conflicts: no git process and no
 * temporary files per merged file, which a fleet upgrade would pay in every repository.
 */
import { mergeAroundBase } from './around-base.js';
import { mergeImportSets } from './import-sets.js';
import { mergeLines } from './line-merge/three-way.js';
import { teamStyle, toFactoryStyle, toTeamStyle } from './line-style.js';
import { mergeStructured } from './structured/merge.js';

export interface MergeResult {
  content: Buffer;
  /** Number of conflict hunks; the content then holds standard conflict markers. */
  conflicts: number;
}

/** Git's test for binary content: a NUL byte in the first 8000 bytes. */
const isBinary = (content: Buffer) => content.subarray(0, 8000).includes(0);

const TYPESCRIPT = /\.[cm]?tsx?$/;

/** Latin-1 maps each byte to one character and back, so the import merge keeps any encoding's bytes. */
function withImportsMerged(path: string, versions: { base: Buffer; ours: Buffer; theirs: Buffer }) {
  if (!TYPESCRIPT.test(path)) return versions;
  const merged = mergeImportSets({ base: versions.base.toString('latin1'), ours: versions.ours.toString('latin1'), theirs: versions.theirs.toString('latin1') });
  return { base: Buffer.from(merged.base, 'latin1'), ours: Buffer.from(merged.ours, 'latin1'), theirs: Buffer.from(merged.theirs, 'latin1') };
}

/**
 * Merges the changes from `base` to `theirs` (the new factory render) into `ours` (the team's file). Binary
 * content has no lines to merge: the team's file is kept, as one conflict for the team to decide.
 * @example mergeFile(path, { base, ours, theirs }) // { content, conflicts: 0 }
 */
export function mergeFile(path: string, versions: { base: Buffer; ours: Buffer; theirs: Buffer }): MergeResult {
  if (Object.values(versions).some(isBinary)) return { content: versions.ours, conflicts: 1 };
  const style = teamStyle(versions.ours, versions.base);
  const compared = withImportsMerged(path, {
    base: versions.base,
    ours: toFactoryStyle(versions.ours, style),
    theirs: versions.theirs,
  });
  const merged = mergeAroundBase(compared) ?? mergeStructured(path, compared);
  if (merged) return { content: toTeamStyle(merged, style), conflicts: 0 };
  const result = mergeLines(compared, { ours: `${path} (yours)`, theirs: `${path} (new factory version)` });
  return { content: toTeamStyle(result.content, style), conflicts: result.conflicts };
}
