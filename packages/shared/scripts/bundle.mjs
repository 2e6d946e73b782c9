// Bundles the two entry points of the built package (the library and the synth CLI) into one file each.
// Generated projects and the factory load this package on every synth and every generation; one file
// instead of hundreds (the Grafana SDK alone is hundreds of CommonJS modules) halves that start-up.
// The per-file build stays beside them for the type declarations and deep imports.
import { build } from 'esbuild';

const shared = { bundle: true, platform: 'node', format: 'esm', target: 'node20', allowOverwrite: true, logLevel: 'warning' };
// Packages whose identity matters to callers (zod schemas) or that load code at run time stay external.
const external = ['zod', 'yaml', 'jiti'];

await Promise.all([
  build({ ...shared, entryPoints: ['dist/index.js'], outfile: 'dist/index.js', external }),
  build({ ...shared, entryPoints: ['dist/synth/bin.js'], outfile: 'dist/synth/bin.js', external }),
]);
