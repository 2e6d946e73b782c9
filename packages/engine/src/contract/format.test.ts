import { describe, expect, expectTypeOf, it } from 'vitest';
import { fileFormat, isFreeFormat, safeHelpers, type TemplateFormat } from './format.js';

describe('template formats', () => {
  it('are the formats the factory knows, not any string', () => {
    expectTypeOf<TemplateFormat>().toEqualTypeOf<'yaml' | 'json' | 'toml' | 'hcl' | 'python' | 'shell' | 'dockerfile' | 'markdown' | 'text'>();
    // @ts-expect-error a name the factory has no format for
    const unknown: TemplateFormat = 'anything';
    expect(unknown).toBe('anything');
  });

  it('are read from the output name, with or without .hbs', () => {
    expect(fileFormat('infra/main.tf.hbs')).toBe('hcl');
    expect(fileFormat('Dockerfile.serve.hbs')).toBe('dockerfile');
    expect(fileFormat('src/train.py')).toBe('python');
    expect(fileFormat('docs/README.md.hbs')).toBe('markdown');
    expect(fileFormat('LICENSE')).toBeUndefined();
    expect(fileFormat('data.parquet')).toBeUndefined();
  });

  it('need a helper unless nothing in them is parsed', () => {
    expect(isFreeFormat('markdown')).toBe(true);
    expect(isFreeFormat('yaml')).toBe(false);
    expect(isFreeFormat(undefined)).toBe(false);
    expect(safeHelpers('markdown')).toEqual([]);
    expect(safeHelpers('shell')).toEqual(['sh', 'inComment']);
  });
});
