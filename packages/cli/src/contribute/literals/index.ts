/**
 * Where the strings and comments of a file are: the lexical context `contribute` needs to know which
 * escaping helper keeps a value safe where it stands. One small scanner per format; each is deliberately
 * lenient (it never throws), since a file a team wrote may be unusual, and what it cannot place is code,
 * where a value is generalised only when that is certain.
 */
import type { TemplateFormat } from '@ai-factory/engine';
import { hclLiterals, jsonLiterals, shellLiterals, tomlLiterals } from './code.js';
import { pythonLiterals } from './python.js';
import { yamlLiterals } from './yaml.js';

export type LiteralKind = 'string' | 'comment' | 'block';

export interface Literal {
  /**
   * `string`: a quoted string (or a YAML plain scalar); `comment`: a line comment; `block`: text in another
   * language or with its own rules (a YAML block scalar, a heredoc, a block comment).
   */
  kind: LiteralKind;
  /** The whole literal, quotes or comment marker included. */
  start: number;
  end: number;
  /** Its content: inside the quotes, after the comment marker. */
  contentStart: number;
  contentEnd: number;
  /** How a string is quoted: `"`, `'`, `"""`, `'''`, or `` for a YAML plain scalar. */
  quote?: string;
  /** A Python string's prefix letters in lower case (`r`, `b`, `f`, `u`), or `$` for shell `$'…'`. */
  prefix?: string;
}

const SCANNERS: Partial<Record<TemplateFormat, (text: string) => Literal[]>> = {
  python: pythonLiterals,
  yaml: yamlLiterals,
  json: jsonLiterals,
  toml: tomlLiterals,
  hcl: hclLiterals,
  shell: shellLiterals,
  dockerfile: shellLiterals,
};

/**
 * The strings, comments and blocks of `text`, in order and never overlapping; what lies between them is code.
 * @example scanLiterals('x = "a"  # b\n', 'python').map((l) => l.kind) // ['string', 'comment']
 */
export function scanLiterals(text: string, format: TemplateFormat): Literal[] {
  return SCANNERS[format]?.(text) ?? [];
}
