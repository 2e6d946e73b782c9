/** The upgraded project's TypeScript, type-checked against the new @ai-factory/shared before anything is written. */
import type { TypeChecker } from '@ai-factory/codemods';
import type { FileMap } from '../git/trees.js';
import { typescriptFiles } from './migrate.js';
import { UpgradeError } from './report.js';

export function typeCheck(checker: TypeChecker, files: FileMap, links: ReadonlySet<string>, sharedVersion: string): void {
  const sources = typescriptFiles(files, links).map(({ path, text }) => ({ path, text }));
  const diagnostics = checker.check(sources, files.get('tsconfig.json')?.toString('utf8'));
  if (diagnostics.length === 0) return;
  const [first] = diagnostics;
  throw new UpgradeError(
    'type-check',
    `After the codemods, the project's TypeScript does not type-check against @ai-factory/shared ${sharedVersion}; fix it by hand, commit, then run the upgrade again:\n` +
      diagnostics.map((d) => `${d.path}:${d.line}:${d.column}: TS${d.code}: ${d.message}`).join('\n'),
    { file: first!.path, line: first!.line, column: first!.column },
  );
}
