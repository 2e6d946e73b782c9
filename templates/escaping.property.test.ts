/**
 * Property: whatever a person types as description or team, every YAML, JSON, TOML and Python file of
 * every preset still parses, and the value reads back unchanged.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { defaultAnswers, generateProject, pythonPackageName, type Answers } from '@ai-factory/engine';
import { loadBuiltinCatalog } from '@ai-factory/templates';
import fc from 'fast-check';
import { parse as parseToml } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml, parseAllDocuments } from 'yaml';

const RUNS = 1000;
const catalog = await loadBuiltinCatalog();

/** Fragments that break naive templating, mixed with arbitrary Unicode text. */
const nasty = fc.constantFrom('"', "'", ':', ': ', '#', ' #', '\n', '\r\n', '{{', '}}', '{{{', '${', '}', '%{', '\\', '`', '$(', '- ', '---', '\t', '\u0000', '\u0085', '\u2028', '\ufeff', '"""', "'''", '[', ']', '=');
const freeText = (min: number, max: number) =>
  fc
    .string({ unit: fc.oneof(nasty, fc.string({ unit: 'grapheme', maxLength: 3 })), minLength: min, maxLength: 12 })
    .filter((value) => value.isWellFormed() && value.length <= max && value.length >= min);

const pythonChecks = new Map<string, { source: string; expect: string[] }>();

describe.each([...catalog.presets.keys()])('preset %s: user text never breaks a generated file', (preset) => {
  // A thousand full renders per preset: minutes on a busy 2-core machine, whatever the suite's default.
  it(`${RUNS} random descriptions and team names`, { timeout: 10 * 60_000 }, () => {
    fc.assert(
      fc.property(freeText(0, 500), freeText(1, 100), (description, team) => {
        const answers: Answers = { ...defaultAnswers('prop-test'), ...catalog.presets.get(preset)!.answers, preset, description, team };
        const { tree } = generateProject(catalog, answers);
        for (const [path, file] of tree.entries()) {
          const text = file.content.toString('utf8');
          if (/\.ya?ml$/.test(path)) {
            // Kubernetes manifests hold several documents; every one must parse.
            const errors = parseAllDocuments(text, { strict: true, uniqueKeys: true }).flatMap((doc) => ('errors' in doc ? doc.errors : []));
            expect(errors, path).toEqual([]);
          }
          if (path.endsWith('.json')) JSON.parse(text);
          if (path.endsWith('.toml')) parseToml(text);
          if (path.endsWith('.py')) {
            const key = createHash('sha1').update(text).digest('hex');
            const expected = path === `src/${pythonPackageName(answers.name)}/__init__.py` ? [description, team] : [];
            pythonChecks.set(key, { source: text, expect: expected });
          }
        }
        const manifest = JSON.parse(tree.read('.ai-factory/manifest.json', 'utf8')!);
        expect([manifest.answers.description, manifest.answers.team]).toEqual([description, team]);
        const catalogInfo = parseYaml(tree.read('catalog-info.yaml', 'utf8')!);
        expect([catalogInfo.metadata.description, catalogInfo.spec.owner]).toEqual([description, team]);
        expect(parseToml(tree.read('pyproject.toml', 'utf8')!)).toMatchObject({ project: { description } });
      }),
      { numRuns: RUNS },
    );

    // Python is checked in one interpreter after the runs: every file parses, and the package's
    // metadata constants hold the exact values.
    const script = [
      'import ast, json, sys',
      'failures = []',
      'for item in json.load(sys.stdin):',
      '    try:',
      '        tree = ast.parse(item["source"])',
      '    except SyntaxError as error:',
      '        failures.append({"error": str(error), "source": item["source"][:2000]})',
      '        continue',
      '    constants = {node.value for node in ast.walk(tree) if isinstance(node, ast.Constant) and isinstance(node.value, str)}',
      '    missing = [value for value in item["expect"] if value not in constants]',
      '    if missing:',
      '        failures.append({"missing": missing})',
      'print(json.dumps(failures))',
    ].join('\n');
    const output = execFileSync('python3', ['-c', script], { input: JSON.stringify([...pythonChecks.values()]), encoding: 'utf8', maxBuffer: 1 << 28 });
    expect(JSON.parse(output)).toEqual([]);
    expect([...pythonChecks.values()].filter((check) => check.expect.length > 0).length).toBeGreaterThan(RUNS / 2);
  });
});
