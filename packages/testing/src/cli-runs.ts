/** Running a built CLI in tests the way a user runs it, and the folders it runs in. */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh, empty temporary folder. */
export function tempDir(prefix = 'cmp-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Everything in a folder, sorted: to check a failed run wrote nothing (no project, no staging folder). */
export function listing(dir: string): string[] {
  return readdirSync(dir).sort();
}

export interface CliRun {
  exitCode: number;
  /** Without its final newline, as the eye reads it. */
  stdout: string;
  /** Without its final newline. */
  stderr: string;
}

export interface CliRunOptions {
  cwd: string;
  /** Added to this process's environment, after HOME (the run's cwd) and GIT_CONFIG_NOSYSTEM. */
  env?: Record<string, string>;
}

/**
 * Runs `node bin ...args` without a terminal (stdin closed), never rejecting, with an empty HOME (the run's
 * `cwd`) and no system git config unless `env` says otherwise: a user's fresh machine, not this one's.
 * @example const { exitCode, stderr } = await runNodeCli(BIN, ['--help'], { cwd: tempDir() });
 */
export function runNodeCli(bin: string, args: readonly string[], options: CliRunOptions): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: options.cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, HOME: options.cwd, GIT_CONFIG_NOSYSTEM: '1', ...options.env },
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    const text = (chunks: Buffer[]) => Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
    child.on('close', (code, signal) => resolve({ exitCode: code ?? (signal ? 128 : 1), stdout: text(out), stderr: text(err) }));
  });
}
