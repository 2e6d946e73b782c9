// Benchmark: `ai-factory fleet upgrade` against the naive way, side by side, in one run.
// Run: npm run build && node scripts/bench/fleet.mjs [--sizes 100,1000] [--naive 100,200] [--keep]
//
// Setup (not timed) builds fresh repositories from the real factory 0.1.0 fixtures for every
// measurement (an upgraded repository is up to date afterwards). Each measurement runs in its own
// process under /usr/bin/time, so its peak memory is its own: the fleet figure is the largest of the
// Node process (main thread and worker threads share it; they also report process.resourceUsage()
// .maxRSS themselves) and the git processes it spawned; the naive figure is the largest of the
// per-repository `ai-factory upgrade` processes.
// The naive run at 1000 is extrapolated linearly from its measured 100 and 200 (printed as such),
// because it takes about twenty minutes; the per-repository cost at 100 and 200 shows the linearity.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { buildRepos, buildTemplates } from './fleet/setup.mjs';

const { values } = parseArgs({ options: { sizes: { type: 'string', default: '100,1000' }, naive: { type: 'string', default: '100,200' }, keep: { type: 'boolean' } } });
const sizes = values.sizes.split(',').map(Number);
const naiveSizes = values.naive.split(',').filter(Boolean).map(Number);
const work = mkdtempSync(join(tmpdir(), 'bench-fleet-'));
const script = (name) => fileURLToPath(new URL(`./fleet/${name}`, import.meta.url));

/** Runs a measurement child under /usr/bin/time; returns its JSON line plus the peak RSS time saw. */
function measure(name, list, ...args) {
  const timeFile = join(work, `${name}.time`);
  const out = execFileSync('/usr/bin/time', ['-f', '%M', '-o', timeFile, 'node', script(name), list, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  return { ...JSON.parse(out), treeMaxRSSKiB: Number(readFileSync(timeFile, 'utf8').trim().split('\n').pop()) };
}

function fleetList(label, count, templates) {
  const repos = buildRepos(templates, join(work, label), count);
  const list = join(work, `${label}.txt`);
  writeFileSync(list, `${repos.join('\n')}\n`);
  return list;
}

const mib = (kib) => `${(kib / 1024).toFixed(0)} MiB`;
const row = (cells) => console.log(cells.map((cell, i) => String(cell)[i === 0 ? 'padEnd' : 'padStart'](i === 0 ? 46 : 12)).join(' '));

try {
  console.log(`machine: ${availableParallelism()} CPUs; fleet concurrency ${availableParallelism()}; node ${process.version}`);
  const templates = buildTemplates(work);
  const results = [];
  for (const n of sizes) {
    process.stderr.write(`setting up ${n} repositories for the fleet run...\n`);
    const list = fleetList(`fleet-${n}`, n, templates);
    process.stderr.write(`fleet upgrade of ${n}...\n`);
    results.push({ label: `fleet, ${n} repositories`, n, ...measure('run-fleet.mjs', list) });
  }
  for (const n of naiveSizes) {
    process.stderr.write(`setting up ${n} repositories for the naive run...\n`);
    const list = fleetList(`naive-${n}`, n, templates);
    process.stderr.write(`naive upgrade of ${n}, one process per repository...\n`);
    results.push({ label: `naive, ${n} repositories`, n, naive: true, ...measure('run-naive.mjs', list) });
  }

  console.log('\nfleet: `runFleet` (worker threads; catalog, codemods, one CodemodRunner and jiti per worker)');
  console.log('naive: `ai-factory upgrade <repo>` one after another, a fresh process (catalog, codemods, ts-morph Project, jiti) per repository\n');
  row(['run', 'wall s', 'repos/s', 'ms/repo', 'peak RSS', 'in-process']);
  for (const r of results) row([r.label, (r.wallMs / 1000).toFixed(1), (r.n / (r.wallMs / 1000)).toFixed(2), (r.wallMs / r.n).toFixed(0), mib(r.treeMaxRSSKiB), mib(r.maxRSSKiB)]);
  for (const r of results) if ((r.statuses.upgraded ?? 0) !== r.n) console.log(`WARNING ${r.label}: ${JSON.stringify(r.statuses)} ${JSON.stringify(r.failures)}`);

  const naive = results.filter((r) => r.naive);
  if (naive.length > 0) {
    // Least squares over the measured naive sizes: per-repository cost (slope) and fixed cost.
    const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const mx = mean(naive.map((r) => r.n));
    const my = mean(naive.map((r) => r.wallMs));
    const slope = naive.length > 1 ? naive.reduce((a, r) => a + (r.n - mx) * (r.wallMs - my), 0) / naive.reduce((a, r) => a + (r.n - mx) ** 2, 0) : my / mx;
    const intercept = my - slope * mx;
    console.log(`\nnaive per repository: ${naive.map((r) => `${(r.wallMs / r.n).toFixed(0)} ms at ${r.n}`).join(', ')} (linear fit: ${slope.toFixed(0)} ms/repo + ${(intercept / 1000).toFixed(1)} s)`);
    console.log('\nside by side (naive at sizes not measured is EXTRAPOLATED from the linear fit):');
    row(['size', 'fleet s', 'naive s', 'speed-up']);
    for (const f of results.filter((r) => !r.naive)) {
      const measured = naive.find((r) => r.n === f.n);
      const naiveMs = measured ? measured.wallMs : intercept + slope * f.n;
      row([`${f.n}${measured ? '' : ' (naive extrapolated)'}`, (f.wallMs / 1000).toFixed(1), (naiveMs / 1000).toFixed(1), `${(naiveMs / f.wallMs).toFixed(1)}x`]);
    }
  }
  const small = results.find((r) => !r.naive && r.n === Math.min(...sizes));
  const large = results.find((r) => !r.naive && r.n === Math.max(...sizes));
  if (small && large && small !== large) {
    console.log(`\ntargets (this machine):`);
    console.log(`  ${large.n} repositories under 60 s: ${large.wallMs < 60_000 ? 'met' : 'NOT met'} (${(large.wallMs / 1000).toFixed(1)} s)`);
    const growth = large.treeMaxRSSKiB / small.treeMaxRSSKiB - 1;
    console.log(`  peak memory at ${large.n} within 20% of ${small.n}: ${growth <= 0.2 ? 'met' : 'NOT met'} (${mib(small.treeMaxRSSKiB)} → ${mib(large.treeMaxRSSKiB)}, ${(growth * 100).toFixed(0)}%)`);
  }
} finally {
  if (values.keep) console.log(`\nrepositories kept in ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
