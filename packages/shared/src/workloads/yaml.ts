/** YAML output of the workload specs: stable key order, no line folding, one document or several. */
import { stringify } from 'yaml';

// lineWidth 0: long commands and image references stay on one line. No anchors/aliases for objects
// shared between builders: every engine's reader is not guaranteed to resolve them, and people read these.
const OPTIONS = { lineWidth: 0, minContentWidth: 0, aliasDuplicateObjects: false } as const;

/** One YAML document. */
export function yamlDocument(value: unknown): string {
  return stringify(value, OPTIONS);
}

/** Several YAML documents separated by `---`, as `kubectl apply -f` reads them. */
export function yamlDocuments(values: readonly unknown[]): string {
  return values.map((value) => yamlDocument(value)).join('---\n');
}
