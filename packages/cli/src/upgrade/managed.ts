/**
 * Managed files are regenerated from the config by every upgrade. A hand edit to one would be lost, so
 * it stops the upgrade unless the team says to discard it.
 */
import { type Manifest } from '@ai-factory/engine';
import { hashContent, type Tree } from '@ai-factory/tree';
import { UpgradeError } from './report.js';

/**
 * The managed files whose content at HEAD is neither what synth last wrote (the manifest's record) nor
 * what this upgrade writes: edited by hand, replaced by a link, or a file of the team's at a path this
 * version starts to manage.
 */
export function editedManagedFiles(manifest: Manifest, ours: Tree, upgraded: ReadonlyMap<string, Buffer | null>): string[] {
  const recorded = new Map(manifest.files.filter((file) => file.owner === 'managed').map((file) => [file.path, file.sha256]));
  const paths = new Set([...recorded.keys(), ...upgraded.keys()]);
  return [...paths].sort().filter((path) => {
    const entry = ours.get(path);
    if (entry === undefined) return false;
    if (entry.mode === 'symlink') return true;
    const { content } = entry;
    const record = recorded.get(path);
    return record !== undefined ? hashContent(content) !== record : !upgraded.get(path)?.equals(content);
  });
}

/** Stops the upgrade over hand edits, unless they are to be discarded. */
export function checkManagedEdits(edited: readonly string[], discard: boolean): void {
  if (edited.length === 0 || discard) return;
  throw new UpgradeError(
    'managed-edits',
    `These managed files were edited by hand, and the upgrade regenerates them from ai-factory.config.ts: ${edited.join(', ')}. ` +
      'Move the change into ai-factory.config.ts (then npm run synth), or run the upgrade with --discard-managed-edits to drop it.',
    { file: edited[0]! },
  );
}
