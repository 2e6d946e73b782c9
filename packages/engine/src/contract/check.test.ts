import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateModuleFolder } from './load.js';
import { formatProblem } from './problem.js';

/** Writes a data module (module.json) under a fresh templates root and returns its folder. */
function moduleFolder(files: Record<string, string>, definition: object = {}): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'contract-')), 'ml', 'demo');
  const all = {
    'module.json': JSON.stringify({ id: 'ml/demo', version: '1.0.0', summary: 'Demo', files: [{ include: '**' }], ...definition }),
    'README.md': '# ml/demo\n\nA demo module.\n',
    'module.test.ts': '// the module test\n',
    ...files,
  };
  for (const [path, content] of Object.entries(all)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

const problems = async (dir: string) => (await validateModuleFolder(dir)).problems.map(formatProblem);

describe('module contract', () => {
  it('passes a module with escaped templates, docs and tests', async () => {
    const dir = moduleFolder({
      'files/app.yaml.hbs': 'name: {{yaml name}}\n{{#if monitoring}}team: {{yaml team}}\n{{/if}}',
      'files/src/__packageName__/about.py.hbs': 'DESCRIPTION = {{py description}}\n',
      'files/tests/test_about.py.hbs': 'from {{pyIdent packageName}} import about\n',
      'files/NOTES.md.hbs': '# {{name}} by {{team}}\n',
    });
    expect(await problems(dir)).toEqual([]);
  });

  it('reports unescaped interpolations with file and line', async () => {
    const dir = moduleFolder({ 'files/main.tf.hbs': 'a = {{hcl name}}\nb = "{{team}}"\n' });
    expect(await problems(dir)).toEqual([
      'files/main.tf.hbs:2: [escaping] {{team}}: unescaped interpolation: use {{hcl …}} for hcl (inside a string or comment the template opened: {{inHclString …}}, {{inComment …}})',
    ]);
  });

  it('renders every combination the module allows, and parses the YAML it produces', async () => {
    const dir = moduleFolder(
      {
        'files/a.yaml.hbs': '{{#if (eq cloud "aws")}}x: {{yaml missing}}{{/if}}\n',
        'files/b.yaml.hbs': 'list: [{{yaml name}}\n',
      },
      { when: { cloud: ['aws', 'gcp'] } },
    );
    const found = await problems(dir);
    expect(found).toEqual([
      expect.stringMatching(/^files\/a.yaml.hbs: \[render\] does not render \(with cloud=aws /),
      expect.stringMatching(/^files\/b.yaml.hbs: \[render\] renders invalid yaml/),
    ]);
  });

  it('checks file rules both ways', async () => {
    const dir = moduleFolder({ 'files/a.txt': 'a', 'files/b.cfg': 'b' }, { files: [{ include: '*.txt' }, { include: 'nothing/**' }] });
    expect(await problems(dir)).toEqual([
      '[files] rule files[1] "nothing/**" matches no file in files/',
      'files/b.cfg: [files] no rule in "files" declares this file',
    ]);
  });

  it('asks for a README naming the module and for tests', async () => {
    const dir = moduleFolder({ 'README.md': '# Something\n', 'module.test.ts': '', 'files/src/x.py': 'X = 1\n' });
    expect(await problems(dir)).toEqual([
      'README.md: [docs] must name the module (ml/demo) and describe what it contributes',
      '[tests] contributes Python but no tests: add them under files/tests/',
    ]);
  });

  it('reports a definition that does not load', async () => {
    const dir = moduleFolder({}, { version: 'latest' });
    expect(await problems(dir)).toEqual([expect.stringMatching(/^\[definition\] .*version: must be a semantic version/s)]);
  });
});
