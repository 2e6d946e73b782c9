/** Test helper: a catalog of fixture modules written to a temp folder, with one preset `demo`. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Catalog } from './catalog.js';
import { ModuleDefinitionSchema, type CatalogModule, type ModuleDefinitionInput } from './module.js';
import { PresetSchema } from './preset.js';

/** Builds a catalog in a temp folder: each module gets the given files under files/. */
export function fixtureCatalog(modules: [ModuleDefinitionInput, Record<string, string>][], presetModules?: string[]): Catalog {
  const root = mkdtempSync(join(tmpdir(), 'catalog-'));
  const loaded = new Map<string, CatalogModule>();
  for (const [definition, files] of modules) {
    const dir = join(root, definition.id);
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, 'files', path)), { recursive: true });
      writeFileSync(join(dir, 'files', path), content);
    }
    loaded.set(definition.id, { ...ModuleDefinitionSchema.parse(definition), dir });
  }
  const preset = PresetSchema.parse({ id: 'demo', summary: 'Demo', modules: presetModules ?? [...loaded.keys()], answers: {} });
  return { version: '9.9.9', modules: loaded, presets: new Map([['demo', preset]]) };
}

