/** Reading a generated project the way a reviewer would: every file but git's own. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Files under `dir` (outside `.git` and `node_modules`) whose bytes contain any of `needles`. */
export function filesContaining(dir: string, needles: readonly string[]): string[] {
  const found: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== '.git' && entry.name !== 'node_modules') walk(path);
      } else if (statSync(path).isFile()) {
        const bytes = readFileSync(path);
        if (needles.some((needle) => bytes.includes(needle))) found.push(relative(dir, path));
      }
    }
  };
  walk(dir);
  return found.sort();
}
