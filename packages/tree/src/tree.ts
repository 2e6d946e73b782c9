/**
 * The file tree every writer of a project goes through (generation, synth, upgrades, codemods, contribute):
 * an Nx-style overlay on an optional base. Writes stay in memory; `changes()` says what a flush would do,
 * so a dry run prints exactly what a real run writes.
 */
import { byPath, checkPath } from './path.js';

/** How a file is checked out: a plain file, an executable, or a symbolic link whose content is its target. */
export type FileMode = 'file' | 'executable' | 'symlink';

export interface TreeEntry {
  content: Buffer;
  mode: FileMode;
}

export interface TreeChange {
  path: string;
  kind: 'created' | 'updated' | 'deleted';
  /** The base's entry; absent for a created file. */
  before?: TreeEntry;
  /** The tree's entry; absent for a deleted file. */
  after?: TreeEntry;
}

const bytes = (content: string | Buffer) => (typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
const same = (a: TreeEntry, b: TreeEntry) => a.mode === b.mode && a.content.equals(b.content);

export class Tree {
  readonly #base: ReadonlyMap<string, TreeEntry>;
  /** Writes and deletes over the base; `null` marks a deleted path. */
  readonly #overlay = new Map<string, TreeEntry | null>();

  /** @param base the files the tree starts from (a commit, a folder); never modified */
  constructor(base: Iterable<readonly [string, TreeEntry]> = []) {
    this.#base = new Map([...base].map(([path, entry]) => [checkPath(path), entry]));
  }

  /**
   * A tree whose base is `files` (a Map, entries or a plain object of path → text or bytes).
   * @param modeOf each file's mode; plain files unless told
   */
  static fromFiles(files: Iterable<readonly [string, string | Buffer]> | Readonly<Record<string, string | Buffer>>, modeOf: (path: string) => FileMode = () => 'file'): Tree {
    const pairs = Symbol.iterator in files ? files : Object.entries(files);
    return new Tree([...pairs].map(([path, content]) => [path, { content: bytes(content), mode: modeOf(path) }]));
  }

  /**
   * A new tree whose base is this one's files as they stand now, writes included: a writable copy to
   * build on (a commit over a snapshot) that leaves this tree as it is.
   */
  fork(): Tree {
    const entries = new Map(this.#base);
    for (const [path, entry] of this.#overlay) {
      if (entry) entries.set(path, entry);
      else entries.delete(path);
    }
    return new Tree(entries);
  }

  /** The entry at `path`, or undefined when there is none. */
  get(path: string): TreeEntry | undefined {
    const written = this.#overlay.get(path);
    return written === null ? undefined : (written ?? this.#base.get(path));
  }

  exists(path: string): boolean {
    return this.get(path) !== undefined;
  }

  /** The file's bytes, or its text in `encoding`. */
  read(path: string): Buffer | undefined;
  read(path: string, encoding: BufferEncoding): string | undefined;
  read(path: string, encoding?: BufferEncoding): Buffer | string | undefined {
    const content = this.get(path)?.content;
    return encoding ? content?.toString(encoding) : content;
  }

  mode(path: string): FileMode | undefined {
    return this.get(path)?.mode;
  }

  /** Writes a file; it keeps the mode it has unless `mode` is given (a new file is a plain one). */
  write(path: string, content: string | Buffer, mode?: FileMode): void {
    this.#overlay.set(checkPath(path), { content: bytes(content), mode: mode ?? this.mode(path) ?? 'file' });
  }

  /** A symbolic link to `target`, stored as git stores one: the target is the content. */
  symlink(path: string, target: string): void {
    this.write(path, target, 'symlink');
  }

  setMode(path: string, mode: FileMode): void {
    const entry = this.get(path);
    if (!entry) throw new Error(`No file ${JSON.stringify(path)} to change the mode of.`);
    this.#overlay.set(path, { ...entry, mode });
  }

  delete(path: string): void {
    if (this.#base.has(path)) this.#overlay.set(path, null);
    else this.#overlay.delete(path);
  }

  /** Every path, sorted. */
  list(): string[] {
    return this.entries().map(([path]) => path);
  }

  /** Every file with its entry, sorted by path. */
  entries(): [string, TreeEntry][] {
    const paths = new Set([...this.#base.keys(), ...this.#overlay.keys()]);
    return [...paths].sort(byPath).flatMap((path) => {
      const entry = this.get(path);
      return entry ? [[path, entry] as [string, TreeEntry]] : [];
    });
  }

  get size(): number {
    return this.entries().length;
  }

  /** What differs from the base, sorted by path; writing what the base holds is no change. */
  changes(): TreeChange[] {
    return [...this.#overlay.keys()].sort(byPath).flatMap((path): TreeChange[] => {
      const before = this.#base.get(path);
      const after = this.get(path);
      if (!after) return before ? [{ path, kind: 'deleted', before }] : [];
      if (!before) return [{ path, kind: 'created', after }];
      return same(before, after) ? [] : [{ path, kind: 'updated', before, after }];
    });
  }
}
