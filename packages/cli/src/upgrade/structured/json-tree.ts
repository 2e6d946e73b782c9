/**
 * A JSON file (comments allowed, as in tsconfig.json) as a tree ({@link Node}): objects whose members
 * each start a line split into their keys, recursively; arrays and one-line objects are leaves. Commas
 * are left out of the spans and put back by {@link jsonPunctuate}, so a key added after the last one
 * merges like any other.
 */
import { endOfLine, leaf, nodeText, startsOwnLine, uniqueKeys, type Entry, type Node, type Punctuate } from './tree.js';

/** An item of a list (an array's value, an object's member): where the comma after it is, if any. */
interface Listed {
  comma?: number;
}

interface Value extends Listed {
  start: number;
  end: number;
  members?: Member[];
}

interface Member extends Listed {
  key: string;
  keyStart: number;
  value: Value;
}

const STRING = /"(?:[^"\\\n]|\\.)*"/y;
const LITERAL = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;
const SPACE = /(?:\s+|\/\/[^\n]*|\/\*[\s\S]*?\*\/)*/y;
const FILLER = /^\s*(\/\/.*)?$/;

/** A recursive descent over the text, keeping where each value and member is. Throws on bad input. */
class Scanner {
  at = 0;
  constructor(readonly text: string) {}

  skip(): void {
    SPACE.lastIndex = this.at;
    SPACE.exec(this.text);
    this.at = SPACE.lastIndex;
  }

  token(pattern: RegExp): string {
    pattern.lastIndex = this.at;
    const match = pattern.exec(this.text);
    if (!match) throw new SyntaxError(`unexpected text at ${this.at}`);
    this.at = pattern.lastIndex;
    return match[0];
  }

  expect(char: string): void {
    this.skip();
    if (this.text[this.at] !== char) throw new SyntaxError(`${char} expected at ${this.at}`);
    this.at += 1;
  }

  value(): Value {
    this.skip();
    const start = this.at;
    const char = this.text[this.at];
    if (char === '{') return { start, members: this.list('}', () => this.member()), end: this.at };
    if (char === '[') {
      this.list(']', () => this.value());
      return { start, end: this.at };
    }
    this.token(char === '"' ? STRING : LITERAL);
    return { start, end: this.at };
  }

  member(): Member {
    this.skip();
    const keyStart = this.at;
    const key = JSON.parse(this.token(STRING)) as string;
    this.expect(':');
    return { key, keyStart, value: this.value() };
  }

  /** Items between brackets, separated by commas (one after the last is tolerated, as editors do). */
  list<T extends Listed>(close: string, item: () => T): T[] {
    const items: T[] = [];
    this.at += 1;
    for (;;) {
      this.skip();
      if (this.text[this.at] === close) break;
      const next = item();
      items.push(next);
      this.skip();
      if (this.text[this.at] !== ',') break;
      next.comma = this.at;
      this.at += 1;
    }
    this.expect(close);
    return items;
  }
}

function objectNode(text: string, object: Value, start: number, end: number): Node | undefined {
  const members = object.members!;
  const close = object.end - 1;
  const headEnd = endOfLine(text, object.start + 1);
  const entries: Entry[] = [];
  let at = headEnd;
  for (const member of members) {
    if (!startsOwnLine(text, at, member.keyStart, FILLER)) return undefined;
    const stop = endOfLine(text, (member.comma ?? member.value.end - 1) + 1);
    if (stop > close) return undefined;
    const after = member.comma === undefined ? text.slice(member.value.end, stop) : text.slice(member.value.end, member.comma) + text.slice(member.comma + 1, stop);
    const nested = member.value.members?.length ? objectNode(text, member.value, at, member.value.end) : undefined;
    entries.push({ key: member.key, node: nested ?? leaf(text.slice(at, member.value.end)), after });
    at = stop;
  }
  const children = uniqueKeys(entries);
  if (!children || !startsOwnLine(text, at, close, FILLER)) return undefined;
  return { head: text.slice(start, headEnd), children, tail: text.slice(at, end) };
}

/** The tree of a JSON file, or undefined when it does not parse (or repeats a key). */
export function jsonTree(text: string): Node | undefined {
  const scanner = new Scanner(text);
  let root: Value;
  try {
    root = scanner.value();
    scanner.skip();
    if (scanner.at !== text.length) return undefined;
  } catch {
    return undefined;
  }
  return (root.members?.length ? objectNode(text, root, 0, text.length) : undefined) ?? leaf(text);
}

/** A comma after every entry of an object but the last. */
export const jsonPunctuate: Punctuate = (entry, last) => nodeText(entry.node, jsonPunctuate) + (last ? '' : ',') + entry.after;
