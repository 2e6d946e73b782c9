/**
 * The generators, run the way `npm run new:*` runs them (with every prompt bypassed), into a copy of the
 * repository's templates/: the new module meets the contract, the catalog finds it with no other edit, and a
 * new preset naming it generates a project holding its file.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultAnswers, generateProject, loadCatalog, validateModuleFolder } from '@ai-factory/engine';
import { loadBuiltinCatalog } from '@ai-factory/templates';
import { execa } from 'execa';
import nodePlop from 'node-plop';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const PLOPFILE = fileURLToPath(new URL('./plopfile.mjs', import.meta.url));

/** A scratch repository: a copy of templates/ (sources only) and the root tsconfig, sharing node_modules. */
function scratchRepo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'generators-'));
  cpSync(join(REPO, 'templates'), join(dir, 'templates'), {
    recursive: true,
    filter: (source) => !/[/\\](dist|node_modules|\.turbo)$/.test(source),
  });
  cpSync(join(REPO, 'tsconfig.json'), join(dir, 'tsconfig.json'));
  symlinkSync(join(REPO, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

async function runGenerator(dest: string, name: string, bypass: string[]) {
  const plop = await nodePlop(PLOPFILE, { destBasePath: dest, force: false });
  const generator = plop.getGenerator(name);
  const answers = await generator.runPrompts(bypass);
  return generator.runActions(answers);
}

describe('generators', () => {
  it('scaffold a module and a preset that the catalog picks up and generates', async () => {
    const repo = scratchRepo();
    const module = await runGenerator(repo, 'new:module', ['ml', 'feature-flags', 'Feature flags: a YAML file the service reads']);
    expect(module.failures).toEqual([]);
    // The reference preset's modules plus the new one, so the preset is complete whatever the reference holds.
    const reference = (await loadBuiltinCatalog()).presets.get('azure-tabular')!;
    const presetModules = [...reference.modules, 'ml/feature-flags'].join(',');
    const preset = await runGenerator(repo, 'new:preset', ['with-flags', 'Tabular model with feature flags', presetModules]);
    expect(preset.failures).toEqual([]);
    expect(existsSync(join(REPO, 'templates', 'ml', 'feature-flags'))).toBe(false);

    const templates = join(repo, 'templates');
    await execa('node', [join(REPO, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(templates, 'tsconfig.build.json')]);

    const report = await validateModuleFolder(join(templates, 'ml', 'feature-flags'));
    expect(report.problems).toEqual([]);

    const catalog = await loadCatalog({ root: templates, compiledRoot: join(templates, 'dist'), version: '0.0.0-test' });
    expect(catalog.modules.get('ml/feature-flags')?.summary).toBe('Feature flags: a YAML file the service reads');
    expect(catalog.presets.get('with-flags')?.modules).toContain('ml/feature-flags');

    const description = 'Scores "churn": risky # text';
    const { tree } = generateProject(catalog, { ...defaultAnswers('flag-demo'), ...reference.answers, description, preset: 'with-flags' });
    const file = tree.read('config/ml-feature-flags.yaml', 'utf8');
    expect(parseYaml(file ?? '')).toMatchObject({ project: 'flag-demo', package: 'flag_demo', description, monitoring: true });
  });

  it('refuse invalid or existing names given on the command line', async () => {
    const repo = scratchRepo();
    await expect(runGenerator(repo, 'new:module', ['ML', 'x', 'summary'])).rejects.toThrow(/lowercase/);
    await expect(runGenerator(repo, 'new:module', ['ml', 'tabular-core', 'summary'])).rejects.toThrow(/already exists/);
    await expect(runGenerator(repo, 'new:preset', ['p', 'summary', 'core/project,ml/nope'])).rejects.toThrow(/unknown modules: ml\/nope/);
  });

  it('scaffold a codemod with its doc and fixtures in the codemods layout', async () => {
    const repo = scratchRepo();
    const result = await runGenerator(repo, 'new:codemod', ['rename-settings', 'Renames Settings to ProjectSettings', '0.2.0']);
    expect(result.failures).toEqual([]);
    const src = join(repo, 'packages', 'codemods', 'src');
    const codemod = readFileSync(join(src, 'codemods', 'rename-settings.ts'), 'utf8');
    expect(codemod).toContain("from '../codemod.js'");
    expect(codemod).toMatch(/name: "rename-settings",\s+description: "Renames Settings to ProjectSettings",\s+introducedIn: "0.2.0",\s+idempotent: true/);
    const doc = readFileSync(join(src, 'codemods', 'rename-settings.md'), 'utf8');
    const input = readFileSync(join(src, '__testfixtures__', 'rename-settings', 'basic.input.ts'), 'utf8');
    const output = readFileSync(join(src, '__testfixtures__', 'rename-settings', 'basic.output.ts'), 'utf8');
    expect(doc).toContain(`## Before\n\n\`\`\`ts\n${input}\`\`\``);
    expect(doc).toContain(`## After\n\n\`\`\`ts\n${output}\`\`\``);
    await expect(runGenerator(repo, 'new:codemod', ['x', 'y', 'soon'])).rejects.toThrow(/version/);
  });
});
