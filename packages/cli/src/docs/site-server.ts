/**
 * The playbook's static server: node:http over the built site (docs/.vitepress/dist), so the site needs no
 * web server and no network. Loaded only when `ai-factory docs` runs: node:http is what --help must not pay for.
 */
import { open } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join } from 'node:path';
import type { CommandIo } from '../command.js';
import { isFile, resolveSitePath } from './site-files.js';

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
function createSiteServer(root: string): Server {
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

/**
 * Serves `dir` on localhost at `port` (0 picks a free one) until SIGINT or SIGTERM; returns the exit code.
 * @example await serveSite('docs/.vitepress/dist', 4173, io) // 0 after Ctrl-C
 */
export async function serveSite(dir: string, port: number, io: CommandIo): Promise<number> {
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
}
