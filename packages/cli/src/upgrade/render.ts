/**
 * The target state of an upgrade, computed in memory: codemods on the team's TypeScript, the new render,
 * the three-way merge of template files, managed files synthesized from the merged config, the manifest.
 * Everything that could go wrong is found here, before anything is written.
 */
import { type Catalog, type Manifest } from '@ai-factory/engine';
import { fileRecord, MANIFEST_PATH, serializeManifest, type Tree } from '@ai-factory/tree';
import { CONFIG_FILE, SYNTH_MODULE } from '@ai-factory/shared';
import { selectCodemods, TYPESCRIPT_FILE, type Codemod, type CodemodRunner, type TypeChecker } from '@ai-factory/codemods';
import { synthesizeManaged } from './evaluate.js';
import { checkManagedEdits, editedManagedFiles } from './managed.js';
import { sharedVersion } from './manifest.js';
import { refreshedLock } from './lockfile.js';
import { mergeFile } from './merge.js';
import { fileContents, migrate } from './migrate.js';
import { checkWritablePaths } from './paths.js';
import { planTemplateFiles, type PlannedFile } from './plan.js';
import type { RenderCache } from './render-cache.js';
import { typeCheck } from './typecheck.js';

export interface UpgradeInputs {
  catalog: Catalog;
  codemods: readonly Codemod[];
  runner: CodemodRunner;
  checker: TypeChecker;
  renders: RenderCache;
  manifest: Manifest;
  /** The project as committed at HEAD. */
  ours: Tree;
  /** The pristine render of the project's factory version. */
  base: Tree;
  /** Regenerate managed files the team edited by hand instead of stopping. */
  discardManagedEdits: boolean;
}

export interface UpgradeTarget {
  /** Every path whose content changes from HEAD: new content, or null to delete. */
  changes: Map<string, Buffer | null>;
  /** The pristine render of the new version, with its modes (the base of the next upgrade); read only. */
  pristine: Tree;
  planned: PlannedFile[];
  codemodsApplied: string[];
  /** The team's paths each applied codemod changed. */
  codemodFiles: Record<string, string[]>;
  conflicts: string[];
  /** Managed files whose hand edits this upgrade regenerates away. */
  discardedManagedEdits: string[];
}

export async function computeUpgrade(inputs: UpgradeInputs): Promise<UpgradeTarget> {
  const { catalog, manifest, runner } = inputs;
  const links = new Set(inputs.ours.entries().flatMap(([path, entry]) => (entry.mode === 'symlink' ? [path] : [])));
  const head = fileContents(inputs.ours);
  const { tree, manifest: rendered } = inputs.renders.render(catalog, manifest.answers);
  const theirs = fileContents(tree);
  const to = sharedVersion(rendered);
  const codemods = selectCodemods(inputs.codemods, sharedVersion(manifest), to);
  const ours = migrate(head, links, codemods, runner);
  const base = migrate(fileContents(inputs.base), new Set(), codemods, runner);

  // Files handed to the team (`ai-factory eject`) are never merged again: they stay as the team has them.
  const ejected = manifest.files.filter((file) => file.owner === 'team');
  const ejectedPaths = new Set(ejected.map((file) => file.path));
  const templatePaths = new Set([...manifest.files, ...rendered.files].filter((file) => file.owner === 'template' && !ejectedPaths.has(file.path)).map((file) => file.path));
  const planned = planTemplateFiles(templatePaths, { base: base.files, ours: ours.files, theirs }, mergeFile, links);
  const conflicts = planned.filter((file) => file.outcome === 'conflict').map((file) => file.path);

  const target = new Map<string, Buffer | null>();
  // The team's own files the codemods migrated are part of the upgrade too.
  for (const path of ours.changed) if (!templatePaths.has(path)) target.set(path, ours.files.get(path)!);
  for (const file of planned) target.set(file.path, file.content);
  const oldManaged = manifest.files.filter((file) => file.owner === 'managed').map((file) => file.path);
  for (const path of oldManaged) target.set(path, null);
  const upgradedTree = applyTo(head, target);

  // With conflict markers in TypeScript there is nothing to check or evaluate until the team resolves them:
  // the managed files are then the new render's.
  const typescriptConflict = conflicts.some((path) => TYPESCRIPT_FILE.test(path));
  if (!typescriptConflict) typeCheck(inputs.checker, upgradedTree, links, to);
  const managedPaths = rendered.files.filter((file) => file.owner === 'managed').map((file) => file.path);
  const managed = typescriptConflict || conflicts.includes(CONFIG_FILE) ? new Map(managedPaths.map((path) => [path, theirs.get(path)!])) : await synthesizeManaged(upgradedTree, links);
  // A module's own managed files (the organisation dashboard) come from its render, not from the config.
  const moduleManaged = rendered.files.filter((file) => file.owner === 'managed' && file.module !== SYNTH_MODULE);
  for (const { path } of moduleManaged) managed.set(path, theirs.get(path)!);
  for (const [path, content] of managed) target.set(path, content);
  // The pipelines run `npm ci`: a lock that no longer matches package.json would fail the first run.
  if (!conflicts.includes('package.json')) {
    const lock = await refreshedLock(head, applyTo(head, target));
    if (lock) target.set('package-lock.json', lock);
  }

  const edited = editedManagedFiles(manifest, inputs.ours, new Map([...target].filter(([path]) => managed.has(path) || oldManaged.includes(path))));
  checkManagedEdits(edited, inputs.discardManagedEdits);

  const upgraded: Manifest = {
    ...rendered,
    files: [
      ...rendered.files.filter((file) => file.owner === 'template' && !ejectedPaths.has(file.path)),
      ...moduleManaged,
      ...ejected,
      ...[...managed].filter(([path]) => !moduleManaged.some((file) => file.path === path)).map(([path, content]) => fileRecord(path, content, 'managed', SYNTH_MODULE)),
    ].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
    // A render of the same version (a module added or removed) is no upgrade.
    ...(manifest.factory.version === rendered.factory.version
      ? manifest.upgrades && { upgrades: manifest.upgrades }
      : { upgrades: [...(manifest.upgrades ?? []), { from: manifest.factory.version, to: rendered.factory.version, shared: { from: sharedVersion(manifest), to }, codemods: codemods.map((c) => c.name) }] }),
  };
  target.set(MANIFEST_PATH, Buffer.from(serializeManifest(upgraded)));

  const changes = new Map(
    [...target].filter(([path, content]) => {
      const current = head.get(path);
      return content === null ? current !== undefined : current === undefined || !current.equals(content);
    }),
  );
  checkWritablePaths(inputs.ours, changes);
  return {
    changes,
    pristine: tree,
    planned,
    codemodsApplied: ours.applied,
    codemodFiles: ours.filesByCodemod,
    conflicts,
    discardedManagedEdits: edited,
  };
}

/** A tree with changes applied. */
export function applyTo(files: ReadonlyMap<string, Buffer>, changes: ReadonlyMap<string, Buffer | null>): Map<string, Buffer> {
  const result = new Map(files);
  for (const [path, content] of changes) {
    if (content === null) result.delete(path);
    else result.set(path, content);
  }
  return result;
}
