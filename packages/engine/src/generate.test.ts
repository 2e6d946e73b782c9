import { Ajv2020 } from 'ajv/dist/2020.js';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { defaultAnswers, type Answers } from './answers.js';
import { generateProject } from './generate.js';
import { hashContent, MANIFEST_PATH } from '@ai-factory/tree';
import { manifestJsonSchema } from './manifest.js';
import { ModuleDefinitionSchema, type ModuleDefinitionInput } from './module.js';
import { fixtureCatalog } from './test-catalog.js';

const answers = (overrides: Partial<Answers> = {}): Answers => ({ ...defaultAnswers('churn-model'), preset: 'demo', ...overrides });

const base: ModuleDefinitionInput = {
  id: 'core/base',
  version: '1.2.3',
  summary: 'Base',
  provides: ['cloud:azure', 'framework:sklearn', 'compute:cpu', 'serving:online', 'serving:batch'],
  files: [{ include: 'managed/**', owner: 'managed' }, { include: '**' }],
};

describe('generateProject', () => {
  it('renders templates, fills path segments, copies other files and records everything in the manifest', () => {
    const catalog = fixtureCatalog([
      [base, { 'src/__packageName__/about.py.hbs': 'DESCRIPTION = {{py description}}\n', 'managed/x.txt': '{{verbatim}}', '__init__.py': '' }],
    ]);
    const { tree, manifest } = generateProject(catalog, answers({ description: 'a "b"\nc' }));
    expect(tree.read('src/churn_model/about.py', 'utf8')).toBe('DESCRIPTION = "a \\"b\\"\\nc"\n');
    expect(tree.read('managed/x.txt', 'utf8')).toBe('{{verbatim}}');
    expect(tree.exists('__init__.py')).toBe(true);
    expect(manifest.factory.version).toBe('9.9.9');
    expect(manifest.modules).toEqual([{ id: 'core/base', version: '1.2.3', options: {} }]);
    expect(manifest.files.find((f) => f.path === 'managed/x.txt')).toMatchObject({ owner: 'managed', module: 'core/base', sha256: hashContent('{{verbatim}}') });
    expect(manifest.files.find((f) => f.path === 'src/churn_model/about.py')?.owner).toBe('template');
    const written = JSON.parse(tree.read(MANIFEST_PATH, 'utf8')!);
    const validate = new Ajv2020({ strict: false }).compile(manifestJsonSchema());
    expect(validate(written), JSON.stringify(validate.errors)).toBe(true);
  });

  it('composes overlays by their conditions, and refuses two modules writing one path', () => {
    const batch: ModuleDefinitionInput = { id: 'serving/batch', version: '1.0.0', summary: 'Batch', when: { serving: ['batch'] }, files: [{ include: '**' }] };
    const catalog = fixtureCatalog([
      [base, { 'a.txt': 'a' }],
      [batch, { 'batch.txt': 'b' }],
    ]);
    expect(generateProject(catalog, answers({ serving: 'online' })).tree.exists('batch.txt')).toBe(false);
    expect(generateProject(catalog, answers({ serving: 'both' })).tree.exists('batch.txt')).toBe(true);

    const clash = fixtureCatalog([[base, { 'a.txt': 'a' }], [{ ...batch, when: {} }, { 'a.txt': 'again' }]]);
    expect(() => generateProject(clash, answers())).toThrow(/core\/base and serving\/batch both write a.txt/);
  });

  it('says which answer no module supports', () => {
    const catalog = fixtureCatalog([[base, { 'a.txt': 'a' }]]);
    expect(() => generateProject(catalog, answers({ framework: 'pytorch' }))).toThrow(/no module for framework "pytorch"/);
    expect(() => generateProject(catalog, answers({ gpu: { sku: 't4', count: 1 } }))).toThrow(/no module for compute "gpu"/);
  });

  it('validates module options and rejects options for modules the project does not use', () => {
    const withOptions = { ...base, options: z.object({ threshold: z.number().min(0).max(1).default(0.5) }) };
    const catalog = fixtureCatalog([[withOptions, { 't.txt.hbs': '{{options.threshold}}' }]]);
    expect(generateProject(catalog, answers()).tree.read('t.txt', 'utf8')).toBe('0.5');
    expect(generateProject(catalog, answers({ moduleOptions: { 'core/base': { threshold: 0.9 } } })).tree.read('t.txt', 'utf8')).toBe('0.9');
    expect(() => generateProject(catalog, answers({ moduleOptions: { 'core/base': { threshold: 2 } } }))).toThrow(/threshold: Too big/);
    expect(() => generateProject(catalog, answers({ moduleOptions: { 'x/y': {} } }))).toThrow(/does not use: x\/y/);
  });

  it('fails on a file no rule declares and on a template that uses an unknown variable', () => {
    const undeclared = fixtureCatalog([[{ ...base, files: [{ include: 'src/**' }] }, { 'other.txt': 'x' }]]);
    expect(() => generateProject(undeclared, answers())).toThrow(/files\/other.txt matches no rule/);
    const unknownVariable = fixtureCatalog([[base, { 'x.txt.hbs': '{{nope}}' }]]);
    expect(() => generateProject(unknownVariable, answers())).toThrow(/Cannot render core\/base\/files\/x.txt.hbs: "nope" not defined/);
  });

  it('rejects invalid answers with the field named', () => {
    const catalog = fixtureCatalog([[base, { 'a.txt': 'a' }]]);
    expect(() => generateProject(catalog, answers({ environments: ['dev', 'dev'] }))).toThrow(/environments: environments must be unique/);
    expect(() => generateProject(catalog, answers({ preset: 'nope' }))).toThrow(/Unknown preset "nope"/);
  });

  it('adds the files a module computes in code, under the same ownership and collision rules', () => {
    const computing: ModuleDefinitionInput = {
      ...base,
      files: [],
      generate: ({ answers, factoryVersion }) => [
        { path: 'platform.json', content: JSON.stringify({ team: answers.team, factoryVersion }), owner: 'template' },
        { path: 'managed/out.txt', content: 'synthesized', owner: 'managed' },
      ],
    };
    const { tree, manifest } = generateProject(fixtureCatalog([[computing, {}]]), answers({ team: 'growth' }));
    expect(JSON.parse(tree.read('platform.json', 'utf8')!)).toEqual({ team: 'growth', factoryVersion: '9.9.9' });
    expect(manifest.files.find((f) => f.path === 'managed/out.txt')).toMatchObject({ owner: 'managed', module: 'core/base' });

    const clash = fixtureCatalog([[{ ...computing, files: [{ include: '**' }] }, { 'platform.json': '{}' }]]);
    expect(() => generateProject(clash, answers())).toThrow(/core\/base and core\/base both write platform.json/);
    expect(() => ModuleDefinitionSchema.parse({ ...base, files: [] })).toThrow(/a module contributes files, a generate function, or both/);
  });
});
