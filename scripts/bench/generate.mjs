// Benchmark: generating the azure-tabular preset with the built CLI (no dependency install), against
// `node -e 0`, a plain copy of the same files, and two scaffolders users know (create-vite's react-ts
// template and create-t3-app with its defaults, both devDependencies, both without install or git),
// measured side by side. Targets: generation < 0.5 s, and within 2x of create-vite's wall time, judged on the
// row that runs it as `npm create ml-project` does (its environment exports npm's user agent and registry).
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
// Bare node: none of the variables npm exports (`npm run bench` would export them to us and so to the rows).
const bareEnv = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
// The registry of this machine's npm configuration, read once: `npm create` exports it to the scaffolder.
const registry = execFileSync('npm', ['config', 'get', 'registry'], { env: bareEnv, encoding: 'utf8' }).trim();
const npmCreateEnv = {
  ...bareEnv,
  npm_config_user_agent: `npm/11 node/${process.version} ${process.platform} ${process.arch} workspaces/false`,
  npm_config_registry: registry,
};
const NPM_CREATE = 'create-ml-project --no-git, as under npm create';
const BARE = 'create-ml-project --no-git, bare node';

try {
  // The files a plain copy copies: one generated project.
  execFileSync('node', [bin, reference, '--yes', '--no-install', '--preset', 'azure-tabular', '--no-git']);
  const rows = measure(
    [
      { name: 'node -e 0', run: () => ['node', '-e', '0'] },
      { name: 'cp -r of the same files', run: (round) => ['cp', '-r', reference, target('copy', round)] },
      { name: NPM_CREATE, env: npmCreateEnv, run: generate('npm-create', ['--no-git']) },
      // Nothing exported: it asks `npm config get registry`.
      { name: BARE, env: bareEnv, run: generate('plain', ['--no-git']) },
      { name: 'create-ml-project --no-git --registry', env: bareEnv, run: generate('registry', ['--no-git', '--registry', registry]) },
      { name: 'create-ml-project (with git init + commit)', env: npmCreateEnv, run: generate('git', []) },
      // Both take the project's name relative to where they run (create-vite joins even an absolute one to it).
      { name: 'create-vite --template react-ts', cwd: work, env: npmCreateEnv, run: (round) => ['node', binOf('create-vite'), `vite-${round}`, '--template', 'react-ts'] },
      { name: 'create-t3-app --CI --noGit --noInstall', cwd: work, env: npmCreateEnv, run: (round) => ['node', binOf('create-t3-app'), `t3-${round}`, '--CI', '--noGit', '--noInstall'] },
    ],
    { rounds, baseline: 'node -e 0' },
  );
  printTable(`Generating azure-tabular, median of ${rounds} rounds (ratio to node -e 0)`, rows);
  const row = (name) => rows.find((candidate) => candidate.name === name);
  const generation = row(NPM_CREATE);
  const bare = row(BARE);
  const copy = row('cp -r of the same files');
  const registryGiven = row('create-ml-project --no-git --registry');
  const vite = rows.find((candidate) => candidate.name.startsWith('create-vite'));
  const t3 = rows.find((candidate) => candidate.name.startsWith('create-t3-app'));
  const toVite = (measured) => `${(measured.medianMs / vite.medianMs).toFixed(2)}x`;
  console.log(`\nfiles written: create-ml-project ${files(target('npm-create', 0))}, create-vite react-ts ${files(target('vite', 0))}, create-t3-app ${files(target('t3', 0))}`);
  console.log(`generation (as under npm create) / plain copy: ${(generation.medianMs / copy.medianMs).toFixed(2)}x`);
  console.log(`generation / create-vite react-ts: as under npm create ${toVite(generation)}, bare node ${toVite(bare)}, bare node with --registry ${toVite(registryGiven)}`);
  console.log(`generation (as under npm create) / create-t3-app: ${(generation.medianMs / t3.medianMs).toFixed(2)}x`);
  console.log(`target, judged on the npm-create row: generation under 500 ms: ${generation.medianMs < 500 ? 'met' : 'NOT met'} (${generation.medianMs.toFixed(0)} ms; bare node ${bare.medianMs.toFixed(0)} ms)`);
  console.log(`target, judged on the npm-create row: within 2x of create-vite react-ts: ${generation.medianMs <= 2 * vite.medianMs ? 'met' : 'NOT met'} (${toVite(generation)}; bare node ${toVite(bare)})`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
