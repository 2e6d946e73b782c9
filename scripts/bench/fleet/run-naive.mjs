// Child process of the benchmark: the naive way, what a shell loop over `ai-factory upgrade` does. One
// repository after another, each in a fresh process that loads the catalog and the codemods and builds
// a fresh ts-morph Project (CodemodRunner) for that one repository.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../../packages/cli/dist/bin.js', import.meta.url));
const repos = readFileSync(process.argv[2], 'utf8').split('\n').filter(Boolean);
const statuses = {};
const failures = [];
const started = performance.now();
for (const repo of repos) {
  const result = spawnSync('node', [BIN, 'upgrade', repo, '--json'], { encoding: 'utf8' });
  let status = 'failed';
  try {
    status = JSON.parse(result.stdout).status;
  } catch {
    failures.push(result.stderr.slice(0, 200));
  }
  statuses[status] = (statuses[status] ?? 0) + 1;
}
process.stdout.write(JSON.stringify({ wallMs: performance.now() - started, statuses, failures }));
