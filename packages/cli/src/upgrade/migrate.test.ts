import { CodemodRunner, loadCodemods } from '@ai-factory/codemods';
import { describe, expect, it } from 'vitest';
import { migrate } from './migrate.js';

const codemods = (await loadCodemods()).filter(({ name }) => name === 'rename-define-project');
const runner = new CodemodRunner();
const config = (extra: string): Map<string, Buffer> =>
  new Map([['ai-factory.config.ts', Buffer.from(`import { defineProject } from '@ai-factory/shared';\nexport default defineProject({ name: 'p' });\n${extra}`)]]);
const text = (files: ReadonlyMap<string, Buffer>) => files.get('ai-factory.config.ts')!.toString('utf8');

describe('migrate, kept by content', () => {
  it('migrates the same sources to the same result, and other sources anew', () => {
    const first = migrate(config(''), new Set(), codemods, runner);
    expect(text(first.files)).toContain('defineMlProject(');
    expect(migrate(config(''), new Set(), codemods, runner)).toEqual(first);
    const other = migrate(config('// team 42\n'), new Set(), codemods, runner);
    expect(text(other.files)).toContain('// team 42');
    expect(text(first.files)).not.toContain('// team 42');
  });

  it('runs another set of codemods anew: none applied is none applied', () => {
    migrate(config(''), new Set(), codemods, runner);
    const others = migrate(config(''), new Set(), [{ ...codemods[0]!, name: 'another', transform: () => false }], runner);
    expect(others.applied).toEqual([]);
    expect(text(others.files)).toContain('defineProject(');
  });
});
