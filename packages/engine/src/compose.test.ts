import { describe, expect, it } from 'vitest';
import { defaultAnswers, type Answers } from './answers.js';
import { addModule, removeModule } from './compose.js';
import { FactoryError } from './errors.js';
import { generateProject } from './generate.js';
import type { ModuleDefinitionInput } from './module.js';
import { fixtureCatalog } from './test-catalog.js';

const module = (id: string, extra: Partial<ModuleDefinitionInput> = {}): [ModuleDefinitionInput, Record<string, string>] => [
  { id, version: '1.0.0', summary: id, files: [{ include: '**' }], ...extra },
  { [`${id.replace('/', '-')}.txt`]: `${id}\n` },
];

const catalog = fixtureCatalog(
  [
    module('core/base', { provides: ['cloud:azure', 'framework:sklearn', 'compute:cpu', 'serving:online'] }),
    module('ml/core'),
    module('ml/features', { requires: ['ml/core', 'ml/store'] }),
    module('ml/store'),
    module('ml/legacy', { conflicts: ['ml/store'] }),
    module('ops/gpu', { when: { compute: ['gpu'] } }),
    module('ops/extra'),
  ],
  ['core/base', 'ml/core', 'ml/legacy'],
);
const answers: Answers = { ...defaultAnswers('churn-model'), preset: 'demo' };
const installed = (a: Answers) => generateProject(catalog, a).manifest.modules.map((m) => m.id);
const failure = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof FactoryError) return { code: error.code, message: error.message };
  }
  throw new Error('expected a FactoryError');
};

describe('addModule', () => {
  it('records the module in addedModules, and the project then renders it', () => {
    const { answers: next, modules } = addModule(catalog, answers, 'ops/extra');
    expect(modules).toEqual(['ops/extra']);
    expect(next.addedModules).toEqual(['ops/extra']);
    expect(installed(next)).toEqual(['core/base', 'ml/core', 'ml/legacy', 'ops/extra']);
    expect(addModule(catalog, next, 'ops/extra')).toEqual({ answers: next, modules: [] });
  });

  it('pulls in what the module requires, or refuses with every problem listed', () => {
    const without = removeModule(catalog, answers, 'ml/legacy').answers;
    const { answers: next, modules } = addModule(catalog, without, 'ml/features');
    expect(modules).toEqual(['ml/features', 'ml/store']);
    expect(installed(next)).toEqual(['core/base', 'ml/core', 'ml/features', 'ml/store']);
    expect(failure(() => addModule(catalog, answers, 'ml/features'))).toEqual({
      code: 'incompatible',
      message: 'Cannot add ml/features (with ml/store, which it requires): ml/legacy conflicts with ml/store.',
    });
  });

  it('refuses a module whose when does not hold, and one the catalog lacks', () => {
    expect(failure(() => addModule(catalog, answers, 'ops/gpu'))).toMatchObject({ code: 'incompatible', message: expect.stringContaining('ops/gpu does not apply to these answers') });
    expect(failure(() => addModule(catalog, answers, 'ops/nothing'))).toMatchObject({ code: 'unknown-module' });
  });
});

describe('removeModule', () => {
  it('records a preset module in removedModules; re-adding it clears the record', () => {
    const { answers: next } = removeModule(catalog, answers, 'ml/legacy');
    expect(next.removedModules).toEqual(['ml/legacy']);
    expect(installed(next)).toEqual(['core/base', 'ml/core']);
    expect(addModule(catalog, next, 'ml/legacy').answers).toEqual(answers);
  });

  it('drops an added module from addedModules', () => {
    const added = addModule(catalog, answers, 'ops/extra').answers;
    expect(removeModule(catalog, added, 'ops/extra').answers).toEqual(answers);
  });

  it('refuses while an installed module requires it, and when the answers need what only it provides', () => {
    const withFeatures = addModule(catalog, removeModule(catalog, answers, 'ml/legacy').answers, 'ml/features').answers;
    expect(failure(() => removeModule(catalog, withFeatures, 'ml/store'))).toEqual({ code: 'incompatible', message: 'Cannot remove ml/store: ml/features requires it.' });
    expect(failure(() => removeModule(catalog, answers, 'core/base'))).toMatchObject({ code: 'incompatible', message: expect.stringMatching(/^Cannot remove core\/base: .*no module for cloud "azure"/) });
  });
});
