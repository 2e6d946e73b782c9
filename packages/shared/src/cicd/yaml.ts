/** YAML output of the pipelines: no line folding, comments where a reader needs them. */
import { emitYaml } from '../format/yaml/index.js';
import { pinnedVersion } from './pins.js';

/** A comment to put above the value at `key` wherever that key holds `value`. */
export interface KeyComment {
  key: string;
  /** Matches the pair's scalar value, or any value when omitted. */
  value?: string;
  comment: string;
}

/**
 * Serialises `value` as YAML. Every `uses:` pinned by pins.ts gets its `# vX.Y.Z` comment, and `comments`
 * are written above matching keys. Deterministic: key order is insertion order.
 */
export function toYaml(value: unknown, comments: KeyComment[] = []): string {
  return emitYaml(value, (key, item) => {
    const text = item === null || typeof item !== 'object' ? String(item) : undefined;
    const version = key === 'uses' && text !== undefined ? pinnedVersion(text) : undefined;
    const notes = comments.filter((c) => c.key === key && (c.value === undefined || c.value === text)).map((c) => ` ${c.comment}`);
    return { before: notes.length > 0 ? notes.join('\n') : undefined, after: version ? ` ${version}` : undefined };
  });
}

/** A shell script with strict mode on, for systems whose default shell does not set it. */
export function strict(lines: string[]): string {
  return ['set -euo pipefail', ...lines].join('\n');
}
