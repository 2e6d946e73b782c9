// Benchmark: how long each CLI takes to answer --help and --version, against `node -e 0`, measured side by
// side. Target: each at most 2x `node -e 0` (a CLI that loads only what the command needs).
// Run: npm run build && node scripts/bench/startup.mjs [rounds]
import { fileURLToPath } from 'node:url';
import { measure, printTable } from './measure.mjs';

const bin = (workspace) => fileURLToPath(new URL(`../../packages/${workspace}/dist/bin.js`, import.meta.url));
const rounds = Number(process.argv[2] ?? 15);
const TARGET = 2;

const rows = measure(
  [
    { name: 'node -e 0', run: () => ['node', '-e', '0'] },
    { name: 'ai-factory --help', run: () => ['node', bin('cli'), '--help'] },
    { name: 'ai-factory fleet upgrade --help', run: () => ['node', bin('cli'), 'fleet', 'upgrade', '--help'] },
    { name: 'ai-factory --version', run: () => ['node', bin('cli'), '--version'] },
    { name: 'create-ml-project --help', run: () => ['node', bin('create-ml-project'), '--help'] },
    { name: 'create-ml-project --version', run: () => ['node', bin('create-ml-project'), '--version'] },
  ],
  { rounds, baseline: 'node -e 0' },
);
printTable(`Start-up, median of ${rounds} rounds (ratio to node -e 0)`, rows);
for (const row of rows.slice(1)) {
  console.log(`target: ${row.name} within ${TARGET}x node -e 0: ${row.ratio <= TARGET ? 'met' : 'NOT met'} (${row.ratio.toFixed(2)}x)`);
}
