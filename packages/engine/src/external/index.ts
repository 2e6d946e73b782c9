export { fetchSource, parseSourceSpec, resolveCommit, type FetchedSource } from './fetch.js';
export { ExternalModuleSchema, loadModuleJson, MODULE_JSON, type ExternalModuleJson } from './module-json.js';
export { openModuleSource, type OpenedSource } from './open.js';
export { loadExternalModules, withExternalModules } from './source-catalog.js';
