/** The built-in catalog: the module folders beside this file, with their compiled definitions in dist/. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { loadCatalog, type Catalog } from '@ai-factory/engine';

/**
 * Folder holding `<category>/<module>/` and `presets/`: the package's own, found by name rather than from
 * this file, so that a CLI bundling this file still reads the module folders of the installed package.
 */
export const TEMPLATES_ROOT = dirname(createRequire(import.meta.url).resolve('@ai-factory/templates/package.json'));

/** The catalog version, recorded in each manifest as the factory version. */
export const FACTORY_VERSION: string = (
  JSON.parse(readFileSync(resolve(TEMPLATES_ROOT, 'package.json'), 'utf8')) as { version: string }
).version;

let cached: Promise<Catalog> | undefined;

/** Loads (once per process) every built-in module and preset, from the definitions the build imports statically. */
export function loadBuiltinCatalog(): Promise<Catalog> {
  cached ??= import('#definitions').then(({ default: definitions }) => loadCatalog({ root: TEMPLATES_ROOT, version: FACTORY_VERSION, definitions }));
  return cached;
}
