/**
 * Runs `git` with `node:child_process` directly. A fleet run spawns git for thousands of repositories:
 * execa's per-call option processing roughly doubled the cost of each spawn, which dominated fleet
 * profiles.
 */
import { spawn } from 'node:child_process';

export interface ExecResult {
  exitCode: number;
  stdout: Buffer;
  stderr: string;
}

export interface ExecOptions {
  cwd: string;
  /** Written to stdin, which is then closed. */
  input?: string | Buffer;
  /** Added to this process's environment. */
  env?: Record<string, string>;
  /** Throw when git exits non-zero. @default true */
  reject?: boolean;
}

/** A failed git command, with its arguments and stderr in the message. */
export class GitCommandError extends Error {
  constructor(
    readonly args: readonly string[],
    readonly result: ExecResult,
  ) {
    super(`git ${args.join(' ')} exited with ${result.exitCode}: ${result.stderr.trim()}`);
  }
}

/**
 * Runs `git args` in `cwd`; resolves with raw stdout, so callers choose between text and bytes.
 * @example const { stdout } = await execGit(['rev-parse', 'HEAD'], { cwd: repo });
 */
export function execGit(args: readonly string[], options: ExecOptions): Promise<ExecResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, {
      cwd: options.cwd,
      env: options.env ? { ...process.env, ...options.env } : process.env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    // git may exit before reading all of stdin (e.g. on a bad argument): that is reported by its exit code.
    child.stdin.on('error', () => undefined);
    child.on('close', (code, signal) => {
      const result = { exitCode: code ?? (signal ? 128 : 1), stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8') };
      if (result.exitCode !== 0 && options.reject !== false) reject(new GitCommandError(args, result));
      else resolve(result);
    });
    child.stdin.end(options.input);
  });
}
