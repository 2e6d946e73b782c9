import { generateProject, type Manifest } from '@ai-factory/engine';
import { loadBuiltinCatalog } from '@ai-factory/templates';
import { MANIFEST_PATH } from '@ai-factory/tree';
import { describe, expect, it } from 'vitest';
import { RenderCache } from './render-cache.js';
import { fixtureFile } from './test-repos.js';

const catalog = await loadBuiltinCatalog();
const { answers } = JSON.parse(fixtureFile('factory-0.1.0/azure-tabular', MANIFEST_PATH)) as Manifest;
const named = (name: string) => ({ ...answers, name });

describe('the render cache', () => {
  it('renders the same answers once, exactly as generateProject does', () => {
    const cache = new RenderCache();
    const first = cache.render(catalog, answers);
    expect(cache.render(catalog, { ...answers })).toBe(first);
    const direct = generateProject(catalog, answers);
    expect(first.manifest).toEqual(direct.manifest);
    expect(first.tree.entries().map(([path, file]) => [path, file.content.toString('utf8')])).toEqual(direct.tree.entries().map(([path, file]) => [path, file.content.toString('utf8')]));
  });

  it('renders other answers, or another catalog, anew', () => {
    const cache = new RenderCache();
    const churn = cache.render(catalog, named('churn-radar'));
    expect(cache.render(catalog, named('fraud-watch'))).not.toBe(churn);
    expect(cache.render({ ...catalog }, named('churn-radar'))).not.toBe(churn);
  });

  it('keeps only the most recently used renders', () => {
    const cache = new RenderCache(2);
    const a = cache.render(catalog, named('project-a'));
    cache.render(catalog, named('project-b'));
    expect(cache.render(catalog, named('project-a'))).toBe(a);
    cache.render(catalog, named('project-c'));
    // b was the least recently used: it went; a stayed.
    expect(cache.render(catalog, named('project-a'))).toBe(a);
    const b = cache.render(catalog, named('project-b'));
    cache.render(catalog, named('project-c'));
    cache.render(catalog, named('project-a'));
    expect(cache.render(catalog, named('project-b'))).not.toBe(b);
  });
});
