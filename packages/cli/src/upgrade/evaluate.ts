/**
 * The managed files of an upgraded project, synthesized from its config as the upgrade leaves it. The
 * config is evaluated from a scratch copy of the upgraded tree's scripts, so a config split over several
 * files reads the migrated ones, and nothing depends on the current directory or the working tree.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { SHARED_PACKAGE, transpileToCommonJs } from '@ai-factory/codemods';
import { CONFIG_FILE, evaluateConfig, synthesize } from '@ai-factory/shared';
import { ContentCache } from './content-cache.js';
import { UpgradeError } from './report.js';

/** What a config can import: scripts and JSON, outside installed packages. */
const IMPORTABLE = /\.(c|m)?(t|j)sx?$|\.json$/;
/** The module specifiers of static imports and re-exports (`from '…'`, `import '…'`). */
const SPECIFIERS = /\bfrom\s*(['"])(.*?)\1|\bimport\s*(['"])(.*?)\3/g;
/** Ways to reach a file other than a static import: require, import(), the module's own location. */
const OTHER_REACH = /\brequire\b|\bimport\s*\(|import\.meta|__dirname|__filename/;

/**
 * True when the config can reach no other file of the project: it imports only the shared package and
 * Node's built-ins, and neither requires, imports dynamically nor asks where it is. Over-approximate (a
 * comment that looks like an import counts): only a config it clears is evaluated without the other files.
 */
function selfContained(config: string): boolean {
  const specifiers = [...config.matchAll(SPECIFIERS)].map((match) => match[2] ?? match[4]);
  return !OTHER_REACH.test(config) && specifiers.every((specifier) => specifier === SHARED_PACKAGE || specifier?.startsWith('node:'));
}

/**
 * The artifacts depend only on the files the config can import (the config among them) and on this
 * process's @ai-factory/shared: repositories with the same config and scripts are evaluated once.
 */
const synthesized = new ContentCache<Promise<ReadonlyMap<string, Buffer>>>();

export async function synthesizeManaged(files: ReadonlyMap<string, Buffer>, links: ReadonlySet<string>): Promise<Map<string, Buffer>> {
  const config = files.get(CONFIG_FILE);
  if (!config) throw new UpgradeError('malformed-config', `${CONFIG_FILE} is missing after the upgrade: restore it, then run the upgrade again.`);
  if (links.has(CONFIG_FILE)) throw new UpgradeError('malformed-config', `${CONFIG_FILE} is a symbolic link: the upgrade migrates and evaluates the file itself, so put it back in the repository.`, { file: CONFIG_FILE });
  // The generated config imports nothing but the shared package: then it alone is written and is the key.
  const importable: [string, Buffer][] = selfContained(config.toString('utf8'))
    ? [[CONFIG_FILE, config]]
    : [...files].filter(([path]) => IMPORTABLE.test(path) && !links.has(path) && !path.split('/').includes('node_modules'));
  // A copy: the caller adds the modules' own managed files to it.
  return new Map(await synthesized.get(importable.flat(), () => evaluateCopy(config, importable)));
}

async function evaluateCopy(config: Buffer, importable: readonly [string, Buffer][]): Promise<ReadonlyMap<string, Buffer>> {
  const dir = mkdtempSync(join(tmpdir(), 'ai-factory-config-'));
  try {
    for (const [path, content] of importable) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), content);
    }
    // As the project's own synth reads it: UTF-8. The compiler the type-check loaded transpiles, not Babel.
    const declaration = await evaluateConfig(config.toString('utf8'), dir, { transpile: transpileToCommonJs });
    return new Map(synthesize(declaration).map((artifact) => [artifact.path, Buffer.from(artifact.content)]));
  } catch (error) {
    if (error instanceof UpgradeError) throw error;
    // The scratch copy's location means nothing to the team: paths are given within the project.
    const message = (error as Error).message.replaceAll(`${dir}/`, '').split('\n').slice(0, 6).join('\n');
    throw new UpgradeError('malformed-config', `${CONFIG_FILE} does not evaluate after the upgrade: ${message}`, { file: CONFIG_FILE });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
