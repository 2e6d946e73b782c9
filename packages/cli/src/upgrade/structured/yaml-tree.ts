/**
 * A YAML file as a tree ({@link Node}): block mappings split into their keys, recursively, and block
 * sequences into their items, each known by its first line (`- run: npm test`), so items both sides added
 * to one list merge; anything else (flow collections, scalars) is a leaf. A file of several documents has
 * one entry per document.
 */
import { isMap, isScalar, isSeq, parseDocument, type YAMLMap, type YAMLSeq } from 'yaml';
import { endOfLine, leaf, startsOwnLine, uniqueKeys, type Entry, type Node } from './tree.js';

/** What may stand between two keys: blank lines, comments, a document marker or a directive. */
const FILLER = /^\s*(#.*)?$|^(---|%)/;

type Range = [number, number, number];

/** A block sequence's items: each starts a line with its dash; items that share a first line make it a leaf. */
function sequenceNode(text: string, sequence: YAMLSeq, start: number, headEnd: number, end: number): Node | undefined {
  const entries: Entry[] = [];
  let at = headEnd;
  for (const item of sequence.items as ({ range?: Range } | null)[]) {
    const dash = item?.range && text.lastIndexOf('-', item.range[0] - 1);
    if (!item?.range || dash === undefined || dash < at || text.slice(dash + 1, item.range[0]).trim() !== '' || !startsOwnLine(text, at, dash, FILLER)) return undefined;
    const stop = endOfLine(text, item.range[1]);
    if (stop <= at || stop > end) return undefined;
    entries.push({ key: text.slice(dash, endOfLine(text, dash + 1)).trim(), node: leaf(text.slice(at, stop)), after: '' });
    at = stop;
  }
  const children = uniqueKeys(entries);
  return children && { head: text.slice(start, headEnd), children, tail: text.slice(at, end) };
}

function mapNode(text: string, map: YAMLMap, start: number, headEnd: number, end: number): Node | undefined {
  const entries: Entry[] = [];
  let at = headEnd;
  for (const pair of map.items) {
    if (!isScalar(pair.key) || !pair.key.range || !startsOwnLine(text, at, pair.key.range[0], FILLER)) return undefined;
    const value = pair.value as { range?: Range } | null;
    const stop = endOfLine(text, (value?.range ?? pair.key.range)[1]);
    if (stop <= at || stop > end) return undefined;
    const block = (isMap(value) || isSeq(value)) && !value.flow && value.items.length > 0;
    const nested = block ? (isMap(value) ? mapNode : sequenceNode)(text, value as YAMLMap & YAMLSeq, at, endOfLine(text, pair.key.range[1]), stop) : undefined;
    entries.push({ key: String(pair.key.value), node: nested ?? leaf(text.slice(at, stop)), after: '' });
    at = stop;
  }
  const children = uniqueKeys(entries);
  return children && { head: text.slice(start, headEnd), children, tail: text.slice(at, end) };
}

function documentNode(text: string): Node | undefined {
  const document = parseDocument(text);
  if (document.errors.length > 0) return undefined;
  const { contents } = document;
  if (!isMap(contents) || contents.flow || contents.items.length === 0) return leaf(text);
  // A document marker stays the document's first line: keys added on top go below it.
  const marker = /^---.*\n/.exec(text)?.[0].length ?? 0;
  return mapNode(text, contents, 0, marker, text.length) ?? leaf(text);
}

/** The tree of a YAML file, or undefined when it does not parse (or repeats a key). */
export function yamlTree(text: string): Node | undefined {
  // Documents start at a `---` line; what comes before the first one is a document of its own.
  const starts = [0, ...[...text.matchAll(/^---(?=[ \t]|\r?$)/gm)].map((match) => match.index).filter((index) => index > 0)];
  const documents = starts.map((start, index) => documentNode(text.slice(start, starts[index + 1] ?? text.length)));
  if (documents.some((document) => document === undefined)) return undefined;
  if (documents.length === 1) return documents[0];
  return { head: '', children: documents.map((node, index) => ({ key: `document ${index + 1}`, node: node!, after: '', positional: true })), tail: '' };
}
