import { execGit } from '@ai-factory/engine';
import { dryRunDiff, Tree } from '@ai-factory/tree';

/**
 * `git diff` of HEAD against the target, for --dry-run: the changes as a tree over the files they touch,
 * printed by the tree's one dry-run diff; nothing is written to the repository.
 */
export async function diffOf(ours: Tree, changes: Map<string, Buffer | null>): Promise<string> {
  const touched = [...changes.keys()].flatMap((path) => {
    const content = ours.read(path);
    return content ? [[path, { content, mode: 'file' }] as const] : [];
  });
  const tree = new Tree(touched);
  for (const [path, content] of changes) {
    if (content === null) tree.delete(path);
    else tree.write(path, content);
  }
  return dryRunDiff(tree, async (args, cwd) => (await execGit(args, { cwd, reject: false })).stdout.toString('utf8'));
}
