/**
 * Text edits a codemod collects while it analyses a file, applied in one go at the end. ts-morph
 * re-parses the whole file on every manipulation (`replaceWithText`, `remove`, `insertNamedImports`...);
 * a codemod making five edits re-parsed it five times, which made codemods most of an upgrade's cost.
 */
import type { Node, SourceFile } from 'ts-morph';

interface Edit {
  start: number;
  end: number;
  text: string;
}

/** Whether a text's lines end in CRLF: judged by its first line. */
const usesCrlf = (text: string) => /\r?\n/.exec(text)?.[0] === '\r\n';

export class TextEdits {
  readonly #edits: Edit[] = [];

  /** Replaces a node's text (without its leading trivia). */
  replace(node: Node, text: string): this {
    return this.replaceRange(node.getStart(), node.getEnd(), text);
  }

  /** Replaces `[start, end)` of the file's text. Edits may not overlap. */
  replaceRange(start: number, end: number, text: string): this {
    const clash = this.#edits.find((edit) => start < edit.end && edit.start < end);
    if (clash) throw new Error(`Overlapping codemod edits at ${start}-${end} and ${clash.start}-${clash.end}.`);
    this.#edits.push({ start, end, text });
    return this;
  }

  /** True when `node` lies inside a range already replaced: it is rewritten with it. */
  covers(node: Node): boolean {
    const [start, end] = [node.getStart(), node.getEnd()];
    return this.#edits.some((edit) => edit.start <= start && end <= edit.end);
  }

  /**
   * Applies every edit with one re-parse; returns whether there were any. The file's nodes are forgotten.
   * Line breaks in the new text follow the file's own: a CRLF file gets CRLF lines (text copied from the
   * file keeps the line breaks it had).
   * @example const edits = new TextEdits(); edits.replace(node, 'vcpus'); return edits.apply(file);
   */
  apply(file: SourceFile): boolean {
    if (this.#edits.length === 0) return false;
    const crlf = usesCrlf(file.getFullText());
    file.applyTextChanges(this.#edits.map(({ start, end, text }) => ({ span: { start, length: end - start }, newText: crlf ? text.replace(/(?<!\r)\n/g, '\r\n') : text })));
    return true;
  }
}
