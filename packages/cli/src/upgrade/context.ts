/** What every upgrade of a process shares: the catalog, the codemods, and the ts-morph projects they run in. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { CodemodRunner, loadCodemods, TypeChecker, type Codemod } from '@ai-factory/codemods';
import type { Catalog } from '@ai-factory/engine';
import { loadBuiltinCatalog } from '@ai-factory/templates';
import { RenderCache } from './render-cache.js';

export interface UpgradeContext {
  catalog: Catalog;
  codemods: readonly Codemod[];
  /** One per process: it keeps a ts-morph project across repositories. */
  runner: CodemodRunner;
  /** One per process: it keeps the compiler's lib files and the shared package's declarations parsed. */
  checker: TypeChecker;
  /** One per process: the new release's renders, kept for repositories with the same answers. */
  renders: RenderCache;
  /** Where releases installed to rebuild a missing pristine render are kept. @default the user's cache (see `releaseCacheDir`) */
  releaseCache?: string;
}

/** The declarations of the @ai-factory/shared this CLI ships: what upgraded projects are checked against. */
function sharedTypes(): string {
  const manifest = createRequire(import.meta.url).resolve('@ai-factory/shared/package.json');
  const { types } = JSON.parse(readFileSync(manifest, 'utf8')) as { types: string };
  return join(dirname(manifest), types);
}

/**
 * Loads the built-in catalog and codemods.
 * @example const { report } = await upgradeRepository(dir, await createUpgradeContext());
 */
export async function createUpgradeContext(): Promise<UpgradeContext> {
  const [catalog, codemods] = await Promise.all([loadBuiltinCatalog(), loadCodemods()]);
  return { catalog, codemods, runner: new CodemodRunner(), checker: new TypeChecker(sharedTypes()), renders: new RenderCache() };
}
