import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { transpileToCommonJs } from '@ai-factory/codemods';
import { generateProject, type Manifest } from '@ai-factory/engine';
import { CONFIG_FILE, evaluateConfig, synthesize } from '@ai-factory/shared';
import { loadBuiltinCatalog } from '@ai-factory/templates';
import { MANIFEST_PATH } from '@ai-factory/tree';
import { describe, expect, it } from 'vitest';
import { createUpgradeContext } from './context.js';
import { synthesizeManaged } from './evaluate.js';
import { sharedVersion } from './manifest.js';
import { fixtureFile } from './test-repos.js';
import { typeCheck } from './typecheck.js';

const catalog = await loadBuiltinCatalog();
const { answers } = JSON.parse(fixtureFile('factory-0.1.0/azure-tabular', MANIFEST_PATH)) as Manifest;
const { tree, manifest } = generateProject(catalog, answers);
const files: Map<string, Buffer> = new Map(tree.entries().map(([path, file]) => [path, file.content]));
const config = files.get(CONFIG_FILE)!.toString('utf8');
const withConfig = (text: string): Map<string, Buffer> => new Map([...files, [CONFIG_FILE, Buffer.from(text)]]);
const noLinks = new Set<string>();

describe('results kept by content', () => {
  it('synthesizes another config anew, and the same config to the same artifacts', async () => {
    const first = await synthesizeManaged(files, noLinks);
    expect(await synthesizeManaged(new Map(files), noLinks)).toEqual(first);
    const edited = config.replace(/team: "[^"]*"/, 'team: "team-4321"');
    expect(edited).not.toBe(config);
    const other = await synthesizeManaged(withConfig(edited), noLinks);
    expect([...other].find(([, content]) => content.includes('4321'))).toBeDefined();
    expect([...first].find(([, content]) => content.includes('4321'))).toBeUndefined();
  });

  it("evaluates a config split over files, with the compiler's transpile, exactly as jiti's Babel does", async () => {
    const split = config
      .replace(/^(import .*\n)/, "$1import { team } from './platform/team.ts';\nimport limits from './platform/limits.json';\n")
      .replace(/team: "[^"]*"/, 'team')
      .replace(/slo\([^)]*\)/, 'slo({ latencyP95Ms: limits.latency })');
    expect(split).toContain('latencyP95Ms: limits.latency');
    const dir = mkdtempSync(join(tmpdir(), 'evaluate-'));
    mkdirSync(join(dir, 'platform'));
    writeFileSync(join(dir, 'platform/team.ts'), "export const team: string = ['team', 'split'].join('-');\n");
    writeFileSync(join(dir, 'platform/limits.json'), '{ "latency": 321 }\n');
    const babel = await evaluateConfig(split, dir);
    const transpiled: string[] = [];
    const compiler = await evaluateConfig(split, dir, { transpile: (source, file) => (transpiled.push(file.slice(dir.length + 1)), transpileToCommonJs(source, file)) });
    // The config and the module it imports went through the compiler; the JSON is read as JSON.
    expect(transpiled).toEqual([CONFIG_FILE, 'platform/team.ts']);
    expect(compiler).toEqual(babel);
    expect(compiler).toMatchObject({ team: 'team-split' });
    expect(JSON.stringify(compiler)).toContain('"latencyP95Ms":321');
    expect(synthesize(compiler)).toEqual(synthesize(babel));
  });

  it('evaluates a config that imports files of the project, or asks where it is, beside those files', async () => {
    const split = config.replace(/^(import .*\n)/, "$1import { team } from './platform/team.ts';\n").replace(/team: "[^"]*"/, 'team');
    const teamFile = (name: string): [string, Buffer] => ['platform/team.ts', Buffer.from(`export const team = '${name}';\n`)];
    const imported = await synthesizeManaged(new Map([...withConfig(split), teamFile('team-imported')]), noLinks);
    expect([...imported].find(([, content]) => content.includes('team-imported'))).toBeDefined();
    // No import names the file: the config reads it from its own folder.
    const located = config
      .replace(/^(import .*\n)/, "$1import { readFileSync } from 'node:fs';\nconst { team } = JSON.parse(readFileSync(`${__dirname}/platform/name.json`, 'utf8'));\n")
      .replace(/team: "[^"]*"/, 'team');
    const beside = await synthesizeManaged(new Map([...withConfig(located), ['platform/name.json', Buffer.from('{ "team": "team-located" }\n')]]), noLinks);
    expect([...beside].find(([, content]) => content.includes('team-located'))).toBeDefined();
  });

  it('type-checks another config anew: a broken one after a good one still fails', async () => {
    const { checker } = await createUpgradeContext();
    const version = sharedVersion(manifest);
    typeCheck(checker, files, noLinks, version);
    typeCheck(checker, files, noLinks, version);
    const broken = `${config}\nexport const wrong: number = 'a string';\n`;
    expect(() => typeCheck(checker, withConfig(broken), noLinks, version)).toThrow(/does not type-check/);
  });
});
