/**
 * Runs codemods over a project's TypeScript. Only files that import `@ai-factory/shared` are loaded, into
 * an in-memory ts-morph project with no lib files and no dependency resolution: codemods work on syntax,
 * so nothing is type-checked. A {@link CodemodRunner} keeps one ts-morph project for many repositories.
 */
import { Project } from 'ts-morph';
import { SHARED_PACKAGE, type Codemod } from './codemod.js';

export interface SourceText {
  path: string;
  text: string;
}

export interface CodemodResult {
  /** The files that changed, with their new text. */
  changed: SourceText[];
  /** Each codemod that changed something, with the files it changed. */
  applied: { codemod: string; files: string[] }[];
}

const IMPORTS_SHARED = new RegExp(`from\\s+['"]${SHARED_PACKAGE.replace('/', '\\/')}['"]`);

/** True when a file's text imports the shared package: the cheap test before anything is parsed. */
export function importsShared(text: string): boolean {
  return IMPORTS_SHARED.test(text);
}

export class CodemodRunner {
  readonly #project = new Project({
    useInMemoryFileSystem: true,
    skipAddingFilesFromTsConfig: true,
    skipFileDependencyResolution: true,
    skipLoadingLibFiles: true,
    compilerOptions: { noLib: true, allowJs: true },
  });

  /** Applies the codemods in order to the files that import the shared package. */
  run(files: readonly SourceText[], codemods: readonly Codemod[]): CodemodResult {
    const sources = files
      .filter((file) => importsShared(file.text))
      .map((file) => ({ original: file.text, source: this.#project.createSourceFile(`/${file.path}`, file.text, { overwrite: true }) }));
    try {
      const applied = codemods
        .map((codemod) => ({ codemod: codemod.name, files: sources.filter(({ source }) => codemod.transform(source)).map(({ source }) => source.getFilePath().slice(1)) }))
        .filter((entry) => entry.files.length > 0);
      const changed = sources
        .map(({ original, source }) => ({ path: source.getFilePath().slice(1), text: source.getFullText(), original }))
        .filter((file) => file.text !== file.original)
        .map(({ path, text }) => ({ path, text }));
      return { changed, applied };
    } finally {
      // Forget the files, so one runner can serve a whole fleet without growing.
      for (const { source } of sources) this.#project.removeSourceFile(source);
    }
  }
}
