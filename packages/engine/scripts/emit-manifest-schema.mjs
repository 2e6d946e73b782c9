// Writes manifest.schema.json from the zod schema (run after build: npm run schema -w @ai-factory/engine).
import { writeFileSync } from 'node:fs';
import { manifestJsonSchema } from '../dist/index.js';

writeFileSync(new URL('../manifest.schema.json', import.meta.url), `${JSON.stringify(manifestJsonSchema(), null, 2)}\n`);
