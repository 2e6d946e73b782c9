/**
 * The property that hunts for loss. Random edit scripts over the 0.1.0 fixtures (see test-edits.ts), then
 * an upgrade, and the invariants:
 * - every byte the team wrote is in the result (the upgrade branch, or the working tree left with
 *   conflicts), inside a conflict hunk, or in a managed file the report lists as discarded;
 * - what the team's config declares, the upgraded config declares;
 * - nothing outside the repository changes;
 * - the team's branch, index and working tree are untouched (unless conflicts are left to resolve);
 * - a failed run leaves the repository byte-identical (refs, reachable objects, index, tree), with a
 *   code that says why, never `internal`;
 * - a second run changes nothing.
 * CI runs AI_FACTORY_LOSS_RUNS cases (default 300) from the fixed seed AI_FACTORY_LOSS_SEED.
 */
import { cpSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateProject, type Manifest } from '@ai-factory/engine';
import { MANIFEST_PATH, Tree } from '@ai-factory/tree';
import { CONFIG_FILE, evaluateConfig } from '@ai-factory/shared';
import { applyEdit, editScript, lostTeamLines, repoState, treeState, type Checkout, type Edit, type Intent, type Reason } from '@ai-factory/testing';
import { execa } from 'execa';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Repository } from '../git/repository.js';
import { teamStyle, toFactoryStyle } from './line-style.js';
import { repoFrom, upgradeContext } from './test-repos.js';
import { upgradeRepository } from './upgrade.js';
import type { UpgradeReport } from './report.js';

const RUNS = Number(process.env.AI_FACTORY_LOSS_RUNS ?? 300);
const SEED = Number(process.env.AI_FACTORY_LOSS_SEED ?? 1106);
/**
 * What a run may fail with, and the edit that must have given it a reason: each code says what the team
 * has to do. Any other code (`internal`, `io`...), or one without its reason, is a bug.
 */
const EXPECTED_FAILURES: Record<string, Reason[]> = {
  codemod: ['out-of-sight', 'typescript-damaged'],
  'type-check': ['typescript-damaged'],
  'malformed-config': ['typescript-damaged'],
  'blocked-path': ['link'],
  'managed-edits': ['managed-edit'],
};
const FIXTURES = ['azure-tabular', 'gcp-tabular', 'k8s-gpu-pytorch'];

const context = await upgradeContext();
const root = mkdtempSync(join(tmpdir(), 'loss-'));
/** One repository per fixture, made once; each case works on a copy. */
const templates = await Promise.all(
  FIXTURES.map((fixture) => {
    const parent = join(root, 'templates', fixture);
    mkdirSync(parent, { recursive: true });
    return repoFrom(`factory-0.1.0/${fixture}`, parent);
  }),
);

/** Per fixture, the template files the new render changes. */
const changedByFactory = templates.map((dir) => {
  const manifest = JSON.parse(readFileSync(join(dir, MANIFEST_PATH), 'utf8')) as Manifest;
  const render = new Map(generateProject(context.catalog, manifest.answers).tree.entries());
  return manifest.files.filter((file) => file.owner === 'template' && !render.get(file.path)?.content.equals(readFileSync(join(dir, file.path)))).map((file) => file.path);
});

async function snapshotsOf(dir: string, ...refs: string[]): Promise<Tree[]> {
  const repository = new Repository(dir);
  try {
    return await Promise.all(refs.map((ref) => repository.snapshot(ref)));
  } finally {
    await repository.close();
  }
}

/** The working tree as git would record it: links as their targets, files with their executable bit. */
function worktree(dir: string, prefix = '', tree = new Tree()): Tree {
  for (const entry of readdirSync(join(dir, prefix))) {
    const path = `${prefix}${entry}`;
    if (path === '.git') continue;
    const stat = lstatSync(join(dir, path));
    if (stat.isDirectory()) worktree(dir, `${path}/`, tree);
    else if (stat.isSymbolicLink()) tree.symlink(path, readlinkSync(join(dir, path)));
    else tree.write(path, readFileSync(join(dir, path)), stat.mode & 0o111 ? 'executable' : 'file');
  }
  return tree;
}

const lines = (content: Buffer) => new Set(content.toString('latin1').split('\n'));
/** What a team comment says, without its delimiters: a codemod may move a line comment into a block comment. */
const commentText = (line: string) => /^\s*\/\/\s?(.*?)\s*$/.exec(line)?.[1];

/** What the upgraded config declares, evaluated as synth would. */
async function declared(files: Tree): Promise<Intent> {
  const dir = mkdtempSync(join(tmpdir(), 'loss-config-'));
  try {
    for (const [path, { content, mode }] of files.entries()) {
      if (!/\.(ts|json)$/.test(path) || mode === 'symlink') continue;
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), content);
    }
    const project = await evaluateConfig(files.read(CONFIG_FILE, 'utf8')!, dir);
    const { monitoring: m, training: t } = project;
    return { latencyP95Ms: m.latencyP95Ms, errorRatePercent: m.errorRatePercent, driftWarningPsi: m.driftWarningPsi, driftCriticalPsi: m.driftCriticalPsi, enabled: m.enabled, ...(t.kind === 'cpu' ? { vcpus: t.vcpus, memoryGi: t.memoryGi } : { gpuCount: t.count }) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const DEFAULTS: Intent = { latencyP95Ms: 300, errorRatePercent: 1, driftWarningPsi: 0.1, driftCriticalPsi: 0.25, enabled: true };

/** Every byte the team wrote, checked path by path in the result. */
async function expectTeamContentKept(base: Tree, ours: Tree, result: Tree, manifest: Manifest, checkout: Checkout, report: UpgradeReport): Promise<void> {
  const owner = new Map(manifest.files.map((file) => [file.path, file.owner]));
  for (const [path, { content, mode }] of ours.entries()) {
    if (path === MANIFEST_PATH || (base.read(path)?.equals(content) && base.mode(path) === mode)) continue;
    if (report.discardedManagedEdits.includes(path)) continue;
    const kept = result.read(path);
    // A managed file the new config no longer generates (monitoring turned off) goes: its content was the
    // factory's, and a mode the team gave it has no file left to stay on.
    if (kept === undefined && owner.get(path) === 'managed' && base.read(path)?.equals(content)) continue;
    expect(kept, `${path}, written by the team, is gone`).toBeDefined();
    // Managed files are regenerated: a hand edit to one is to be reported (a mode the team set stays, below).
    const handEdited = owner.get(path) === 'managed' && !base.read(path)?.equals(content);
    expect(handEdited && !kept!.equals(content), `${path}: a hand edit to a managed file was regenerated away, unreported`).toBe(false);
    if (mode === 'symlink' || result.mode(path) === 'symlink') {
      expect([result.mode(path), kept!.toString()], `${path}: the team's link`).toEqual([mode, content.toString()]);
      continue;
    }
    expect(result.mode(path), `${path}: its mode`).toBe(mode);
    if (owner.get(path) === 'managed') continue;
    if (checkout.teamTypescript.has(path)) expect(kept!.toString('latin1'), path).toBe(content.toString('latin1').replace(/cpu\(\{ cores: /g, 'cpu({ vcpus: '));
    else if (/\.(c|m)?tsx?$/.test(path)) {
      // Codemods rewrite the code; what the team wrote in its own words, its comments, stays.
      const baseContent = base.read(path);
      const baseLines = baseContent ? lines(baseContent) : new Set<string>();
      for (const line of lines(content)) {
        const comment = commentText(line);
        if (comment && !baseLines.has(line)) expect(kept!.toString('latin1'), `${path}: the team's comment "${comment}"`).toContain(comment);
      }
    } else if (owner.get(path) === 'template') {
      // A style the team gave the whole file (CRLF line ends, a byte order mark) is kept as a style: the
      // result must carry it, and the team's lines are compared without it.
      const style = teamStyle(content, base.read(path) ?? Buffer.alloc(0));
      if (style.crlf) expect(kept!.toString('latin1').match(/(?<!\r)\n/g), `${path}: the team's CRLF line ends`).toBeNull();
      if (style.bom) expect([...kept!.subarray(0, 3)], `${path}: the team's byte order mark`).toEqual([0xef, 0xbb, 0xbf]);
      expect(lostTeamLines(base.read(path) ?? Buffer.alloc(0), toFactoryStyle(content, style), toFactoryStyle(kept!, style)), `${path}: the team's lines`).toEqual([]);
    } else expect(kept!.equals(content), `${path}: the team's own file, byte for byte`).toBe(true);
  }
  // Template files the team deleted stay deleted.
  for (const path of base.list()) if (!ours.exists(path) && owner.get(path) === 'template') expect(result.exists(path), `${path} was deleted by the team`).toBe(false);
  if (checkout.intent && result.exists(CONFIG_FILE) && !report.conflicts.some((path) => /\.(c|m)?tsx?$/.test(path))) {
    const wanted = { ...DEFAULTS, ...(checkout.config.includes('gpu(') ? { gpuCount: 1 } : { vcpus: 4, memoryGi: 16 }), ...checkout.intent };
    const got = await declared(result);
    expect(got, 'what the upgraded config declares').toEqual(Object.fromEntries(Object.keys(got).map((key) => [key, wanted[key as keyof Intent]])));
  }
}

const newRefs = (before: string, after: string) => after.split('\n').filter((ref) => !before.split('\n').includes(ref));

async function upgradeCase(fixture: number, edits: Edit[], discardManagedEdits: boolean): Promise<void> {
  const scratch = mkdtempSync(join(root, 'case-'));
  try {
    const dir = join(scratch, 'repo');
    cpSync(templates[fixture]!, dir, { recursive: true, verbatimSymlinks: true });
    const outside = join(scratch, 'outside');
    mkdirSync(outside);
    writeFileSync(join(outside, 'ORG_README.md'), '# The organisation\n');
    const manifest = JSON.parse(readFileSync(join(dir, MANIFEST_PATH), 'utf8')) as Manifest;
    const checkout: Checkout = {
      dir,
      outside,
      config: readFileSync(join(dir, CONFIG_FILE), 'utf8'),
      managed: manifest.files.filter((file) => file.owner === 'managed').map((file) => file.path),
      hot: changedByFactory[fixture]!,
      teamTypescript: new Set(),
      reasons: new Set(),
    };
    for (const edit of edits) applyEdit(checkout, edit);
    await execa('sh', ['-c', 'git add --all && git -c user.name=Team -c user.email=team@example.com commit --quiet --allow-empty -m "Team edits"'], { cwd: dir });
    const [base, ours] = (await snapshotsOf(dir, 'refs/ai-factory/pristine/0.1.0', 'HEAD')) as [Tree, Tree];
    const before = await repoState(dir);
    const outsideBefore = treeState(outside);

    const { report } = await upgradeRepository(dir, context, { discardManagedEdits });
    const after = await repoState(dir);
    expect(treeState(outside), 'outside the repository').toEqual(outsideBefore);
    if (report.status === 'failed') {
      const { code, message } = report.error!;
      expect((EXPECTED_FAILURES[code] ?? []).some((reason) => checkout.reasons.has(reason)) && !(code === 'managed-edits' && discardManagedEdits), `${code} without a reason for it: ${message}`).toBe(true);
      expect(after, 'a failed run leaves the repository as it was').toEqual(before);
    } else {
      expect(report.status, JSON.stringify(report.error)).toMatch(/^(upgraded|conflicts)$/);
      expect(checkout.reasons.has('out-of-sight'), 'options the codemods cannot see were passed over').toBe(false);
      expect(newRefs(before.refs as string, after.refs as string).map((ref) => ref.split(' ')[0]).sort()).toEqual([`refs/ai-factory/pristine/${context.catalog.version}`, `refs/heads/${report.branch}`]);
      expect(after.index, 'the index').toBe(before.index);
      if (report.status === 'upgraded') expect({ ...after, refs: '', reachable: '' }, "the team's branch, index and working tree").toEqual({ ...before, refs: '', reachable: '' });
      const result = report.status === 'upgraded' ? (await snapshotsOf(dir, report.branch!))[0]! : worktree(dir);
      await expectTeamContentKept(base, ours, result, manifest, checkout, report);
    }

    const again = (await upgradeRepository(dir, context, { discardManagedEdits })).report;
    expect(again.status, JSON.stringify(again.error)).toBe({ upgraded: 'up-to-date', conflicts: 'conflicts', failed: 'failed', 'up-to-date': 'up-to-date' }[report.status]);
    expect(again.error?.code).toBe(report.error?.code);
    expect(await repoState(dir), 'a second run changes nothing').toEqual(after);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

describe('an upgrade after any edit script', () => {
  it(`loses nothing the team wrote and changes nothing silently (${RUNS} cases, seed ${SEED})`, { timeout: 60 * 60_000 }, async () => {
    // Three runs in four discard hand edits to managed files: the others stop there, before any merge.
    const discard = fc.nat({ max: 3 }).map((dice) => dice > 0);
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: FIXTURES.length - 1 }), editScript, discard, (fixture, edits, discardManagedEdits) => upgradeCase(fixture, edits, discardManagedEdits)),
      { numRuns: RUNS, seed: SEED, endOnFailure: process.env.AI_FACTORY_LOSS_SHRINK === undefined },
    );
  });
});
