// Bundles the entry points of the built package (the library, the answer vocabulary, the RBAC tables and the synth CLI) with the code they
// share split into chunks. Generated projects and the factory load this package on every synth and every
// generation; a few files instead of hundreds halves that start-up, and the shared chunk keeps the published
// package from carrying it twice.
// The per-file build stays beside them for the type declarations.
import { build } from 'esbuild';
import { PACKAGE_BUNDLE } from '../../../scripts/build/bundle-options.mjs';

await build({
  ...PACKAGE_BUNDLE,
  entryPoints: { index: 'dist/index.js', vocabulary: 'dist/vocabulary.js', rbac: 'dist/rbac/tables.js', 'synth/bin': 'dist/synth/bin.js' },
  // Packages whose identity matters to callers (zod schemas) or that load code at run time stay external.
  external: ['zod', 'yaml', 'jiti'],
});
