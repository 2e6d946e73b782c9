/**
 * Differential test: the in-process merge against the real `git merge-file` on the same three versions,
 * byte for byte and conflict for conflict. The cases: the versions the merge tests use, random team edits
 * of the 0.1.0 fixtures' template files the new render changes, and generated versions over a few lines
 * (so that conflicts, adjacent and identical changes, lines without alnum, CR and missing final line ends
 * come often), and large files whose diffs cost enough for git's Myers heuristics to cut in.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateProject, type Manifest } from '@ai-factory/engine';
import { applyStructuredEdit, fixtureBundle, structuredEdits } from '@ai-factory/testing';
import { loadBuiltinCatalog } from '@ai-factory/templates';
import { MANIFEST_PATH } from '@ai-factory/tree';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { mergeLines } from './three-way.js';

interface Versions {
  base: Buffer;
  ours: Buffer;
  theirs: Buffer;
}

const labels = (path: string) => ({ ours: `${path} (yours)`, base: `${path} (previous factory version)`, theirs: `${path} (new factory version)` });

// Outside any repository, so that git reads no merge.conflictStyle: merge-file's own defaults.
const scratch = mkdtempSync(join(tmpdir(), 'line-merge-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function gitMergeFile(path: string, versions: Versions): { content: Buffer; exit: number } {
  for (const [name, content] of Object.entries(versions)) writeFileSync(join(scratch, name), content);
  const { ours, base, theirs } = labels(path);
  const args = ['merge-file', '-p', '-L', ours, '-L', base, '-L', theirs, 'ours', 'base', 'theirs'];
  try {
    return { content: execFileSync('git', args, { cwd: scratch, maxBuffer: 1 << 26 }), exit: 0 };
  } catch (error) {
    const { status, stdout } = error as { status: number | null; stdout: Buffer };
    if (status === null || status >= 128) throw error;
    return { content: stdout, exit: status };
  }
}

/** Both merges of `versions`; git's exit status caps the conflict count at 127. */
function both(path: string, versions: Versions) {
  const ours = mergeLines(versions, labels(path));
  const git = gitMergeFile(path, versions);
  return { ours: { content: ours.content.toString('latin1'), exit: Math.min(ours.conflicts, 127) }, git: { content: git.content.toString('latin1'), exit: git.exit } };
}

const b = (text: string) => Buffer.from(text, 'latin1');

describe('mergeLines against git merge-file', () => {
  it('on the versions the merge tests use', () => {
    const cases: [string, string, string, string][] = [
      ['f', 'one\ntwo\nthree\nfour\nfive\n', 'one\ntwo\nthree\nfour\nfive\nsix (team)\n', 'ONE\ntwo\nthree\nfour\nfive\n'],
      ['f', 'x = 1\n', 'x = 2\n', 'x = 3\n'],
      ['x.yml', 'a: 1\nb: 2\n', 'a: 1\nb: 2\nteam: 3\n', 'a: 1\nb: 20\nfactory: 4\n'],
      ['x.yml', 'a: 1\r\nb: 2\r\n', 'a: 1\r\nb: 2\r\nteam: 3\r\n', 'a: 1\r\nb: 20\r\nfactory: 4\r\n'],
      ['x.json', '{\n  "a": 1\n}\n', '{\n  "a": 2\n}\n', '{\n  "a": 3\n}\n'],
      ['dé.txt', 'a\nb\nc', 'a\nB\nc', 'a\nb\nC'],
      ['empty', '', 'mine\n', 'theirs'],
      ['same', 'a\nb\n', 'a\nX\nY\n', 'a\nX\nY\n'],
    ];
    for (const [path, base, ours, theirs] of cases) {
      const { ours: merged, git } = both(path, { base: b(base), ours: b(ours), theirs: b(theirs) });
      expect(merged, path).toEqual(git);
    }
  });

  it('on random team edits of the 0.1.0 fixtures\' template files the new render changes', async () => {
    const fixtures = fixtureBundle(fileURLToPath(new URL('../__fixtures__/factory-0.1.0.bundle', import.meta.url)));
    const catalog = await loadBuiltinCatalog();
    const files = fixtures.branches.flatMap((fixture) => {
      const dir = fixtures.tree(fixture);
      const manifest = JSON.parse(readFileSync(join(dir, MANIFEST_PATH), 'utf8')) as Manifest;
      const render = generateProject(catalog, manifest.answers).tree;
      return manifest.files.flatMap((file) => {
        const base = file.owner === 'template' ? readFileSync(join(dir, file.path)) : undefined;
        const theirs = render.get(file.path)?.content;
        return base && theirs && !theirs.equals(base) ? [{ path: file.path, base, theirs }] : [];
      });
    });
    expect(files.length).toBeGreaterThan(10);
    // Structured edits where the file is YAML, JSON or TOML, and line edits in every file.
    const lineEdit = fc.tuple(fc.constantFrom('insert', 'delete', 'replace', 'duplicate'), fc.nat(), fc.stringMatching(/^[a-z }#]{0,8}$/));
    const scripts = fc.sample(fc.tuple(fc.nat({ max: files.length - 1 }), structuredEdits, fc.array(lineEdit, { maxLength: 4 })), { seed: 1106, numRuns: 150 });
    let compared = 0;
    for (const [pick, edits, lineEdits] of scripts) {
      const file = files[pick]!;
      const structured = edits.reduce((text, edit) => applyStructuredEdit(file.path, text, edit), file.base.toString('latin1'));
      const lines = structured.split('\n');
      for (const [kind, at, text] of lineEdits) {
        const index = at % (lines.length + 1);
        if (kind === 'insert') lines.splice(index, 0, `team ${text}`);
        else if (kind === 'delete') lines.splice(index, 1);
        else if (kind === 'replace') lines.splice(index, 1, text);
        else lines.splice(index, 0, lines[index] ?? '');
      }
      const { ours: merged, git } = both(file.path, { base: file.base, ours: b(lines.join('\n')), theirs: file.theirs });
      expect(merged, file.path).toEqual(git);
      compared++;
    }
    expect(compared).toBe(150);
  });

  // Lines from a small alphabet, some without alnum, some with CR, often repeated; the last line may lose its end.
  const line = fc.constantFrom('a\n', 'b\n', 'c\n', 'd\n', '\n', '}\n', '  -\n', 'a\r\n', 'b\r\n', 'x y\n');
  const text = (lines: fc.Arbitrary<string[]>) => fc.tuple(lines, fc.boolean()).map(([chosen, cut]) => (cut ? chosen.join('').replace(/\n$/, '') : chosen.join('')));
  const lines = fc.array(line, { maxLength: 14 });
  /** A side: the base with a few lines inserted, deleted or replaced, or now and then a text of its own. */
  const side = (base: string[]) =>
    fc.oneof(
      { weight: 5, arbitrary: fc.array(fc.tuple(fc.nat(), fc.nat({ max: 2 }), fc.array(line, { maxLength: 3 })), { maxLength: 3 }).map((edits) => edits.reduce((current, [at, drop, add]) => current.toSpliced(at % (current.length + 1), drop, ...add), base)) },
      { weight: 1, arbitrary: lines },
    );
  const threeVersions = lines.chain((base) => fc.tuple(text(fc.constant(base)), text(side(base)), text(side(base))));

  it('on generated versions over a few lines', () => {
    const samples = fc.sample(threeVersions, { seed: 2039, numRuns: 300 });
    let conflicted = 0;
    for (const [base, ours, theirs] of samples) {
      const { ours: merged, git } = both('f', { base: b(base), ours: b(ours), theirs: b(theirs) });
      expect(merged, JSON.stringify({ base, ours, theirs })).toEqual(git);
      if (git.exit > 0) conflicted++;
    }
    // The alphabet is there to make conflicts common; a sample without them would test little.
    expect(conflicted).toBeGreaterThan(60);
  });

  /**
   * `count` lines from `distinct` values (one in `blank` a blank line, if given), and two sides that each
   * change about one line in `every`; with blank lines, some changes add a block of 150 new lines between
   * blank ones, longer than the 100 lines git's preparation looks around a common line.
   */
  function largeVersions(seed: number, count: number, distinct: number, every: number, blank = 0): Versions {
    let state = seed;
    const random = (below: number) => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) >>> 8) % below;
    const base = Array.from({ length: count }, () => (blank && random(blank) === 0 ? '\n' : `line ${random(distinct)}\n`));
    const block = () => Array.from({ length: 150 }, (_, i) => (i % 5 === 4 ? '\n' : `block ${random(distinct)}\n`));
    const side = () =>
      base.flatMap((current) => {
        if (random(every) !== 0) return [current];
        // Lines from elsewhere in the file: the other file has them, so none is set aside before the search.
        const moved = () => base[random(count)]!;
        return [[], [moved()], [current, moved()], blank ? [current, ...block()] : [current]][random(4)]!;
      });
    return { base: b(base.join('')), ours: b(side().join('')), theirs: b(side().join('')) };
  }

  // Git's Myers gives up on the best diff past a cost of max(256, ~sqrt(lines)), and from a cost of 256 on
  // takes a long enough snake; its preparation judges a common line by at most 100 lines around it. All
  // three are kept, so large files merge exactly as git merges them too. (Each case was checked, with
  // counters since removed, to take the path its name says.)
  it.each([
    ['3,000 lines: the cost limit at 256', 1, 3000, 400, 3, 0],
    ['40,000 lines: the long-snake heuristic, and the cost limit at 512', 13, 40000, 5000, 3, 0],
    ['3,000 lines, a third blank, blocks of new lines: common lines set aside within 100 lines', 4, 3000, 3000, 60, 3],
  ])('on large files: %s', (_, seed, count, distinct, every, blank) => {
    const versions = largeVersions(seed, count, distinct, every, blank);
    const { ours: merged, git } = both('big', versions);
    expect(merged.exit).toBe(git.exit);
    expect(merged.content === git.content).toBe(true);
    // Past git's cap of 127, the conflicts git wrote are its count.
    expect(mergeLines(versions, labels('big')).conflicts).toBe(git.content.match(/^<<<<<<< big \(yours\)$/gm)?.length);
  });
});
