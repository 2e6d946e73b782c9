// Side-by-side timing of shell commands: each round runs every command once, in turn, so machine noise
// hits all of them alike; reports the median of each and its ratio to a baseline.
import { spawnSync } from 'node:child_process';

/**
 * @param {{ name: string, run: (round: number) => string[], cwd?: string, env?: NodeJS.ProcessEnv, before?: (round: number) => void }[]} commands
 *   `env`, when given, is the command's whole environment (default: this process's)
 * @param {{ rounds?: number, baseline: string }} options
 */
export function measure(commands, { rounds = 15, baseline }) {
  const samples = new Map(commands.map((command) => [command.name, []]));
  for (let round = 0; round < rounds; round += 1) {
    for (const command of commands) {
      command.before?.(round);
      const [bin, ...args] = command.run(round);
      const start = process.hrtime.bigint();
      const result = spawnSync(bin, args, { cwd: command.cwd, env: command.env, stdio: ['ignore', 'ignore', 'pipe'] });
      const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
      if (result.status !== 0) throw new Error(`${command.name} failed: ${result.stderr}`);
      samples.get(command.name).push(elapsed);
    }
  }
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const medians = new Map([...samples].map(([name, values]) => [name, median(values)]));
  const base = medians.get(baseline);
  return commands.map(({ name }) => ({ name, medianMs: medians.get(name), ratio: medians.get(name) / base }));
}

export function printTable(title, rows) {
  console.log(`\n${title}`);
  console.log(`${'command'.padEnd(50)} ${'median ms'.padStart(10)} ${'ratio'.padStart(8)}`);
  for (const row of rows) console.log(`${row.name.padEnd(50)} ${row.medianMs.toFixed(1).padStart(10)} ${row.ratio.toFixed(2).padStart(7)}x`);
}
