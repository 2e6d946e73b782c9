/**
 * Fetches an external module source (`--source org/repo#ref`) with degit's git mode into a temporary folder,
 * pinned to the commit the ref resolves to, so the manifest can record exactly which tree a project used.
 * Git honours `url.<base>.insteadOf`, which is how mirrors (and tests) point the public host elsewhere.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type degitFactory from 'degit';
import { FactoryError } from '../errors.js';
import { execGit, gitErrorDetail } from '../git-exec.js';
import { onDemand } from '../on-demand.js';

// degit is only needed with --source (it is CommonJS).
const degitModule = onDemand<typeof degitFactory>('degit');
const degit: typeof degitFactory = (...args) => degitModule()(...args);

// Only for the `rm -rf .git` degit runs after its clone: git itself always goes through execGit.
const run = (command: string, args: string[]) => promisify(process.getBuiltinModule('node:child_process').execFile)(command, args);

/** `[github:|gitlab:|bitbucket:]owner/repo[/subdir][#ref]`; a ref never starts with `-`, so it is never an option. */
const SPEC = /^(?:(?:github|gitlab|bitbucket):)?[A-Za-z0-9][\w.-]*\/[\w.-]+(?:\/[\w.-]+)*(?:#[A-Za-z0-9][\w./-]*)?$/;

// Never prompt for credentials or host keys: an unreachable source is an error, not a hang.
const UNATTENDED = { GIT_TERMINAL_PROMPT: '0', GIT_SSH_COMMAND: 'ssh -o BatchMode=yes' };

/** git in this process's folder (a clone's target is in its arguments), never prompting; stdout as text. */
const git = async (args: string[]) => {
  const { stdout, stderr } = await execGit(args, { cwd: process.cwd(), env: UNATTENDED });
  return { stdout: stdout.toString('utf8'), stderr };
};

export interface FetchedSource {
  spec: string;
  commit: string;
  /** Folder holding the module tree (the spec's subfolder, if it names one). */
  dir: string;
  /** Removes the temporary folder. */
  remove: () => void;
}

const invalid = (spec: string, message: string, hint?: string) =>
  new FactoryError('invalid-source', `Cannot use module source "${spec}": ${message}`, hint);

/** Checks the spec's form and returns degit's reading of it. */
export function parseSourceSpec(spec: string) {
  if (!SPEC.test(spec) || spec.split(/[/#]/).some((part) => part === '..' || part === '.')) {
    throw invalid(spec, 'not of the form owner/repo#ref.', 'For example --source acme/ml-modules#v1.2.0.');
  }
  try {
    return degit(spec, { mode: 'git' }).repo;
  } catch (error) {
    throw invalid(spec, (error as Error).message);
  }
}

/** The commit a ref names on the remote: a branch, a tag (peeled), HEAD, or a full commit id as is. */
export async function resolveCommit(spec: string, url: string, ref: string): Promise<string> {
  if (/^[0-9a-f]{40}$/.test(ref)) return ref;
  let stdout: string;
  try {
    ({ stdout } = await git(['ls-remote', '--', url]));
  } catch (error) {
    throw invalid(spec, `${url} is unreachable: ${gitErrorDetail(error)}`);
  }
  const refs = new Map(stdout.trim().split('\n').map((line) => line.split('\t').reverse() as [string, string]));
  const commit = [ref === 'HEAD' ? 'HEAD' : `refs/heads/${ref}`, `refs/tags/${ref}^{}`, `refs/tags/${ref}`].map((name) => refs.get(name)).find(Boolean);
  if (!commit) throw invalid(spec, `${url} has no branch or tag "${ref}".`);
  return commit;
}

/**
 * Fetches the source tree at its pinned commit; the caller removes it with `remove()` when done.
 * @example const source = await fetchSource('acme/ml-modules#v1'); try { ... } finally { source.remove(); }
 */
export async function fetchSource(spec: string): Promise<FetchedSource> {
  const repo = parseSourceSpec(spec);
  const commit = await resolveCommit(spec, repo.ssh, repo.ref);
  const temp = mkdtempSync(join(tmpdir(), 'ai-factory-source-'));
  const remove = () => rmSync(temp, { recursive: true, force: true });
  const tree = join(temp, 'tree');
  // degit's git mode clones the default branch; checking out the pinned commit before it drops .git pins the tree.
  const exec = async (command: string, args: string[]) => {
    if (command !== 'git') return run(command, args);
    const result = await git(args);
    if (args[0] === 'clone') {
      await git(['-C', tree, 'checkout', '--quiet', '--detach', commit]);
      // degit acts on degit.json directives (clone more, remove files) after cloning: a data source has none.
      if (existsSync(join(tree, 'degit.json'))) throw new Error('the tree has degit.json directives; external sources are data and nothing in them is run');
    }
    return result;
  };
  try {
    await degit(spec, { mode: 'git', exec }).clone(tree);
  } catch (error) {
    remove();
    // rm's failure (an execFile error) carries its stderr too.
    const detail = (error as { stderr?: string }).stderr?.trim() || gitErrorDetail(error);
    throw invalid(spec, `cannot fetch ${repo.ssh} at ${commit}: ${detail}`);
  }
  return { spec, commit, dir: repo.subdir ? join(tree, repo.subdir) : tree, remove };
}
