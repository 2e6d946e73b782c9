// Bundles the entry points of the built package (the library, the answer vocabulary, the RBAC tables and the synth CLI) with the code they
// share split into chunks. Generated projects and the factory load this package on every synth and every
// generation; a few files instead of hundreds (the Grafana SDK alone is hundreds of CommonJS modules)
// halves that start-up, and the shared chunk keeps the published package from carrying it twice.
// The per-file build stays beside them for the type declarations.
import { build } from 'esbuild';
import { PACKAGE_BUNDLE } from '../../../scripts/build/bundle-options.mjs';

// The Grafana SDK is CommonJS, which esbuild cannot tree-shake: each panel's index pulls in the builders of
// the v2 dashboard schema (VisualizationBuilder, VisualizationV2Builder, and the Prometheus QueryBuilder,
// QueryV2Builder), and they the whole of dashboardv2 and dashboardv2beta1, about half the SDK. The platform
// layer writes v1 dashboards and uses none of them, so they are bundled as empty modules.
const V2_BUILDERS = /^\.\/(visualizationBuilder|visualizationV2Builder|queryBuilder|queryV2Builder)\.gen$/;
const withoutGrafanaV2 = {
  name: 'without-grafana-v2',
  setup(plugin) {
    plugin.onResolve({ filter: V2_BUILDERS }, ({ importer, path }) =>
      importer.includes('@grafana/grafana-foundation-sdk') ? { path, namespace: 'grafana-v2-unused' } : undefined,
    );
    plugin.onLoad({ filter: /.*/, namespace: 'grafana-v2-unused' }, () => ({ contents: '', loader: 'js' }));
  },
};

await build({
  ...PACKAGE_BUNDLE,
  entryPoints: { index: 'dist/index.js', vocabulary: 'dist/vocabulary.js', rbac: 'dist/rbac/tables.js', 'synth/bin': 'dist/synth/bin.js' },
  // Packages whose identity matters to callers (zod schemas) or that load code at run time stay external.
  external: ['zod', 'yaml', 'jiti'],
  plugins: [withoutGrafanaV2],
});
