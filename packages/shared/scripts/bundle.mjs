// Bundles the entry points of the built package (the library, the answer vocabulary, the RBAC tables and the synth CLI) with the code they
// share split into chunks. Generated projects and the factory load this package on every synth and every
// generation; a few files instead of hundreds (the Grafana SDK alone is hundreds of CommonJS modules)
// halves that start-up, and the shared chunk keeps the published package from carrying it twice.
// The per-file build stays beside them for the type declarations.
import { build } from 'esbuild';

await build({
  entryPoints: { index: 'dist/index.js', vocabulary: 'dist/vocabulary.js', rbac: 'dist/rbac/tables.js', 'synth/bin': 'dist/synth/bin.js' },
  outdir: 'dist',
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  allowOverwrite: true,
  logLevel: 'warning',
  // Packages whose identity matters to callers (zod schemas) or that load code at run time stay external.
  external: ['zod', 'yaml', 'jiti'],
});
