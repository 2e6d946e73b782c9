/**
 * The Handlebars compiler (parser, code generator and their source-map dependency), loaded on first use:
 * generating from the built-in catalog renders precompiled templates with the runtime alone.
 */
import type Handlebars from 'handlebars';
import { onDemand } from '../on-demand.js';

/** The full Handlebars package, required synchronously the first time a template must be parsed or compiled. */
export const handlebarsCompiler = onDemand<typeof Handlebars>('handlebars');
