/**
 * Reads git's index file (`.git/index`, format versions 2 and 3): each entry's path, mode, blob and the
 * stat data git recorded when it last saw the file, and the cache tree's root, the tree the whole index
 * would commit as when git has it computed. Enough to tell a clean working tree without running git;
 * anything this reader does not know (version 4, a split or sparse index) answers undefined.
 */

export interface IndexEntry {
  path: string;
  /** `100644`, `100755` or `120000`; gitlinks are `160000`. */
  mode: string;
  oid: string;
  /** Merge stage: 0 for a resolved entry, 1–3 while a conflict waits. */
  stage: number;
  /** Assume-unchanged, skip-worktree or intent-to-add: entries git does not compare as usual. */
  special: boolean;
  /** The stat fields as the index stores them: 32-bit, truncated. */
  stat: { ctimeSec: number; ctimeNsec: number; mtimeSec: number; mtimeNsec: number; ino: number; size: number };
}

export interface IndexFile {
  entries: IndexEntry[];
  /** The root tree of the cache-tree extension, undefined when absent or invalidated by a change since. */
  tree: string | undefined;
}

const OID_BYTES = 20;
/** Extensions that change which entries exist or where they are: a split index or a sparse directory. */
const RESHAPING = new Set(['link', 'sdir']);
const ASSUME_VALID = 0x8000;
const EXTENDED = 0x4000;
const NAME_MASK = 0xfff;

/**
 * The parsed index, or undefined for a format this reader leaves to git (it never guesses).
 * @example parseIndex(readFileSync('.git/index'))?.entries.length
 */
export function parseIndex(data: Buffer): IndexFile | undefined {
  if (data.length < 12 || data.toString('latin1', 0, 4) !== 'DIRC') return undefined;
  const version = data.readUInt32BE(4);
  if (version !== 2 && version !== 3) return undefined;
  const entries: IndexEntry[] = [];
  let offset = 12;
  for (let count = data.readUInt32BE(8); count > 0; count--) {
    const flags = data.readUInt16BE(offset + 60);
    const extended = version === 3 && (flags & EXTENDED) !== 0;
    const nameStart = offset + 62 + (extended ? 2 : 0);
    // A name of 0xFFF bytes or more stores 0xFFF: the NUL after it ends the name either way.
    const nameEnd = data.indexOf(0, nameStart + (flags & NAME_MASK));
    entries.push({
      path: data.toString('utf8', nameStart, nameEnd),
      mode: data.readUInt32BE(offset + 24).toString(8),
      oid: data.toString('hex', offset + 40, offset + 40 + OID_BYTES),
      stage: (flags >> 12) & 3,
      special: (flags & ASSUME_VALID) !== 0 || (extended && data.readUInt16BE(offset + 62) !== 0),
      stat: {
        ctimeSec: data.readUInt32BE(offset),
        ctimeNsec: data.readUInt32BE(offset + 4),
        mtimeSec: data.readUInt32BE(offset + 8),
        mtimeNsec: data.readUInt32BE(offset + 12),
        ino: data.readUInt32BE(offset + 20),
        size: data.readUInt32BE(offset + 36),
      },
    });
    // Entries are NUL-padded to a multiple of eight bytes, with at least one NUL.
    offset += Math.ceil((nameEnd - offset + 1) / 8) * 8;
  }
  let tree: string | undefined;
  // Extensions follow the entries; the last 20 bytes are the file's checksum.
  while (offset + 8 <= data.length - OID_BYTES) {
    const signature = data.toString('latin1', offset, offset + 4);
    const size = data.readUInt32BE(offset + 4);
    if (RESHAPING.has(signature)) return undefined;
    if (signature === 'TREE') tree = rootTree(data.subarray(offset + 8, offset + 8 + size));
    offset += 8 + size;
  }
  return { entries, tree };
}

/** The cache tree's first record is the root: `<path>\0<entries> <subtrees>\n<oid>`, entries -1 when invalid. */
function rootTree(extension: Buffer): string | undefined {
  const nul = extension.indexOf(0);
  const newline = extension.indexOf(0x0a, nul);
  if (nul !== 0 || newline < 0) return undefined;
  const entryCount = Number(extension.toString('latin1', nul + 1, newline).split(' ')[0]);
  return entryCount >= 0 ? extension.toString('hex', newline + 1, newline + 1 + OID_BYTES) : undefined;
}
