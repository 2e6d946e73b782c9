import { describe, expect, it } from 'vitest';
import { defineCodemod } from './codemod.js';
import { importsShared } from './run.js';
import { selectCodemods } from './select.js';

const codemod = (name: string, introducedIn: string) =>
  defineCodemod({ name, description: name, introducedIn, idempotent: true, transform: () => false });

describe('selectCodemods', () => {
  const all = [codemod('c', '3.0.0'), codemod('b', '2.0.0'), codemod('a', '2.0.0'), codemod('old', '1.1.0'), codemod('next', '4.0.0')];

  it('takes every codemod after the current version up to the target, oldest first', () => {
    expect(selectCodemods(all, '1.1.0', '3.0.0').map((c) => c.name)).toEqual(['a', 'b', 'c']);
  });

  it('never skips a migration when versions are skipped, and selects nothing for a no-op upgrade', () => {
    expect(selectCodemods(all, '1.0.0', '4.0.0').map((c) => c.name)).toEqual(['old', 'a', 'b', 'c', 'next']);
    expect(selectCodemods(all, '3.0.0', '3.0.0')).toEqual([]);
  });
});

describe('importsShared', () => {
  it('spots files that import the shared package, and only those', () => {
    expect(importsShared(`import { defineProject } from '@ai-factory/shared';`)).toBe(true);
    expect(importsShared(`import {\n  gpu,\n} from "@ai-factory/shared"`)).toBe(true);
    expect(importsShared(`import { z } from 'zod'; // @ai-factory/shared`)).toBe(false);
  });
});
