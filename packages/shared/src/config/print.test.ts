import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { createJiti } from 'jiti';
import { describe, expect, it } from 'vitest';
import { printConfig } from './print.js';
import { buildProject, type ConfigSource } from './source.js';

// The printed config imports `@ai-factory/shared`: point it at the built package (npm test builds first).
const jiti = createJiti(import.meta.url, {
  fsCache: false,
  moduleCache: false,
  alias: { '@ai-factory/shared': fileURLToPath(new URL('../../dist/index.js', import.meta.url)) },
});
const dir = mkdtempSync(join(tmpdir(), 'config-print-'));

async function evaluate(source: string): Promise<unknown> {
  const file = join(dir, `config-${Math.random().toString(36).slice(2)}.ts`);
  writeFileSync(file, source);
  return jiti.import(file, { default: true });
}

const text = fc.string({ unit: fc.oneof(fc.constantFrom('"', "'", '`', '${', '\\', '\n', '*/', '</script>', '\u2028'), fc.string({ unit: 'grapheme', maxLength: 2 })), maxLength: 8 });

const sources: fc.Arbitrary<ConfigSource> = fc.record({
  name: fc.constantFrom('churn-model', 'fraud'),
  description: text.map((value) => value.slice(0, 500)),
  team: text.filter((value) => value.length > 0).map((value) => value.slice(0, 100)),
  cloud: fc.constantFrom('azure', 'aws', 'gcp', 'kubernetes'),
  cicd: fc.constantFrom('github-actions', 'azure-pipelines', 'gitlab-ci'),
  framework: fc.constant('pytorch' as const),
  environments: fc.constantFrom(
    [{ name: 'dev' }, { name: 'prod', options: { approval: true, monthlyBudget: 900 } }],
    [{ name: 'dev' }, { name: 'staging' }, { name: 'prod' }],
  ),
  training: fc.constantFrom<ConfigSource['training'][]>({ cpu: {} }, { cpu: { vcpus: 8, memoryGi: 32 } }, { accelerator: 't4', options: { count: 1 } }, { accelerator: 'l4' }),
  pipeline: fc.constantFrom(undefined, { schedule: null }, { schedule: '0 2 * * *', retrainOnDrift: false }),
  serving: fc.constantFrom({ mode: 'online' as const }, { mode: 'both' as const, replicas: { min: 1, max: 3 } }),
  slo: fc.constantFrom(undefined, { latencyP95Ms: 150 }),
  drift: fc.constantFrom(undefined, { warning: 0.2, critical: 0.5 }),
  monitoring: fc.constantFrom(undefined, false),
  gate: fc.constantFrom(undefined, { minImprovement: 0.01 }, { metric: 'log_loss' as const, maxSegmentGap: 0.05, resamples: 500 }),
  modelCard: fc.option(fc.record({ intendedUse: text, limitations: fc.array(text.filter((value) => value.length > 0), { maxLength: 3 }) }), { nil: undefined }),
});

describe('printConfig', () => {
  it('prints TypeScript that evaluates to the same declaration as the source', async () => {
    await fc.assert(
      fc.asyncProperty(sources, async (source) => {
        // Not every cloud sells every GPU; those sources are rejected by both paths alike.
        let expected: unknown;
        try {
          expected = buildProject(source);
        } catch (error) {
          await expect(evaluate(printConfig(source))).rejects.toThrow((error as Error).message.split('\n')[1]!.trim());
          return;
        }
        expect(await evaluate(printConfig(source))).toEqual(expected);
      }),
      { numRuns: 60 },
    );
  });

  it('prints an access matrix and imports only the builders it uses', () => {
    const printed = printConfig({
      name: 'fraud', description: 'd', team: 't', cloud: 'aws', cicd: 'gitlab-ci', framework: 'sklearn',
      environments: [{ name: 'dev' }], training: { cpu: {} }, serving: { mode: 'batch' },
      access: { 'data-scientist': { dev: 'write' } },
    });
    expect(printed).toContain(`import { defineMlProject, environment, cpu, pipeline, serving, slo, drift, access, gate, modelCard } from '@ai-factory/shared';`);
    expect(printed).toContain(`    "data-scientist": { dev: "write" },`);
  });

  it('prints the gate and the model card last, the card one option per line', () => {
    const printed = printConfig({
      name: 'fraud', description: 'd', team: 't', cloud: 'aws', cicd: 'gitlab-ci', framework: 'sklearn',
      environments: [{ name: 'dev' }], training: { cpu: {} }, serving: { mode: 'batch' },
      gate: { maxSegmentGap: 0.05 }, modelCard: { intendedUse: 'Flags transactions for review', limitations: ['Not for card-present fraud'] },
    });
    expect(printed.split('\n').slice(-7)).toEqual([
      '  gate: gate({ maxSegmentGap: 0.05 }),',
      '  modelCard: modelCard({',
      '    intendedUse: "Flags transactions for review",',
      '    limitations: ["Not for card-present fraud"],',
      '  }),',
      '});',
      '',
    ]);
  });
});
