/** Loads every codemod in `codemods/` by folder, so a new one is picked up with no edit elsewhere. */
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Codemod } from './codemod.js';

const CODEMODS_DIR = new URL('./codemods/', import.meta.url);

let cached: Promise<Codemod[]> | undefined;

/** Every codemod, in no particular order: use `selectCodemods` to order them. */
export function loadCodemods(): Promise<Codemod[]> {
  cached ??= Promise.all(
    readdirSync(fileURLToPath(CODEMODS_DIR))
      .filter((file) => /\.(js|ts)$/.test(file) && !file.endsWith('.d.ts') && !file.includes('.test.'))
      .sort()
      .map(async (file) => {
        const codemod = ((await import(pathToFileURL(fileURLToPath(new URL(file, CODEMODS_DIR))).href)) as { default: Codemod }).default;
        if (`${codemod.name}.${file.split('.').pop()}` !== file) throw new Error(`Codemod ${file} is named "${codemod.name}"; the name must match the file.`);
        return codemod;
      }),
  );
  return cached;
}
