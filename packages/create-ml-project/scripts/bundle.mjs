// Bundles the bin, after tsc, into dist/bin.js and the chunks it imports on demand: creating a project
// (engine, catalog, platform layer) and the prompts load only when there is one to create, and from a few
// files instead of hundreds (zod alone is a hundred modules). The per-file output tsc wrote is removed: the
// package exports its bin and its option table (`create-ml-project/options`, which the playbook's CLI reference
// is generated from).
import { readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { build } from 'esbuild';
import { PACKAGE_BUNDLE } from '../../../scripts/build/bundle-options.mjs';

const { metafile } = await build({
  ...PACKAGE_BUNDLE,
  entryPoints: { bin: 'dist/bin.js', options: 'dist/options.js' },
  metafile: true,
  // Less to parse and compile on every run (Node 20 has no compile cache). Identifiers keep their names, so
  // stack traces read without esbuild's keepNames, whose call per function cost more at start than the
  // longer names cost to parse.
  minifyWhitespace: true,
  minifySyntax: true,
  // jiti loads code at run time (the platform layer's config loader); the packages the engine requires on
  // demand (the Handlebars compiler, degit, the module contract's YAML parser) are resolved at run time from
  // this package's dependencies.
  external: ['jiti'],
  // CommonJS dependencies in an ES module bundle still call require() for Node's built-ins.
  banner: { js: "import { createRequire as bundleRequire } from 'node:module';\nconst require = bundleRequire(import.meta.url);" },
});
const bundled = new Set(Object.keys(metafile.outputs).map((file) => relative('dist', file)));
for (const entry of readdirSync('dist', { recursive: true, withFileTypes: true })) {
  const path = relative('dist', join(entry.parentPath, entry.name));
  if (entry.isFile() && !bundled.has(path)) rmSync(join('dist', path));
}
for (const dir of readdirSync('dist', { withFileTypes: true })) {
  if (dir.isDirectory() && dir.name !== 'chunks') rmSync(join('dist', dir.name), { recursive: true });
}
console.log(`bundled: ${[...bundled].map((file) => `${file} ${(metafile.outputs[join('dist', file)].bytes / 1024).toFixed(0)} kB`).join(', ')}`);
