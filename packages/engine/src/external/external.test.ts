import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultAnswers } from '../answers.js';
import type { Catalog } from '../catalog.js';
import { generateProject } from '../generate.js';
import { ManifestSchema } from '../manifest.js';
import { fetchSource, parseSourceSpec } from './fetch.js';
import { fakeGitHost, type FakeHost } from '@ai-factory/testing';
import { openModuleSource } from './open.js';

/** A complete external module: it provides every capability the default answers need, so it generates alone. */
const MODULE_JSON = {
  id: 'ext/greeting',
  version: '1.2.0',
  summary: 'A greeting file',
  provides: ['cloud:azure', 'framework:sklearn', 'serving:online', 'compute:cpu'],
  options: { type: 'object', properties: { greeting: { type: 'string', default: 'hello' } } },
  files: [{ include: '**' }],
};
const moduleTree = (version: string, extra: Record<string, string> = {}) => ({
  'ext/greeting/module.json': JSON.stringify({ ...MODULE_JSON, version }),
  'ext/greeting/files/greeting.yaml.hbs': 'greeting: {{yaml options.greeting}}\nproject: {{yaml name}}\n',
  ...extra,
});

const EMPTY: Catalog = {
  version: '0.0.0-test',
  modules: new Map(),
  presets: new Map([['bare', { id: 'bare', summary: 'No built-in modules', modules: [], answers: {} }]]),
};

let host: FakeHost;
beforeEach(() => {
  host = fakeGitHost();
  for (const [key, value] of Object.entries(host.env)) vi.stubEnv(key, value);
});
afterEach(() => vi.unstubAllEnvs());

describe('fetchSource', () => {
  it('fetches the tree at the commit a tag names, without .git, and pins that commit', async () => {
    const [tagged] = host.publish('acme/modules', [{ files: moduleTree('1.0.0'), tag: 'v1' }, { files: moduleTree('2.0.0') }]);
    const source = await fetchSource('acme/modules#v1');
    try {
      expect(source.commit).toBe(tagged);
      expect(readdirSync(source.dir).sort()).toEqual(['ext']);
      expect(existsSync(join(source.dir, '.git'))).toBe(false);
    } finally {
      source.remove();
    }
    expect(existsSync(source.dir)).toBe(false);
  });

  it('refuses malformed specs before running git', () => {
    for (const spec of ['not a spec', 'acme', 'acme/x#--upload-pack=touch', 'acme/../x', 'ftp:acme/x']) {
      expect(() => parseSourceSpec(spec), spec).toThrow(/Cannot use module source/);
    }
  });

  it('reports an unreachable repository and a missing ref', async () => {
    await expect(fetchSource('acme/missing#main')).rejects.toThrow(/unreachable/);
    host.publish('acme/modules', [{ files: moduleTree('1.0.0') }]);
    await expect(fetchSource('acme/modules#v9')).rejects.toThrow(/no branch or tag "v9"/);
  });
});

describe('openModuleSource', () => {
  it('adds the modules as data and records the source and commit in the manifest', async () => {
    const [commit] = host.publish('acme/modules', [{ files: moduleTree('1.2.0') }]);
    const { catalog, close } = await openModuleSource(EMPTY, 'acme/modules#main');
    try {
      const { tree, manifest } = generateProject(catalog, { ...defaultAnswers('ext-demo'), preset: 'bare' });
      expect(tree.read('greeting.yaml', 'utf8')).toBe('greeting: "hello"\nproject: "ext-demo"\n');
      expect(ManifestSchema.parse(manifest).sources).toEqual([{ spec: 'acme/modules#main', commit, modules: ['ext/greeting'] }]);
      expect(manifest.modules).toEqual([{ id: 'ext/greeting', version: '1.2.0', options: { greeting: 'hello' }, source: 'acme/modules#main' }]);
    } finally {
      close();
    }
  });

  it.each([
    ['an invalid module.json', { 'ext/greeting/module.json': '{"id":"ext/greeting","version":"one"}' }, /invalid module.json[\s\S]*version/],
    ['a definition in code', { 'ext/greeting/module.js': 'export default {}' }, /data only[\s\S]*module.js is code/],
    ['a generate key', { 'ext/greeting/module.json': JSON.stringify({ ...MODULE_JSON, generate: 'build.js' }) }, /asks to run code \(generate\)/],
    ['degit directives', { 'degit.json': '[{"action":"remove","files":["x"]}]' }, /degit.json directives/],
    ['no modules', { 'README.md': 'nothing here' }, /has no modules/],
  ])('refuses a source with %s', async (_, files, error) => {
    const tree = 'no modules' === _ ? files : { ...moduleTree('1.0.0'), ...files };
    host.publish('acme/modules', [{ files: tree }]);
    await expect(openModuleSource(EMPTY, 'acme/modules')).rejects.toThrow(error);
  });
});
