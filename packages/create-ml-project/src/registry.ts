/**
 * The npm registry a new project installs from. The project's `.npmrc` names it, so every clone and every
 * CI run of the project resolves its packages (`@ai-factory/shared` among them) from the same place.
 */
import { FactoryError } from '@ai-factory/engine';

/** A registry URL as npm writes it: http(s), with a trailing slash. */
export function normalizeRegistry(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new FactoryError('invalid-answers', `--registry "${raw}" is not a URL.`, 'For example --registry https://npm.example.org/.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new FactoryError('invalid-answers', `--registry "${raw}" must be an http or https URL.`);
  }
  if (url.username || url.password || url.search) {
    // The URL lands in a committed .npmrc: credentials belong in the user's own npm config.
    throw new FactoryError('invalid-answers', `--registry "${raw}" must not carry credentials or a query.`, 'Keep tokens in your user ~/.npmrc.');
  }
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

/**
 * The registry of the npm configuration in force: the one `npm create` exported to us, else npm's answer.
 * execa loads only when npm has to be asked.
 */
export async function configuredRegistry(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const exported = env.npm_config_registry;
  if (exported) return normalizeRegistry(exported);
  const { execa } = await import('execa');
  const { stdout } = await execa('npm', ['config', 'get', 'registry'], { env });
  return normalizeRegistry(stdout);
}

/** The project's `.npmrc`: the registry and nothing secret. */
export const npmrc = (registry: string) => `registry=${registry}\n`;
