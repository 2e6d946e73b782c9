// The esbuild options every published package that ships a bundle builds with (packages/shared and
// packages/create-ml-project, each from its scripts/bundle.mjs, run in the package's folder after tsc):
// tsc's ES modules in dist/ bundled in place, for the Node versions the packages' engines name, with the
// code several entry points share split into chunks so that each loads only what it runs.
export const PACKAGE_BUNDLE = {
  outdir: 'dist',
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // The entry points are tsc's output, replaced by their bundles.
  allowOverwrite: true,
  logLevel: 'warning',
};
