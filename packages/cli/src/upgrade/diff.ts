import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { execGit } from '@ai-factory/engine';
import type { FileMap } from '../git/trees.js';

/**
 * `git diff` of HEAD against the target, for --dry-run: both sides written to a scratch folder, never to
 * the repository.
 */
export async function diffOf(ours: FileMap, changes: Map<string, Buffer | null>): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'ai-factory-diff-'));
  try {
    for (const [path, content] of changes) {
      for (const [side, data] of [['a', ours.get(path)], ['b', content]] as const) {
        if (!data) continue;
        mkdirSync(dirname(join(dir, side, path)), { recursive: true });
        writeFileSync(join(dir, side, path), data);
      }
    }
    mkdirSync(join(dir, 'a'), { recursive: true });
    mkdirSync(join(dir, 'b'), { recursive: true });
    const result = await execGit(['diff', '--no-index', '--no-color', 'a', 'b'], { cwd: dir, reject: false });
    return result.stdout.toString('utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
