/**
 * Runs codemods over a project's TypeScript in a {@link Tree}, writing what they change back into it, so
 * `tree.changes()` is what the codemods did. Only files that import `@ai-factory/shared` are loaded, into
 * an in-memory ts-morph project with no lib files and no dependency resolution: codemods work on syntax,
 * so nothing is type-checked here (see `TypeChecker`). A {@link CodemodRunner} keeps one ts-morph project
 * for many repositories.
 */
import type { Tree } from '@ai-factory/tree';
import { Project } from 'ts-morph';
import { SHARED_PACKAGE, type Codemod } from './codemod.js';
import { CodemodProblem, type Problem } from './problem.js';
import { encodeSource, typescriptSources, type Source } from './sources.js';

export interface CodemodResult {
  /** Each codemod that changed something, with the files it changed. */
  applied: { codemod: string; files: string[] }[];
  /** What the codemods could not migrate: the upgrade stops on any. */
  problems: Problem[];
}

const PACKAGE = SHARED_PACKAGE.replace('/', '\\/');
const STATIC_IMPORT = new RegExp(`from\\s+['"]${PACKAGE}['"]`);
/** `import('@ai-factory/shared')` and `require('@ai-factory/shared')`: what they use is out of a codemod's sight. */
const DYNAMIC_IMPORT = `\\b(?:import|require)\\s*\\(\\s*['"]${PACKAGE}['"]\\s*\\)`;
const BOM = '\uFEFF';

/** True when a file's text imports the shared package (statically or not): the cheap test before anything is parsed. */
export function importsShared(text: string): boolean {
  return STATIC_IMPORT.test(text) || new RegExp(DYNAMIC_IMPORT).test(text);
}

/** Where a 1-based line and column are in a text. */
function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before.at(-1)!.length + 1 };
}

export class CodemodRunner {
  readonly #project = new Project({
    useInMemoryFileSystem: true,
    skipAddingFilesFromTsConfig: true,
    skipFileDependencyResolution: true,
    skipLoadingLibFiles: true,
    compilerOptions: { noLib: true, allowJs: true },
  });

  /**
   * Applies the codemods in order to the tree's TypeScript files that import the shared package, and writes
   * the files they changed back into `tree`, each in its own encoding. A codemod that meets what it cannot
   * migrate reports a problem; then nothing is written at all, so nothing is half-migrated. A byte order
   * mark stays where it was.
   */
  run(tree: Tree, codemods: readonly Codemod[]): CodemodResult {
    const candidates = typescriptSources(tree).filter((file) => importsShared(file.text));
    const problems: Problem[] = codemods.length === 0 ? [] : candidates.flatMap(dynamicImports);
    const sources = candidates.map((file) => {
      const bom = file.text.startsWith(BOM);
      const text = bom ? file.text.slice(1) : file.text;
      return { file, path: file.path, bom, original: text, source: this.#project.createSourceFile(`/${file.path}`, text, { overwrite: true }) };
    });
    try {
      const applied = codemods
        .map((codemod) => ({ codemod: codemod.name, files: sources.filter((file) => this.#transform(codemod, file, problems)).map((file) => file.path) }))
        .filter((entry) => entry.files.length > 0);
      const changed = sources.flatMap(({ file, bom, original, source }) => {
        const text = source.getFullText();
        if (text === original) return [];
        const content = encodeSource(file, bom ? BOM + text : text);
        if (!content) problems.push(unencodable(file));
        return content ? [{ path: file.path, content }] : [];
      });
      if (problems.length > 0) return { applied: [], problems };
      for (const { path, content } of changed) tree.write(path, content);
      return { applied, problems };
    } finally {
      // Forget the files, so one runner can serve a whole fleet without growing.
      for (const { source } of sources) this.#project.removeSourceFile(source);
    }
  }

  #transform(codemod: Codemod, file: { path: string; source: ReturnType<Project['createSourceFile']> }, problems: Problem[]): boolean {
    try {
      return codemod.transform(file.source);
    } catch (error) {
      if (!(error instanceof CodemodProblem)) throw error;
      const { line, column } = file.source.getLineAndColumnAtPos(error.node.getStart());
      problems.push({ path: file.path, line, column, codemod: codemod.name, message: error.message });
      return false;
    }
  }
}

function unencodable(file: Source): Problem {
  return {
    path: file.path,
    line: 1,
    column: 1,
    message: 'the file is not UTF-8, and the codemods would write characters its encoding cannot hold: convert it to UTF-8, then run the upgrade again',
  };
}

function dynamicImports(file: Source): Problem[] {
  return [...file.text.matchAll(new RegExp(DYNAMIC_IMPORT, 'g'))].map((match) => ({
    path: file.path,
    ...position(file.text, match.index),
    message: `${match[0]}: the codemods cannot see what a dynamic import of ${SHARED_PACKAGE} uses; import it statically, then run the upgrade again`,
  }));
}
