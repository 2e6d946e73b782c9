/** The runner reads a project's TypeScript from a Tree and writes what it changes back, byte for byte. */
import { Tree } from '@ai-factory/tree';
import { describe, expect, it } from 'vitest';
import { defineCodemod } from './codemod.js';
import { loadCodemods } from './registry.js';
import { CodemodRunner } from './run.js';

const codemods = await loadCodemods();
const runner = new CodemodRunner();
const CONFIG = "import { defineProject } from '@ai-factory/shared';\n\nexport default defineProject({});\n";
const MIGRATED = CONFIG.replaceAll('defineProject', 'defineMlProject');

describe('CodemodRunner on a Tree', () => {
  it("writes the migrated files back, so the tree's changes are what the codemods changed", () => {
    const tree = Tree.fromFiles({ 'ai-factory.config.ts': CONFIG, 'README.md': CONFIG, 'lib/untouched.ts': 'export const x = 1;\n' });
    const result = runner.run(tree, codemods);
    expect(result.applied).toEqual([{ codemod: 'rename-define-project', files: ['ai-factory.config.ts'] }]);
    expect(tree.changes().map(({ path, kind }) => `${kind} ${path}`)).toEqual(['updated ai-factory.config.ts']);
    expect(tree.read('ai-factory.config.ts', 'utf8')).toBe(MIGRATED);
  });

  it('leaves links and installed packages alone', () => {
    const content = Buffer.from(CONFIG);
    const tree = new Tree([
      ['node_modules/lib/index.ts', { content, mode: 'file' }],
      ['linked.ts', { content, mode: 'symlink' }],
    ]);
    expect(runner.run(tree, codemods).applied).toEqual([]);
    expect(tree.changes()).toEqual([]);
  });

  it('keeps a byte order mark and the bytes of a file that is not UTF-8', () => {
    const latin1 = Buffer.from(`// \xe9quipe growth\n${CONFIG}`, 'latin1');
    const tree = Tree.fromFiles({ 'a.ts': `\uFEFF${CONFIG}`, 'b.ts': latin1 });
    runner.run(tree, codemods);
    expect(tree.read('a.ts', 'utf8')).toBe(`\uFEFF${MIGRATED}`);
    expect(tree.read('b.ts')).toEqual(Buffer.from(`// \xe9quipe growth\n${MIGRATED}`, 'latin1'));
  });

  it('writes nothing when a file that is not UTF-8 cannot hold what a codemod writes', () => {
    const arrow = defineCodemod({
      name: 'arrow-comment',
      description: 'Adds a comment Latin-1 cannot hold',
      introducedIn: '9.0.0',
      idempotent: false,
      transform: (file) => (file.insertText(0, '// → migrated\n'), true),
    });
    const tree = Tree.fromFiles({ 'a.ts': CONFIG, 'b.ts': Buffer.from(`// \xe9\n${CONFIG}`, 'latin1') });
    const result = runner.run(tree, [arrow]);
    expect(result.problems).toEqual([expect.objectContaining({ path: 'b.ts', line: 1, message: expect.stringContaining('not UTF-8') })]);
    expect(tree.changes()).toEqual([]);
  });
});
