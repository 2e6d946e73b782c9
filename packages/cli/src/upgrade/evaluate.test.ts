import { generateProject, type Manifest } from '@ai-factory/engine';
import { CONFIG_FILE } from '@ai-factory/shared';
import { loadBuiltinCatalog } from '@ai-factory/templates';
import { MANIFEST_PATH } from '@ai-factory/tree';
import { describe, expect, it } from 'vitest';
import type { FileMap } from '../git/trees.js';
import { createUpgradeContext } from './context.js';
import { synthesizeManaged } from './evaluate.js';
import { sharedVersion } from './manifest.js';
import { fixtureFile } from './test-repos.js';
import { typeCheck } from './typecheck.js';

const catalog = await loadBuiltinCatalog();
const { answers } = JSON.parse(fixtureFile('factory-0.1.0/azure-tabular', MANIFEST_PATH)) as Manifest;
const { tree, manifest } = generateProject(catalog, answers);
const files: FileMap = new Map(tree.entries().map(([path, file]) => [path, file.content]));
const config = files.get(CONFIG_FILE)!.toString('utf8');
const withConfig = (text: string): FileMap => new Map([...files, [CONFIG_FILE, Buffer.from(text)]]);
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

  it('type-checks another config anew: a broken one after a good one still fails', async () => {
    const { checker } = await createUpgradeContext();
    const version = sharedVersion(manifest);
    typeCheck(checker, files, noLinks, version);
    typeCheck(checker, files, noLinks, version);
    const broken = `${config}\nexport const wrong: number = 'a string';\n`;
    expect(() => typeCheck(checker, withConfig(broken), noLinks, version)).toThrow(/does not type-check/);
  });
});
