import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fileRecord, hashContent, manifestSchema, MANIFEST_VERSION, parseManifestRecords, replaceRecords, serializeManifest } from './manifest.js';

const record = (path: string, module = 'core/base') => fileRecord(path, path, 'template', module);

describe('the manifest', () => {
  const schema = manifestSchema(z.object({ name: z.string() }).strict());
  const manifest = { manifestVersion: MANIFEST_VERSION, factory: { version: '0.1.0' }, preset: 'p', answers: { name: 'demo' }, modules: [], files: [record('a.txt')] };

  it('validates the answers with the schema it is given', () => {
    expect(schema.parse(manifest)).toEqual(manifest);
    expect(schema.safeParse({ ...manifest, answers: { name: 1 } }).success).toBe(false);
    expect(schema.safeParse({ ...manifest, extra: true }).success).toBe(false);
  });

  it('records a file by the sha256 of its bytes', () => {
    expect(hashContent('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(fileRecord('x', Buffer.from('abc'), 'managed', 'platform/shared')).toEqual({ path: 'x', owner: 'managed', module: 'platform/shared', sha256: hashContent('abc') });
  });

  it('replaces the records a predicate selects, sorted by path, and keeps every other field', () => {
    const text = serializeManifest({ ...manifest, files: [record('b.txt', 'platform/shared'), record('c.txt')] });
    const parsed = parseManifestRecords(`\uFEFF${text}`);
    const replaced = replaceRecords(parsed, (r) => r.module === 'platform/shared', [record('a.txt', 'platform/shared')]);
    expect(replaced).toEqual({ ...manifest, files: [record('a.txt', 'platform/shared'), record('c.txt')] });
    expect(serializeManifest(replaced)).toMatch(/\n}\n$/);
  });

  it('refuses records that are not file records', () => {
    expect(() => parseManifestRecords(JSON.stringify({ files: [{ path: 'a', owner: 'someone', module: 'm', sha256: 'x' }] }))).toThrow();
  });
});
