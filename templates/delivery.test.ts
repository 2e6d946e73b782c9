/**
 * Every preset, generated with its own answers, delivers: its pipelines build and push every image its
 * specs and pipelines pull (from Dockerfiles it has), fill every placeholder of its specs, and run its
 * Azure ML jobs on compute its Terraform creates. The option matrix runs the same check (matrix.test.ts).
 */
import { defaultAnswers, generateProject } from '@ai-factory/engine';
import { loadBuiltinCatalog } from '@ai-factory/templates';
import { describe, expect, it } from 'vitest';
import { deliverySeamProblems } from '../packages/shared/src/testing/delivery-seams.js';

const catalog = await loadBuiltinCatalog();

describe('every preset delivers what its specs pull', () => {
  it.each([...catalog.presets.values()].map((preset) => [preset.id, preset] as const))('%s', (_, preset) => {
    const { tree } = generateProject(catalog, { ...defaultAnswers(preset.id), ...preset.answers, preset: preset.id });
    const files = new Map(tree.entries().map(([path, file]) => [path, file.content.toString('utf8')]));
    expect(deliverySeamProblems(files)).toEqual([]);
  });
});
