/**
 * Random edits a team makes to a YAML, JSON or TOML file of its project, the way people edit them: add a
 * key (among the others or at the end), change a value, add a list item, add a comment, swap two keys,
 * and some plain line noise (a stray line, a deleted line, CRLF line ends). Shared by the property test
 * that hunts for loss in upgrades and the merge benchmark (scripts/bench/merge.mjs).
 */
import fc from 'fast-check';

export type StructuredEdit =
  | { kind: 'add-key'; at: number; value: string; end: boolean }
  | { kind: 'change-value' | 'add-item' | 'add-comment' | 'reorder' | 'insert-line' | 'delete-line'; at: number; value: string }
  | { kind: 'crlf' };

const value = fc.stringMatching(/^[a-z][a-z0-9_]{0,10}$/);
const at = fc.nat({ max: 1000 });

/** One edit, the structured kinds the everyday ones. */
export const structuredEdit: fc.Arbitrary<StructuredEdit> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('add-key' as const), at, value, end: fc.boolean() }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constantFrom('change-value' as const, 'add-item' as const, 'add-comment' as const), at, value }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('reorder' as const), at, value }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constantFrom('insert-line' as const, 'delete-line' as const), at, value }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'crlf' as const }) },
);

/** A few edits to one file. */
export const structuredEdits: fc.Arbitrary<StructuredEdit[]> = fc.array(structuredEdit, { minLength: 1, maxLength: 4 });

type Format = 'yaml' | 'json' | 'toml';

const formatOf = (path: string): Format | undefined => (/\.ya?ml$/.test(path) ? 'yaml' : /\.json$/.test(path) ? 'json' : /\.toml$/.test(path) ? 'toml' : undefined);

/** Per format: a key line, a key line with a one-line scalar value (prefix, value, rest), a list item. */
const KEY: Record<Format, RegExp> = { yaml: /^(\s*)[A-Za-z_][\w./-]*:(\s|$)/, json: /^(\s*)"[^"]+"\s*:/, toml: /^(\s*)[A-Za-z0-9_.-]+\s*=/ };
const SCALAR: Record<Format, RegExp> = {
  yaml: /^(\s*[A-Za-z_][\w./-]*:[ \t]+)([^\s|>&*!{[#][^#]*?|"[^"]*")(\s*)$/,
  json: /^(\s*"[^"]+"\s*:\s*)("(?:[^"\\]|\\.)*"|-?\d[\d.eE+-]*|true|false|null)(,?\s*)$/,
  toml: /^(\s*[A-Za-z0-9_.-]+\s*=\s*)("(?:[^"\\]|\\.)*"|-?\d[\d._eE+-]*|true|false)(\s*(?:#.*)?)$/,
};
const ITEM: Record<Format, RegExp> = { yaml: /^(\s*)- /, json: /^(\s*)("(?:[^"\\]|\\.)*"|-?\d+),?\s*$/, toml: /^(\s*)("(?:[^"\\]|\\.)*"|-?\d+),?\s*$/ };

const indexes = (lines: string[], test: (line: string, index: number) => boolean) => lines.flatMap((line, index) => (test(line, index) ? [index] : []));
const indent = (line: string) => /^\s*/.exec(line)![0];
/** Comments where the format has them (JSON only in tsconfig files, which TypeScript reads as JSONC). */
const comment = (path: string, format: Format) => (format !== 'json' ? '# ' : /(^|\/)tsconfig[^/]*\.json$/.test(path) ? '// ' : undefined);

function keyLine(format: Format, pad: string, value: string): string {
  return { yaml: `${pad}team_${value}: team-${value}`, json: `${pad}"team_${value}": "team-${value}",`, toml: `${pad}team_${value} = "team-${value}"` }[format];
}

/** Adds a key at the end of the file: the top-level mapping (YAML), object (JSON) or last table (TOML). */
function addLastKey(format: Format, lines: string[], value: string): void {
  const last = lines.length - (lines.at(-1) === '' ? 1 : 0);
  if (format !== 'json') return void lines.splice(last, 0, keyLine(format, '', value));
  const close = lines.findLastIndex((line) => /^\}\s*$/.test(line));
  const previous = lines.slice(0, close).findLastIndex((line) => line.trim() !== '');
  if (close < 1 || previous < 0) return;
  if (!/[{,]\s*$/.test(lines[previous]!)) lines[previous] = `${lines[previous]!.trimEnd()},`;
  lines.splice(close, 0, keyLine(format, '  ', value).slice(0, -1));
}

/** `text` (read as Latin-1: any bytes stay) with `edit` applied; unchanged when the file has no place for it. */
export function applyStructuredEdit(path: string, text: string, edit: StructuredEdit): string {
  const format = formatOf(path);
  if (!format) return text;
  if (edit.kind === 'crlf') return text.replace(/\r?\n/g, '\r\n');
  const crlf = text.includes('\r\n');
  const lines = text.split(/\r?\n/);
  const pick = (candidates: number[]) => (candidates.length ? candidates[edit.at % candidates.length] : undefined);
  const keys = indexes(lines, (line) => KEY[format].test(line) && !/^\s*- /.test(line));
  switch (edit.kind) {
    case 'add-key': {
      const before = pick(keys);
      if (edit.end || before === undefined) addLastKey(format, lines, edit.value);
      else lines.splice(before, 0, keyLine(format, indent(lines[before]!), edit.value));
      break;
    }
    case 'change-value': {
      const line = pick(indexes(lines, (line) => SCALAR[format].test(line)));
      if (line !== undefined) lines[line] = lines[line]!.replace(SCALAR[format], `$1"team-${edit.value}"$3`);
      break;
    }
    case 'add-item': {
      const line = pick(indexes(lines, (line) => ITEM[format].test(line)));
      if (line !== undefined) lines.splice(line, 0, format === 'yaml' ? `${indent(lines[line]!)}- team-${edit.value}` : `${indent(lines[line]!)}"team-${edit.value}",`);
      break;
    }
    case 'add-comment': {
      const line = pick(keys);
      const mark = comment(path, format);
      if (line !== undefined && mark) lines.splice(line, 0, `${indent(lines[line]!)}${mark}team: ${edit.value.replace(/_/g, ' ')}`);
      break;
    }
    case 'reorder': {
      // Two one-line entries side by side, at one indentation (in JSON both followed by a comma).
      const swappable = (index: number) => {
        const [first, second, next = ''] = lines.slice(index, index + 3);
        const oneLine = (line: string | undefined) => line !== undefined && SCALAR[format].test(line) && (format !== 'json' || line.trimEnd().endsWith(','));
        return oneLine(first) && oneLine(second) && indent(first!) === indent(second!) && (format !== 'yaml' || indent(next).length <= indent(second!).length);
      };
      const line = pick(indexes(lines, (_, index) => swappable(index)));
      if (line !== undefined) lines.splice(line, 2, lines[line + 1]!, lines[line]!);
      break;
    }
    case 'insert-line':
      lines.splice(edit.at % (lines.length + 1), 0, `team ${edit.value}`);
      break;
    case 'delete-line':
      lines.splice(edit.at % Math.max(1, lines.length), 1);
      break;
  }
  return lines.join(crlf ? '\r\n' : '\n');
}
