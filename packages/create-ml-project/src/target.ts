/** Checks where a project may be written, before anything is asked or rendered. */
import { accessSync, constants, existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { FactoryError } from '@ai-factory/engine';

/** Resolves the target folder and throws when it cannot receive a new project. */
export function checkTarget(directory: string, cwd: string): string {
  const target = resolve(cwd, directory);
  if (!isAbsolute(directory) && relative(cwd, target).split(/[\\/]/)[0] === '..') {
    throw new FactoryError(
      'invalid-target',
      `The directory "${directory}" escapes the current directory through "..".`,
      'Pass a path inside the current directory, or an absolute path.',
    );
  }
  if (existsSync(target)) {
    if (!statSync(target).isDirectory()) throw new FactoryError('invalid-target', `${target} is a file, not a directory.`, 'Choose another directory.');
    if (readdirSync(target).length > 0) {
      throw new FactoryError('invalid-target', `${target} is not empty.`, 'Choose a new or empty directory; nothing is ever overwritten.');
    }
  }
  const parent = dirname(target);
  if (!existsSync(parent) || !statSync(parent).isDirectory()) {
    throw new FactoryError('invalid-target', `The parent directory ${parent} does not exist.`, `Create it first: mkdir -p ${parent}`);
  }
  try {
    accessSync(parent, constants.W_OK);
  } catch {
    throw new FactoryError('invalid-target', `The parent directory ${parent} is not writable.`, 'Choose a directory you can write to.');
  }
  return target;
}
