// The type of dist/definitions.js, which scripts/definitions.mjs writes after tsc (package.json `imports`).
import type { CatalogDefinitions } from '@ai-factory/engine';

declare const definitions: CatalogDefinitions;
export default definitions;
