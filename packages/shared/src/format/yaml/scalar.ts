/**
 * YAML scalars for plain JS values: plain when a reader gets the same string back, else quoted; multi-line
 * strings as literal blocks. The rules are the `yaml` package's (stringifyString.js) for the core schema.
 */
import { blockScalar, containsDocumentMarker } from './block.js';
import { doubleQuoted, quoted } from './quote.js';

/** Where a scalar is written: its continuation indent, and whether it is a mapping key. */
export interface ScalarPlace {
  /** Indent of the lines a block scalar continues on ('' at the root). */
  indent: string;
  /** A mapping key: must stay on one line. */
  key?: boolean;
  /** A key of the root mapping, or the root value itself: a document marker there would end the document. */
  root?: boolean;
  /** A comment for a block scalar's header, in the `yaml` package's comment form. */
  comment?: string;
}

// Control characters and lone surrogates can only be written escaped, and a byte order mark is dropped by
// a reader at the start of a document.
// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPES = /[\x00-\x08\x0b-\x1f\x7f-\x9f\ufeff\u{D800}-\u{DFFF}]/u;
// An indicator at the start, `: ` or ` #` inside, or space or `:` at the end: not a plain scalar.
const NOT_PLAIN = /^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/;
// Strings a core-schema reader would take for null, a boolean or a number.
const OTHER_TYPE = [
  /^(?:~|[Nn]ull|NULL)?$/,
  /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
  /^[-+]?[0-9]+$/,
  /^0o[0-7]+$/,
  /^0x[0-9a-fA-F]+$/,
  /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
];

/** A string scalar at `place`. */
export function stringScalar(value: string, place: ScalarPlace): string {
  if (NEEDS_ESCAPES.test(value)) return doubleQuoted(value);
  const multiLine = value.includes('\n');
  if (place.key && multiLine) return quoted(value);
  if (multiLine) return blockScalar(value, place.indent, place.comment);
  if (NOT_PLAIN.test(value)) return quoted(value);
  if (place.root && containsDocumentMarker(value)) return place.key ? quoted(value) : blockScalar(value, '  ', place.comment);
  return OTHER_TYPE.some((type) => type.test(value)) ? quoted(value) : value;
}

/** A number as YAML writes it: JSON's form, plus `-0`, `.inf` and `.nan`. */
export function numberScalar(value: number): string {
  if (!Number.isFinite(value)) return Number.isNaN(value) ? '.nan' : value < 0 ? '-.inf' : '.inf';
  return Object.is(value, -0) ? '-0' : JSON.stringify(value);
}

/** A null, boolean, number or string at `place`; anything else is not a YAML scalar. */
export function scalar(value: unknown, place: ScalarPlace): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return stringScalar(value, place);
  if (typeof value === 'number') return numberScalar(value);
  if (typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  throw new TypeError(`cannot write ${typeof value} as a YAML scalar`);
}
