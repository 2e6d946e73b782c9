import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { manifestJsonSchema } from './manifest.js';

describe('manifest JSON Schema', () => {
  it('is committed exactly as the zod schema emits it (npm run schema -w @ai-factory/engine)', () => {
    const committed = JSON.parse(readFileSync(new URL('../manifest.schema.json', import.meta.url), 'utf8'));
    expect(committed).toEqual(manifestJsonSchema());
  });
});
