/**
 * The Handlebars compiler (parser, code generator and their source-map dependency), loaded on first use:
 * generating from the built-in catalog renders precompiled templates with the runtime alone.
 */
import { createRequire } from 'node:module';
import type Handlebars from 'handlebars';

let compiler: typeof Handlebars | undefined;

/** The full Handlebars package, required synchronously the first time a template must be parsed or compiled. */
export function handlebarsCompiler(): typeof Handlebars {
  compiler ??= createRequire(import.meta.url)('handlebars') as typeof Handlebars;
  return compiler;
}
