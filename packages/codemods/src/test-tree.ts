/** Test support (not built into the package): a tree whose base holds the given files, so `changes()` is what a run did. */
import { Tree } from '@ai-factory/tree';

export const treeOf = (files: Record<string, string | Buffer>) =>
  new Tree(Object.entries(files).map(([path, content]) => [path, { content: Buffer.from(content), mode: 'file' as const }]));
