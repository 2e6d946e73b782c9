/** Helpers codemods share: finding what a file imports from `@ai-factory/shared` and where it is used. */
import { Node, type CallExpression, type Identifier, type ImportSpecifier, type SourceFile } from 'ts-morph';
import { SHARED_PACKAGE } from './codemod.js';
import type { TextEdits } from './text-edits.js';

/** The named import of `name` from the shared package, if the file has one. */
export function sharedSpecifier(file: SourceFile, name: string): ImportSpecifier | undefined {
  return file
    .getImportDeclarations()
    .filter((declaration) => declaration.getModuleSpecifierValue() === SHARED_PACKAGE)
    .flatMap((declaration) => declaration.getNamedImports())
    .find((specifier) => specifier.getName() === name);
}

/** The local name a specifier binds: `b` in `a as b`, else `a`. */
export const localName = (specifier: ImportSpecifier) => specifier.getAliasNode()?.getText() ?? specifier.getName();

/**
 * Every identifier spelled `name`, found by searching the text and asking for the node there: far
 * cheaper than wrapping every node of the file, as `getDescendantsOfKind` does.
 */
export function identifiersNamed(file: SourceFile, name: string): Identifier[] {
  const text = file.getFullText();
  const found: Identifier[] = [];
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length)) {
    const node = file.getDescendantAtPos(at);
    if (Node.isIdentifier(node) && node.getStart() === at && node.getText() === name) found.push(node);
  }
  return found;
}

/** Calls of the builder imported as `name` (under whatever local name). */
export function builderCalls(file: SourceFile, name: string): CallExpression[] {
  const specifier = sharedSpecifier(file, name);
  if (!specifier) return [];
  return identifiersNamed(file, localName(specifier)).flatMap((id) => {
    const call = id.getParent();
    return Node.isCallExpression(call) && call.getExpression().compilerNode === id.compilerNode ? [call] : [];
  });
}

/** Whether `id` refers to a binding (not a property or import name written with the same text). */
function isReference(id: Identifier): boolean {
  const parent = id.getParent();
  if (Node.isImportSpecifier(parent)) return false;
  if ((Node.isPropertyAssignment(parent) || Node.isPropertyAccessExpression(parent) || Node.isPropertySignature(parent) || Node.isMethodDeclaration(parent)) && parent.getNameNode() === id) return false;
  return true;
}

/**
 * Replaces the imported name `from` with `to` (or with several names, in place), as edits. Without an
 * alias, every reference to the old local name is renamed too, except inside ranges `edits` already
 * rewrites. Nothing when the file does not import `from`.
 */
export function replaceImport(file: SourceFile, from: string, to: readonly string[], edits: TextEdits): void {
  const specifier = sharedSpecifier(file, from);
  if (!specifier) return;
  if (specifier.getAliasNode() && to.length === 1) {
    edits.replace(specifier.getNameNode(), to[0]!);
    return;
  }
  if (!specifier.getAliasNode() && to.length === 1) {
    const uses = identifiersNamed(file, from).filter((id) => isReference(id) && !edits.covers(id));
    for (const use of uses) {
      // `{ gpu }` keeps its key: `{ gpu: accelerator }`.
      edits.replace(use, Node.isShorthandPropertyAssignment(use.getParent()) ? `${from}: ${to[0]}` : to[0]!);
    }
  }
  const named = specifier.getImportDeclaration().getNamedImports();
  const added = to.filter((name) => !named.some((other) => other.getName() === name));
  if (added.length > 0) {
    edits.replace(specifier, added.join(', '));
    return;
  }
  // Every new name is imported already: drop this specifier with one of its commas.
  const index = named.indexOf(specifier);
  const next = named[index + 1];
  if (next) edits.replaceRange(specifier.getStart(), next.getStart(), '');
  else edits.replaceRange(named[index - 1]!.getEnd(), specifier.getEnd(), '');
}
