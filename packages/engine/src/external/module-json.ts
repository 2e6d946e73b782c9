/**
 * External modules are data: a folder with `module.json` (the fields of a module definition, with `options`
 * as a JSON Schema) and `files/`. Nothing in the folder is imported or run, so a module fetched from another
 * repository can only contribute files, never execute code on the machine that generates.
 */
import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import * as z from 'zod/mini';
import { $ZodObject } from 'zod/v4/core';
import { describeIssues } from '../answers.js';
import { checkModuleDefinition } from '../catalog.js';
import { FactoryError } from '../errors.js';
import { ModuleDefinitionSchema, type CatalogModule } from '../module.js';
import { onDemand } from '../on-demand.js';

// Only classic zod converts JSON Schema; loaded when an external module has options, never at start.
const zodClassic = onDemand<typeof import('zod')>('zod');

export const MODULE_JSON = 'module.json';

/** `options` in module.json: a JSON Schema of an object whose every property has a default. */
const JsonSchemaObject = z.looseObject({ type: z.literal('object'), properties: z.record(z.string(), z.looseObject({})) });

const { generate: _generate, options: _options, ...definitionFields } = ModuleDefinitionSchema.shape;

export const ExternalModuleSchema = z.strictObject({
  ...definitionFields,
  $schema: z.optional(z.string()),
  options: z.optional(JsonSchemaObject),
});
export type ExternalModuleJson = z.input<typeof ExternalModuleSchema>;

/** Keys that would make the factory run something; named in the error so the author knows why. */
const CODE_KEYS = ['generate', 'hooks', 'scripts', 'postGenerate', 'preGenerate', 'exec', 'command'];
/** Files beside module.json that only make sense if something ran them. */
const CODE_FILE = /\.(m|c)?(js|ts)x?$|\.(py|sh|bash|ps1|rb|pl)$/;
/** Tests are run by the source's own CI, never by generation. */
const TEST_FILE = /\.test\.(m|c)?(js|ts)$/;

/** Symlinks could pull files from outside the fetched tree into a project; code files would need running. */
function codeAndLinks(dir: string): string[] {
  const found: string[] = [];
  for (const path of readdirSync(dir, { recursive: true }) as string[]) {
    const posix = path.split(sep).join('/');
    if (lstatSync(join(dir, path)).isSymbolicLink()) found.push(`${posix} is a symbolic link`);
    else if (!posix.startsWith('files/') && CODE_FILE.test(posix) && !TEST_FILE.test(posix)) found.push(`${posix} is code the module would need to run`);
  }
  return found;
}

/**
 * Reads and validates `<root>/<category>/<name>/module.json`.
 * @param source the `--source` spec it was fetched from, recorded on the module
 */
export function loadModuleJson(dir: string, root: string, source?: string): CatalogModule {
  const where = relative(root, dir).split(sep).join('/');
  const fail = (message: string) => new FactoryError('invalid-module', `External module ${where}: ${message}`);
  const file = join(dir, MODULE_JSON);
  if (!existsSync(file)) throw fail(`no ${MODULE_JSON}; an external module is data, not code`);
  const code = codeAndLinks(dir);
  if (code.length > 0) throw fail(`external modules are data only and nothing in them is run:\n${code.join('\n')}`);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw fail(`${MODULE_JSON} is not valid JSON: ${(error as Error).message}`);
  }
  const asks = typeof raw === 'object' && raw !== null ? CODE_KEYS.filter((key) => key in raw) : [];
  if (asks.length > 0) throw fail(`${MODULE_JSON} asks to run code (${asks.join(', ')}); external modules are data only`);
  const parsed = z.safeParse(ExternalModuleSchema, raw);
  if (!parsed.success) throw fail(`invalid ${MODULE_JSON}:\n${describeIssues(parsed.error)}`);
  const { options: jsonOptions, $schema: _schema, ...fields } = parsed.data;
  let options: $ZodObject | undefined;
  if (jsonOptions) {
    const converted = zodClassic().fromJSONSchema(jsonOptions);
    if (!(converted instanceof $ZodObject)) throw fail('options must be a JSON Schema of an object');
    if (!z.safeParse(converted, {}).success) throw fail('every option needs a default, so --yes can generate');
    options = converted;
  }
  const module = checkModuleDefinition({ ...fields, ...(options ? { options } : {}) }, dir, root);
  return source === undefined ? module : { ...module, source };
}
