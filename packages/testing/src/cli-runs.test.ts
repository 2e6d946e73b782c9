import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listing, runNodeCli, tempDir } from './cli-runs.js';

describe('runNodeCli', () => {
  it('resolves with the exit code and the output without its final newline, HOME being the run folder', async () => {
    const cwd = tempDir();
    const bin = join(cwd, 'bin.mjs');
    writeFileSync(bin, "console.log(process.env.HOME, process.argv.slice(2).join(' ')); console.error(process.env.EXTRA + '\\n'); process.exit(3);\n");
    const run = await runNodeCli(bin, ['a', 'b c'], { cwd, env: { EXTRA: 'more' } });
    expect(run).toEqual({ exitCode: 3, stdout: `${cwd} a b c`, stderr: 'more\n' });
  });

  it('lists a folder sorted', () => {
    const dir = tempDir();
    for (const name of ['b', 'a', '.c']) writeFileSync(join(dir, name), '');
    expect(listing(dir)).toEqual(['.c', 'a', 'b']);
  });
});
