// Benchmark: how often an upgrade's merge of a YAML, JSON or TOML template file leaves conflicts, with the
// structured merge (key paths first, then the line merge) against `git merge-file` alone, on the same
// random team edits (packages/testing, team-edits.ts) of the 0.1.0 fixtures' files the new render
// changes. Neither may lose a byte the team wrote: every line the team added or changed is in the result
// or inside a conflict hunk; a loss exits 1.
// Run: npm run build && node scripts/bench/merge.mjs [cases]   (seed: AI_FACTORY_MERGE_SEED, default 1106)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateProject } from '@ai-factory/engine';
import { applyStructuredEdit, fixtureBundle, lostTeamLines, structuredEdits } from '@ai-factory/testing';
import { MANIFEST_PATH } from '@ai-factory/tree';
import { loadBuiltinCatalog } from '@ai-factory/templates';
import fc from 'fast-check';

const cli = (module) => import(new URL(`../../packages/cli/dist/upgrade/${module}`, import.meta.url).href);
const { mergeFile } = await cli('merge.js');
const { teamStyle, toFactoryStyle } = await cli('line-style.js');
const FIXTURES = fixtureBundle(fileURLToPath(new URL('../../packages/cli/src/upgrade/__fixtures__/factory-0.1.0.bundle', import.meta.url)));
const STRUCTURED = /\.(ya?ml|json|toml)$/;
const cases = Number(process.argv[2] ?? 400);
const seed = Number(process.env.AI_FACTORY_MERGE_SEED ?? 1106);

/** Per fixture, its structured template files the new render changes: the previous and the new text. */
const catalog = await loadBuiltinCatalog();
const files = FIXTURES.branches.flatMap((fixture) => {
  const dir = FIXTURES.tree(fixture);
  const manifest = JSON.parse(readFileSync(join(dir, MANIFEST_PATH), 'utf8'));
  const render = generateProject(catalog, manifest.answers).tree;
  return manifest.files
    .filter((file) => file.owner === 'template' && STRUCTURED.test(file.path))
    .map((file) => ({ path: `${fixture}/${file.path}`, base: readFileSync(join(dir, file.path)), theirs: render.get(file.path)?.content }))
    .filter((file) => file.theirs && !file.theirs.equals(file.base));
});

const scratch = mkdtempSync(join(tmpdir(), 'bench-merge-'));
/** `git merge-file` on the three versions as they are: the merge an upgrade would do with nothing else. */
function mergeFileAlone({ base, ours, theirs }) {
  for (const [name, content] of Object.entries({ base, ours, theirs })) writeFileSync(join(scratch, name), content);
  try {
    return { content: execFileSync('git', ['merge-file', '-p', 'ours', 'base', 'theirs'], { cwd: scratch, maxBuffer: 1 << 26 }), conflicts: 0 };
  } catch (error) {
    if (error.status >= 128 || error.status === null) throw error;
    return { content: error.stdout, conflicts: error.status };
  }
}

const tally = () => ({ conflicted: 0, hunks: 0, lostBytes: 0, lostCases: [] });
const results = { alone: tally(), structured: tally() };
function record(result, name, index, versions, merged) {
  if (merged.conflicts > 0) {
    result.conflicted += 1;
    result.hunks += merged.conflicts;
  }
  // As the loss property test does: a line style the team gave the whole file (CRLF) is kept as a style.
  const style = teamStyle(versions.ours, versions.base);
  const lost = lostTeamLines(versions.base, toFactoryStyle(versions.ours, style), toFactoryStyle(merged.content, style));
  result.lostBytes += lost.reduce((sum, line) => sum + Buffer.byteLength(line, 'latin1') + 1, 0);
  if (lost.length) result.lostCases.push(`case ${index}, ${name}: ${lost.map((line) => JSON.stringify(line)).join(', ')}`);
}

try {
  const scripts = fc.sample(fc.tuple(fc.nat({ max: files.length - 1 }), structuredEdits), { seed, numRuns: cases });
  for (const [index, [pick, edits]] of scripts.entries()) {
    const file = files[pick];
    const text = edits.reduce((current, edit) => applyStructuredEdit(file.path, current, edit), file.base.toString('latin1'));
    const versions = { base: file.base, ours: Buffer.from(text, 'latin1'), theirs: file.theirs };
    record(results.alone, file.path, index, versions, mergeFileAlone(versions));
    record(results.structured, file.path, index, versions, await mergeFile(file.path, versions));
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

const rate = (result) => `${((100 * result.conflicted) / cases).toFixed(1)}%`;
console.log(`Merging random team edits of ${files.length} YAML, JSON and TOML files of the 0.1.0 fixtures the new render changes: ${cases} cases, seed ${seed}`);
for (const [name, result] of [['git merge-file alone', results.alone], ['structured merge', results.structured]]) {
  console.log(`${name.padEnd(22)} conflict rate ${rate(result).padStart(6)} (${result.conflicted} of ${cases} cases, ${result.hunks} hunks), ${result.lostBytes} bytes lost`);
  for (const line of result.lostCases.slice(0, 5)) console.log(`  lost in ${line}`);
}
if (results.alone.lostBytes + results.structured.lostBytes > 0) process.exitCode = 1;
