/**
 * Helpers codemods share: what a file imports from `@ai-factory/shared` (named, aliased or as a
 * namespace), where each builder is called, and where it is used in ways a codemod cannot follow.
 */
import { Node, type CallExpression, type Identifier, type ImportSpecifier, type SourceFile } from 'ts-morph';
import { SHARED_PACKAGE } from './codemod.js';
import { CodemodProblem } from './problem.js';
import type { TextEdits } from './text-edits.js';

const sharedImports = (file: SourceFile) => file.getImportDeclarations().filter((declaration) => declaration.getModuleSpecifierValue() === SHARED_PACKAGE);

/** The named imports of `name` from the shared package: a file may import it twice, under two names. */
export function sharedSpecifiers(file: SourceFile, name: string): ImportSpecifier[] {
  return sharedImports(file)
    .flatMap((declaration) => declaration.getNamedImports())
    .filter((specifier) => specifier.getName() === name);
}

/** The local names of `import * as x from '@ai-factory/shared'`. */
const namespaceNames = (file: SourceFile) => sharedImports(file).flatMap((declaration) => declaration.getNamespaceImport()?.getText() ?? []);

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

/** Whether `id` refers to a binding (not a property, member or import name written with the same text). */
function isReference(id: Identifier): boolean {
  const parent = id.getParent();
  if (Node.isImportSpecifier(parent) || Node.isNamespaceImport(parent)) return false;
  // A label (`monitoring:` as a statement) names no binding.
  if ((Node.isLabeledStatement(parent) || Node.isBreakStatement(parent) || Node.isContinueStatement(parent)) && parent.getLabel() === id) return false;
  if ((Node.isPropertyAssignment(parent) || Node.isPropertyAccessExpression(parent) || Node.isPropertySignature(parent) || Node.isMethodDeclaration(parent)) && parent.getNameNode() === id) return false;
  return true;
}

const isCallee = (node: Node) => {
  const call = node.getParent();
  return Node.isCallExpression(call) && call.getExpression() === node;
};

export interface BuilderUses {
  /** `cpu(...)`, `alias(...)`, `shared.cpu(...)`. */
  calls: CallExpression[];
  /** The builder used without being called: `const make = cpu`, `{ cpu }`, `shared.cpu`. A rename can follow these. */
  references: Node[];
  /** Uses nothing in this file can follow: re-exports, and the namespace passed around or indexed. */
  escapes: Node[];
}

/** Where the builder the shared package exports as `name` is used in a file. */
export function builderUses(file: SourceFile, name: string): BuilderUses {
  const uses: BuilderUses = { calls: [], references: [], escapes: [] };
  const locals = new Set(sharedSpecifiers(file, name).map(localName));
  for (const id of [...locals].flatMap((local) => identifiersNamed(file, local).filter(isReference))) {
    if (isCallee(id)) uses.calls.push(id.getParentOrThrow() as CallExpression);
    else if (Node.isExportSpecifier(id.getParent())) uses.escapes.push(id);
    else uses.references.push(id);
  }
  for (const namespace of namespaceNames(file)) {
    for (const id of identifiersNamed(file, namespace).filter(isReference)) {
      const access = id.getParent();
      // `shared.CpuOptions` in a type names a type, never a builder.
      if (Node.isQualifiedName(access) && access.getLeft() === id) continue;
      if (!Node.isPropertyAccessExpression(access) || access.getExpression() !== id) uses.escapes.push(id);
      else if (access.getName() !== name) continue;
      else if (isCallee(access)) uses.calls.push(access.getParentOrThrow() as CallExpression);
      else uses.references.push(access);
    }
  }
  for (const declaration of file.getExportDeclarations().filter((d) => d.getModuleSpecifierValue() === SHARED_PACKAGE)) {
    if (!declaration.hasNamedExports()) uses.escapes.push(declaration);
    else uses.escapes.push(...declaration.getNamedExports().filter((exported) => exported.getName() === name));
  }
  return uses;
}

/** Fails on the first of `nodes`, saying why the codemod cannot follow it and what to do by hand. */
export function refuse(nodes: readonly Node[], name: string, handFix: string): void {
  const node = nodes[0];
  if (!node) return;
  const isExport = Node.isExportDeclaration(node) || Node.isExportSpecifier(node) || Node.isExportSpecifier(node.getParent());
  const what = isExport ? `re-exports ${name}, so the files that import it from here are out of sight` : `uses ${name} without calling it (${node.getText()})`;
  throw new CodemodProblem(node, `this ${what}; ${handFix}`);
}

/**
 * Replaces the imported name `from` with `to` (several names in place, or none to drop it), as edits.
 * Without an alias, every reference to the old local name is renamed too, and so is every
 * `namespace.from`, except inside ranges `edits` already rewrites. Nothing when the file does not import
 * `from`.
 */
export function replaceImport(file: SourceFile, from: string, to: readonly string[], edits: TextEdits): void {
  if (to.length === 1) {
    for (const namespace of namespaceNames(file)) {
      for (const id of identifiersNamed(file, namespace)) {
        const access = id.getParent();
        if (Node.isPropertyAccessExpression(access) && access.getExpression() === id && access.getName() === from && !edits.covers(access)) edits.replace(access.getNameNode(), to[0]!);
      }
    }
  }
  for (const specifier of sharedSpecifiers(file, from)) replaceSpecifier(file, specifier, to, edits);
}

function replaceSpecifier(file: SourceFile, specifier: ImportSpecifier, to: readonly string[], edits: TextEdits): void {
  const from = specifier.getName();
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
  // Every new name is imported already (or there is none): drop this specifier with one of its commas.
  const index = named.indexOf(specifier);
  const [previous, next] = [named[index - 1], named[index + 1]];
  if (next) edits.replaceRange(specifier.getStart(), next.getStart(), '');
  else if (previous) edits.replaceRange(previous.getEnd(), specifier.getEnd(), '');
  else edits.replace(specifier, '');
}
