import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TypeChecker } from './typecheck.js';
import { Tree } from '@ai-factory/tree';

// The shared package of this repository, as its declarations are built.
const require = createRequire(import.meta.url);
const checker = new TypeChecker(join(dirname(require.resolve('@ai-factory/shared/package.json')), 'dist/index.d.ts'));
const TSCONFIG = JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, types: [] } });

describe('TypeChecker', () => {
  it('finds what does not type-check against the shared package, at file:line, in the files importing it and the files they import', () => {
    const diagnostics = checker.check(
      Tree.fromFiles({
        'ai-factory.config.ts': "import { cpu } from '@ai-factory/shared';\nimport { big } from './tools/sizes';\n\nexport const training = cpu({ vcpus: 8 });\nexport const other = cpu(big);\n",
        'tools/sizes.ts': "// Sizes the team picked.\nexport const big = { vcpus: 'sixteen' };\n",
        'scripts/unrelated.ts': 'export const broken: number = "not checked: it has nothing to do with the shared package";\n',
        'tsconfig.json': TSCONFIG,
      }),
    );
    expect(diagnostics.map((d) => `${d.path}:${d.line} ${d.code}`)).toEqual(['ai-factory.config.ts:5 2345']);
    expect(diagnostics[0]!.message).toContain("Type 'string' is not assignable to type 'number'");
  });

  it('does not count what only an installed dependency would provide: other packages, node globals', () => {
    const text = "import { cpu } from '@ai-factory/shared';\nimport { parse } from 'yaml';\n\nexport const training = cpu({ vcpus: Number(process.env.VCPUS ?? parse('4')) });\n";
    expect(checker.check(Tree.fromFiles({ 'ai-factory.config.ts': text, 'tsconfig.json': TSCONFIG }))).toEqual([]);
  });

  it('applies the project\'s strictness', () => {
    const text = "import { cpu } from '@ai-factory/shared';\n\nexport function size(vcpus) {\n  return cpu({ vcpus });\n}\n";
    expect(checker.check(Tree.fromFiles({ 'ai-factory.config.ts': text, 'tsconfig.json': TSCONFIG })).map((d) => d.code)).toEqual([7006]);
    expect(checker.check(Tree.fromFiles({ 'ai-factory.config.ts': text, 'tsconfig.json': JSON.stringify({ compilerOptions: { strict: false } }) }))).toEqual([]);
  });

  it('reports a name the new version does not export', () => {
    const [diagnostic] = checker.check(Tree.fromFiles({ 'ai-factory.config.ts': "import { gpu } from '@ai-factory/shared';\n\nexport const training = gpu({ sku: 't4' });\n" }));
    expect(diagnostic).toMatchObject({ path: 'ai-factory.config.ts', line: 1, code: 2305 });
  });
});
