/** Helpers codemods share: finding what a file imports from `@ai-factory/shared` and where it is used. */
import { Node, SyntaxKind, type CallExpression, type ImportSpecifier, type SourceFile } from 'ts-morph';
import { SHARED_PACKAGE } from './codemod.js';

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

/** Calls of the builder imported as `name` (under whatever local name). */
export function builderCalls(file: SourceFile, name: string): CallExpression[] {
  const specifier = sharedSpecifier(file, name);
  if (!specifier) return [];
  const local = localName(specifier);
  return file.getDescendantsOfKind(SyntaxKind.CallExpression).filter((call) => call.getExpression().getText() === local);
}

/**
 * Replaces the imported name `from` with `to` (or with several names, in place). Without an alias, every
 * use of the old local name is renamed too. Returns false when the file does not import `from`.
 */
export function replaceImport(file: SourceFile, from: string, to: readonly string[]): boolean {
  const specifier = sharedSpecifier(file, from);
  if (!specifier) return false;
  const declaration = specifier.getImportDeclaration();
  const existing = new Set(declaration.getNamedImports().map((named) => named.getName()));
  const aliased = specifier.getAliasNode() !== undefined;
  if (!aliased && to.length === 1) {
    // Analyse first: collect every use of the old name, then rewrite them.
    const uses = file
      .getDescendantsOfKind(SyntaxKind.Identifier)
      .filter((id) => id.getText() === from && !Node.isPropertyAssignment(id.getParent()) && !Node.isImportSpecifier(id.getParent()));
    for (const use of uses) use.replaceWithText(to[0]!);
  }
  const index = declaration.getNamedImports().indexOf(specifier);
  const added = to.filter((name) => !existing.has(name));
  if (aliased && to.length === 1) {
    specifier.setName(to[0]!);
    return true;
  }
  specifier.remove();
  declaration.insertNamedImports(index, added);
  return true;
}
