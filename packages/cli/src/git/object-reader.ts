/**
 * Reads git objects through one long-running `git cat-file --batch` per repository. An upgrade reads a
 * few hundred objects (two trees, their blobs, a handful of refs); one process answering them all,
 * requests pipelined, replaces a spawn per question, and spawning is what a fleet run spends most on.
 */
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';

export interface GitObject {
  oid: string;
  type: 'blob' | 'tree' | 'commit' | 'tag';
  content: Buffer;
}

interface Request {
  resolve: (object: GitObject | undefined) => void;
  reject: (error: Error) => void;
}

/** The reader's process ended before answering; `stderr` is what git said (e.g. not a repository). */
export class ObjectReaderError extends Error {
  constructor(
    message: string,
    readonly stderr: string,
  ) {
    super(message);
  }
}

export class ObjectReader {
  readonly #child: ChildProcessByStdio<Writable, Readable, Readable>;
  readonly #pending: Request[] = [];
  #buffer: Buffer = Buffer.alloc(0);
  #stderr = '';
  #failure: Error | undefined;

  constructor(readonly dir: string) {
    this.#child = spawn('git', ['cat-file', '--batch'], { cwd: dir, stdio: ['pipe', 'pipe', 'pipe'] });
    this.#child.stdout.on('data', (chunk: Buffer) => this.#receive(chunk));
    this.#child.stderr.on('data', (chunk: Buffer) => void (this.#stderr += chunk.toString('utf8')));
    // A dead reader fails what it still owes; writes after that are refused in `read`.
    this.#child.stdin.on('error', () => undefined);
    this.#child.on('error', (error) => this.#fail(error));
    this.#child.on('close', (code) => this.#fail(new ObjectReaderError(`git cat-file exited with ${code}: ${this.#stderr.trim()}`, this.#stderr)));
  }

  /**
   * Any object name git accepts (`HEAD^{commit}`, an oid, `main:README.md`); undefined when it does not exist.
   * @example const head = await reader.read('HEAD^{commit}');
   */
  read(name: string): Promise<GitObject | undefined> {
    return this.readAll([name]).then(([object]) => object);
  }

  /** Several objects in one write, answered in order. */
  readAll(names: readonly string[]): Promise<(GitObject | undefined)[]> {
    if (names.some((name) => /[\n\r]/.test(name))) return Promise.reject(new Error('Git object names cannot contain line breaks.'));
    if (this.#failure) return Promise.reject(this.#failure);
    const answers = names.map(() => new Promise<GitObject | undefined>((resolve, reject) => this.#pending.push({ resolve, reject })));
    this.#child.stdin.write(names.map((name) => `${name}\n`).join(''));
    return Promise.all(answers);
  }

  /** Ends the process once it has answered everything asked. */
  close(): Promise<void> {
    if (this.#child.exitCode !== null || this.#child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      this.#child.once('close', () => resolve());
      this.#child.stdin.end();
    });
  }

  #receive(chunk: Buffer): void {
    this.#buffer = this.#buffer.length === 0 ? chunk : Buffer.concat([this.#buffer, chunk]);
    for (;;) {
      const headerEnd = this.#buffer.indexOf(0x0a);
      if (headerEnd < 0) return;
      const header = this.#buffer.subarray(0, headerEnd).toString('utf8');
      // "<name> missing" (or "ambiguous"): no body follows.
      if (/ (missing|ambiguous)$/.test(header)) {
        this.#buffer = this.#buffer.subarray(headerEnd + 1);
        this.#pending.shift()?.resolve(undefined);
        continue;
      }
      const [oid, type, size] = header.split(' ') as [string, GitObject['type'], string];
      const end = headerEnd + 1 + Number(size);
      if (this.#buffer.length < end + 1) return; // the body and its trailing newline are not all here yet
      // Copied out, so a small object does not keep a large chunk alive.
      const content = Buffer.from(this.#buffer.subarray(headerEnd + 1, end));
      this.#buffer = this.#buffer.subarray(end + 1);
      this.#pending.shift()?.resolve({ oid, type, content });
    }
  }

  #fail(error: Error): void {
    this.#failure ??= error;
    for (const request of this.#pending.splice(0)) request.reject(this.#failure);
  }
}
