// Benchmark: `ai-factory fleet upgrade` against the naive way and against the git floor, side by side, in
// one run.
// Run: npm run build && node scripts/bench/fleet.mjs [--sizes 200,1000] [--naive 100] [--configs own,untouched] [--keep]
//
// The naive way is what a shell loop over `ai-factory upgrade` does: one repository after another, each
// in a fresh process that loads the catalog and the codemods and builds a fresh ts-morph Project.
// Setup (not timed) builds fresh repositories from the real factory 0.1.0 fixtures for every
// measurement (an upgraded repository is up to date afterwards). Each measurement runs in its own
// process tree; its peak memory is the peak of the resident memory summed over the whole tree (the
// runner, its worker processes, git), sampled from /proc. A naive size left out of --naive is
// extrapolated from the measured ones, and printed as such; `--naive 0` runs no naive way and prints no
// speed-up rows.
// The floor is the git work an object-level upgrade cannot avoid (see fleet/run-floor.mjs), on fresh copies
// of the same repositories, writing exactly the changes the fleet run wrote to each: the fleet's target is
// to stay within 2x of it. Two kinds of fleet: every team tuned its config (`own`: no two configs alike,
// so no content cache hits), and every config is the generated one (`untouched`: the caches hit).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { buildRepos, buildTemplates, upgradeChanges } from './fleet/setup.mjs';
import { runSampled } from './fleet/tree-memory.mjs';

const { values } = parseArgs({ options: { sizes: { type: 'string', default: '200,1000' }, naive: { type: 'string', default: '100' }, configs: { type: 'string', default: 'own,untouched' }, keep: { type: 'boolean' } } });
const numbers = (list) => list.split(',').filter(Boolean).map(Number);
const sizes = numbers(values.sizes);
const naiveSizes = numbers(values.naive).filter((n) => n > 0);
const CONFIGS = { own: 'own configs', untouched: 'untouched configs' };
const configs = values.configs.split(',').filter(Boolean);
for (const config of configs) if (!(config in CONFIGS)) throw new Error(`--configs takes own and untouched, not ${config}`);
const work = mkdtempSync(join(tmpdir(), 'bench-fleet-'));
const script = (name) => fileURLToPath(new URL(`./fleet/${name}`, import.meta.url));

async function measure(label, n, runner, templates, config = 'own', extraArgs = () => []) {
  const name = `${label}-${config}-${n}`;
  process.stderr.write(`setting up ${n} repositories (${CONFIGS[config]}) for the ${label} run...\n`);
  const repos = buildRepos(templates, join(work, name), n, { editConfig: config === 'own' });
  const list = join(work, `${name}.txt`);
  writeFileSync(list, `${repos.join('\n')}\n`);
  process.stderr.write(`${label} upgrade of ${n}...\n`);
  const { stdout, peakKiB, cpuMs } = await runSampled('node', [script(runner), list, String(availableParallelism()), ...extraArgs(repos)]);
  return { label: `${label}, ${n} repositories, ${CONFIGS[config]}`, n, kind: label, config, repos, ...JSON.parse(stdout), peakKiB, cpuMs };
}

/** The floor on fresh copies of the fleet run's repositories, writing what the fleet wrote to each. */
async function measureFloor(fleet, templates) {
  const changes = join(work, `floor-${fleet.config}-${fleet.n}.json`);
  return measure('floor', fleet.n, 'run-floor.mjs', templates, fleet.config, (repos) => {
    const blobs = {};
    const byRepo = Object.fromEntries(repos.map((repo, i) => [repo, upgradeChanges(fleet.repos[i], blobs)]));
    writeFileSync(changes, JSON.stringify({ repos: byRepo, blobs }));
    return [changes];
  });
}

const mib = (kib) => `${(kib / 1024).toFixed(0)} MiB`;
const row = (cells) => console.log(cells.map((cell, i) => String(cell)[i === 0 ? 'padEnd' : 'padStart'](i === 0 ? 52 : 12)).join(' '));

try {
  console.log(`machine: ${availableParallelism()} CPUs; fleet concurrency ${availableParallelism()}; node ${process.version}`);
  const templates = await buildTemplates(work);
  const results = [];
  for (const config of configs) {
    for (const n of sizes) {
      const fleet = await measure('fleet', n, 'run-fleet.mjs', templates, config);
      results.push(fleet, await measureFloor(fleet, templates));
    }
  }
  for (const n of naiveSizes) results.push(await measure('naive', n, 'run-naive.mjs', templates));

  console.log('\nfleet: `runFleet`, worker processes, each loading the catalog and the codemods once');
  console.log('naive: `ai-factory upgrade <repo>` one after another, a fresh process (catalog, codemods, ts-morph Project) per repository');
  console.log('floor: per repository one ls-tree, one cat-file --batch of the changed blobs, one fast-import of the new blobs, tree, commit and ref\n');
  row(['run', 'wall s', 'repos/s', 'ms/repo', 'CPU ms/repo', 'peak memory']);
  for (const r of results) row([r.label, (r.wallMs / 1000).toFixed(1), (r.n / (r.wallMs / 1000)).toFixed(2), (r.wallMs / r.n).toFixed(0), (r.cpuMs / r.n).toFixed(0), mib(r.peakKiB)]);
  for (const r of results) if ((r.statuses.upgraded ?? 0) !== r.n) console.log(`WARNING ${r.label}: ${JSON.stringify(r.statuses)} ${JSON.stringify(r.failures)}`);

  const naive = results.filter((r) => r.kind === 'naive');
  if (naive.length > 0) {
    // Least squares over the measured naive sizes: per-repository cost (slope) and fixed cost.
    const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const mx = mean(naive.map((r) => r.n));
    const my = mean(naive.map((r) => r.wallMs));
    const slope = naive.length > 1 ? naive.reduce((a, r) => a + (r.n - mx) * (r.wallMs - my), 0) / naive.reduce((a, r) => a + (r.n - mx) ** 2, 0) : my / mx;
    const intercept = naive.length > 1 ? my - slope * mx : 0;
    console.log('\nside by side:');
    row(['size', 'fleet s', 'naive s', 'speed-up']);
    // The naive runs' repositories have their own configs: they are compared with that fleet.
    for (const f of results.filter((r) => r.kind === 'fleet' && r.config === 'own')) {
      const measured = naive.find((r) => r.n === f.n);
      const naiveMs = measured ? measured.wallMs : intercept + slope * f.n;
      row([`${f.n}${measured ? '' : ' (naive EXTRAPOLATED)'}`, (f.wallMs / 1000).toFixed(1), (naiveMs / 1000).toFixed(1), `${(naiveMs / f.wallMs).toFixed(1)}x`]);
    }
  }
  const floorOf = (fleet) => results.find((r) => r.kind === 'floor' && r.n === fleet.n && r.config === fleet.config);
  console.log('\nagainst the git floor:');
  // CPU: of the whole process tree (runner, workers, git), so the ratio shows how much of the wall's is work.
  row(['size', 'fleet s', 'floor s', 'ratio', 'CPU ratio']);
  for (const f of results.filter((r) => r.kind === 'fleet')) {
    const floor = floorOf(f);
    row([`${f.n}, ${CONFIGS[f.config]}`, (f.wallMs / 1000).toFixed(1), (floor.wallMs / 1000).toFixed(1), `${(f.wallMs / floor.wallMs).toFixed(1)}x`, `${(f.cpuMs / floor.cpuMs).toFixed(1)}x`]);
  }
  console.log(`\ntargets (this machine):`);
  for (const config of configs) {
    const fleets = results.filter((r) => r.kind === 'fleet' && r.config === config);
    const small = fleets.find((r) => r.n === Math.min(...sizes));
    const large = fleets.find((r) => r.n === Math.max(...sizes));
    const ratio = large.wallMs / floorOf(large).wallMs;
    console.log(`  ${CONFIGS[config]}:`);
    console.log(`    ${large.n} repositories within 2x of the git floor: ${ratio <= 2 ? 'met' : 'NOT met'} (${ratio.toFixed(1)}x)`);
    console.log(`    ${large.n} repositories under 60 s: ${large.wallMs < 60_000 ? 'met' : 'NOT met'} (${(large.wallMs / 1000).toFixed(1)} s)`);
    if (small !== large) {
      const growth = large.peakKiB / small.peakKiB - 1;
      console.log(`    peak memory at ${large.n} within 20% of ${small.n}: ${growth <= 0.2 ? 'met' : 'NOT met'} (${mib(small.peakKiB)} → ${mib(large.peakKiB)}, ${(growth * 100).toFixed(0)}%)`);
    }
  }
} finally {
  if (values.keep) console.log(`\nrepositories kept in ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
