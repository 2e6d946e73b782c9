/**
 * Reading and rewriting the options object of a builder call, whatever way the team wrote it: keys bare,
 * quoted or computed from a literal, shorthand, wrapped in parentheses, `satisfies` or `as`; and with its
 * comments and layout, so a codemod that moves properties between objects moves their comments too.
 */
import { Node, ts, type ObjectLiteralElementLike, type ObjectLiteralExpression } from 'ts-morph';

/** The expression inside parentheses, `satisfies T`, `as T` and `!`, and the wrappers met on the way. */
export function unwrap(expression: Node): { inner: Node; checks: Node[] } {
  const checks: Node[] = [];
  let inner = expression;
  for (;;) {
    if (Node.isParenthesizedExpression(inner)) inner = inner.getExpression();
    else if (Node.isSatisfiesExpression(inner) || Node.isAsExpression(inner) || Node.isNonNullExpression(inner) || Node.isTypeAssertion(inner)) {
      checks.push(inner);
      inner = inner.getExpression();
    } else return { inner, checks };
  }
}

/** How a check unwrapped by {@link unwrap} reads: `satisfies T`, `as T`, `<T>` or `!`. */
export function describeCheck(check: Node): string {
  if (Node.isSatisfiesExpression(check)) return `satisfies ${check.getTypeNodeOrThrow().getText()}`;
  if (Node.isAsExpression(check)) return `as ${check.getTypeNodeOrThrow().getText()}`;
  if (Node.isTypeAssertion(check)) return `<${check.getTypeNodeOrThrow().getText()}>`;
  return '!';
}

/** The node holding a property's name, if the property has one the codemods can read. */
function keyNode(property: ObjectLiteralElementLike): Node | undefined {
  if (Node.isPropertyAssignment(property) || Node.isShorthandPropertyAssignment(property)) return property.getNameNode();
  return undefined;
}

/** A string literal a key is written with: `'cores'`, `"cores"`, `` `cores` ``, or the one inside `["cores"]`. */
function keyLiteral(key: Node): Node | undefined {
  const literal = Node.isComputedPropertyName(key) ? key.getExpression() : key;
  return Node.isStringLiteral(literal) || Node.isNoSubstitutionTemplateLiteral(literal) ? literal : undefined;
}

/**
 * The name a property has at run time (`cores` for `cores`, `"cores"`, `['cores']`, shorthand `cores`);
 * undefined for spreads, methods, accessors and names computed from anything but a literal.
 */
export function staticKey(property: ObjectLiteralElementLike): string | undefined {
  if (Node.isMethodDeclaration(property) || Node.isGetAccessorDeclaration(property) || Node.isSetAccessorDeclaration(property)) return undefined;
  const key = keyNode(property);
  if (!key) return undefined;
  const literal = keyLiteral(key);
  if (literal) return (literal as Node & { getLiteralValue(): string }).getLiteralValue();
  return Node.isIdentifier(key) || Node.isNumericLiteral(key) ? key.getText() : undefined;
}

/**
 * The edit that renames a property's key, written the way it was: bare, quoted with the same quote, inside
 * the same brackets; a shorthand property keeps its value (`{ cores }` → `{ vcpus: cores }`).
 */
export function keyRename(property: ObjectLiteralElementLike, to: string): { start: number; end: number; text: string } {
  const key = keyNode(property);
  if (!key) throw new Error(`${property.getKindName()} has no key to rename.`);
  if (Node.isShorthandPropertyAssignment(property)) return { start: key.getStart(), end: key.getEnd(), text: `${to}: ${key.getText()}` };
  const literal = keyLiteral(key);
  if (literal) {
    const quote = literal.getText()[0]!;
    return { start: literal.getStart(), end: literal.getEnd(), text: `${quote}${to}${quote}` };
  }
  return { start: key.getStart(), end: key.getEnd(), text: to };
}

/** The text of a property with its key renamed. */
export function renamedText(property: ObjectLiteralElementLike, to: string): string {
  const { start, end, text } = keyRename(property, to);
  const full = property.getSourceFile().getFullText();
  return full.slice(property.getStart(), start) + text + full.slice(end, property.getEnd());
}

/** One property of an object literal with the trivia that belongs to it. */
export interface Segment {
  property: ObjectLiteralElementLike;
  /** Whitespace and comments between the previous comma (or the brace) and the property. */
  lead: string;
  /** The property, from its first token to its last. */
  text: string;
  /** Comments on the same line after the property and its comma. */
  trail: string;
}

export interface ObjectLayout {
  segments: Segment[];
  /** Whitespace and comments between the last property and the closing brace. */
  close: string;
  /** Whether the last property is followed by a comma. */
  trailingComma: boolean;
}

/** Cuts an object literal into its properties, each with its own comments. */
export function objectLayout(object: ObjectLiteralExpression): ObjectLayout {
  const text = object.getSourceFile().getFullText();
  // ts-morph adds a node per comment line; the comments are read as trivia here, with the property they lead.
  const children = object.getChildSyntaxListOrThrow().getChildren().filter((child) => !Node.isCommentNode(child));
  const segments: Segment[] = [];
  let cursor = object.getStart() + 1;
  let trailingComma = false;
  for (const [i, child] of children.entries()) {
    if (child.getKind() === ts.SyntaxKind.CommaToken) continue;
    const property = child as ObjectLiteralElementLike;
    const comma = children[i + 1]?.getKind() === ts.SyntaxKind.CommaToken ? children[i + 1] : undefined;
    const after = comma ? comma.getEnd() : property.getEnd();
    const trailing = ts.getTrailingCommentRanges(text, after) ?? [];
    const end = trailing.at(-1)?.end ?? after;
    segments.push({
      property,
      lead: text.slice(cursor, property.getStart()),
      text: text.slice(property.getStart(), comma ? comma.getStart() : property.getEnd()).trimEnd(),
      trail: text.slice(after, end),
    });
    cursor = end;
    trailingComma = comma !== undefined;
  }
  return { segments, close: text.slice(cursor, object.getEnd() - 1), trailingComma };
}

const endsInLineComment = (text: string) => /\/\/[^\n]*$/.test(text);

/**
 * An object literal of `segments` laid out as the original was: each keeps its comments, commas follow the
 * original's trailing-comma style, and `close` ends it.
 */
export function printObject(segments: readonly Pick<Segment, 'lead' | 'text' | 'trail'>[], trailingComma: boolean, close: string): string {
  let out = '{';
  segments.forEach((segment, i) => {
    const next = i + 1 < segments.length ? segments[i + 1]!.lead : close;
    out += segment.lead + segment.text + (i + 1 < segments.length || trailingComma ? ',' : '') + segment.trail;
    // A line comment must end its line before what follows it.
    if (endsInLineComment(segment.trail) && !/^\r?\n/.test(next)) out += '\n';
  });
  return `${out}${close}}`;
}

/** `close` without its comments: the line break and indentation before the brace, or the space. */
export function withoutComments(close: string): string {
  const lineBreak = close.lastIndexOf('\n');
  return lineBreak >= 0 ? `\n${close.slice(lineBreak + 1)}` : /^[ \t]*/.exec(close)![0];
}

/** The comments in `[start, end)` of a file's text, as written. */
export function commentsIn(text: string, start: number, end: number): string[] {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, ts.LanguageVariant.Standard, text, undefined, start, end - start);
  const comments: string[] = [];
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    if (kind === ts.SyntaxKind.SingleLineCommentTrivia || kind === ts.SyntaxKind.MultiLineCommentTrivia) comments.push(scanner.getTokenText());
  }
  return comments;
}
