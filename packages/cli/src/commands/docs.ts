/**
 * `ai-factory docs`: serves the built playbook (docs/.vitepress/dist) on localhost (see
 * docs/site-server.ts, loaded only when the command runs).
 */
import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineCommand, UsageError } from '../command.js';
import { isFile } from '../docs/site-files.js';

/** The built site in the factory's source checkout: dist/commands → the repository root. */
export const DEFAULT_SITE_DIR = fileURLToPath(new URL('../../../../docs/.vitepress/dist', import.meta.url));
export const DEFAULT_PORT = 4173;

function parsePort(raw: string): number {
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port > 65535) throw new UsageError(`--port must be a number from 0 to 65535, not "${raw}".`);
  return port;
}

export default defineCommand({
  name: 'docs',
  summary: 'Serve the playbook (the built docs site) on localhost',
  usage: '',
  options: {
    port: { type: 'string', value: '<port>', description: 'Port to listen on; 0 picks a free one', default: String(DEFAULT_PORT) },
    dir: { type: 'string', value: '<path>', description: 'Built site to serve', default: 'docs/.vitepress/dist of the AI Factory checkout' },
  },
  details: [
    'Build the site first, in the AI Factory repository: npm run build && npm run docs:build.',
    'Exit codes: 0 after Ctrl-C, 1 when the site is not built or the port cannot be used, 2 for wrong arguments.',
    'Example: ai-factory docs --port 0',
  ].join('\n'),
  async run({ options }, io) {
    const port = parsePort(options.port ?? String(DEFAULT_PORT));
    const dir = options.dir !== undefined ? (isAbsolute(options.dir) ? options.dir : resolve(io.cwd, options.dir)) : DEFAULT_SITE_DIR;
    if (!isFile(join(dir, 'index.html'))) {
      io.stderr(
        `The playbook is not built: ${dir} has no index.html.\n` +
          'Build it in the AI Factory repository with `npm run build && npm run docs:build`, then run `ai-factory docs` again.\n',
      );
      return 1;
    }
    const { serveSite } = await import('../docs/site-server.js');
    return serveSite(dir, port, io);
  },
});
