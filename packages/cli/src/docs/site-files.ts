/** Which file of the built site a URL names: light (node:fs and node:path), so the command can check the site before loading the server. */
import { existsSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';

export const isFile = (path: string) => existsSync(path) && statSync(path).isFile();

/**
 * The file a URL path names inside `root`, or undefined. The site is built with clean URLs, so
 * `/guide/drift` is `guide/drift.html` and `/reference/` is `reference/index.html`.
 */
export function resolveSitePath(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const base = resolve(root);
  const target = resolve(base, `.${decoded.startsWith('/') ? decoded : `/${decoded}`}`);
  // A path that escapes the site (`/../`) names nothing.
  if (target !== base && !target.startsWith(base + sep)) return undefined;
  return [target, `${target}.html`, join(target, 'index.html')].find(isFile);
}
