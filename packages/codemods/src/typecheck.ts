/**
 * Type-checks a project's TypeScript against a version of `@ai-factory/shared` before an upgrade writes
 * anything: what the codemods did not migrate (or migrated wrong) shows up as a compiler error at its
 * file:line. The project's files live in memory; the shared package's declarations are read from disk.
 * One {@link TypeChecker} keeps the compiler's lib and package declarations parsed across repositories.
 */
import type { Tree } from '@ai-factory/tree';
import { Project, ts, type SourceFile } from 'ts-morph';
import { SHARED_PACKAGE } from './codemod.js';
import { importsShared } from './run.js';
import { typescriptSources } from './sources.js';

export interface Diagnostic {
  path: string;
  line: number;
  column: number;
  /** The compiler's error code, e.g. 2353 for an unknown property. */
  code: number;
  message: string;
}

/** Where the project's files are placed: a folder nothing on disk is resolved from. */
const ROOT = '/ai-factory-upgrade/project';

/**
 * Errors that say the checker lacks the project's other dependencies (which an upgrade does not install),
 * not that the project misuses the shared package: a module or type definitions it cannot find.
 */
const MISSING_DEPENDENCY = new Set([2307, 2792, 7016, 2580, 2591, 2592, 2593, 2688]);
const isMissingDependency = (code: number, message: string) => MISSING_DEPENDENCY.has(code) && !message.includes(`'${SHARED_PACKAGE}'`);

/** The project's compiler options, with module resolution as the config evaluator has it and the shared package pinned. */
function compilerOptions(tsconfig: string | undefined, sharedTypes: string): ts.CompilerOptions {
  const raw = tsconfig ? (ts.parseConfigFileTextToJson('tsconfig.json', tsconfig).config as { compilerOptions?: object } | undefined) : undefined;
  const { options } = ts.convertCompilerOptionsFromJson(raw?.compilerOptions ?? { strict: true, target: 'ES2022' }, ROOT);
  return {
    ...options,
    noEmit: true,
    skipLibCheck: true,
    types: [],
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    allowImportingTsExtensions: true,
    resolveJsonModule: true,
    paths: { [SHARED_PACKAGE]: [sharedTypes] },
  };
}

export class TypeChecker {
  readonly #project = new Project({ skipAddingFilesFromTsConfig: true, skipFileDependencyResolution: true });
  #options = '';

  /** @param sharedTypes the declaration file `@ai-factory/shared` resolves to, e.g. its `dist/index.d.ts` */
  constructor(readonly sharedTypes: string) {}

  /**
   * The compiler's errors in the tree's files that import the shared package and in the project files they
   * import. The strictness and target of the tree's tsconfig.json apply.
   * @example checker.check(tree) // [] when it type-checks
   */
  check(tree: Tree): Diagnostic[] {
    const options = compilerOptions(tree.read('tsconfig.json', 'utf8'), this.sharedTypes);
    const key = JSON.stringify(options);
    if (key !== this.#options) {
      this.#project.compilerOptions.set(options);
      this.#options = key;
    }
    const sources = typescriptSources(tree).map((file) => ({ file, source: this.#project.createSourceFile(`${ROOT}/${file.path}`, file.text, { overwrite: true }) }));
    try {
      const checked = reachable(sources.filter(({ file }) => importsShared(file.text)).map(({ source }) => source));
      const program = this.#project.getProgram().compilerObject;
      return checked.flatMap((source) => {
        const compiled = program.getSourceFile(source.getFilePath())!;
        return [...program.getSyntacticDiagnostics(compiled), ...program.getSemanticDiagnostics(compiled)].flatMap((diagnostic) => {
          const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
          if (diagnostic.category !== ts.DiagnosticCategory.Error || isMissingDependency(diagnostic.code, message)) return [];
          const { line, column } = source.getLineAndColumnAtPos(diagnostic.start ?? 0);
          return [{ path: source.getFilePath().slice(ROOT.length + 1), line, column, code: diagnostic.code, message }];
        });
      });
    } finally {
      for (const { source } of sources) this.#project.removeSourceFile(source);
    }
  }
}

/** The files and every project file they import, transitively. */
function reachable(roots: SourceFile[]): SourceFile[] {
  const seen = new Set<SourceFile>();
  const visit = (file: SourceFile) => {
    if (seen.has(file) || !file.getFilePath().startsWith(`${ROOT}/`)) return;
    seen.add(file);
    for (const declaration of [...file.getImportDeclarations(), ...file.getExportDeclarations()]) {
      const target = declaration.getModuleSpecifierSourceFile();
      if (target) visit(target);
    }
  };
  roots.forEach(visit);
  return [...seen];
}
