import { build } from 'esbuild';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PACKAGE_BUNDLE } from '/work/wt/lead/scripts/build/bundle-options.mjs';
const yamlModules = join(dirname(createRequire(import.meta.url).resolve('yaml/package.json')), 'browser/index.js');
const { metafile } = await build({ ...PACKAGE_BUNDLE, outdir: '.prof/out2', entryPoints: { bin: '.prof/dist/bin.js' }, minify: true, keepNames: true, external: ['jiti'], metafile: true, write: false,
  plugins: [{ name: 'y', setup(p) { p.onResolve({ filter: /^yaml$/ }, () => ({ path: yamlModules })); } }] });
for (const [out, o] of Object.entries(metafile.outputs)) {
  if (o.bytes < 20000) continue;
  const by = new Map();
  for (const [inp, v] of Object.entries(o.inputs)) { const m = inp.match(/node_modules\/((@[^/]+\/)?[^/]+)/); const k = m ? m[1] : inp.replace(/\/dist\/.*/, '').replace(/.*packages\//,'pk:'); by.set(k, (by.get(k) ?? 0) + v.bytesInOutput); }
  console.log(out, (o.bytes/1024).toFixed(0), 'kB:', [...by].sort((a,b)=>b[1]-a[1]).slice(0,8).map(([k,v])=>`${k} ${(v/1024).toFixed(0)}`).join(', '));
}
