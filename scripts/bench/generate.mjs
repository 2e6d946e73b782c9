// Benchmark: generating the azure-tabular preset with the built CLI (no dependency install), against
// `node -e 0` and a plain copy of the same files, measured side by side. Target: generation < 0.5 s.
// Run: npm run build && node scripts/bench/generate.mjs [rounds]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measure, printTable } from './measure.mjs';

const bin = fileURLToPath(new URL('../../packages/create-ml-project/dist/bin.js', import.meta.url));
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
      { name: 'create-ml-project (with git init + commit)', run: generate('git', []) },
    ],
    { rounds, baseline: 'node -e 0' },
  );
  printTable(`Generating azure-tabular, median of ${rounds} rounds (ratio to node -e 0)`, rows);
  const generation = rows.find((row) => row.name === 'create-ml-project --no-git');
  const copy = rows.find((row) => row.name === 'cp -r of the same files');
  console.log(`\ngeneration / plain copy: ${(generation.medianMs / copy.medianMs).toFixed(2)}x`);
  console.log(`target: generation under 500 ms: ${generation.medianMs < 500 ? 'met' : 'NOT met'} (${generation.medianMs.toFixed(0)} ms)`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
