/**
 * Git plumbing for upgrades. Reading trees and writing commits goes through the object database and a
 * private index, so an upgrade never touches the working tree or the user's index until it is complete.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fallbackIdentityArgs } from '@ai-factory/engine';
import { execGit } from './exec.js';

/** A tree as path → content; `null` marks a deleted file in a change set. */
export type FileMap = Map<string, Buffer>;

export class Git {
  #identity: Promise<string[]> | undefined;

  constructor(readonly dir: string) {}

  async run(args: string[], options: { input?: string | Buffer; env?: Record<string, string> } = {}): Promise<string> {
    return (await execGit(args, { cwd: this.dir, ...options })).stdout.toString('utf8');
  }

  async isRepository(): Promise<boolean> {
    return (await execGit(['rev-parse', '--git-dir'], { cwd: this.dir, reject: false })).exitCode === 0;
  }

  /** Tracked changes or untracked files that are not ignored. */
  async status(): Promise<string[]> {
    return (await this.run(['status', '--porcelain', '--untracked-files=normal'])).split('\n').filter(Boolean);
  }

  async resolve(ref: string): Promise<string | undefined> {
    const result = await execGit(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], { cwd: this.dir, reject: false });
    return result.exitCode === 0 ? result.stdout.toString('utf8').trim() : undefined;
  }

  /** Every file of a commit's tree, read in one `cat-file --batch`. */
  async readTree(commit: string): Promise<FileMap> {
    const entries = (await this.run(['ls-tree', '-r', '-z', '--full-tree', commit]))
      .split('\0')
      .filter(Boolean)
      .map((line) => {
        const [meta, path] = line.split('\t') as [string, string];
        return { sha: meta.split(' ')[2]!, path };
      });
    const files: FileMap = new Map();
    if (entries.length === 0) return files;
    const { stdout } = await execGit(['cat-file', '--batch'], { cwd: this.dir, input: entries.map((entry) => entry.sha).join('\n') + '\n' });
    let offset = 0;
    for (const entry of entries) {
      const headerEnd = stdout.indexOf(0x0a, offset);
      const size = Number(stdout.subarray(offset, headerEnd).toString('utf8').split(' ')[2]);
      files.set(entry.path, stdout.subarray(headerEnd + 1, headerEnd + 1 + size));
      offset = headerEnd + 1 + size + 1;
    }
    return files;
  }

  /**
   * Writes a commit whose tree is `from`'s tree (default: the parent's; none: empty) with `changes` applied.
   * Touches no index, working tree or ref.
   */
  async commit(options: { parent?: string; from?: string | null; changes: Map<string, Buffer | null>; message: string }): Promise<string> {
    const { parent, changes, message } = options;
    const from = options.from === undefined ? parent : options.from;
    const scratch = mkdtempSync(join(tmpdir(), 'ai-factory-index-'));
    const env = { GIT_INDEX_FILE: join(scratch, 'index') };
    try {
      await this.run(from ? ['read-tree', from] : ['read-tree', '--empty'], { env });
      const written = [...changes].filter((entry): entry is [string, Buffer] => entry[1] !== null);
      const shas = await this.#writeBlobs(scratch, written.map(([, content]) => content));
      const info = [
        ...written.map(([path], i) => `100644 ${shas[i]}\t${path}`),
        ...[...changes].filter(([, content]) => content === null).map(([path]) => `0 ${'0'.repeat(40)}\t${path}`),
      ];
      if (info.length > 0) await this.run(['update-index', '--index-info'], { input: `${info.join('\n')}\n`, env });
      const tree = (await this.run(['write-tree'], { env })).trim();
      this.#identity ??= fallbackIdentityArgs(this.dir); // read once per instance: an upgrade commits twice
      return (await this.run([...(await this.#identity), 'commit-tree', tree, ...(parent ? ['-p', parent] : []), '-m', message])).trim();
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  }

  /** Points `ref` at `commit`, only if it still has the value we read (`expected`, or absent). */
  async updateRef(ref: string, commit: string, expected?: string): Promise<void> {
    await this.run(['update-ref', ref, commit, expected ?? '']);
  }

  /**
   * Writes blobs with one `hash-object --stdin-paths` instead of one process per file: a render has about a
   * hundred files, and spawning git for each was most of an upgrade's time. No filters, as with `--stdin`.
   */
  async #writeBlobs(scratch: string, contents: Buffer[]): Promise<string[]> {
    if (contents.length === 0) return [];
    const dir = join(scratch, 'blobs');
    mkdirSync(dir);
    const paths = contents.map((content, i) => {
      writeFileSync(join(dir, String(i)), content);
      return join(dir, String(i));
    });
    const shas = (await this.run(['hash-object', '-w', '--no-filters', '--stdin-paths'], { input: `${paths.join('\n')}\n` })).split('\n').filter(Boolean);
    if (shas.length !== contents.length) throw new Error(`git hash-object wrote ${shas.length} of ${contents.length} blobs`);
    return shas;
  }
}
