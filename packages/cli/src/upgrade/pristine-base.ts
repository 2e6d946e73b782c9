/**
 * The pristine render a project's HEAD was made from. `ai-factory add` and `remove` record a new render of
 * the same factory version on top of the pristine ref when they prepare their branch; until that branch is
 * merged (or if it never is), HEAD still holds the composition before it. So the base is the newest commit
 * on the ref's first-parent chain whose manifest lists HEAD's modules, and the ref's tip when none does.
 */
import { type Manifest } from '@ai-factory/engine';
import { MANIFEST_PATH, type Tree } from '@ai-factory/tree';
import type { Repository } from '../git/repository.js';

const composition = (modules: readonly { id: string }[]) => modules.map((module) => module.id).sort().join('\n');

function modulesOf(snapshot: Tree): string | undefined {
  try {
    return composition((JSON.parse(snapshot.read(MANIFEST_PATH, 'utf8') ?? '') as Manifest).modules);
  } catch {
    return undefined;
  }
}

/**
 * @param tip the commit the pristine ref points at
 * @example const base = await pristineBase(git, oid, manifest); // { oid, snapshot }
 */
export async function pristineBase(git: Repository, tip: string, manifest: Manifest): Promise<{ oid: string; snapshot: Tree }> {
  const wanted = composition(manifest.modules);
  const snapshot = await git.snapshot(tip);
  if (modulesOf(snapshot) === wanted) return { oid: tip, snapshot };
  // Only a project with a pending or abandoned add/remove branch gets here: the walk costs one git process.
  for (const oid of (await git.run(['rev-list', '--first-parent', tip])).split('\n').filter(Boolean).slice(1)) {
    const older = await git.snapshot(oid);
    if (modulesOf(older) === wanted) return { oid, snapshot: older };
  }
  return { oid: tip, snapshot };
}
