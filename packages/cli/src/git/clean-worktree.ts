/**
 * Proves a working tree clean from git's own records instead of running `git status`, which costs a fleet
 * upgrade a process per repository: the index's cache tree is HEAD's tree, every tracked file still has the
 * stat data git recorded for it or the bytes of its blob, and no file lies beside the tracked ones. It
 * never claims a change: any doubt (a conflict, a submodule, a file git may ignore, an index format it does
 * not read, a relocated working tree) answers false and `git status` decides.
 */
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, lstatSync, openSync, readdirSync, readFileSync, readlinkSync, type BigIntStats } from 'node:fs';
import { join } from 'node:path';
import { parseIndex, type IndexEntry } from './index-file.js';

/** A working tree elsewhere, or none: the walk below would look at the wrong files. */
const RELOCATED = /^\s*(worktree\s*=|bare\s*=\s*true)/im;

/**
 * Whether `dir`'s working tree and index provably match `headTree` (HEAD's tree oid) with no untracked file.
 * @param config the text of `dir/.git/config`, which the caller has read already
 * @example provenClean(repo, headTreeOid, readFileSync(`${repo}/.git/config`, 'utf8')) // true right after a clone
 */
export function provenClean(dir: string, headTree: string, config: string): boolean {
  if (RELOCATED.test(config)) return false;
  const read = readIndex(join(dir, '.git', 'index'));
  if (!read?.index || read.index.tree !== headTree) return false;
  const tracked = new Set<string>();
  for (const entry of read.index.entries) {
    if (entry.stage !== 0 || entry.special || !unchanged(join(dir, entry.path), entry, read.written)) return false;
    tracked.add(entry.path);
  }
  return onlyTracked(dir, '', tracked);
}

/** The index and when it was written, from one open file so that both describe the same version. */
function readIndex(path: string) {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return undefined;
  }
  try {
    return { written: fstatSync(fd, { bigint: true }).mtimeNs, index: parseIndex(readFileSync(fd)) };
  } finally {
    closeSync(fd);
  }
}

const SECOND = 1_000_000_000n;
const low32 = (value: bigint) => Number(value & 0xffffffffn);

function modeOf(stats: BigIntStats): string | undefined {
  if (stats.isSymbolicLink()) return '120000';
  if (stats.isFile()) return (stats.mode & 0o100n) !== 0n ? '100755' : '100644';
  return undefined;
}

/**
 * Git's own test: a file with the stat data git recorded is unchanged, unless it was written no earlier than
 * the index (a "racy" entry, changed maybe within the same clock tick); any other file git reads and hashes
 * as a blob, and so does this. Raw bytes are hashed: a clean filter or line-ending conversion git would
 * apply leaves bytes that are already in their committed form as they are.
 */
function unchanged(path: string, entry: IndexEntry, indexWritten: bigint): boolean {
  const stats = lstatSync(path, { bigint: true, throwIfNoEntry: false });
  if (!stats || modeOf(stats) !== entry.mode) return false;
  if (stats.mtimeNs < indexWritten && recorded(stats, entry.stat)) return true;
  const content = stats.isSymbolicLink() ? readlinkSync(path, { encoding: 'buffer' }) : readFileSync(path);
  return createHash('sha1').update(`blob ${content.length}\0`).update(content).digest('hex') === entry.oid;
}

function recorded(stats: BigIntStats, stat: IndexEntry['stat']): boolean {
  return (
    low32(stats.mtimeNs / SECOND) === stat.mtimeSec &&
    Number(stats.mtimeNs % SECOND) === stat.mtimeNsec &&
    low32(stats.ctimeNs / SECOND) === stat.ctimeSec &&
    Number(stats.ctimeNs % SECOND) === stat.ctimeNsec &&
    low32(stats.ino) === stat.ino &&
    low32(stats.size) === stat.size
  );
}

/** Whether every file under `prefix` (not the git directory) is tracked; stops at the first that is not. */
function onlyTracked(dir: string, prefix: string, tracked: ReadonlySet<string>): boolean {
  for (const entry of readdirSync(join(dir, prefix), { withFileTypes: true })) {
    const path = `${prefix}${entry.name}`;
    if (path === '.git') continue;
    if (entry.isDirectory() ? !onlyTracked(dir, `${path}/`, tracked) : !tracked.has(path)) return false;
  }
  return true;
}
