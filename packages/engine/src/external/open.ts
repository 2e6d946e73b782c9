/** The one call the CLIs make for `--source`: fetch, load as data, merge into the catalog. */
import type { Catalog } from '../catalog.js';
import { fetchSource } from './fetch.js';
import { loadExternalModules, withExternalModules } from './source-catalog.js';

export interface OpenedSource {
  catalog: Catalog;
  /** Removes the fetched tree; call it after generation, which reads module files lazily. */
  close: () => void;
}

/**
 * @example const { catalog, close } = await openModuleSource(builtin, 'acme/ml-modules#v1');
 */
export async function openModuleSource(catalog: Catalog, spec: string): Promise<OpenedSource> {
  const fetched = await fetchSource(spec);
  try {
    const modules = loadExternalModules(fetched.dir, spec);
    return { catalog: withExternalModules(catalog, { spec, commit: fetched.commit }, modules), close: fetched.remove };
  } catch (error) {
    fetched.remove();
    throw error;
  }
}
