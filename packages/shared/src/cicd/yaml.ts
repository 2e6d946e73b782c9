/** YAML output of the pipelines: the `yaml` package, no line folding, comments where a reader needs them. */
import { Document, isPair, isScalar, visit } from 'yaml';
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
  const doc = new Document(value);
  visit(doc, {
    Pair(_, pair) {
      if (!isPair(pair) || !isScalar(pair.key)) return;
      const key = String(pair.key.value);
      const text = isScalar(pair.value) ? String(pair.value.value) : undefined;
      if (key === 'uses' && text !== undefined && isScalar(pair.value)) {
        const version = pinnedVersion(text);
        if (version) pair.value.comment = ` ${version}`;
      }
      const notes = comments.filter((c) => c.key === key && (c.value === undefined || c.value === text)).map((c) => ` ${c.comment}`);
      if (notes.length > 0) pair.key.commentBefore = notes.join('\n');
    },
  });
  return doc.toString({ lineWidth: 0 });
}

/** A shell script with strict mode on, for systems whose default shell does not set it. */
export function strict(lines: string[]): string {
  return ['set -euo pipefail', ...lines].join('\n');
}
