// Benchmark: generating the azure-tabular preset with the built CLI (no dependency install), against
// `node -e 0`, a plain copy of the same files, and two scaffolders users know (create-vite's react-ts
// template and create-t3-app with its defaults, both devDependencies, both without install or git),
// measured side by side. Targets: generation < 0.5 s, and within 2x of create-vite's wall time.
// Run: npm run build && node scripts/bench/generate.mjs [rounds]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measure, printTable } from './measure.mjs';

const bin = fileURLToPath(new URL('../../packages/create-ml-project/dist/bin.js', import.meta.url));
/** A root devDependency's bin, as its package.json names it (create-t3-app exports no package.json). */
const binOf = (name, command = name) => {
  const manifest = fileURLToPath(new URL(`../../node_modules/${name}/package.json`, import.meta.url));
  const { bin: bins } = JSON.parse(readFileSync(manifest, 'utf8'));
  return join(dirname(manifest), typeof bins === 'string' ? bins : bins[command]);
};
const files = (dir) => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).length;
const rounds = Number(process.argv[2] ?? 15);
const work = mkdtempSync(join(tmpdir(), 'bench-generate-'));
const reference = join(work, 'reference');
const target = (kind, round) => join(work, `${kind}-${round}`);
const generate = (kind, extra) => (round) => ['node', bin, target(kind, round), '--yes', '--no-install', '--preset', 'azure-tabular', ...extra];

try {
  // The files a plain copy copies: one generated project.
  execFileSync('node', [bin, reference, '--yes', '--no-install', '--preset', 'azure-tabular', '--no-git']);
  const rows = measure(
    [
      { name: 'node -e 0', run: () => ['node', '-e', '0'] },
      { name: 'cp -r of the same files', run: (round) => ['cp', '-r', reference, target('copy', round)] },
      { name: 'create-ml-project --no-git', run: generate('plain', ['--no-git']) },
      // As under `npm create`, which exports its registry: no `npm config get registry` to wait for.
      { name: 'create-ml-project --no-git --registry', run: generate('registry', ['--no-git', '--registry', 'https://npm.example.org/']) },
      { name: 'create-ml-project (with git init + commit)', run: generate('git', []) },
      // Both take the project's name relative to where they run (create-vite joins even an absolute one to it).
      { name: 'create-vite --template react-ts', cwd: work, run: (round) => ['node', binOf('create-vite'), `vite-${round}`, '--template', 'react-ts'] },
      { name: 'create-t3-app --CI --noGit --noInstall', cwd: work, run: (round) => ['node', binOf('create-t3-app'), `t3-${round}`, '--CI', '--noGit', '--noInstall'] },
    ],
    { rounds, baseline: 'node -e 0' },
  );
  printTable(`Generating azure-tabular, median of ${rounds} rounds (ratio to node -e 0)`, rows);
  const generation = rows.find((row) => row.name === 'create-ml-project --no-git');
  const copy = rows.find((row) => row.name === 'cp -r of the same files');
  const registryGiven = rows.find((row) => row.name === 'create-ml-project --no-git --registry');
  const vite = rows.find((row) => row.name.startsWith('create-vite'));
  const t3 = rows.find((row) => row.name.startsWith('create-t3-app'));
  console.log(`\nfiles written: create-ml-project ${files(target('plain', 0))}, create-vite react-ts ${files(target('vite', 0))}, create-t3-app ${files(target('t3', 0))}`);
  console.log(`generation / plain copy: ${(generation.medianMs / copy.medianMs).toFixed(2)}x`);
  console.log(`generation / create-vite react-ts: ${(generation.medianMs / vite.medianMs).toFixed(2)}x; / create-t3-app: ${(generation.medianMs / t3.medianMs).toFixed(2)}x`);
  console.log(`generation with --registry / create-vite react-ts: ${(registryGiven.medianMs / vite.medianMs).toFixed(2)}x`);
  console.log(`target: generation under 500 ms: ${generation.medianMs < 500 ? 'met' : 'NOT met'} (${generation.medianMs.toFixed(0)} ms)`);
  console.log(`target: generation within 2x of create-vite react-ts: ${generation.medianMs <= 2 * vite.medianMs ? 'met' : 'NOT met'} (${(generation.medianMs / vite.medianMs).toFixed(2)}x)`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
