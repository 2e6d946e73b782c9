/**
 * The test every built-in module runs beside its definition: the module contract (what
 * `ai-factory module validate` checks), then checks of the files the module renders in a real project.
 */
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultAnswers, generateProject, validateModuleFolder, type Answers } from '@ai-factory/engine';
import { loadBuiltinCatalog } from '@ai-factory/templates';
import { describe, expect, it } from 'vitest';

/** Problems found in the files a module contributed (path → text); empty when fine. */
export type FileCheck = (files: ReadonlyMap<string, string>) => Promise<string[]> | string[];

/**
 * Renders a project the module applies to (a preset that lists it, with answers its `when` accepts) and
 * returns the module's files, or every file when the module only makes sense with its neighbours.
 */
async function renderModule(id: string, wholeProject: boolean): Promise<Map<string, string>> {
  const catalog = await loadBuiltinCatalog();
  const module = catalog.modules.get(id)!;
  const preset = [...catalog.presets.values()].find((candidate) => candidate.modules.includes(id));
  if (!preset) throw new Error(`no preset lists ${id}`);
  const when = module.when ?? {};
  const answers: Answers = {
    ...defaultAnswers('module-test'),
    ...preset.answers,
    preset: preset.id,
    ...(when.cloud ? { cloud: when.cloud[0]! } : {}),
    ...(when.cicd ? { cicd: when.cicd[0]! } : {}),
    ...(when.framework ? { framework: when.framework[0]! } : {}),
    ...(when.serving ? { serving: when.serving[0]! } : {}),
  };
  const { tree, manifest } = generateProject(catalog, answers);
  const own = new Set(manifest.files.filter((file) => file.module === id).map((file) => file.path));
  return new Map(tree.entries().filter(([path]) => wholeProject || own.has(path)).map(([path, file]) => [path, file.content.toString('utf8')]));
}

/**
 * @param options.wholeProject check every file of the rendered project, not only the module's: for
 *   overlays such as Terraform, whose files are only valid together. @default false
 * @example describeModule(import.meta.url, validateTerraform, { wholeProject: true });
 */
export function describeModule(moduleUrl: string, check?: FileCheck, options: { wholeProject?: boolean } = {}): void {
  const dir = dirname(fileURLToPath(moduleUrl));
  const id = dir.split('/').slice(-2).join('/');
  describe(id, () => {
    it('meets the module contract (ai-factory module validate)', async () => {
      expect((await validateModuleFolder(dir)).problems).toEqual([]);
    });
    if (check) {
      it('renders files that pass their checks', async () => {
        const files = await renderModule(id, options.wholeProject ?? false);
        expect(files.size).toBeGreaterThan(0);
        expect(await check(files)).toEqual([]);
      });
    }
  });
}
