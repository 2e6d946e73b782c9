// Benchmark: the promotion gate of the generated projects on their sample problem. Prints, for the
// scikit-learn and the PyTorch presets, each challenger-vs-champion (and vs class prior) interval and
// decision along a lifecycle (gate_scenarios.py), then the network against the logistic regression
// (gate_linear_vs_network.py), and how long each gate took. Numbers, not a pass/fail: the tests in
// the generated projects assert the behaviour.
// Run: npm run build && node scripts/bench/gate.mjs
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../packages/create-ml-project/dist/bin.js', import.meta.url));
const script = (name) => fileURLToPath(new URL(name, import.meta.url));
const PYTHON = '/usr/bin/python3';
const work = mkdtempSync(join(tmpdir(), 'bench-gate-'));
// Directory (and project) names; the Python package is the name with '-' as '_'.
const projects = { linear: { preset: 'azure-tabular', name: 'linear-churn' }, network: { preset: 'k8s-gpu-pytorch', name: 'network-churn' } };
const packageOf = (name) => name.replace(/-/g, '_');

const python = (args, cwd, paths) =>
  execFileSync(PYTHON, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, PYTHONPATH: paths.join(delimiter) } });

try {
  for (const { preset, name } of Object.values(projects)) {
    execFileSync('node', [bin, join(work, name), '--yes', '--preset', preset, '--no-git'], { stdio: 'ignore' });
  }
  for (const { preset, name } of Object.values(projects)) {
    const dir = join(work, name);
    console.log(`\n=== ${preset} (${name}): the lifecycle on the sample problem`);
    process.stdout.write(python([script('gate_scenarios.py'), packageOf(name)], dir, [join(dir, 'src')]));
  }
  const [linear, network] = [projects.linear.name, projects.network.name];
  console.log('\n=== the sample problem\'s better model');
  const sources = [join(work, linear, 'src'), join(work, network, 'src')];
  process.stdout.write(python([script('gate_linear_vs_network.py'), packageOf(linear), packageOf(network)], join(work, network), sources));
} finally {
  rmSync(work, { recursive: true, force: true });
}
