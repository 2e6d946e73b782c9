/** `ai-factory docs`, run as the built bin against a small site in a temporary folder. */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { get, type IncomingMessage } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../dist/bin.js', import.meta.url));

let root: string;
let site: string;
const children: ChildProcess[] = [];

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'ai-factory-docs-'));
  site = join(root, 'site');
  mkdirSync(join(site, 'guide'), { recursive: true });
  mkdirSync(join(site, 'reference'), { recursive: true });
  writeFileSync(join(site, 'index.html'), '<h1>home</h1>');
  writeFileSync(join(site, 'guide', 'drift.html'), '<h1>drift</h1>');
  writeFileSync(join(site, 'reference', 'index.html'), '<h1>reference</h1>');
  writeFileSync(join(site, 'style.css'), 'h1 {}');
  writeFileSync(join(site, '404.html'), '<h1>not found</h1>');
  writeFileSync(join(root, 'secret.txt'), 'outside the site');
});

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

function run(args: string[]): { child: ChildProcess; stdout: () => string; stderr: () => string; exit: Promise<number | null> } {
  const child = spawn(process.execPath, [BIN, 'docs', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  child.stderr.on('data', (chunk) => (err += chunk));
  const exit = once(child, 'exit').then(([code]) => code as number | null);
  return { child, stdout: () => out, stderr: () => err, exit };
}

/** GET with the path sent byte for byte. */
async function rawGet(base: string, path: string): Promise<{ status: number; body: string }> {
  const request = get({ host: 'localhost', port: new URL(base).port, path });
  const [response] = (await once(request, 'response')) as [IncomingMessage];
  let body = '';
  for await (const chunk of response) body += chunk;
  return { status: response.statusCode ?? 0, body };
}

/** Starts the server and returns its base URL, read from what it prints. */
async function serve(args: string[]) {
  const running = run(args);
  const deadline = Date.now() + 15_000;
  while (!/http:\/\/localhost:\d+\//.test(running.stdout())) {
    if (running.child.exitCode !== null || Date.now() > deadline) throw new Error(`docs did not start: ${running.stderr()}`);
    await new Promise((done) => setTimeout(done, 50));
  }
  return { ...running, url: /http:\/\/localhost:\d+\//.exec(running.stdout())![0] };
}

describe('ai-factory docs', () => {
  it('serves the built site with clean URLs and stops with exit code 0', async () => {
    const server = await serve(['--dir', site, '--port', '0']);
    expect(server.url).not.toBe('http://localhost:0/');

    const home = await fetch(server.url);
    expect(home.status).toBe(200);
    expect(home.headers.get('content-type')).toContain('text/html');
    expect(await home.text()).toBe('<h1>home</h1>');
    expect(await (await fetch(new URL('guide/drift', server.url))).text()).toBe('<h1>drift</h1>');
    expect(await (await fetch(new URL('guide/drift.html', server.url))).text()).toBe('<h1>drift</h1>');
    expect(await (await fetch(new URL('reference/', server.url))).text()).toBe('<h1>reference</h1>');
    expect((await fetch(new URL('style.css', server.url))).headers.get('content-type')).toContain('text/css');

    const missing = await fetch(new URL('no/such/page', server.url));
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe('<h1>not found</h1>');
    // fetch() would normalise `..` away, so send the raw path: it decodes to /../secret.txt.
    const escape = await rawGet(server.url, '/..%2fsecret.txt');
    expect(escape.status).toBe(404);
    expect(escape.body).not.toContain('outside the site');
    expect((await fetch(server.url, { method: 'POST' })).status).toBe(405);

    server.child.kill('SIGTERM');
    expect(await server.exit).toBe(0);
  });

  it('says how to build the site when it is missing, with exit code 1', async () => {
    const missing = run(['--dir', join(root, 'not-built'), '--port', '0']);
    expect(await missing.exit).toBe(1);
    expect(missing.stderr()).toContain('The playbook is not built');
    expect(missing.stderr()).toContain('npm run docs:build');
    expect(missing.stdout()).toBe('');
  });

  it('exits 1 when the port is taken and 2 for a bad port', async () => {
    const blocker = createServer().listen(0, 'localhost');
    await once(blocker, 'listening');
    const port = (blocker.address() as { port: number }).port;
    try {
      const taken = run(['--dir', site, '--port', String(port)]);
      expect(await taken.exit).toBe(1);
      expect(taken.stderr()).toContain(`Cannot listen on port ${port}`);
    } finally {
      blocker.close();
    }
    const bad = run(['--dir', site, '--port', 'http']);
    expect(await bad.exit).toBe(2);
    expect(bad.stderr()).toContain('--port must be a number');
  });

  it('documents the default port in its help', async () => {
    const help = run(['--help']);
    expect(await help.exit).toBe(0);
    expect(help.stdout()).toContain('--port <port>');
    expect(help.stdout()).toContain('(default: 4173)');
  });
});
