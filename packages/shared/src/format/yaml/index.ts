/**
 * A small YAML emitter for the files the factory generates: block collections of plain JS values, literal
 * block scalars for scripts, no line folding, no anchors, comments on pairs. The `yaml` package writes the
 * same bytes, but starting it costs more than the whole emission, and generation should start fast.
 */
import { blockNode, type CommentPairs } from './block-collection.js';

export type { CommentPairs } from './block-collection.js';

/**
 * `value` as one YAML document ending in a line break: what `stringify(value, { lineWidth: 0 })` of the
 * `yaml` package writes, with `comments` where `new Document(value)` would carry them on its pairs.
 */
export function emitYaml(value: unknown, comments?: CommentPairs): string {
  return `${blockNode(value, '', comments)}\n`;
}
export { yamlFlowValue } from './flow.js';
