/**
 * The definition, README and test of a contributed module, rendered from the factory's own generator
 * templates (`generators/templates/module/`), so `contribute` and `npm run new:module` scaffold modules alike.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FactoryError, renderTemplate } from '@ai-factory/engine';

export interface ScaffoldData {
  id: string;
  summary: string;
  description: string;
  /** Paths the module writes into a project, listed in its README. */
  files: string[];
}

export const SCAFFOLD_FILES = { 'module.ts': 'module.ts.hbs', 'README.md': 'README.md.hbs', 'module.test.ts': 'module.test.ts.hbs' } as const;

export function scaffoldModule(factoryDir: string, data: ScaffoldData): Record<keyof typeof SCAFFOLD_FILES, string> {
  const dir = join(factoryDir, 'generators', 'templates', 'module');
  const render = (template: string) => {
    const path = join(dir, template);
    if (!existsSync(path)) throw new FactoryError('invalid-target', `${factoryDir} is not an AI Factory repository: ${path} is missing.`);
    return renderTemplate(readFileSync(path, 'utf8'), data);
  };
  return Object.fromEntries(Object.entries(SCAFFOLD_FILES).map(([file, template]) => [file, render(template)])) as Record<keyof typeof SCAFFOLD_FILES, string>;
}
