/**
 * `ai-factory docs`: serves the built playbook (docs/.vitepress/dist) on localhost with node:http, so
 * the site needs no web server and no network.
 */
import { existsSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, isAbsolute, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineCommand, UsageError } from '../command.js';

/** The built site in the factory's source checkout: dist/commands → the repository root. */
export const DEFAULT_SITE_DIR = fileURLToPath(new URL('../../../../docs/.vitepress/dist', import.meta.url));
export const DEFAULT_PORT = 4173;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
};

const isFile = (path: string) => existsSync(path) && statSync(path).isFile();

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

async function send(response: ServerResponse, status: number, file: string, headOnly: boolean): Promise<void> {
  const handle = await open(file);
  try {
    const { size } = await handle.stat();
    response.writeHead(status, { 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream', 'content-length': size });
    if (headOnly) return void response.end();
    await new Promise<void>((done, fail) => handle.createReadStream({ autoClose: false }).on('error', fail).on('end', done).pipe(response));
  } finally {
    await handle.close();
  }
}

/** A static server for `root`; unknown paths get the site's 404 page with status 404. */
export function createSiteServer(root: string): Server {
  return createServer((request: IncomingMessage, response: ServerResponse) => {
    const method = request.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const file = resolveSitePath(root, path);
    const notFound = join(root, '404.html');
    const [status, body] = file ? [200, file] : [404, isFile(notFound) ? notFound : undefined];
    if (!body) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found\n');
      return;
    }
    send(response, status, body, method === 'HEAD').catch(() => {
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
}

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
    const server = createSiteServer(dir);
    try {
      await new Promise<void>((listening, fail) => server.once('error', fail).listen(port, 'localhost', listening));
    } catch (error) {
      io.stderr(`Cannot listen on port ${port}: ${(error as Error).message}\n`);
      return 1;
    }
    const address = server.address();
    const actual = typeof address === 'object' && address ? address.port : port;
    io.stdout(`Serving the playbook at http://localhost:${actual}/ (Ctrl-C to stop)\n`);
    // Serve until interrupted; closing lets in-flight responses finish.
    await new Promise<void>((stopped) => {
      const stop = () => {
        process.off('SIGINT', stop).off('SIGTERM', stop);
        server.close(() => stopped());
        server.closeAllConnections();
      };
      process.on('SIGINT', stop).on('SIGTERM', stop);
    });
    return 0;
  },
});
