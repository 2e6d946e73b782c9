import { build } from 'esbuild';
import { PACKAGE_BUNDLE } from '/work/main/scripts/build/bundle-options.mjs';
const { metafile } = await build({ ...PACKAGE_BUNDLE, write: false, metafile: true, minify: true, outdir: '/tmp/prof/sm', entryPoints: { index: process.argv[2] }, external: ['jiti'] });
const by = new Map();
for (const [out, o] of Object.entries(metafile.outputs)) for (const [inp, v] of Object.entries(o.inputs)) { const m = inp.match(/node_modules\/((@[^/]+\/)?[^/]+)\/(?:dist\/)?([^/]+)/); const k = m ? m[1] + '/' + m[3] : inp.replace(/.*packages\//,''); by.set(k, (by.get(k) ?? 0) + v.bytesInOutput); }
console.log([...by].sort((a,b)=>b[1]-a[1]).slice(0, Number(process.argv[3] ?? 40)).map(([k,v])=>`${(v/1024).toFixed(1).padStart(7)} kB ${k}`).join('\n'));
