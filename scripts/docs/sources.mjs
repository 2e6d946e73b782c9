/**
 * The code the reference pages are generated from, loaded from the built workspaces (run after
 * `npm run build`). Page kinds import what they need from here or from a package directly.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Imports a file of a built workspace; the packages export only their entry points. */
async function importBuilt(relativePath) {
  const url = new URL(`../../${relativePath}`, import.meta.url);
  if (!existsSync(url)) {
    throw new Error(`${relativePath} is missing: build the workspaces first (npx turbo run build).`);
  }
  return import(url.href);
}

export async function loadCatalog() {
  const { loadBuiltinCatalog } = await importBuilt('templates/dist/index.js');
  return loadBuiltinCatalog();
}

export const loadEngine = () => importBuilt('packages/engine/dist/index.js');
export const loadShared = () => importBuilt('packages/shared/dist/index.js');

/** The RBAC tables: capabilities per persona and level, and what each capability is on each cloud. */
export async function loadRbac() {
  const [capabilities, azure, aws, gcp, kubernetes] = await Promise.all([
    importBuilt('packages/shared/dist/rbac/capabilities.js'),
    importBuilt('packages/shared/dist/clouds/azure/rbac.js'),
    importBuilt('packages/shared/dist/clouds/aws/rbac.js'),
    importBuilt('packages/shared/dist/clouds/gcp/rbac.js'),
    importBuilt('packages/shared/dist/clouds/kubernetes/rbac.js'),
  ]);
  return { ...capabilities, AZURE_ACTIONS: azure.AZURE_ACTIONS, AWS_STATEMENTS: aws.AWS_STATEMENTS, GCP_PERMISSIONS: gcp.GCP_PERMISSIONS, KUBERNETES_RULES: kubernetes.KUBERNETES_RULES };
}

export const loadCreateOptions = () => import('create-ml-project/options');

export async function loadCreateVersion() {
  const { readFileSync } = await import('node:fs');
  return JSON.parse(readFileSync(new URL('../../packages/create-ml-project/package.json', import.meta.url), 'utf8')).version;
}

export const loadCli = () => importBuilt('packages/cli/dist/index.js');

/** Every codemod with its Before/After document (the `.md` beside its source). */
export async function loadCodemods() {
  const { loadCodemods: load, selectCodemods } = await importBuilt('packages/codemods/dist/index.js');
  return { codemods: await load(), selectCodemods, docsDir: `${REPO_ROOT}packages/codemods/src/codemods/` };
}
