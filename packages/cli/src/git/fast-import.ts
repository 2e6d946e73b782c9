/**
 * Writes commits with one `git fast-import`: blobs, trees and commits from a single stream, into the
 * repository's object database, and nothing else. fast-import also writes a ref per commit, so it runs
 * against a scratch git directory that shares the repository's objects: its refs and any crash report
 * stay there and go with it. The repository's refs are moved afterwards, all in one transaction (see
 * `updateRefs`), so objects of a run that fails are left unreferenced, for git's gc to remove.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execGit } from '@ai-factory/engine';

export interface CommitSpec {
  parent?: string;
  /** `parent`: the parent's tree with `changes` applied; `empty`: only `changes`. @default 'parent' */
  tree?: 'parent' | 'empty';
  /** New content per path; `null` deletes it. */
  changes: ReadonlyMap<string, Buffer | null>;
  /** Modes of paths that keep theirs (`100755`, `120000`...); any other path is written as a regular file. */
  modes?: ReadonlyMap<string, string>;
  message: string;
}

/** Where a repository keeps its objects, and how it names them. */
export interface ObjectStore {
  /** Absolute path of the objects directory. */
  objects: string;
  format: 'sha1' | 'sha256';
}

/** A path as fast-import reads it: C-style quoted, so spaces, quotes and line breaks are safe. */
const quote = (path: string) => `"${path.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;

function data(content: Buffer | string): Buffer[] {
  const bytes = typeof content === 'string' ? Buffer.from(content) : content;
  return [Buffer.from(`data ${bytes.length}\n`), bytes, Buffer.from('\n')];
}

/** The scratch branch each commit is made on; `reset` first, so a commit without a parent gets none. */
const SCRATCH_REF = 'refs/heads/import';

function commitCommands(spec: CommitSpec, mark: number, committer: string): Buffer[] {
  const chunks = [Buffer.from(`reset ${SCRATCH_REF}\ncommit ${SCRATCH_REF}\nmark :${mark}\ncommitter ${committer} now\n`), ...data(spec.message)];
  const head = [spec.parent ? `from ${spec.parent}\n` : '', spec.tree === 'empty' ? 'deleteall\n' : ''].join('');
  chunks.push(Buffer.from(head));
  for (const [path, content] of spec.changes) {
    if (content === null) chunks.push(Buffer.from(`D ${quote(path)}\n`));
    else chunks.push(Buffer.from(`M ${spec.modes?.get(path) ?? '100644'} inline ${quote(path)}\n`), ...data(content));
  }
  chunks.push(Buffer.from(`get-mark :${mark}\n`));
  return chunks;
}

/** A git directory with no objects of its own: fast-import's refs land here, its objects in `store`. */
function scratchGitDir(store: ObjectStore): string {
  const dir = mkdtempSync(join(tmpdir(), 'ai-factory-import-'));
  mkdirSync(join(dir, 'refs', 'heads'), { recursive: true });
  mkdirSync(join(dir, 'objects'));
  writeFileSync(join(dir, 'HEAD'), `ref: ${SCRATCH_REF}\n`);
  const sha256 = store.format === 'sha256';
  writeFileSync(join(dir, 'config'), `[core]\n\trepositoryformatversion = ${sha256 ? 1 : 0}\n\tbare = true\n${sha256 ? '[extensions]\n\tobjectformat = sha256\n' : ''}`);
  return dir;
}

const temporaryPacks = (store: ObjectStore) => new Set(readdirSync(join(store.objects, 'pack')).filter((name) => name.startsWith('tmp_')));

/**
 * Writes `commits` in order (a commit may name an earlier one's oid as its parent only if it was written
 * before) and returns their oids; moves no ref of the repository. `committer` is `Name <email>`.
 * @example const [oid] = await importCommits(store, 'Bot <bot@example.com>', [{ parent: head, changes, message: 'x' }]);
 */
export async function importCommits(store: ObjectStore, committer: string, commits: readonly CommitSpec[]): Promise<string[]> {
  if (commits.length === 0) return [];
  if (!/^[^<>\n]* <[^<>\n]*>$/.test(committer)) throw new Error(`Not a committer identity: ${committer}`);
  const stream = Buffer.concat([Buffer.from('feature done\n'), ...commits.flatMap((spec, i) => commitCommands(spec, i + 1, committer)), Buffer.from('done\n')]);
  // The objects stay in the one small pack fast-import writes, without delta search: exploding it into a
  // loose file per object (git's default below 100 objects) and searching deltas cost more than the rest
  // of the import. The repository's next gc deltifies and folds the packs together.
  const args = ['-c', 'fastimport.unpackLimit=1', 'fast-import', '--quiet', '--date-format=now', '--depth=0'];
  const gitDir = scratchGitDir(store);
  const before = temporaryPacks(store);
  try {
    const result = await execGit(args, { cwd: gitDir, input: stream, reject: false, env: { GIT_DIR: gitDir, GIT_OBJECT_DIRECTORY: store.objects } });
    if (result.exitCode !== 0) {
      // A pack it could not finish (a full disk) is left as a temporary file: the repository is to stay as it was.
      for (const name of temporaryPacks(store)) if (!before.has(name)) rmSync(join(store.objects, 'pack', name), { force: true });
      throw new Error(`git fast-import failed: ${result.stderr.replace(/^fast-import: dumping crash report.*$/m, '').trim()}`);
    }
    const oids = result.stdout.toString('utf8').split('\n').filter(Boolean);
    if (oids.length !== commits.length) throw new Error(`git fast-import wrote ${oids.length} of ${commits.length} commits.`);
    return oids;
  } finally {
    rmSync(gitDir, { recursive: true, force: true });
  }
}
