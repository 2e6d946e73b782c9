/**
 * The definition, README and test of a contributed module, rendered from the factory's own generator
 * templates (`generators/templates/module/`), so `contribute` and `npm run new:module` scaffold modules alike.
 */
import { FactoryError, renderTemplate } from '@ai-factory/engine';

export interface ScaffoldData {
  id: string;
  summary: string;
  description: string;
  /** Paths the module writes into a project, listed in its README. */
  files: string[];
  /** Modules the contributed files need (their imports), written into `requires`. */
  requires: string[];
}

export const SCAFFOLD_FILES = { 'module.ts': 'module.ts.hbs', 'README.md': 'README.md.hbs', 'module.test.ts': 'module.test.ts.hbs' } as const;
const TEMPLATES = 'generators/templates/module';

/**
 * @param read a factory file's text by repository path (the commit the contribution starts from), or undefined
 */
export async function scaffoldModule(read: (path: string) => Promise<string | undefined>, data: ScaffoldData): Promise<Record<keyof typeof SCAFFOLD_FILES, string>> {
  const entries = await Promise.all(
    Object.entries(SCAFFOLD_FILES).map(async ([file, template]) => {
      const source = await read(`${TEMPLATES}/${template}`);
      if (source === undefined) throw new FactoryError('invalid-target', `This is not an AI Factory repository: ${TEMPLATES}/${template} is missing.`);
      return [file, renderTemplate(source, data)] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<keyof typeof SCAFFOLD_FILES, string>;
}
