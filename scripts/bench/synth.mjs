// Benchmark: `synth` and `synth --check` in a generated project against `node -e 0`, side by side.
// Target: synth under 1.5 s. Run: npm run build && node scripts/bench/synth.mjs [rounds] [preset]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measure, printTable } from './measure.mjs';

const bin = fileURLToPath(new URL('../../packages/create-ml-project/dist/bin.js', import.meta.url));
const rounds = Number(process.argv[2] ?? 9);
const preset = process.argv[3] ?? 'azure-tabular';
const work = mkdtempSync(join(tmpdir(), 'bench-synth-'));
const project = join(work, 'project');

try {
  execFileSync('node', [bin, project, '--yes', '--preset', preset, '--no-git']);
  const synth = join(project, 'node_modules/.bin/ai-factory-synth');
  const rows = measure(
    [
      { name: 'node -e 0', run: () => ['node', '-e', '0'] },
      { name: 'ai-factory-synth', run: () => [synth, '--dir', project] },
      { name: 'ai-factory-synth --check', run: () => [synth, '--check', '--dir', project] },
    ],
    { rounds, baseline: 'node -e 0' },
  );
  printTable(`synth in a generated ${preset} project, median of ${rounds} rounds (ratio to node -e 0)`, rows);
  const synthRow = rows.find((row) => row.name === 'ai-factory-synth');
  console.log(`\ntarget: synth under 1500 ms: ${synthRow.medianMs < 1500 ? 'met' : 'NOT met'} (${synthRow.medianMs.toFixed(0)} ms)`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
