/**
 * Type-checks a project's TypeScript against a version of `@ai-factory/shared` before an upgrade writes
 * anything: what the codemods did not migrate (or migrated wrong) shows up as a compiler error at its
 * file:line. The project's files live in memory; the shared package's declarations are read from disk.
 * One {@link TypeChecker} keeps the compiler's lib and package declarations parsed across repositories, and
 * hands each check the previous program to reuse.
 */
import type { Tree } from '@ai-factory/tree';
import { ts } from 'ts-morph';
import { SHARED_PACKAGE } from './codemod.js';
import { DeclarationHost } from './declaration-host.js';
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
  readonly #host = new DeclarationHost();
  /** The previous check's program: the compiler reuses what did not change (lib files, the shared package). */
  #program: ts.Program | undefined;

  /** @param sharedTypes the declaration file `@ai-factory/shared` resolves to, e.g. its `dist/index.d.ts` */
  constructor(readonly sharedTypes: string) {}

  /**
   * The compiler's errors in the tree's files that import the shared package and in the project files they
   * import. The strictness and target of the tree's tsconfig.json apply.
   * @example checker.check(tree) // [] when it type-checks
   */
  check(tree: Tree): Diagnostic[] {
    const options = compilerOptions(tree.read('tsconfig.json', 'utf8'), this.sharedTypes);
    const project = new Map(typescriptSources(tree).map((file) => [`${ROOT}/${file.path}`, file.text]));
    const host = this.#host.withProject(project, ROOT);
    const program = ts.createProgram({ rootNames: [...project.keys()], options, host, oldProgram: this.#program });
    this.#program = program;
    const roots = [...project].filter(([, text]) => importsShared(text)).map(([path]) => program.getSourceFile(path)!);
    return reachable(roots, program, host).flatMap((source) =>
      [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)].flatMap((diagnostic) => {
        const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
        if (diagnostic.category !== ts.DiagnosticCategory.Error || isMissingDependency(diagnostic.code, message)) return [];
        const { line, character } = source.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
        return [{ path: source.fileName.slice(ROOT.length + 1), line: line + 1, column: character + 1, code: diagnostic.code, message }];
      }),
    );
  }
}

/** The files and every project file their import and export declarations name, transitively. */
function reachable(roots: ts.SourceFile[], program: ts.Program, host: ts.CompilerHost): ts.SourceFile[] {
  const seen = new Set<ts.SourceFile>();
  const visit = (file: ts.SourceFile | undefined) => {
    if (!file || seen.has(file) || !file.fileName.startsWith(`${ROOT}/`)) return;
    seen.add(file);
    for (const statement of file.statements) {
      if (!(ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) || !statement.moduleSpecifier || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
      const { resolvedModule } = ts.resolveModuleName(statement.moduleSpecifier.text, file.fileName, program.getCompilerOptions(), host);
      if (resolvedModule) visit(program.getSourceFile(resolvedModule.resolvedFileName));
    }
  };
  roots.forEach(visit);
  return [...seen];
}
