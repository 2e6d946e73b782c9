/**
 * An upgrade writes only where the team's tree has room for a file: never inside a symbolic link (which
 * would write outside the repository or into the link's target), never over a folder or a file of the
 * team's that stands where the new version puts a file or a folder.
 */
import type { Tree } from '@ai-factory/tree';
import { UpgradeError } from './report.js';

export function checkWritablePaths(ours: Tree, changes: ReadonlyMap<string, Buffer | null>): void {
  const folders = new Set(ours.list().flatMap((path) => path.split('/').slice(0, -1).map((_, i, parts) => parts.slice(0, i + 1).join('/'))));
  for (const [path, content] of changes) {
    if (content === null) continue;
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i += 1) {
      const parent = parts.slice(0, i).join('/');
      const entry = ours.get(parent);
      if (!entry) continue;
      const what = entry.mode === 'symlink' ? `a symbolic link (to ${entry.content.toString('utf8')})` : 'a file';
      throw new UpgradeError('blocked-path', `${parent} is ${what} in your tree, and this upgrade writes ${path} inside it: move ${parent} back to a folder, or upgrade a checkout where it is one.`, { file: parent });
    }
    if (folders.has(path)) throw new UpgradeError('blocked-path', `${path} is a folder in your tree, and this upgrade writes a file there: move the folder, then run the upgrade again.`, { file: path });
  }
}
