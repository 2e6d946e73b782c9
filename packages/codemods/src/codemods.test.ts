/** Discovers `__testfixtures__/<codemod>/<case>.input.ts` / `.output.ts` and checks every codemod against them. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCodemods } from './registry.js';
import { CodemodRunner } from './run.js';
import { Tree } from '@ai-factory/tree';

const FIXTURES = fileURLToPath(new URL('./__testfixtures__/', import.meta.url));
const CODEMODS = fileURLToPath(new URL('./codemods/', import.meta.url));
const codemods = await loadCodemods();
const runner = new CodemodRunner();

describe.each(codemods.map((codemod) => [codemod.name, codemod] as const))('codemod %s', (name, codemod) => {
  const dir = `${FIXTURES}${name}`;
  const cases = existsSync(dir) ? readdirSync(dir).filter((file) => file.endsWith('.input.ts')).map((file) => file.replace('.input.ts', '')) : [];

  it('has fixtures, a Before/After document and valid metadata', () => {
    expect(cases.length, `add ${dir}/<case>.input.ts and .output.ts`).toBeGreaterThan(0);
    const doc = readFileSync(`${CODEMODS}${name}.md`, 'utf8');
    expect(doc).toMatch(/^## Before$/m);
    expect(doc).toMatch(/^## After$/m);
    expect(codemod.introducedIn).toMatch(/^\d+\.\d+\.\d+$/);
    expect(codemod.description.length).toBeGreaterThan(10);
  });

  it.each(cases)('%s: input becomes output', (fixture) => {
    const input = readFileSync(`${dir}/${fixture}.input.ts`, 'utf8');
    const output = readFileSync(`${dir}/${fixture}.output.ts`, 'utf8');
    const tree = Tree.fromFiles({ 'ai-factory.config.ts': input });
    expect(runner.run(tree, [codemod]).problems).toEqual([]);
    expect(tree.read('ai-factory.config.ts', 'utf8')).toBe(output);
    if (codemod.idempotent) {
      const again = Tree.fromFiles({ 'ai-factory.config.ts': output });
      runner.run(again, [codemod]);
      expect(again.changes()).toEqual([]);
    }
  });
});
