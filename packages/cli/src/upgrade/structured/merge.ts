/**
 * Three-way merge of a YAML, JSON or TOML file by key path, before any line merge: a key the factory
 * changed and one the team added next to it are not a dispute, though their lines touch. The result is
 * made of the versions' own text (comments, order, indentation stay as each side wrote them).
 *
 * Where the structure does not help (a file that does not parse, a repeated key, both sides changing one
 * key path differently, a change to what the other side deleted) it answers nothing and the line merge
 * decides: disputes then show as git's standard conflict markers, the one conflict format the team reads
 * everywhere, and the line merge may still merge what the keys cannot (two items of one list).
 */
import { jsonPunctuate, jsonTree } from './json-tree.js';
import { tomlTree } from './toml-tree.js';
import { keyPaths, mergeTrees, noPunctuation, nodeText, type Node, type Punctuate } from './tree.js';
import { yamlTree } from './yaml-tree.js';

interface Format {
  tree: (text: string) => Node | undefined;
  punctuate: Punctuate;
}

const FORMATS: [RegExp, Format][] = [
  [/\.ya?ml$/i, { tree: yamlTree, punctuate: noPunctuation }],
  [/\.json$/i, { tree: jsonTree, punctuate: jsonPunctuate }],
  [/\.toml$/i, { tree: tomlTree, punctuate: noPunctuation }],
];

const lines = (text: string) => new Set(text.split('\n'));

/**
 * The merged file, or undefined when the structure does not settle it. The versions are in one line
 * style (see line-style.ts); every byte of the result is one of theirs, whatever the encoding.
 * @example mergeStructured('ci.yml', { base, ours, theirs }) // Buffer, or undefined: merge the lines
 */
export function mergeStructured(path: string, versions: { base: Buffer; ours: Buffer; theirs: Buffer }): Buffer | undefined {
  const format = FORMATS.find(([pattern]) => pattern.test(path))?.[1];
  if (!format) return undefined;
  // UTF-8 when all three are, so the parsers see characters; else Latin-1, one character per byte.
  const contents = [versions.base, versions.ours, versions.theirs];
  const encoding = contents.every((content) => Buffer.from(content.toString('utf8'), 'utf8').equals(content)) ? 'utf8' : 'latin1';
  const [base, ours, theirs] = contents.map((content) => content.toString(encoding)) as [string, string, string];
  const trees = [base, ours, theirs].map(format.tree);
  if (trees.some((tree) => tree === undefined)) return undefined;
  const merged = mergeTrees(trees[0]!, trees[1]!, trees[2]!);
  if (!merged) return undefined;
  const text = nodeText(merged, format.punctuate);
  // The merged text must read back as the merged tree (an entry carried into another side's file could
  // land under another key), and keep every line the team wrote (a comma put after one changes it).
  const again = format.tree(text);
  if (!again || keyPaths(again).join('\n') !== keyPaths(merged).join('\n')) return undefined;
  const baseLines = lines(base);
  const resultLines = lines(text);
  if ([...lines(ours)].some((line) => !baseLines.has(line) && !resultLines.has(line))) return undefined;
  return Buffer.from(text, encoding);
}
