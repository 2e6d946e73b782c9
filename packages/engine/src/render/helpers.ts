/**
 * The Handlebars environment for templates: HTML escaping off (it is wrong for every file we write),
 * strict variables, and one escaping helper per target format.
 */
import type Handlebars from 'handlebars';
import runtimeModule from 'handlebars/runtime.js';
import { handlebarsCompiler } from './compiler.js';
import { hclValue, jsonValue, pythonIdentifier, pythonValue, shellWord, tomlValue, yamlValue } from './escape.js';
import { insideComment, insideHclString, insidePythonString, insideString } from './inside.js';

/**
 * Escaping helpers by name, as templates call them: `{{yaml description}}`. The `in…` helpers write part
 * of a literal the template opened (`"v-{{inString name}}"`, `# {{inComment team}}`), see `inside.ts`.
 */
export const ESCAPING_HELPERS = {
  yaml: yamlValue,
  json: jsonValue,
  toml: tomlValue,
  hcl: hclValue,
  py: pythonValue,
  pyIdent: pythonIdentifier,
  sh: shellWord,
  inString: insideString,
  inPyString: insidePythonString,
  inHclString: insideHclString,
  inComment: insideComment,
} as const;

/** The helpers that write part of a literal the template opened, rather than a whole value. */
export const INSIDE_LITERAL_HELPERS: readonly (keyof typeof ESCAPING_HELPERS)[] = ['inString', 'inPyString', 'inHclString', 'inComment'];

/**
 * Which helpers make an interpolation safe in each kind of file (used by the module contract check). Its
 * keys are kept (`satisfies`, not a `Record<string, …>` annotation) because they name the formats.
 */
export const HELPERS_BY_FORMAT = {
  yaml: ['yaml', 'json', 'inString', 'inComment'],
  json: ['json', 'inString'],
  toml: ['toml', 'inString', 'inComment'],
  hcl: ['hcl', 'inHclString', 'inComment'],
  python: ['py', 'pyIdent', 'inPyString', 'inComment'],
  shell: ['sh', 'inComment'],
  dockerfile: ['json', 'sh', 'inComment'],
} as const satisfies Record<string, readonly (keyof typeof ESCAPING_HELPERS)[]>;

/** Compile options of every template, at run time or at build time (`precompileTemplate`). */
const COMPILE_OPTIONS: CompileOptions = {
  noEscape: true,
  strict: true,
  knownHelpersOnly: true,
  knownHelpers: Object.fromEntries([...Object.keys(ESCAPING_HELPERS), 'eq', 'includes', 'string'].map((name) => [name, true])),
};

type CompileOptions = NonNullable<Parameters<typeof Handlebars.precompile>[1]>;
// The runtime's declaration file declares nothing; it is the full package's environment without the compiler.
type Environment = typeof Handlebars;
const HandlebarsRuntime = runtimeModule as unknown as Environment;

/** The helpers a template may call, registered on the environment that runs it. */
function withHelpers(env: Environment): Environment {
  for (const [name, escape] of Object.entries(ESCAPING_HELPERS)) {
    // The last argument Handlebars passes is its options hash; the value is the first.
    env.registerHelper(name, (value: unknown) => escape(value));
  }
  env.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  // For subexpressions such as `{{json (string gpu.count)}}`: exec-form arrays need strings, not numbers.
  env.registerHelper('string', (value: unknown) => String(value));
  env.registerHelper('includes', (list: unknown, item: unknown) => Array.isArray(list) && list.includes(item));
  return env;
}

const runtime = withHelpers(HandlebarsRuntime.create());
let compiling: Environment | undefined;

/** A template precompiled at build time: its source (the key, so an edited file is compiled afresh) and spec. */
export type PrecompiledTemplate = readonly [source: string, spec: TemplateSpecification];
type TemplateSpecification = Parameters<Environment['template']>[0];

const precompiled = new Map<string, TemplateSpecification>();
const compiled = new Map<string, Handlebars.TemplateDelegate>();

/** The JavaScript of a template's spec, for a build step to write into a module (see `addPrecompiledTemplates`). */
export function precompileTemplate(source: string): string {
  return handlebarsCompiler().precompile(source, COMPILE_OPTIONS) as string;
}

/** Makes templates precompiled at build time available to `renderTemplate`, by their source text. */
export function addPrecompiledTemplates(templates: readonly PrecompiledTemplate[]): void {
  for (const [source, spec] of templates) precompiled.set(source, spec);
}

/** Compiles a template that was not precompiled (external modules, definitions run from source). */
function compile(source: string): Handlebars.TemplateDelegate {
  compiling ??= withHelpers(handlebarsCompiler().create());
  return compiling.compile(source, COMPILE_OPTIONS);
}

/**
 * Renders a template; compiled templates are cached by source, since generation renders the same ones often.
 * A precompiled one runs on the Handlebars runtime; any other is compiled with the same options.
 */
export function renderTemplate(source: string, context: object): string {
  let template = compiled.get(source);
  if (!template) {
    const spec = precompiled.get(source);
    template = spec ? runtime.template(spec) : compile(source);
    compiled.set(source, template);
  }
  return template(context);
}
