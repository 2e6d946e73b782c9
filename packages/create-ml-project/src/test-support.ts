/** Helpers for tests that spawn the built CLI, the way a user runs it. */
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';

export const BIN = fileURLToPath(new URL('../dist/bin.js', import.meta.url));

export function tempDir(prefix = 'cmp-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Runs `create-ml-project` without a terminal, never rejecting, with an empty HOME unless told otherwise. */
export function runCli(args: string[], options: { cwd: string; env?: Record<string, string> }) {
  return execa('node', [BIN, ...args], {
    cwd: options.cwd,
    reject: false,
    stdin: 'ignore',
    env: { HOME: options.cwd, GIT_CONFIG_NOSYSTEM: '1', ...options.env },
    extendEnv: true,
  });
}

/** Everything in a folder, to check a failed run wrote nothing (no project, no staging folder). */
export function listing(dir: string): string[] {
  return readdirSync(dir).sort();
}
