/**
 * A YAML file as a tree ({@link Node}): block mappings split into their keys, recursively; anything else
 * (sequences, flow collections, scalars) is a leaf. A file of several documents has one entry per document.
 */
import { isMap, isScalar, parseDocument, type YAMLMap } from 'yaml';
import { endOfLine, leaf, startsOwnLine, uniqueKeys, type Entry, type Node } from './tree.js';

/** What may stand between two keys: blank lines, comments, a document marker or a directive. */
const FILLER = /^\s*(#.*)?$|^(---|%)/;

function mapNode(text: string, map: YAMLMap, start: number, headEnd: number, end: number): Node | undefined {
  const entries: Entry[] = [];
  let at = headEnd;
  for (const pair of map.items) {
    if (!isScalar(pair.key) || !pair.key.range || !startsOwnLine(text, at, pair.key.range[0], FILLER)) return undefined;
    const value = pair.value as { range?: [number, number, number] } | null;
    const stop = endOfLine(text, (value?.range ?? pair.key.range)[1]);
    if (stop <= at || stop > end) return undefined;
    const nested = isMap(value) && !value.flow && value.items.length > 0 ? mapNode(text, value, at, endOfLine(text, pair.key.range[1]), stop) : undefined;
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
  return mapNode(text, contents, 0, 0, text.length) ?? leaf(text);
}

/** The tree of a YAML file, or undefined when it does not parse (or repeats a key). */
export function yamlTree(text: string): Node | undefined {
  // Documents start at a `---` line; what comes before the first one is a document of its own.
  const starts = [0, ...[...text.matchAll(/^---(?=[ \t]|\r?$)/gm)].map((match) => match.index).filter((index) => index > 0)];
  const documents = starts.map((start, index) => documentNode(text.slice(start, starts[index + 1] ?? text.length)));
  if (documents.some((document) => document === undefined)) return undefined;
  if (documents.length === 1) return documents[0];
  return { head: '', children: documents.map((node, index) => ({ key: `document ${index + 1}`, node: node!, after: '' })), tail: '' };
}
