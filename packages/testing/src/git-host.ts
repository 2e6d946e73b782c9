/**
 * Local bare repositories standing in for a public git host. Git's `url.<base>.insteadOf` (set through GIT_CONFIG_* variables) sends
 * `ssh://git@github.com/<org>/<repo>` to them, so the fetch code runs as in production, off the network.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const IDENTITY = ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false'];
const git = (cwd: string, ...args: string[]) => execFileSync('git', [...IDENTITY, ...args], { cwd, encoding: 'utf8' }).trim();

export interface FakeHost {
  /** Environment variables that route github.com to the fake host. */
  env: Record<string, string>;
  /**
   * Creates `<org>/<repo>` with one commit per tree (path → content), tagging each commit when a tag is given.
   * @returns the commit ids, in order
   */
  publish(repo: string, commits: { files: Record<string, string>; tag?: string }[]): string[];
}

export function fakeGitHost(): FakeHost {
  const root = mkdtempSync(join(tmpdir(), 'fake-host-'));
  return {
    env: {
      GIT_CONFIG_COUNT: '1',
      GIT_CONFIG_KEY_0: `url.file://${root}/.insteadOf`,
      GIT_CONFIG_VALUE_0: 'ssh://git@github.com/',
    },
    publish(repo, commits) {
      const bare = join(root, repo);
      mkdirSync(bare, { recursive: true });
      git(bare, 'init', '--quiet', '--bare', '--initial-branch=main');
      const work = mkdtempSync(join(tmpdir(), 'fake-work-'));
      git(work, 'init', '--quiet', '--initial-branch=main');
      const ids = commits.map(({ files, tag }, index) => {
        for (const [path, content] of Object.entries(files)) {
          mkdirSync(dirname(join(work, path)), { recursive: true });
          writeFileSync(join(work, path), content);
        }
        git(work, 'add', '--all');
        git(work, 'commit', '--quiet', '--allow-empty', '-m', `commit ${index + 1}`);
        if (tag) git(work, 'tag', tag);
        return git(work, 'rev-parse', 'HEAD');
      });
      git(work, 'push', '--quiet', '--tags', bare, 'main');
      return ids;
    },
  };
}
