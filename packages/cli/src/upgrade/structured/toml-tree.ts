/**
 * A TOML file as a tree ({@link Node}), line by line: the keys before the first table, then one entry per
 * table (`[name]`, or `[[name]]` numbered by occurrence) holding its `key = value` lines. A value may run
 * over several lines (an array, one item a line, is split into its items; a multi-line string is not);
 * comment lines belong to the entry they precede.
 * TOML parsers drop comments, hence lines rather than a parsed document.
 */
import { leaf, uniqueKeys, type Entry, type Node } from './tree.js';

const TABLE = /^\s*(\[\[?)\s*([^\][#]+?)\s*\]\]?\s*(#.*)?$/;
const KEY = /^\s*((?:[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|'[^']*'))*)\s*=(.*)$/;
const FILLER = /^\s*(#.*)?$/;

/** Where a value's text leaves off: open brackets and an open multi-line string carry it to the next line. */
interface Open {
  depth: number;
  string?: '"""' | "'''";
}

/** Reads one line of a value, from the state the previous line left. */
function scanValue(line: string, open: Open): Open {
  let { depth, string } = open;
  for (let at = 0; at < line.length; at += 1) {
    if (string) {
      if (string === '"""' && line[at] === '\\') at += 1;
      else if (line.startsWith(string, at)) {
        at += 2;
        string = undefined;
      }
      continue;
    }
    const char = line[at]!;
    if (line.startsWith('"""', at) || line.startsWith("'''", at)) {
      string = line.slice(at, at + 3) as Open['string'];
      at += 2;
    } else if (char === '"' || char === "'") {
      const end = char === '"' ? /^"(?:[^"\\]|\\.)*"/.exec(line.slice(at)) : /^'[^']*'/.exec(line.slice(at));
      if (!end) throw new SyntaxError('unclosed string');
      at += end[0].length - 1;
    } else if (char === '#') break;
    else if (char === '[' || char === '{') depth += 1;
    else if (char === ']' || char === '}') depth -= 1;
  }
  return { depth, string };
}

const complete = (value: string) => {
  const open = scanValue(value, { depth: 0 });
  return open.depth === 0 && !open.string;
};

/**
 * A value over several lines: when it is an array with each item on a line of its own, a comma after
 * each, its items are entries known by their text, so items both sides added merge; else a leaf.
 */
function arrayNode(head: string, lines: string[]): Node {
  const whole = leaf(head + lines.join(''));
  const [first, ...items] = lines;
  const last = items.pop();
  if (last === undefined || !/=\s*\[\s*(#.*)?$/.test(first!.trimEnd()) || !/^\s*\]\s*(#.*)?$/.test(last.trimEnd())) return whole;
  const entries: Entry[] = [];
  let pending = '';
  for (const line of items) {
    if (FILLER.test(line.trimEnd())) {
      pending += line;
      continue;
    }
    const item = /^\s*(.*?),\s*(#.*)?$/.exec(line.trimEnd());
    if (!item || !complete(item[1]!)) return whole;
    entries.push({ key: item[1]!, node: leaf(pending + line), after: '' });
    pending = '';
  }
  const children = uniqueKeys(entries);
  return children ? { head: head + first, children, tail: pending + last } : whole;
}

const normalKey = (key: string) => key.replace(/\s*\.\s*/g, '.');

function parse(text: string): Node {
  const lines = text.split(/(?<=\n)/);
  const root: Entry[] = [];
  let table: Entry | undefined;
  const occurrences = new Map<string, number>();
  let pending = '';
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index]!;
    if (FILLER.test(line.trimEnd())) {
      pending += line;
      continue;
    }
    const header = TABLE.exec(line.trimEnd());
    if (header) {
      const name = normalKey(header[2]!);
      const count = (occurrences.get(name) ?? 0) + 1;
      occurrences.set(name, count);
      const array = header[1] === '[[';
      table = { key: array ? `[[${name}]] ${count}` : `[${name}]`, node: { head: pending + line, children: [], tail: '' }, after: '', positional: array };
      root.push(table);
      pending = '';
      continue;
    }
    const key = KEY.exec(line.trimEnd());
    if (!key) throw new SyntaxError(`not a TOML line: ${line}`);
    const value = [line];
    let open = scanValue(key[2]!, { depth: 0 });
    while ((open.depth > 0 || open.string) && index + 1 < lines.length) {
      index += 1;
      value.push(lines[index]!);
      open = scanValue(lines[index]!, open);
    }
    if (open.depth !== 0 || open.string) throw new SyntaxError('unclosed value');
    (table ? table.node.children! : root).push({ key: normalKey(key[1]!), node: arrayNode(pending, value), after: '' });
    pending = '';
  }
  return { head: '', children: root, tail: pending };
}

/** The tree of a TOML file, or undefined when a line is not TOML as this reads it (or a key repeats). */
export function tomlTree(text: string): Node | undefined {
  let tree: Node;
  try {
    tree = parse(text);
  } catch {
    return undefined;
  }
  const unique = [tree, ...tree.children!.map((entry) => entry.node)].every((node) => !node.children || uniqueKeys(node.children));
  return unique ? tree : undefined;
}
