/**
 * `ai-factory add <module>` and `ai-factory remove <module>`: the engine records the change in the
 * project's answers (checked against `when`, `requires` and `conflicts`), and the project is rendered
 * again at its own factory version and merged exactly like an upgrade (`computeUpgrade`): team edits kept,
 * conflicts left with markers on the branch, the manifest's modules and file records rewritten. The new
 * pristine render goes on top of the pristine ref, so the next upgrade merges from the right base.
 */
import { addModule, pristineRef, removeModule, type Composition } from '@ai-factory/engine';
import { hashContent, type Tree } from '@ai-factory/tree';
import { pristineCommit } from '../upgrade/commits.js';
import type { UpgradeContext } from '../upgrade/context.js';
import { pristineBase } from '../upgrade/pristine-base.js';
import { rebuildPristine } from '../upgrade/release-base.js';
import { computeUpgrade, type UpgradeTarget } from '../upgrade/render.js';
import { UpgradeError } from '../upgrade/report.js';
import { prepareChange, type ChangePlan, type PrepareOptions, type Project } from './prepare.js';

export interface ComposeOptions extends PrepareOptions {
  /** Regenerate managed files the team edited by hand instead of stopping. @default false */
  discardManagedEdits?: boolean;
}

const branchFor = (verb: string, id: string) => `ai-factory/${verb}-${id.replace('/', '-')}`;

/**
 * The project rendered with `answers` and merged into HEAD. `trusted` filters the base (the pristine
 * render HEAD came from) before the merge.
 */
async function rerender(project: Project, context: UpgradeContext, composition: Composition, what: string, options: ComposeOptions, trusted = (base: Tree) => base): Promise<{ target: UpgradeTarget; pristine?: ChangePlan['pristine'] }> {
  const { git, manifest, ours } = project;
  const { version } = context.catalog;
  if (manifest.factory.version !== version) {
    throw new UpgradeError('unknown-version', `The project is at factory ${manifest.factory.version} and this ai-factory ships ${version}: upgrade it first (ai-factory upgrade), merge that branch, then run this again.`);
  }
  const ref = pristineRef(version);
  const [tip] = await git.resolve([ref]);
  const previous = tip ? await pristineBase(git, tip, manifest) : undefined;
  const base = previous?.snapshot ?? (await rebuildPristine(manifest, context.releaseCache));
  const target = await computeUpgrade({ ...context, manifest: { ...manifest, answers: composition.answers }, ours, base: trusted(base), discardManagedEdits: options.discardManagedEdits === true });
  const onTip = tip ? { oid: tip, snapshot: previous!.oid === tip ? previous!.snapshot : await git.snapshot(tip) } : undefined;
  const commit = { ...pristineCommit(version, onTip, target), message: `AI Factory ${version}: pristine render ${what}` };
  // The tip already is this render (a rerun after the branch was deleted): the ref stays.
  const pristine = tip && commit.tree.changes().length === 0 ? undefined : { commit, ref: (oid: string) => (tip ? { update: ref, oid, old: tip } : { create: ref, oid }) };
  return { target, ...(pristine ? { pristine } : {}) };
}

/**
 * Adds module `id` (and the modules it requires) on branch `ai-factory/add-<category>-<name>`.
 * @example await addToProject(dir, await createUpgradeContext(), 'monitoring/organisation-dashboard')
 */
export function addToProject(repo: string, context: UpgradeContext, id: string, options: ComposeOptions = {}) {
  const { version } = context.catalog;
  return prepareChange(
    repo,
    {
      command: 'add',
      branch: branchFor('add', id),
      message: `Add ${id} (AI Factory ${version})`,
      plan: async (project) => {
        const composition = addModule(context.catalog, project.manifest.answers, id);
        const summary = { modules: composition.modules, kept: [], ejected: [] };
        if (composition.modules.length === 0) return { summary };
        const { target, pristine } = await rerender(project, context, composition, `with ${composition.modules.join(', ')} added`, options);
        return { summary, target, ...(pristine ? { pristine } : {}) };
      },
    },
    options,
  );
}

/**
 * Removes module `id` on branch `ai-factory/remove-<category>-<name>`: its files the team did not change
 * are deleted, the others kept and listed.
 */
export function removeFromProject(repo: string, context: UpgradeContext, id: string, options: ComposeOptions = {}) {
  const { version } = context.catalog;
  return prepareChange(
    repo,
    {
      command: 'remove',
      branch: branchFor('remove', id),
      message: `Remove ${id} (AI Factory ${version})`,
      plan: async (project) => {
        const composition = removeModule(context.catalog, project.manifest.answers, id);
        if (composition.modules.length === 0) return { summary: { modules: [], kept: [], ejected: [] } };
        const owned = new Map(project.manifest.files.filter((file) => file.module === id && file.owner === 'template').map((file) => [file.path, file.sha256]));
        // A file is the factory's to delete only when it still is what the manifest recorded.
        const trusted = (base: Tree) => {
          const kept = base.fork();
          for (const [path, sha256] of owned) {
            const content = base.read(path);
            if (content && hashContent(content) !== sha256) kept.delete(path);
          }
          return kept;
        };
        const { target, pristine } = await rerender(project, context, composition, `with ${id} removed`, options, trusted);
        // Kept: what the team changed, and what it took over with eject (the manifest keeps those records).
        const ejected = project.manifest.files.filter((file) => file.module === id && file.owner === 'team').map((file) => file.path);
        const kept = [...target.planned.filter((file) => file.outcome === 'kept').map((file) => file.path), ...ejected].sort();
        return { summary: { modules: composition.modules, kept, ejected: [] }, target, ...(pristine ? { pristine } : {}) };
      },
    },
    options,
  );
}
