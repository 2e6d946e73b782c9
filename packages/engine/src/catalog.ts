/**
 * Loads the catalog: every compiled `<category>/<module>/module.js` whose module folder (its `files/`) is
 * under the templates root, and every compiled `presets/<id>.js` (but `_*.js`, which presets share code
 * from), validated. Discovery is by folder, so a new module is picked up with no edit anywhere else; it
 * goes by the compiled definitions because a published templates package ships those, not the sources.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describeIssues } from './answers.js';
import { FactoryError } from './errors.js';
import { ModuleDefinitionSchema, type CatalogModule } from './module.js';
import { PresetSchema, type Preset } from './preset.js';
import { addPrecompiledTemplates, type PrecompiledTemplate } from './render/helpers.js';

export interface Catalog {
  /** Version of the catalog release, recorded in every manifest as the factory version. */
  version: string;
  modules: ReadonlyMap<string, CatalogModule>;
  presets: ReadonlyMap<string, Preset>;
  /** External module sources merged into this catalog (`--source`), recorded in the manifest. */
  sources?: readonly ModuleSource[];
}

/** Where external modules came from: the source as given and the commit it was pinned to. */
export interface ModuleSource {
  /** As given, e.g. `acme/ml-modules#v1`. */
  spec: string;
  /** The full commit id the ref resolved to. */
  commit: string;
}

/** A catalog's compiled definitions, as `catalogFiles` finds them, imported. */
export interface CatalogDefinitions {
  /** Module definitions by id (`<category>/<module>`). */
  modules: ReadonlyMap<string, unknown>;
  /** Presets by file name (without `.js`). */
  presets: ReadonlyMap<string, unknown>;
  /** The catalog's templates precompiled at build time, if it was built with them. */
  templates?: readonly PrecompiledTemplate[];
}

/**
 * Where a catalog is: its module folders (`root`), its version, and its compiled definitions, either in a
 * folder to import them from or already imported (a bundle imports them statically, see `catalogFiles`).
 */
export type CatalogLocation = {
  /** Folder holding `<category>/<module>/files/` and the definition sources. */
  root: string;
  version: string;
} & (
  | {
      /** Folder holding the compiled definitions, mirroring `root` (`<category>/<module>/module.js`). */
      compiledRoot: string;
    }
  | { definitions: CatalogDefinitions }
);

const NOT_CATEGORIES = new Set(['dist', 'node_modules', 'presets']);

function subfolders(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.') && !entry.name.startsWith('__'))
    .map((entry) => entry.name)
    .sort();
}

/** Every file under `dir`, as sorted POSIX paths relative to it. */
export function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  // Entries with their types: a stat per file only for links, which count when they lead to a file.
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() || (entry.isSymbolicLink() && statSync(join(entry.parentPath, entry.name)).isFile()))
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

export async function importDefault(file: string): Promise<unknown> {
  const loaded = (await import(pathToFileURL(file).href)) as { default?: unknown };
  return loaded.default;
}

/** Validates one module definition found in `dir`; the id must match the folder. */
export function checkModuleDefinition(raw: unknown, dir: string, root: string): CatalogModule {
  const where = relative(root, dir).split(sep).join('/');
  const parsed = ModuleDefinitionSchema.safeParse(raw);
  if (!parsed.success) {
    throw new FactoryError('invalid-module', `Module ${where} has an invalid definition:\n${describeIssues(parsed.error)}`);
  }
  if (parsed.data.id !== where) {
    throw new FactoryError('invalid-module', `Module ${where} declares id "${parsed.data.id}"; the id must be "${where}".`);
  }
  return { ...parsed.data, dir };
}

/** The file a build writes beside the compiled definitions: the catalog's templates, precompiled (`[source, spec][]`). */
export const PRECOMPILED_TEMPLATES = 'templates.js';

/** Module folders under a templates root, as `<category>/<name>` ids, where `marker` (the definition file) exists. */
export function moduleFolders(root: string, marker = 'module.ts'): string[] {
  if (!existsSync(root)) return [];
  return subfolders(root)
    .filter((name) => !NOT_CATEGORIES.has(name))
    .flatMap((category) => subfolders(join(root, category)).map((name) => `${category}/${name}`))
    .filter((id) => existsSync(join(root, id, marker)));
}

/**
 * The compiled files of a catalog: each module's definition (where its module folder is under `root`), each
 * preset (but `_*.js`, which presets share code from) and the precompiled templates, if built.
 */
export function catalogFiles(root: string, compiledRoot: string): { modules: [string, string][]; presets: [string, string][]; templates?: string } {
  const presetDir = join(compiledRoot, 'presets');
  const templates = join(compiledRoot, PRECOMPILED_TEMPLATES);
  return {
    modules: moduleFolders(compiledRoot, 'module.js')
      .filter((id) => existsSync(join(root, id)))
      .map((id) => [id, join(compiledRoot, id, 'module.js')]),
    presets: (existsSync(presetDir) ? readdirSync(presetDir).filter((f) => f.endsWith('.js') && !f.startsWith('_')).sort() : []).map((file) => [
      file.replace(/\.js$/, ''),
      join(presetDir, file),
    ]),
    ...(existsSync(templates) ? { templates } : {}),
  };
}

/** Imports the definitions `catalogFiles` finds. */
async function importDefinitions(root: string, compiledRoot: string): Promise<CatalogDefinitions> {
  const files = catalogFiles(root, compiledRoot);
  const imported = async (entries: [string, string][]) => new Map(await Promise.all(entries.map(async ([id, file]) => [id, await importDefault(file)] as const)));
  return {
    modules: await imported(files.modules),
    presets: await imported(files.presets),
    // Optional: without it (definitions run from source) templates are compiled as they render.
    ...(files.templates ? { templates: (await importDefault(files.templates)) as PrecompiledTemplate[] } : {}),
  };
}

export async function loadCatalog(location: CatalogLocation): Promise<Catalog> {
  const { root, version } = location;
  const definitions = 'definitions' in location ? location.definitions : await importDefinitions(root, location.compiledRoot);
  const modules = new Map<string, CatalogModule>();
  for (const [id, raw] of definitions.modules) {
    const module = checkModuleDefinition(raw, join(root, id), root);
    modules.set(module.id, module);
  }
  for (const module of modules.values()) {
    for (const id of [...module.requires, ...module.conflicts]) {
      if (!modules.has(id)) throw new FactoryError('invalid-module', `Module ${module.id} refers to unknown module "${id}".`);
    }
  }

  if (definitions.templates) addPrecompiledTemplates(definitions.templates);

  const presets = new Map<string, Preset>();
  for (const [name, raw] of definitions.presets) {
    const parsed = PresetSchema.safeParse(raw);
    if (!parsed.success) {
      throw new FactoryError('invalid-module', `Preset presets/${name} is invalid:\n${describeIssues(parsed.error)}`);
    }
    const unknown = parsed.data.modules.filter((id) => !modules.has(id));
    if (unknown.length > 0) {
      throw new FactoryError('invalid-module', `Preset ${parsed.data.id} names unknown modules: ${unknown.join(', ')}.`);
    }
    presets.set(parsed.data.id, parsed.data);
  }
  return { version, modules, presets };
}

/** Reads a module's source file (relative to its `files/` folder). */
export function readModuleFile(module: CatalogModule, path: string): Buffer {
  return readFileSync(join(module.dir, 'files', path));
}

/** True when the module's source file has an execute bit, which the generated file keeps. */
export function isExecutable(module: CatalogModule, path: string): boolean {
  return (statSync(join(module.dir, 'files', path)).mode & 0o111) !== 0;
}
