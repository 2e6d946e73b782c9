import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Artifact } from './artifact.js';
import { MANIFEST_PATH } from '@ai-factory/tree';
import { SYNTH_MODULE } from './manifest-record.js';
import { checkProject, explain, writeProject } from './project-files.js';

/** A project with a manifest holding one template file of another module and one of synth's own. */
function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'synth-'));
  mkdirSync(join(dir, '.ai-factory'));
  const files = [
    { path: 'README.md', owner: 'template', module: 'core/project', sha256: '0'.repeat(64) },
    { path: 'package.json', owner: 'template', module: SYNTH_MODULE, sha256: '1'.repeat(64) },
  ];
  writeFileSync(join(dir, MANIFEST_PATH), JSON.stringify({ manifestVersion: 1, files }));
  return dir;
}

const v1: Artifact[] = [
  { path: 'ci/a.yml', content: 'a: 1\n' },
  { path: 'ci/b.yml', content: 'b: 1\n' },
];

describe('synth writing and --check', () => {
  it('writes the artifacts, records them as managed and then checks clean', () => {
    const dir = project();
    expect(writeProject(dir, v1)).toEqual({ written: ['ci/a.yml', 'ci/b.yml'], removed: [] });
    const manifest = JSON.parse(readFileSync(join(dir, MANIFEST_PATH), 'utf8'));
    expect(manifest.files.map((f: { path: string; owner: string }) => `${f.owner} ${f.path}`)).toEqual([
      'template README.md',
      'managed ci/a.yml',
      'managed ci/b.yml',
      'template package.json',
    ]);
    expect(checkProject(dir, v1)).toEqual([]);
    expect(writeProject(dir, v1)).toEqual({ written: [], removed: [] });
  });

  it('tells a stale file from one edited by hand, and names missing and obsolete files', () => {
    const dir = project();
    writeProject(dir, v1);
    writeFileSync(join(dir, 'ci/b.yml'), 'b: 2 # edited\n');
    rmSync(join(dir, 'ci/a.yml'));
    const v2: Artifact[] = [{ path: 'ci/a.yml', content: 'a: 2\n' }, { path: 'ci/b.yml', content: 'b: 1\n' }, { path: 'ci/c.yml', content: 'c: 1\n' }];
    expect(checkProject(dir, v2)).toEqual([
      { path: 'ci/a.yml', problem: 'missing' },
      { path: 'ci/b.yml', problem: 'edited' },
      { path: 'ci/c.yml', problem: 'missing' },
    ]);

    const fresh = project();
    writeProject(fresh, v1);
    expect(checkProject(fresh, [{ path: 'ci/a.yml', content: 'a: 2\n' }])).toEqual([
      { path: 'ci/a.yml', problem: 'stale' },
      { path: 'ci/b.yml', problem: 'obsolete' },
    ]);
    expect(explain({ path: 'ci/b.yml', problem: 'edited' })).toMatch(/ci\/b.yml was edited by hand; .*ai-factory.config.ts/);
    expect(writeProject(fresh, [{ path: 'ci/a.yml', content: 'a: 2\n' }])).toEqual({ written: ['ci/a.yml'], removed: ['ci/b.yml'] });
    expect(checkProject(fresh, [{ path: 'ci/a.yml', content: 'a: 2\n' }])).toEqual([]);
  });
});
