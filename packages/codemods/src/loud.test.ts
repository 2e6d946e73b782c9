/** What a codemod cannot migrate safely is a problem naming file:line and what to change by hand, never a silent skip. */
import { describe, expect, it } from 'vitest';
import { loadCodemods } from './registry.js';
import { CodemodRunner } from './run.js';
import { Tree } from '@ai-factory/tree';

const codemods = await loadCodemods();
const runner = new CodemodRunner();
const IMPORT = "import { defineProject, cpu, gpu, monitoring, environment } from '@ai-factory/shared';\n";

/** Runs every codemod on one file whose line `line` holds the construct. */
function problemsOf(body: string, path = 'ai-factory.config.ts') {
  return runner.run(Tree.fromFiles({ [path]: IMPORT + body }), codemods).problems;
}

describe('codemods are complete or loud', () => {
  it.each([
    ['cpu() options built elsewhere', 'const big = { cores: 16 };\nexport const training = cpu(big);\n', 3, 'cpu-cores-to-vcpus', /cpu\(big\)/],
    ['cpu() options with a spread', 'const base = { cores: 16 };\nexport const training = cpu({ ...base, memoryGi: 64 });\n', 3, 'cpu-cores-to-vcpus', /\.\.\.base/],
    ['a cpu() option whose name is computed', 'const key = "cores";\nexport const training = cpu({ [key]: 16 });\n', 3, 'cpu-cores-to-vcpus', /\[key\]/],
    ['cpu passed around instead of called', 'export const sizes = [8, 16].map((vcpus) => cpu)\n', 2, 'cpu-cores-to-vcpus', /cpu/],
    ['gpu() without a sku written inline', 'export const training = gpu({ count: 2 });\n', 2, 'gpu-to-accelerator', /sku/],
    ['gpu() options built elsewhere', 'const options = { sku: "t4" } as const;\nexport const training = gpu(options);\n', 3, 'gpu-to-accelerator', /gpu\(options\)/],
    ['monitoring() options built elsewhere', 'const objectives = { latencyP95Ms: 200 };\nexport default defineProject({ monitoring: monitoring(objectives) });\n', 3, 'split-monitoring', /monitoring\(objectives\)/],
    ['monitoring() outside a project declaration', 'export const observability = monitoring({ latencyP95Ms: 200 });\n', 2, 'split-monitoring', /monitoring: monitoring\(/],
    ['a monitoring() option it does not know', 'export default defineProject({ monitoring: monitoring({ latencyP95Ms: 200, retries: 3 }) });\n', 2, 'split-monitoring', /retries/],
    ['monitoring() options checked with satisfies', 'export default defineProject({ monitoring: monitoring({ latencyP95Ms: 200 } satisfies object) });\n', 2, 'split-monitoring', /satisfies/],
  ])('%s', (_, body, line, codemod, message) => {
    const problems = problemsOf(body);
    expect(problems).toContainEqual(expect.objectContaining({ path: 'ai-factory.config.ts', line, codemod, message: expect.stringMatching(message) }));
  });

  it('a re-export of a migrated builder is a problem: the files importing it are out of sight', () => {
    const problems = runner.run(Tree.fromFiles({ 'lib/platform.ts': "export { cpu, environment } from '@ai-factory/shared';\n" }), codemods).problems;
    expect(problems).toContainEqual(expect.objectContaining({ path: 'lib/platform.ts', line: 1, codemod: 'cpu-cores-to-vcpus' }));
  });

  it('a dynamic import of the shared package is a problem', () => {
    const problems = runner.run(Tree.fromFiles({ 'tools/load.ts': "\nexport const shared = await import('@ai-factory/shared');\n" }), codemods).problems;
    expect(problems).toContainEqual(expect.objectContaining({ path: 'tools/load.ts', line: 2, message: expect.stringContaining('import it statically') }));
  });

  it('a file that has problems is not changed, and the problem says what to change by hand', () => {
    const tree = Tree.fromFiles({ 'ai-factory.config.ts': `${IMPORT}const big = { cores: 16 };\nexport default defineProject({ training: cpu(big) });\n` });
    const result = runner.run(tree, codemods);
    expect(tree.changes()).toEqual([]);
    expect(result.problems[0]!.message).toMatch(/vcpus/);
  });
});
