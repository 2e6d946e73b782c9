/**
 * Fixture projects kept as a git bundle, one branch a project, each a single commit of the project's tree:
 * a bundle keeps their files, modes and links exactly, in one binary file instead of thousands of copied
 * lines. Plain git (node:child_process): the engine's `execGit` would make this package depend on the
 * engine, whose tests depend on this package.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface FixtureBundle {
  /** The bundle's branches: one per project. */
  readonly branches: readonly string[];
  /**
   * Makes `dir` a git repository whose `main` is the branch's commit, checked out: its first and only
   * commit, the project exactly as bundled. Nothing else: no remote, no other ref.
   */
  repository(branch: string, dir: string): Promise<void>;
  /** A folder holding the branch's tree, extracted once per process; shared, so never to be written. */
  tree(branch: string): string;
  /** A file of the branch's tree as text (`path` relative to the project's root). */
  file(branch: string, path: string): string;
}

/** Per bundle path: extracting costs a few git processes, paid once per process (test worker). */
const opened = new Map<string, FixtureBundle>();

/**
 * The bundle at `path`, read lazily: its branches are fetched into a temporary repository on first use,
 * a tree is extracted the first time it is asked for.
 * @example const project = fixtureBundle('/repo/fixtures/factory-0.1.0.bundle').file('azure-tabular', 'README.md');
 */
export function fixtureBundle(path: string): FixtureBundle {
  let bundle = opened.get(path);
  if (!bundle) opened.set(path, (bundle = openBundle(path)));
  return bundle;
}

function openBundle(path: string): FixtureBundle {
  const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 28 }).toString('utf8');
  const branches = git(tmpdir(), 'bundle', 'list-heads', path)
    .split('\n')
    .flatMap((line) => /^[0-9a-f]+ refs\/heads\/(.+)$/.exec(line)?.[1] ?? []);
  const known = (branch: string) => {
    if (!branches.includes(branch)) throw new Error(`${path} has no branch ${branch}; it has ${branches.join(', ')}`);
    return branch;
  };
  let root: string | undefined;
  /** A bare repository of the bundle's branches, which later fetches read from instead of re-indexing the bundle. */
  const store = () => {
    if (root) return join(root, 'store.git');
    root = mkdtempSync(join(tmpdir(), 'fixture-bundle-'));
    git(root, 'init', '--quiet', '--bare', 'store.git');
    git(join(root, 'store.git'), 'fetch', '--quiet', path, 'refs/heads/*:refs/heads/*');
    return join(root, 'store.git');
  };
  const trees = new Map<string, string>();
  const tree = (branch: string) => {
    let dir = trees.get(known(branch));
    if (!dir) {
      const repo = store();
      dir = join(root!, 'trees', branch);
      mkdirSync(dir, { recursive: true });
      // checkout-index through an index of its own writes every file with its mode and every link as a link.
      const env = { ...process.env, GIT_INDEX_FILE: join(root!, `${branch}.index`) };
      execFileSync('git', [`--git-dir=${repo}`, `--work-tree=${dir}`, 'read-tree', branch], { env });
      execFileSync('git', [`--git-dir=${repo}`, `--work-tree=${dir}`, 'checkout-index', '--all'], { env });
      trees.set(branch, dir);
    }
    return dir;
  };
  return {
    branches,
    async repository(branch, dir) {
      const source = store();
      await run('git', ['init', '--quiet', '--initial-branch=main', dir]);
      // --update-head-ok: main is the branch HEAD names, still unborn; no FETCH_HEAD, which a clone would not leave either.
      await run('git', ['fetch', '--quiet', '--update-head-ok', '--no-write-fetch-head', source, `refs/heads/${known(branch)}:refs/heads/main`], { cwd: dir });
      await run('git', ['reset', '--quiet', '--hard'], { cwd: dir });
    },
    tree,
    file: (branch, file) => readFileSync(join(tree(branch), file), 'utf8'),
  };
}
