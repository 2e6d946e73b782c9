/**
 * Loaded by `main.ts` before creating a project, so before the engine's modules build their zod schemas (each
 * reads this setting as it is built). A run parses each schema once or twice: zod's fast path, code it
 * generates with `new Function` on a schema's first parse, costs more than it saves.
 */
import { config } from 'zod/mini';

config({ jitless: true });
