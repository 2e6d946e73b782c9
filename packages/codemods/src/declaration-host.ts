/**
 * The compiler host of the type-check: a project's files come from memory, the compiler's lib files from
 * the ones ts-morph ships in memory, the shared package's declarations (and what they import) from disk;
 * lib and disk files are parsed once and kept, so that a fleet of repositories parses them once, not once
 * per repository.
 */
import { getLibFiles, libFolderInMemoryPath } from '@ts-morph/common';
import { ts } from 'ts-morph';

/** The lib files by path, read on first use: the compiler is loaded by ts-morph without them on disk. */
let libFiles: Map<string, string> | undefined;
const lib = () => (libFiles ??= new Map(getLibFiles().map(({ fileName, text }) => [`${libFolderInMemoryPath}/${fileName}`, text])));

export class DeclarationHost {
  readonly #parsed = new Map<string, ts.SourceFile | undefined>();
  readonly #exists = new Map<string, boolean>();
  readonly #directories = new Map<string, boolean>();

  /**
   * A host that answers `project` (absolute path → text, all under `root`) from memory and never looks on
   * disk below `root`.
   */
  withProject(project: ReadonlyMap<string, string>, root: string): ts.CompilerHost {
    const inProject = (path: string) => path === root || path.startsWith(`${root}/`);
    const folders = new Set([...project.keys()].flatMap((path) => ancestors(path, root)));
    const memory = (path: string) => project.get(path) ?? lib().get(path);
    return {
      getSourceFile: (fileName, languageVersion) => {
        const text = project.get(fileName);
        if (text !== undefined) return ts.createSourceFile(fileName, text, languageVersion, true);
        return inProject(fileName) ? undefined : this.#declaration(fileName, languageVersion);
      },
      fileExists: (path) => memory(path) !== undefined || (!inProject(path) && this.#memo(this.#exists, path, (file) => ts.sys.fileExists(file))),
      readFile: (path) => memory(path) ?? (inProject(path) ? undefined : ts.sys.readFile(path)),
      directoryExists: (path) => folders.has(path) || (!inProject(path) && this.#memo(this.#directories, path, (folder) => ts.sys.directoryExists(folder))),
      getDefaultLibFileName: (options) => `${libFolderInMemoryPath}/${ts.getDefaultLibFileName(options)}`,
      getCurrentDirectory: () => root,
      getCanonicalFileName: (path) => path,
      useCaseSensitiveFileNames: () => true,
      getNewLine: () => '\n',
      writeFile: () => undefined,
    };
  }

  /** A lib file or a file from disk, parsed once per language version and module format. */
  #declaration(fileName: string, languageVersion: ts.ScriptTarget | ts.CreateSourceFileOptions): ts.SourceFile | undefined {
    const options = typeof languageVersion === 'object' ? languageVersion : { languageVersion };
    const key = `${fileName}\0${options.languageVersion}\0${options.impliedNodeFormat ?? ''}`;
    if (!this.#parsed.has(key)) {
      const text = lib().get(fileName) ?? ts.sys.readFile(fileName);
      this.#parsed.set(key, text === undefined ? undefined : ts.createSourceFile(fileName, text, languageVersion, true));
    }
    return this.#parsed.get(key);
  }

  #memo(cache: Map<string, boolean>, path: string, ask: (path: string) => boolean): boolean {
    let answer = cache.get(path);
    if (answer === undefined) cache.set(path, (answer = ask(path)));
    return answer;
  }
}

/** The folders between `root` and a file in it, `root` included. */
function ancestors(path: string, root: string): string[] {
  const folders = [root];
  for (let slash = path.indexOf('/', root.length + 1); slash > 0; slash = path.indexOf('/', slash + 1)) folders.push(path.slice(0, slash));
  return folders;
}
