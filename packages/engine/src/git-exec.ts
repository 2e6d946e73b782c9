/**
 * The one way the factory runs a git command (both CLIs and the engine; only `ObjectReader`'s long-lived
 * `git cat-file --batch` is a process of its own): `node:child_process` directly. A fleet run
 * spawns git for thousands of repositories: execa's per-call option processing roughly doubled the cost of
 * each spawn, which dominated fleet profiles.
 */
// Loaded on the first command, not with the module: a project generated without git never needs it.
const childProcess = () => process.getBuiltinModule('node:child_process');

export interface GitResult {
  exitCode: number;
  stdout: Buffer;
  stderr: string;
}

export interface GitExecOptions {
  /** Where git runs; required so that no command runs in whatever folder the process happens to be in. */
  cwd: string;
  /** Written to stdin, which is then closed. */
  input?: string | Buffer;
  /** Added to this process's environment. */
  env?: Record<string, string>;
  /** Throw a `GitCommandError` when git exits non-zero. Git failing to start (not installed) always throws. @default true */
  reject?: boolean;
}

/** A failed git command, with its arguments and stderr in the message. */
export class GitCommandError extends Error {
  constructor(
    readonly args: readonly string[],
    readonly result: GitResult,
  ) {
    super(`git ${args.join(' ')} exited with ${result.exitCode}: ${result.stderr.trim()}`);
  }
}

/**
 * Runs `git args` in `cwd`; resolves with raw stdout, so callers choose between text and bytes.
 * @example const { stdout } = await execGit(['rev-parse', 'HEAD'], { cwd: repo });
 */
export function execGit(args: readonly string[], options: GitExecOptions): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    const child = childProcess().spawn('git', args, {
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

/**
 * Runs `git args` in `cwd` for an answer rather than an effect: resolves with the result whatever git's
 * exit code, and with `undefined` when git could not start at all (not installed, `cwd` missing), which
 * callers asking "is there git / a repository / a setting here?" take as "no".
 * @example const root = await tryGit(['rev-parse', '--show-toplevel'], { cwd }); // root?.exitCode === 0: inside a repository
 */
export function tryGit(args: readonly string[], options: Omit<GitExecOptions, 'reject'>): Promise<GitResult | undefined> {
  return execGit(args, { ...options, reject: false }).catch(() => undefined);
}

/**
 * What went wrong, for a message of the caller's: a failed command's stderr (its message when git said
 * nothing), else the error's message.
 */
export function gitErrorDetail(error: unknown): string {
  if (error instanceof GitCommandError) return error.result.stderr.trim() || error.message;
  return error instanceof Error ? error.message : String(error);
}
