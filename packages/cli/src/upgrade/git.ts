/**
 * Git plumbing for upgrades. Reading trees and writing commits goes through the object database and a
 * private index, so an upgrade never touches the working tree or the user's index until it is complete.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';

/** A tree as path → content; `null` marks a deleted file in a change set. */
export type FileMap = Map<string, Buffer>;

/** Used only when the repository has no identity of its own, so a commit never fails on a fresh machine. */
const FALLBACK_IDENTITY = { GIT_AUTHOR_NAME: 'AI Factory', GIT_AUTHOR_EMAIL: 'ai-factory@users.noreply.localhost' };

export class Git {
  constructor(readonly dir: string) {}

  async run(args: string[], options: { input?: string | Buffer; env?: Record<string, string> } = {}): Promise<string> {
    const result = await execa('git', args, { cwd: this.dir, input: options.input, env: options.env, stripFinalNewline: false, encoding: 'utf8' });
    return result.stdout;
  }

  async isRepository(): Promise<boolean> {
    return (await execa('git', ['rev-parse', '--git-dir'], { cwd: this.dir, reject: false })).exitCode === 0;
  }

  /** Tracked changes or untracked files that are not ignored. */
  async status(): Promise<string[]> {
    return (await this.run(['status', '--porcelain', '--untracked-files=normal'])).split('\n').filter(Boolean);
  }

  async resolve(ref: string): Promise<string | undefined> {
    const result = await execa('git', ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], { cwd: this.dir, reject: false });
    return result.exitCode === 0 ? result.stdout.trim() : undefined;
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
    const { stdout: output } = await execa('git', ['cat-file', '--batch'], {
      cwd: this.dir,
      input: entries.map((entry) => entry.sha).join('\n') + '\n',
      encoding: 'buffer',
      stripFinalNewline: false,
    });
    const stdout = Buffer.from(output);
    let offset = 0;
    for (const entry of entries) {
      const headerEnd = stdout.indexOf(0x0a, offset);
      const size = Number(stdout.subarray(offset, headerEnd).toString('utf8').split(' ')[2]);
      files.set(entry.path, Buffer.from(stdout.subarray(headerEnd + 1, headerEnd + 1 + size)));
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
      const shas = await Promise.all(written.map(([, content]) => this.run(['hash-object', '-w', '--stdin'], { input: content }).then((sha) => sha.trim())));
      const info = [
        ...written.map(([path], i) => `100644 ${shas[i]}\t${path}`),
        ...[...changes].filter(([, content]) => content === null).map(([path]) => `0 ${'0'.repeat(40)}\t${path}`),
      ];
      if (info.length > 0) await this.run(['update-index', '--index-info'], { input: `${info.join('\n')}\n`, env });
      const tree = (await this.run(['write-tree'], { env })).trim();
      const identity = (await this.hasIdentity()) ? {} : { ...FALLBACK_IDENTITY, GIT_COMMITTER_NAME: FALLBACK_IDENTITY.GIT_AUTHOR_NAME, GIT_COMMITTER_EMAIL: FALLBACK_IDENTITY.GIT_AUTHOR_EMAIL };
      return (await this.run(['commit-tree', tree, ...(parent ? ['-p', parent] : []), '-m', message], { env: identity })).trim();
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  }

  /** Points `ref` at `commit`, only if it still has the value we read (`expected`, or absent). */
  async updateRef(ref: string, commit: string, expected?: string): Promise<void> {
    await this.run(['update-ref', ref, commit, expected ?? '']);
  }

  async hasIdentity(): Promise<boolean> {
    const checks = await Promise.all(['user.name', 'user.email'].map((key) => execa('git', ['config', '--get', key], { cwd: this.dir, reject: false })));
    return checks.every((check) => check.exitCode === 0);
  }
}
