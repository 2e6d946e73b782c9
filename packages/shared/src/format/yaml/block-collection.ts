/**
 * Block mappings and sequences of plain JS values, laid out as the `yaml` package lays them out (two-space
 * indent, sequences indented under their key, `[]`/`{}` for empty collections), with comments on pairs.
 */
import { indentComment, commentText, lineComment } from './comment.js';
import { scalar } from './scalar.js';

/** Comments for one mapping pair, in the `yaml` package's comment form (` text` is written `# text`). */
export interface PairComments {
  /** Comment lines above the key. */
  before?: string;
  /** A comment after a scalar value. */
  after?: string;
}

/** Returns the comments for the pair `key: value`, if any; called for every pair in document order. */
export type CommentPairs = (key: string, value: unknown) => PairComments | undefined;

// Implicit keys are limited to 1024 characters; longer ones need the explicit `? key` form.
const MAX_IMPLICIT_KEY = 1024;

const isCollection = (value: unknown): value is object => value !== null && typeof value === 'object';

/** The pairs of a plain object that YAML writes. */
export function entries(value: object): [string, unknown][] {
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) throw new TypeError(`cannot write a ${value.constructor.name} as YAML`);
  // As the `yaml` package does, a pair whose value is undefined is left out.
  return Object.entries(value).filter(([, item]) => item !== undefined);
}

/** `value` as a block node whose continuation lines are indented by `indent`; the first line is not. */
export function blockNode(value: unknown, indent: string, comments?: CommentPairs): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return value.map((item: unknown) => `- ${blockNode(item, `${indent}  `, comments)}`).join(`\n${indent}`);
  }
  if (isCollection(value)) {
    const pairs = entries(value);
    if (pairs.length === 0) return '{}';
    const lines: string[] = [];
    for (const [key, item] of pairs) {
      const notes = comments?.(key, item);
      if (notes?.before) lines.push(indentComment(commentText(notes.before), indent).trimStart());
      lines.push(pair(key, item, indent, notes?.after, comments));
    }
    return lines.join(`\n${indent}`);
  }
  return scalar(value, { indent, root: indent === '' });
}

function pair(key: string, value: unknown, indent: string, comment: string | undefined, comments?: CommentPairs): string {
  const valueIndent = `${indent}  `;
  const keyText = scalar(key, { indent: valueIndent, key: true, root: indent === '' });
  const explicit = keyText.length > MAX_IMPLICIT_KEY;
  const head = explicit ? `? ${keyText}\n${indent}:` : `${keyText}:`;
  if (isCollection(value)) {
    const nonEmpty = Array.isArray(value) ? value.length > 0 : entries(value).length > 0;
    const node = blockNode(value, valueIndent, comments);
    return explicit || !nonEmpty ? `${head} ${node}` : `${head}\n${valueIndent}${node}`;
  }
  // A block scalar takes the comment in its header; anything else after its last line.
  const text = scalar(value, { indent: valueIndent, comment });
  const line = `${head} ${text}`;
  return comment && !text.startsWith('|') ? line + lineComment(line, valueIndent, comment) : line;
}
