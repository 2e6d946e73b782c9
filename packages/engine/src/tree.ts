/**
 * The virtual file tree: generators and codemods write here, in memory; only the runner touches the disk.
 * That makes `--dry-run` exact: it prints the same tree that a real run flushes.
 */
import { createHash } from 'node:crypto';
import type { FileOwner } from './module.js';

export interface TreeFile {
  content: Buffer;
  /** Absent for files the factory writes about the project itself, such as the manifest. */
  owner?: FileOwner;
  /** Id of the module that contributed the file. */
  module?: string;
  executable: boolean;
}

export class VirtualTree {
  readonly #files = new Map<string, TreeFile>();

  /** Writes a file; `path` is POSIX and relative to the project root. */
  write(path: string, content: string | Buffer, meta: Omit<TreeFile, 'content' | 'executable'> & { executable?: boolean } = {}): void {
    if (path.startsWith('/') || path.split('/').some((part) => part === '..' || part === '' || part === '.')) {
      throw new Error(`Refusing to write outside the project: ${JSON.stringify(path)}`);
    }
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    this.#files.set(path, { ...meta, content: bytes, executable: meta.executable ?? false });
  }

  has(path: string): boolean {
    return this.#files.has(path);
  }

  get(path: string): TreeFile | undefined {
    return this.#files.get(path);
  }

  read(path: string): string | undefined {
    return this.#files.get(path)?.content.toString('utf8');
  }

  /** Files sorted by path, so every listing and flush is deterministic. */
  entries(): [string, TreeFile][] {
    return [...this.#files.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  }

  get size(): number {
    return this.#files.size;
  }
}

/** sha256 of a file's bytes, as recorded in the manifest. */
export function hashContent(content: Buffer | string): string {
  return createHash('sha256').update(content).digest('hex');
}
