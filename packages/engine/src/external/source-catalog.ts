/**
 * Loads the modules of a fetched source tree and merges them into a catalog. External modules join every
 * preset, and as with any preset module, one whose `when` does not hold for the answers is left out.
 */
import { join } from 'node:path';
import { moduleFolders, type Catalog, type ModuleSource } from '../catalog.js';
import { FactoryError } from '../errors.js';
import type { CatalogModule } from '../module.js';
import { loadModuleJson, MODULE_JSON } from './module-json.js';

/** Every `<category>/<name>/module.json` under `root`; errors from all modules are reported together. */
export function loadExternalModules(root: string, spec: string): CatalogModule[] {
  const ids = moduleFolders(root, MODULE_JSON);
  if (ids.length === 0) {
    throw new FactoryError('invalid-module', `Source ${spec} has no modules: expected <category>/<name>/${MODULE_JSON} folders.`);
  }
  const modules: CatalogModule[] = [];
  const errors: string[] = [];
  for (const id of ids) {
    try {
      modules.push(loadModuleJson(join(root, id), root, spec));
    } catch (error) {
      errors.push((error as Error).message);
    }
  }
  if (errors.length > 0) throw new FactoryError('invalid-module', errors.join('\n'));
  return modules;
}

/** A catalog with the source's modules added to it and to every preset. */
export function withExternalModules(catalog: Catalog, source: ModuleSource, modules: readonly CatalogModule[]): Catalog {
  const merged = new Map(catalog.modules);
  for (const module of modules) {
    if (merged.has(module.id)) {
      throw new FactoryError('invalid-module', `Source ${source.spec} has module ${module.id}, which the catalog already has.`);
    }
    merged.set(module.id, module);
  }
  for (const module of modules) {
    const unknown = [...module.requires, ...module.conflicts].filter((id) => !merged.has(id));
    if (unknown.length > 0) throw new FactoryError('invalid-module', `Module ${module.id} (from ${source.spec}) refers to unknown modules: ${unknown.join(', ')}.`);
  }
  const added = modules.map((module) => module.id);
  const presets = new Map([...catalog.presets].map(([id, preset]) => [id, { ...preset, modules: [...preset.modules, ...added] }]));
  return { ...catalog, modules: merged, presets, sources: [...(catalog.sources ?? []), source] };
}
