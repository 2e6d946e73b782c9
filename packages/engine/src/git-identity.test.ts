import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execGit } from './git-exec.js';
import { committerIdentity, fallbackIdentityArgs, FALLBACK_GIT_IDENTITY } from './git-identity.js';

const FALLBACK = `${FALLBACK_GIT_IDENTITY.name} <${FALLBACK_GIT_IDENTITY.email}>`;
const saved = { ...process.env };

async function repository(config: Record<string, string> = {}): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'identity-'));
  await execGit(['init', '--quiet'], { cwd: dir });
  for (const [key, value] of Object.entries(config)) await execGit(['config', key, value], { cwd: dir });
  return dir;
}

describe('the identity the factory commits with', () => {
  // Only the repositories' own config counts here: no global or system identity of this machine.
  beforeAll(() => Object.assign(process.env, { GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' }));
  afterAll(() => void (process.env = saved));

  it("is the repository's configured user when it names both a name and an email", async () => {
    const dir = await repository({ 'user.name': 'Team Bot', 'user.email': 'bot@team.example' });
    expect(await committerIdentity(dir, {})).toBe('Team Bot <bot@team.example>');
    expect(await fallbackIdentityArgs(dir)).toEqual([]);
  });

  it('is the fallback when the config names only one of them, or neither', async () => {
    for (const dir of [await repository({ 'user.name': 'Only A Name' }), await repository()]) {
      expect(await committerIdentity(dir, {})).toBe(FALLBACK);
      expect(await fallbackIdentityArgs(dir)).toEqual(['-c', `user.name=${FALLBACK_GIT_IDENTITY.name}`, '-c', `user.email=${FALLBACK_GIT_IDENTITY.email}`]);
    }
  });

  it('takes GIT_COMMITTER_NAME and GIT_COMMITTER_EMAIL over the config, as git does', async () => {
    const dir = await repository({ 'user.name': 'Team Bot', 'user.email': 'bot@team.example' });
    expect(await committerIdentity(dir, { GIT_COMMITTER_NAME: 'Fleet', GIT_COMMITTER_EMAIL: 'fleet@example.com' })).toBe('Fleet <fleet@example.com>');
    expect(await committerIdentity(dir, { GIT_COMMITTER_NAME: 'Fleet' })).toBe('Fleet <bot@team.example>');
    expect(await committerIdentity(await repository(), { GIT_COMMITTER_EMAIL: 'fleet@example.com' })).toBe(`${FALLBACK_GIT_IDENTITY.name} <fleet@example.com>`);
  });
});
