/**
 * The file format of a module file, by its output name: it decides which escaping helpers are safe for the
 * values a template interpolates.
 */
import { HELPERS_BY_FORMAT } from '../render/helpers.js';

/** Formats where any interpolation is safe: nothing in them is parsed. */
export const FREE_FORMATS = ['markdown', 'text'] as const;

export type FreeFormat = (typeof FREE_FORMATS)[number];

/** A format the factory knows: one with escaping helpers, or a free one. */
export type TemplateFormat = keyof typeof HELPERS_BY_FORMAT | FreeFormat;

const BY_EXTENSION: Record<string, TemplateFormat> = {
  yaml: 'yaml',
  yml: 'yaml',
  json: 'json',
  toml: 'toml',
  tf: 'hcl',
  tfvars: 'hcl',
  hcl: 'hcl',
  py: 'python',
  sh: 'shell',
  bash: 'shell',
  md: 'markdown',
  markdown: 'markdown',
  txt: 'text',
};

/**
 * The format of `path` (a module source path, with or without `.hbs`), or undefined when it is not known.
 * @example fileFormat('infra/main.tf.hbs') // 'hcl'
 * @example fileFormat('Dockerfile.serve.hbs') // 'dockerfile'
 */
export function fileFormat(path: string): TemplateFormat | undefined {
  const name = (path.split('/').pop() ?? path).replace(/\.hbs$/, '');
  if (/^Dockerfile(\.|$)/.test(name) || name.endsWith('.Dockerfile') || name.endsWith('.dockerfile')) return 'dockerfile';
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return undefined;
  return BY_EXTENSION[name.slice(dot + 1).toLowerCase()];
}

/** True when interpolations in this format need no escaping helper. */
export function isFreeFormat(format: TemplateFormat | undefined): format is FreeFormat {
  return format !== undefined && (FREE_FORMATS as readonly string[]).includes(format);
}

/** The helpers that make an interpolation safe in `format`. */
export function safeHelpers(format: TemplateFormat): readonly string[] {
  return isFreeFormat(format) ? [] : HELPERS_BY_FORMAT[format];
}
