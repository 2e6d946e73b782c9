export { defineCodemod, SHARED_PACKAGE, type Codemod } from './codemod.js';
export { selectCodemods } from './select.js';
export { loadCodemods } from './registry.js';
export { CodemodRunner, importsShared, type CodemodResult } from './run.js';
export { TYPESCRIPT_FILE } from './sources.js';
export { CodemodProblem, formatProblem, type Problem } from './problem.js';
export { TypeChecker, type Diagnostic } from './typecheck.js';
export { transpileToCommonJs } from './transpile.js';
