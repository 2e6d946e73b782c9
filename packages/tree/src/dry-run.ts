/**
 * What `--dry-run` prints, from the same `changes()` a real flush writes: a listing (one line per change)
 * or the exact diff (`git diff` of the base against the tree, both sides in a scratch folder).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Tree, TreeChange } from './tree.js';

/**
 * One line per change: its label, its size and its path.
 * @param label the first column; @default the kind of change (created, updated, deleted)
 */
export function describeChanges(tree: Tree, label: (change: TreeChange) => string = (change) => change.kind): string[] {
  return tree.changes().map((change) => `${label(change).padEnd(8)} ${String((change.after ?? change.before)!.content.length).padStart(7)} B  ${change.path}`);
}

/** Runs `git args` in `cwd` and resolves with its stdout, whatever the exit code (the caller's one git runner). */
export type GitText = (args: readonly string[], cwd: string) => Promise<string>;

/**
 * The unified diff of the tree's changes against its base, as `git diff` prints it (`a/` is the base).
 * @example io.stdout(await dryRunDiff(tree, (args, cwd) => execGit(args, { cwd, reject: false }).then((r) => r.stdout.toString())));
 */
export async function dryRunDiff(tree: Tree, git: GitText): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'ai-factory-diff-'));
  try {
    for (const change of tree.changes()) {
      for (const [side, entry] of [['a', change.before], ['b', change.after]] as const) {
        if (!entry) continue;
        mkdirSync(dirname(join(dir, side, change.path)), { recursive: true });
        writeFileSync(join(dir, side, change.path), entry.content);
      }
    }
    mkdirSync(join(dir, 'a'), { recursive: true });
    mkdirSync(join(dir, 'b'), { recursive: true });
    return await git(['diff', '--no-index', '--no-color', 'a', 'b'], dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
