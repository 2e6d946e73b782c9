/**
 * The code the reference pages are generated from, loaded from the built workspaces (run after
 * `npm run build`). Page kinds import what they need from here or from a package directly.
 */
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Imports a workspace by its package name; its exports point into dist/, which only a build writes. */
async function importBuilt(specifier) {
  try {
    return await import(specifier);
  } catch (error) {
    if (error?.code !== 'ERR_MODULE_NOT_FOUND') throw error;
    throw new Error(`${specifier} is not built: build the workspaces first (npx turbo run build).`, { cause: error });
  }
}

export async function loadCatalog() {
  const { loadBuiltinCatalog } = await importBuilt('@ai-factory/templates');
  return loadBuiltinCatalog();
}

export const loadEngine = () => importBuilt('@ai-factory/engine');
export const loadShared = () => importBuilt('@ai-factory/shared');

/** The RBAC tables: capabilities per persona and level, and what each capability is on each cloud. */
export const loadRbac = () => importBuilt('@ai-factory/shared/rbac');

export const loadCreateOptions = () => importBuilt('create-ml-project/options');

export async function loadCreateVersion() {
  const { readFileSync } = await import('node:fs');
  return JSON.parse(readFileSync(new URL('../../packages/create-ml-project/package.json', import.meta.url), 'utf8')).version;
}

export const loadCli = () => importBuilt('ai-factory');

/** Every codemod with its Before/After document (the `.md` beside its source). */
export async function loadCodemods() {
  const { loadCodemods: load, selectCodemods } = await importBuilt('@ai-factory/codemods');
  return { codemods: await load(), selectCodemods, docsDir: `${REPO_ROOT}packages/codemods/src/codemods/` };
}
