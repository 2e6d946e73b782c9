/**
 * A structured file as a tree of text spans: every byte of the file belongs to exactly one span, so the
 * merged file is made of the three versions' own bytes (nothing is re-printed, comments and order stay).
 * Each format (YAML, JSON, TOML) builds the tree; the three-way merge by key path is here, once.
 */

/** A container (a mapping, an object, a table) or, without `children`, a leaf merged as a whole. */
export interface Node {
  /** The text before the children: leading comments, the key line, an opening brace. */
  head: string;
  /** The entries, in the file's order; undefined for a leaf. */
  children?: Entry[];
  /** The text after the children: a closing brace, trailing comments. */
  tail: string;
}

export interface Entry {
  key: string;
  node: Node;
  /**
   * The rest of the entry's last line after its value, without the separating comma (JSON only): the
   * comma is punctuation the merge puts back where the entry ends up.
   */
  after: string;
  /**
   * Known by its position (the second document of a YAML file, the third `[[table]]` of that name): one
   * added or removed before it would shift the others, so it merges only when all three versions have it.
   */
  positional?: boolean;
}

/** How a format joins the entries of a container: JSON separates them with commas. */
export type Punctuate = (entry: Entry, last: boolean) => string;

export const noPunctuation: Punctuate = (entry) => nodeText(entry.node) + entry.after;

export function nodeText(node: Node, punctuate: Punctuate = noPunctuation): string {
  const children = node.children ?? [];
  return node.head + children.map((entry, index) => punctuate(entry, index === children.length - 1)).join('') + node.tail;
}

const entryText = (entry: Entry) => nodeText(entry.node) + entry.after;

/** Thrown inside the merge when both sides changed one key path differently; the caller falls back. */
class Disputed extends Error {}

/** One side's change, or both sides' identical change; a dispute otherwise. */
function pick<T>(base: T, ours: T, theirs: T, same: (a: T, b: T) => boolean): T {
  if (same(theirs, base) || same(ours, theirs)) return ours;
  if (same(ours, base)) return theirs;
  throw new Disputed();
}

const sameText = (a: string, b: string) => a === b;
const sameEntry = (a: Entry, b: Entry) => entryText(a) === entryText(b);

function mergeEntry(base: Entry, ours: Entry, theirs: Entry): Entry {
  if (sameEntry(theirs, base) || sameEntry(ours, theirs)) return ours;
  if (sameEntry(ours, base)) return theirs;
  // Both changed the entry: only containers on all three sides can still merge, key by key.
  if (!base.node.children || !ours.node.children || !theirs.node.children) throw new Disputed();
  return { key: ours.key, node: mergeNodes(base.node, ours.node, theirs.node), after: pick(base.after, ours.after, theirs.after, sameText) };
}

function mergeChildren(base: Entry[], ours: Entry[], theirs: Entry[]): Entry[] {
  const inBase = new Map(base.map((entry) => [entry.key, entry]));
  const inTheirs = new Map(theirs.map((entry) => [entry.key, entry]));
  const inOurs = new Set(ours.map((entry) => entry.key));
  const positional = [...base, ...ours, ...theirs].filter((entry) => entry.positional).map((entry) => entry.key);
  if (positional.some((key) => !inBase.has(key) || !inOurs.has(key) || !inTheirs.has(key))) throw new Disputed();
  const merged: Entry[] = [];
  // The team's order is kept; what the factory added goes after the entry it follows in the factory's file.
  for (const entry of ours) {
    const was = inBase.get(entry.key);
    const now = inTheirs.get(entry.key);
    if (!was) {
      if (now && !sameEntry(now, entry)) throw new Disputed();
      merged.push(entry);
    } else if (!now) {
      // The factory deleted it: fine when the team left it alone.
      if (!sameEntry(entry, was)) throw new Disputed();
    } else merged.push(mergeEntry(was, entry, now));
  }
  for (const entry of base) {
    const now = inTheirs.get(entry.key);
    // The team deleted it; the factory changing it is a dispute.
    if (!inOurs.has(entry.key) && now && !sameEntry(now, entry)) throw new Disputed();
  }
  // An entry both removed while both added others is one entry both replaced (a list item known by its
  // text: `numpy<2` and `numpy>=2` for `numpy`): a dispute, not two items.
  const added = (entries: Entry[]) => entries.some((entry) => !inBase.has(entry.key));
  if (added(ours) && added(theirs) && base.some((entry) => !inOurs.has(entry.key) && !inTheirs.has(entry.key))) throw new Disputed();
  theirs.forEach((entry, index) => {
    if (inBase.has(entry.key) || inOurs.has(entry.key)) return;
    const before = theirs.slice(0, index).reverse().find((previous) => merged.some((kept) => kept.key === previous.key));
    merged.splice(before ? merged.findIndex((kept) => kept.key === before.key) + 1 : 0, 0, entry);
  });
  return merged;
}

function mergeNodes(base: Node, ours: Node, theirs: Node): Node {
  return {
    head: pick(base.head, ours.head, theirs.head, sameText),
    children: mergeChildren(base.children!, ours.children!, theirs.children!),
    tail: pick(base.tail, ours.tail, theirs.tail, sameText),
  };
}

/**
 * Merges the trees by key path: an entry only one side changed takes that side; both changed alike is
 * taken; entries added at different keys all stay. Undefined when both changed one key path differently,
 * or one deleted what the other changed.
 * @example mergeTrees(base, ours, theirs) // a Node, or undefined: let the line merge show the dispute
 */
export function mergeTrees(base: Node, ours: Node, theirs: Node): Node | undefined {
  try {
    if (!base.children || !ours.children || !theirs.children) return undefined;
    return mergeNodes(base, ours, theirs);
  } catch (error) {
    if (error instanceof Disputed) return undefined;
    throw error;
  }
}

/** Every key path of the tree, in order: two trees with the same paths declare the same structure. */
export function keyPaths(node: Node, prefix = ''): string[] {
  return (node.children ?? []).flatMap((entry) => [`${prefix}/${entry.key}`, ...keyPaths(entry.node, `${prefix}/${entry.key}`)]);
}

/** Entries of one container with unique keys, or undefined: a duplicated key has no single path. */
export function uniqueKeys(entries: Entry[]): Entry[] | undefined {
  return new Set(entries.map((entry) => entry.key)).size === entries.length ? entries : undefined;
}

/** Where the line holding the text that ends at `at` ends (after its newline), trailing blanks skipped back. */
export function endOfLine(text: string, at: number): number {
  let end = at;
  while (end > 0 && /\s/.test(text[end - 1]!)) end -= 1;
  const newline = text.indexOf('\n', end);
  return newline === -1 ? text.length : newline + 1;
}

/**
 * True when `text[from..to)` holds only whole lines the `filler` pattern allows (blanks, comments) and then
 * the indentation of the line `to` starts: the entry at `to` begins a line of its own.
 */
export function startsOwnLine(text: string, from: number, to: number, filler: RegExp): boolean {
  if (to < from) return false;
  const lines = text.slice(from, to).split('\n');
  const indent = lines.pop()!;
  return /^[ \t]*$/.test(indent) && lines.every((line) => filler.test(line));
}

export const leaf = (text: string): Node => ({ head: text, tail: '' });
