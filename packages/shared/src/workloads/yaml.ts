/** YAML output of the workload specs: stable key order, no line folding, one document or several. */
import { emitYaml } from '../format/yaml/index.js';

/**
 * One YAML document. Long commands and image references stay on one line, and objects shared between
 * builders are written out each time, never as anchors and aliases: not every engine's reader resolves
 * them, and people read these.
 */
export function yamlDocument(value: unknown): string {
  return emitYaml(value);
}

/** Several YAML documents separated by `---`, as `kubectl apply -f` reads them. */
export function yamlDocuments(values: readonly unknown[]): string {
  return values.map((value) => yamlDocument(value)).join('---\n');
}
