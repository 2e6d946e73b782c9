/** The upgraded project's TypeScript, type-checked against the new @ai-factory/shared before anything is written. */
import type { Diagnostic, TypeChecker } from '@ai-factory/codemods';
import { ContentCache } from './content-cache.js';
import { projectTree, typescriptKey } from './migrate.js';
import { UpgradeError } from './report.js';

/**
 * The checker's answer depends only on the sources, the tsconfig and the shared declarations it checks
 * against: repositories with the same TypeScript (the factory's untouched config) are checked once.
 */
const checked = new ContentCache<readonly Diagnostic[]>();

export function typeCheck(checker: TypeChecker, files: ReadonlyMap<string, Buffer>, links: ReadonlySet<string>, sharedVersion: string): void {
  const tsconfig = files.get('tsconfig.json')?.toString('utf8');
  // The checker's declarations file and version name the API it checks against (read once per process).
  const key = [checker.sharedTypes, sharedVersion, tsconfig === undefined ? 'no tsconfig' : `tsconfig ${tsconfig}`, ...typescriptKey(files, links)];
  const diagnostics = checked.get(key, () => checker.check(projectTree(files, links)));
  if (diagnostics.length === 0) return;
  const [first] = diagnostics;
  throw new UpgradeError(
    'type-check',
    `After the codemods, the project's TypeScript does not type-check against @ai-factory/shared ${sharedVersion}; fix it by hand, commit, then run the upgrade again:\n` +
      diagnostics.map((d) => `${d.path}:${d.line}:${d.column}: TS${d.code}: ${d.message}`).join('\n'),
    { file: first!.path, line: first!.line, column: first!.column },
  );
}
