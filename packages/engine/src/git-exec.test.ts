import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { execGit, gitErrorDetail, GitCommandError, tryGit } from './git-exec.js';

let repo: string;

beforeAll(async () => {
  repo = mkdtempSync(join(tmpdir(), 'git-exec-'));
  await execGit(['init', '--quiet'], { cwd: repo });
});

describe('execGit', () => {
  it('resolves with the exit code, the raw stdout bytes and stderr', async () => {
    const result = await execGit(['rev-parse', '--is-inside-work-tree'], { cwd: repo });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBeInstanceOf(Buffer);
    expect(result.stdout.toString('utf8')).toBe('true\n');
    expect(result.stderr).toBe('');
  });

  it('writes `input` to stdin, bytes as they are', async () => {
    const bytes = Buffer.from([0, 1, 2, 0xff, 10]);
    const { stdout } = await execGit(['hash-object', '--stdin', '-w'], { cwd: repo, input: bytes });
    const oid = stdout.toString('utf8').trim();
    expect((await execGit(['cat-file', 'blob', oid], { cwd: repo })).stdout.equals(bytes)).toBe(true);
  });

  it("adds `env` to this process's environment", async () => {
    const env = { GIT_AUTHOR_NAME: 'Exec Test', GIT_AUTHOR_EMAIL: 'exec@test.example', GIT_AUTHOR_DATE: '2020-01-01T00:00:00Z' };
    const { stdout } = await execGit(['var', 'GIT_AUTHOR_IDENT'], { cwd: repo, env });
    expect(stdout.toString('utf8')).toMatch(/^Exec Test <exec@test\.example> 1577836800 \+0000\n$/);
    // Added for that command only: this process's environment is left as it was.
    expect(process.env.GIT_AUTHOR_NAME).toBeUndefined();
  });

  it('rejects a non-zero exit with a GitCommandError naming the command, its code and stderr', async () => {
    const error = await execGit(['rev-parse', '--verify', 'no-such-ref'], { cwd: repo }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitCommandError);
    const failed = error as GitCommandError;
    expect(failed.args).toEqual(['rev-parse', '--verify', 'no-such-ref']);
    expect(failed.result.exitCode).toBe(128);
    expect(failed.message).toMatch(/^git rev-parse --verify no-such-ref exited with 128: fatal: /);
    expect(gitErrorDetail(failed)).toBe(failed.result.stderr.trim());
  });

  it('resolves a non-zero exit with `reject: false`, even when git stops before reading stdin', async () => {
    const result = await execGit(['hash-object', '--no-such-option', '--stdin'], { cwd: repo, input: 'x'.repeat(1 << 20), reject: false });
    expect(result.exitCode).toBe(129);
    expect(result.stderr).toContain('no-such-option');
  });

  it('rejects when git cannot start, whatever `reject` says', async () => {
    const missing = join(repo, 'no-such-folder');
    await expect(execGit(['status'], { cwd: missing, reject: false })).rejects.toThrow(/ENOENT/);
  });
});

describe('tryGit', () => {
  it('resolves with the result, a non-zero exit included', async () => {
    expect((await tryGit(['rev-parse', '--is-inside-work-tree'], { cwd: repo }))?.stdout.toString('utf8')).toBe('true\n');
    const failed = await tryGit(['rev-parse', '--verify', 'no-such-ref'], { cwd: repo });
    expect(failed?.exitCode).toBe(128);
    expect(failed?.stderr).toMatch(/^fatal: /);
  });

  it('resolves with undefined when git cannot start', async () => {
    await expect(tryGit(['status'], { cwd: join(repo, 'no-such-folder') })).resolves.toBeUndefined();
  });
});

describe('gitErrorDetail', () => {
  it("is git's stderr, or the command's message when git said nothing, or any other error's message", () => {
    const silent = new GitCommandError(['diff', '--quiet'], { exitCode: 1, stdout: Buffer.alloc(0), stderr: '' });
    expect(gitErrorDetail(silent)).toBe('git diff --quiet exited with 1: ');
    expect(gitErrorDetail(new Error('spawn git ENOENT'))).toBe('spawn git ENOENT');
    expect(gitErrorDetail('thrown text')).toBe('thrown text');
  });
});
