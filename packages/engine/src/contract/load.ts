/**
 * Reads a module folder for the contract check. A built-in module (`module.ts`) is read from its compiled
 * definition, `<root>/dist/<category>/<name>/module.js`; a module with `module.json` is read as data, which
 * is the only form a module from outside the factory may take.
 */
import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { checkModuleDefinition, importDefault, moduleFolders } from '../catalog.js';
import { loadModuleJson, MODULE_JSON } from '../external/module-json.js';
import type { CatalogModule } from '../module.js';
import { checkModuleContract } from './check.js';
import type { ContractReport } from './problem.js';

export interface ModuleFolderOptions {
  /** Where compiled definitions live, mirroring the templates root. @default `<root>/dist` */
  compiledRoot?: string;
}

const compiledRootOf = (root: string, options: ModuleFolderOptions) => options.compiledRoot ?? join(root, 'dist');

/** Loads the module in `dir`, whose parent's parent is the templates root (the id is `<category>/<name>`). */
export async function loadModuleFolder(dir: string, options: ModuleFolderOptions = {}): Promise<CatalogModule> {
  const moduleDir = resolve(dir);
  const root = dirname(dirname(moduleDir));
  if (existsSync(join(moduleDir, MODULE_JSON))) return loadModuleJson(moduleDir, root);
  const id = `${basename(dirname(moduleDir))}/${basename(moduleDir)}`;
  const compiled = join(compiledRootOf(root, options), id, 'module.js');
  if (!existsSync(compiled)) {
    if (!existsSync(join(moduleDir, 'module.ts'))) throw new Error(`${dir} has neither module.ts nor ${MODULE_JSON}`);
    throw new Error(`${id} is not built (no ${compiled}); run npm run build`);
  }
  return checkModuleDefinition(await importDefault(compiled), moduleDir, root);
}

/**
 * Loads and checks one module folder; a definition that cannot be loaded is reported, not thrown.
 * @example const report = await validateModuleFolder('templates/serving/batch');
 */
export async function validateModuleFolder(dir: string, options: ModuleFolderOptions = {}): Promise<ContractReport> {
  let module: CatalogModule;
  try {
    module = await loadModuleFolder(dir, options);
  } catch (error) {
    return { module: resolve(dir), dir: resolve(dir), problems: [{ check: 'definition', message: (error as Error).message }] };
  }
  return checkModuleContract(module);
}

/**
 * Checks every module under a templates root: its sources (`module.ts`, built or not), its compiled
 * definitions (all a published templates package has), and `module.json` modules.
 */
export async function validateModulesUnder(root: string, options: ModuleFolderOptions = {}): Promise<ContractReport[]> {
  const compiled = moduleFolders(compiledRootOf(root, options), 'module.js').filter((id) => existsSync(join(root, id)));
  const ids = [...new Set([...moduleFolders(root), ...compiled, ...moduleFolders(root, MODULE_JSON)])].sort();
  return Promise.all(ids.map((id) => validateModuleFolder(join(root, id), options)));
}
