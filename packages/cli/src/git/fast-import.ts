/**
 * Writes commits with one `git fast-import`: blobs, trees, commits and the refs pointing at them, from a
 * single stream. Git writes every object first and moves the refs only when the whole stream has been
 * read, and it refuses to move a ref to a commit that does not contain the ref's current tip; so a
 * failure part-way moves no ref, and a ref that moved meanwhile is never overwritten.
 */
import { rmSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { execGit } from './exec.js';

export interface CommitSpec {
  /** The ref that points at this commit once the import ends. */
  ref: string;
  parent?: string;
  /** `parent`: the parent's tree with `changes` applied; `empty`: only `changes`. @default 'parent' */
  tree?: 'parent' | 'empty';
  /** New content per path; `null` deletes it. */
  changes: ReadonlyMap<string, Buffer | null>;
  /** Modes of paths that keep theirs (`100755`...); any other path is written as a regular file. */
  modes?: ReadonlyMap<string, string>;
  message: string;
}

/** A path as fast-import reads it: C-style quoted, so spaces, quotes and line breaks are safe. */
const quote = (path: string) => `"${path.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;

function data(content: Buffer | string): Buffer[] {
  const bytes = typeof content === 'string' ? Buffer.from(content) : content;
  return [Buffer.from(`data ${bytes.length}\n`), bytes, Buffer.from('\n')];
}

function commitCommands(spec: CommitSpec, mark: number, committer: string): Buffer[] {
  const chunks = [Buffer.from(`commit ${spec.ref}\nmark :${mark}\ncommitter ${committer} now\n`), ...data(spec.message)];
  const head = [spec.parent ? `from ${spec.parent}\n` : '', spec.tree === 'empty' ? 'deleteall\n' : ''].join('');
  chunks.push(Buffer.from(head));
  for (const [path, content] of spec.changes) {
    if (content === null) chunks.push(Buffer.from(`D ${quote(path)}\n`));
    else chunks.push(Buffer.from(`M ${spec.modes?.get(path) ?? '100644'} inline ${quote(path)}\n`), ...data(content));
  }
  chunks.push(Buffer.from(`get-mark :${mark}\n`));
  return chunks;
}

/**
 * Writes `commits` in order (a commit may name an earlier one's oid as its parent only if it was written
 * before) and returns their oids. `committer` is `Name <email>`.
 * @example const [oid] = await importCommits(repo, 'Bot <bot@example.com>', [{ ref: 'refs/heads/x', parent: head, changes, message: 'x' }]);
 */
export async function importCommits(dir: string, committer: string, commits: readonly CommitSpec[]): Promise<string[]> {
  if (commits.length === 0) return [];
  if (!/^[^<>\n]* <[^<>\n]*>$/.test(committer)) throw new Error(`Not a committer identity: ${committer}`);
  const stream = Buffer.concat([Buffer.from('feature done\n'), ...commits.flatMap((spec, i) => commitCommands(spec, i + 1, committer)), Buffer.from('done\n')]);
  // The objects stay in the one small pack fast-import writes, without delta search: exploding it into a
  // loose file per object (git's default below 100 objects) and searching deltas cost more than the rest
  // of the import. The repository's next gc deltifies and folds the packs together.
  const args = ['-c', 'fastimport.unpackLimit=1', 'fast-import', '--quiet', '--date-format=now', '--depth=0'];
  const result = await execGit(args, { cwd: dir, input: stream, reject: false });
  if (result.exitCode !== 0) {
    // fast-import leaves a crash report in the git directory: the repository is to stay as it was.
    const report = /dumping crash report to (.+)$/m.exec(result.stderr)?.[1]?.trim();
    if (report) rmSync(isAbsolute(report) ? report : join(dir, report), { force: true });
    throw new Error(`git fast-import failed: ${result.stderr.replace(/^fast-import: dumping crash report.*$/m, '').trim()}`);
  }
  const oids = result.stdout.toString('utf8').split('\n').filter(Boolean);
  if (oids.length !== commits.length) throw new Error(`git fast-import wrote ${oids.length} of ${commits.length} commits.`);
  return oids;
}
