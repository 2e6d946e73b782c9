import { parse as parseToml } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { applyStructuredEdit, type StructuredEdit } from './team-edits.js';
import { lostTeamLines } from './team-lines.js';

const FILES: Record<string, [string, (text: string) => unknown]> = {
  'ci.yml': ['name: ci\non:\n  push: {}\njobs:\n  test:\n    steps:\n      - run: npm test\n    timeout: 10\n    runs-on: ubuntu\n', parseYaml],
  'package.json': ['{\n  "name": "demo",\n  "files": [\n    "dist"\n  ],\n  "license": "MIT",\n  "private": true,\n  "version": "1.0.0"\n}\n', JSON.parse],
  'pyproject.toml': ['[project]\nname = "demo"\nversion = "0.1.0"\ndependencies = [\n  "numpy",\n]\n', parseToml],
};

const EDITS: StructuredEdit[] = [
  { kind: 'add-key', at: 1, value: 'owner', end: false },
  { kind: 'add-key', at: 0, value: 'owner', end: true },
  { kind: 'change-value', at: 0, value: 'ours' },
  { kind: 'add-item', at: 0, value: 'ours' },
  { kind: 'reorder', at: 0, value: 'x' },
];

describe('applyStructuredEdit', () => {
  for (const [path, [text, parse]] of Object.entries(FILES)) {
    it(`edits ${path} as a team would, leaving it valid`, () => {
      for (const edit of EDITS) {
        const edited = applyStructuredEdit(path, text, edit);
        expect(edited, `${edit.kind} changes the file`).not.toBe(text);
        expect(() => parse(edited), `${edit.kind}: ${edited}`).not.toThrow();
      }
    });
  }

  it('adds comments where the format has them', () => {
    expect(applyStructuredEdit('ci.yml', 'a: 1\n', { kind: 'add-comment', at: 0, value: 'why_so' })).toBe('# team: why so\na: 1\n');
    expect(applyStructuredEdit('package.json', FILES['package.json']![0], { kind: 'add-comment', at: 0, value: 'x' })).toBe(FILES['package.json']![0]);
  });

  it('keeps CRLF line ends when it edits lines', () => {
    expect(applyStructuredEdit('a.toml', 'a = 1\r\n', { kind: 'add-key', at: 0, value: 'b', end: true })).toBe('a = 1\r\nteam_b = "team-b"\r\n');
  });
});

describe('lostTeamLines', () => {
  const b = (text: string) => Buffer.from(text);
  it('names the lines the team wrote that the result lacks, and only those', () => {
    expect(lostTeamLines(b('a\nb\n'), b('a\nours\nb\n'), b('A\nours\nb\n'))).toEqual([]);
    expect(lostTeamLines(b('a\nb\n'), b('a\nours\nb\n'), b('a\nb\n'))).toEqual(['ours']);
  });
});
