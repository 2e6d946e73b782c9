/**
 * A project module as CommonJS, by the compiler the codemods already load: evaluating a config needs no
 * Babel (see `evaluateConfig`'s `transpile` in @ai-factory/shared).
 */
import { ts } from 'ts-morph';

const OPTIONS: ts.CompilerOptions = { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true };

/**
 * The module's text (TypeScript or JavaScript) transpiled to CommonJS, types erased, nothing checked.
 * @example transpileToCommonJs("export default 1 as number;", 'a.ts') // '..."use strict"...exports.default = 1;...'
 */
export function transpileToCommonJs(source: string, filename: string): string {
  return ts.transpileModule(source, { fileName: filename, compilerOptions: OPTIONS, reportDiagnostics: false }).outputText;
}
