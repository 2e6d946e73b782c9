import { createRequire } from 'node:module';

/** This package's version, which is the factory version it creates projects from; read by name, since the bundled bin runs it from a chunk. */
export const VERSION = (createRequire(import.meta.url)('create-ml-project/package.json') as { version: string }).version;
