/**
 * Moves refs the way git does a push: every update of one upgrade in a single `git update-ref --stdin`
 * transaction, each checked against the value it had when the upgrade read it. Either all move or none.
 */
import { execGit } from '@ai-factory/engine';

export type RefUpdate =
  /** Creates a ref that must not exist yet. */
  | { create: string; oid: string }
  /** Moves a ref that must still point at `old`. */
  | { update: string; oid: string; old: string }
  /** Deletes a ref that must still point where it did. */
  | { delete: string; oid: string }
  /** Moves nothing: fails the transaction unless the ref (HEAD resolves to its branch) still points at `oid`. */
  | { verify: string; oid: string };

function command(update: RefUpdate): string {
  if ('create' in update) return `create ${update.create} ${update.oid}`;
  if ('update' in update) return `update ${update.update} ${update.oid} ${update.old}`;
  if ('delete' in update) return `delete ${update.delete} ${update.oid}`;
  return `verify ${update.verify} ${update.oid}`;
}

/**
 * Applies `updates` atomically in the repository at `dir`; rejects with what git said when any cannot be
 * made (a ref that moved meanwhile, one another git process holds locked, a full disk).
 * @example await updateRefs(repo, [{ create: 'refs/heads/ai-factory/upgrade-0.2.0', oid }, { verify: 'HEAD', oid: head }]);
 */
export async function updateRefs(dir: string, updates: readonly RefUpdate[]): Promise<void> {
  if (updates.length === 0) return;
  const input = `start\n${updates.map((update) => `${command(update)}\n`).join('')}prepare\ncommit\n`;
  const result = await execGit(['update-ref', '--stdin'], { cwd: dir, input, reject: false });
  if (result.exitCode !== 0) throw new Error(`git update-ref failed: ${result.stderr.trim()}`);
}
