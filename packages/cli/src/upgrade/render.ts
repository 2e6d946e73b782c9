/**
 * The target state of an upgrade, computed in memory: codemods on the team's TypeScript, the new render,
 * the three-way merge of template files, managed files synthesized from the merged config, the manifest.
 */
import { generateProject, MANIFEST_PATH, serializeManifest, type Catalog, type Manifest } from '@ai-factory/engine';
import { CONFIG_FILE, evaluateConfig, managedRecords, synthesize, SYNTH_MODULE } from '@ai-factory/shared';
import { selectCodemods, type Codemod, type CodemodRunner } from '@ai-factory/codemods';
import type { FileMap } from '../git/trees.js';
import { mergeFile } from './merge.js';
import { planTemplateFiles, type PlannedFile } from './plan.js';
import { UpgradeError } from './report.js';

export interface UpgradeInputs {
  catalog: Catalog;
  codemods: readonly Codemod[];
  runner: CodemodRunner;
  manifest: Manifest;
  /** The project as committed at HEAD. */
  ours: FileMap;
  /** The pristine render of the project's factory version. */
  base: FileMap;
}

export interface UpgradeTarget {
  /** Every path whose content changes from HEAD: new content, or null to delete. */
  changes: Map<string, Buffer | null>;
  /** The pristine render of the new version (the base of the next upgrade). */
  pristine: FileMap;
  /** Paths the new render makes executable. */
  executable: Set<string>;
  planned: PlannedFile[];
  codemodsApplied: string[];
  conflicts: string[];
}

const sharedVersion = (manifest: Manifest) => manifest.modules.find((module) => module.id === SYNTH_MODULE)?.version ?? '1.0.0';

/** Applies the codemods to the TypeScript of a tree; returns the migrated tree and which codemods changed it. */
function migrate(files: FileMap, codemods: readonly Codemod[], runner: CodemodRunner): { files: FileMap; applied: string[] } {
  const sources = [...files].filter(([path]) => /\.(c|m)?tsx?$/.test(path)).map(([path, content]) => ({ path, text: content.toString('utf8') }));
  const result = runner.run(sources, codemods);
  const migrated = new Map(files);
  for (const { path, text } of result.changed) migrated.set(path, Buffer.from(text));
  return { files: migrated, applied: result.applied.map((entry) => entry.codemod) };
}

async function managedFiles(config: PlannedFile | undefined, fallback: FileMap, managedPaths: string[]): Promise<Map<string, Buffer>> {
  // A config with conflict markers cannot be evaluated: keep the new render's managed files until it is resolved.
  if (!config?.content || config.outcome === 'conflict') return new Map(managedPaths.map((path) => [path, fallback.get(path)!]));
  try {
    return new Map(synthesize(await evaluateConfig(config.content.toString('utf8'))).map((a) => [a.path, Buffer.from(a.content)]));
  } catch (error) {
    throw new UpgradeError('malformed-config', `${CONFIG_FILE} does not evaluate after the upgrade: ${(error as Error).message.split('\n').slice(0, 6).join('\n')}`);
  }
}

export async function computeUpgrade(inputs: UpgradeInputs): Promise<UpgradeTarget> {
  const { catalog, manifest, runner } = inputs;
  const { tree, manifest: rendered } = generateProject(catalog, manifest.answers);
  const theirs: FileMap = new Map(tree.entries().map(([path, file]) => [path, file.content]));
  const codemods = selectCodemods(inputs.codemods, sharedVersion(manifest), sharedVersion(rendered));
  const ours = migrate(inputs.ours, codemods, runner);
  const base = migrate(inputs.base, codemods, runner);

  const templatePaths = [...manifest.files, ...rendered.files].filter((file) => file.owner === 'template').map((file) => file.path);
  const planned = await planTemplateFiles(templatePaths, { base: base.files, ours: ours.files, theirs }, mergeFile);
  const managedPaths = rendered.files.filter((file) => file.owner === 'managed').map((file) => file.path);
  const managed = await managedFiles(planned.find((file) => file.path === CONFIG_FILE), theirs, managedPaths);

  const upgraded: Manifest = {
    ...rendered,
    files: [...rendered.files.filter((file) => file.owner !== 'managed'), ...managedRecords([...managed].map(([path, content]) => ({ path, content: content.toString('utf8') })))].sort((a, b) =>
      a.path < b.path ? -1 : a.path > b.path ? 1 : 0,
    ),
    upgrades: [
      ...(manifest.upgrades ?? []),
      { from: manifest.factory.version, to: rendered.factory.version, shared: { from: sharedVersion(manifest), to: sharedVersion(rendered) }, codemods: codemods.map((c) => c.name) },
    ],
  };

  const target = new Map<string, Buffer | null>();
  for (const file of planned) target.set(file.path, file.content);
  for (const path of manifest.files.filter((file) => file.owner === 'managed').map((file) => file.path)) target.set(path, null);
  for (const [path, content] of managed) target.set(path, content);
  target.set(MANIFEST_PATH, Buffer.from(serializeManifest(upgraded)));

  const changes = new Map([...target].filter(([path, content]) => {
    const current = inputs.ours.get(path);
    return content === null ? current !== undefined : current === undefined || !current.equals(content);
  }));
  return {
    changes,
    pristine: theirs,
    executable: new Set(tree.entries().flatMap(([path, file]) => (file.executable ? [path] : []))),
    planned,
    codemodsApplied: [...new Set([...ours.applied])],
    conflicts: planned.filter((file) => file.outcome === 'conflict').map((file) => file.path),
  };
}
