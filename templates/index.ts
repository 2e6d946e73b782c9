/** The built-in catalog: the module folders beside this file, with their compiled definitions in dist/. */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCatalog, type Catalog } from '@ai-factory/engine';

const compiledRoot = dirname(fileURLToPath(import.meta.url));

/** Folder holding `<category>/<module>/` and `presets/`. */
export const TEMPLATES_ROOT = resolve(compiledRoot, '..');

/** The catalog version, recorded in each manifest as the factory version. */
export const FACTORY_VERSION: string = (
  JSON.parse(readFileSync(resolve(TEMPLATES_ROOT, 'package.json'), 'utf8')) as { version: string }
).version;

let cached: Promise<Catalog> | undefined;

/** Loads (once per process) every built-in module and preset. */
export function loadBuiltinCatalog(): Promise<Catalog> {
  cached ??= loadCatalog({ root: TEMPLATES_ROOT, compiledRoot, version: FACTORY_VERSION });
  return cached;
}
