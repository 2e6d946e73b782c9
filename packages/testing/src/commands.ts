/**
 * Running the system tools the image tests need (debootstrap, tar, podman, chroot) without a shell
 * between them: arguments pass as they are, output is kept (or appended to a log) for the error message.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync } from 'node:fs';

export interface RunOptions {
  /** Append stdout and stderr to this file instead of keeping them. */
  log?: string;
  /** Throw on a non-zero exit (default true). */
  reject?: boolean;
  env?: NodeJS.ProcessEnv;
}

export interface RunResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

function collect(child: ChildProcess, command: string, options: RunOptions): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (options.log ? appendFileSync(options.log, chunk) : (stdout += chunk.toString())));
  child.stderr?.on('data', (chunk: Buffer) => (options.log ? appendFileSync(options.log, chunk) : (stderr += chunk.toString())));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => {
      const result = { exitCode: code ?? 1, stdout, stderr };
      if (result.exitCode !== 0 && options.reject !== false) reject(new Error(`${command} exited ${result.exitCode}${options.log ? ` (log: ${options.log})` : ''}\n${stderr.slice(-4000)}`));
      else resolve(result);
    });
  });
}

/** Runs `command args`, resolving with its exit code and output. */
export function run(command: string, args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  const child = spawn(command, args, { env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  return collect(child, `${command} ${args.join(' ')}`, options);
}
