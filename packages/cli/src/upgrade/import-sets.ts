/**
 * The named imports of a TypeScript file, merged as sets before its lines are. A new factory version that
 * imports one more helper rewrites the whole import line (`import { …, gate } from '@ai-factory/shared'`);
 * a team that added a line next to it, a comment above it or a second import below it would conflict with
 * that rewrite although neither side disputes anything. Where each version's first import of a module is a
 * plain named import, all three get the merged declaration, in the team's layout, and the line merge
 * sees no change there. Anything it does not recognise is left to the line merge.
 */
interface NamedImport {
  start: number;
  end: number;
  text: string;
  /** The specifiers as written, e.g. `cpu`, `type CpuOptions`, `cpu as compute`. */
  names: string[];
  multiline: boolean;
  /** Indentation of the specifiers in a multi-line declaration. */
  indent: string;
  head: string;
  tail: string;
}

// `import { a, type B, c as d } from 'module';`, on one line or several, nothing else on its lines.
const NAMED_IMPORT = /^(import\s+(?:type\s+)?\{)([^{}]*)(\}\s*from\s*(['"])([^'"\n]+)\4;?)[ \t]*$/gm;
const SPECIFIER = /^(?:type\s+)?[A-Za-z_$][\w$]*(?:\s+as\s+[A-Za-z_$][\w$]*)?$/;

/** The first plain named import of each module in `text`. */
function namedImports(text: string): Map<string, NamedImport> {
  const found = new Map<string, NamedImport>();
  for (const match of text.matchAll(NAMED_IMPORT)) {
    const [whole, head, list, tail, , module] = match as unknown as [string, string, string, string, string, string];
    const key = `${head.includes('type') ? 'type ' : ''}${module}`;
    const names = list.split(',').map((name) => name.trim()).filter(Boolean);
    if (found.has(key) || !names.every((name) => SPECIFIER.test(name))) continue;
    found.set(key, {
      start: match.index,
      end: match.index + whole.length,
      text: whole,
      names,
      multiline: list.includes('\n'),
      indent: /\n([ \t]*)\S/.exec(list)?.[1] ?? '  ',
      head,
      tail,
    });
  }
  return found;
}

function render(declaration: NamedImport, names: readonly string[]): string {
  return declaration.multiline
    ? `${declaration.head}\n${names.map((name) => `${declaration.indent}${name},\n`).join('')}${declaration.tail}`
    : `${declaration.head} ${names.join(', ')} ${declaration.tail}`;
}

/** The team's names, less those the new version dropped, plus those it added. */
function mergedNames(base: readonly string[], ours: readonly string[], theirs: readonly string[]): string[] {
  const dropped = base.filter((name) => !theirs.includes(name));
  const added = theirs.filter((name) => !base.includes(name) && !ours.includes(name));
  return [...ours.filter((name) => !dropped.includes(name)), ...added];
}

function replaceAll(text: string, declarations: Map<string, NamedImport>, merged: Map<string, string>): string {
  const edits = [...merged].map(([key, replacement]) => ({ ...declarations.get(key)!, replacement })).sort((a, b) => b.start - a.start);
  return edits.reduce((result, edit) => result.slice(0, edit.start) + edit.replacement + result.slice(edit.end), text);
}

export interface Versions {
  base: string;
  ours: string;
  theirs: string;
}

/** The three versions with each module's named imports merged into all of them; unchanged when none apply. */
export function mergeImportSets(versions: Versions): Versions {
  const parsed = { base: namedImports(versions.base), ours: namedImports(versions.ours), theirs: namedImports(versions.theirs) };
  const merged = new Map<string, string>();
  for (const [key, ours] of parsed.ours) {
    const base = parsed.base.get(key);
    const theirs = parsed.theirs.get(key);
    if (!base || !theirs) continue;
    // Nothing to reconcile when the new version imports what the previous one did.
    if (base.text === theirs.text) continue;
    // A declaration the team left alone becomes the new version's, byte for byte.
    if (ours.text === base.text) {
      merged.set(key, theirs.text);
      continue;
    }
    const names = mergedNames(base.names, ours.names, theirs.names);
    if (names.length > 0) merged.set(key, render(ours, names));
  }
  if (merged.size === 0) return versions;
  return {
    base: replaceAll(versions.base, parsed.base, merged),
    ours: replaceAll(versions.ours, parsed.ours, merged),
    theirs: replaceAll(versions.theirs, parsed.theirs, merged),
  };
}
