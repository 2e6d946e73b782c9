/**
 * The Handlebars environment for templates: HTML escaping off (it is wrong for every file we write),
 * strict variables, and one escaping helper per target format.
 */
import Handlebars from 'handlebars';
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

const handlebars = Handlebars.create();
for (const [name, escape] of Object.entries(ESCAPING_HELPERS)) {
  // The last argument Handlebars passes is its options hash; the value is the first.
  handlebars.registerHelper(name, (value: unknown) => escape(value));
}
handlebars.registerHelper('eq', (a: unknown, b: unknown) => a === b);
// For subexpressions such as `{{json (string gpu.count)}}`: exec-form arrays need strings, not numbers.
handlebars.registerHelper('string', (value: unknown) => String(value));
handlebars.registerHelper('includes', (list: unknown, item: unknown) => Array.isArray(list) && list.includes(item));

const compiled = new Map<string, Handlebars.TemplateDelegate>();

/** Renders a template; compiled templates are cached by source, since generation renders the same ones often. */
export function renderTemplate(source: string, context: object): string {
  let template = compiled.get(source);
  if (!template) {
    template = handlebars.compile(source, {
      noEscape: true,
      strict: true,
      knownHelpersOnly: true,
      knownHelpers: Object.fromEntries([...Object.keys(ESCAPING_HELPERS), 'eq', 'includes', 'string'].map((name) => [name, true])),
    });
    compiled.set(source, template);
  }
  return template(context);
}
