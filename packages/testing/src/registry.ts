/**
 * A private npm registry for tests: Verdaccio on 127.0.0.1 with its storage in a temporary folder. It serves
 * the packages published into it and proxies every other package to the registry npm is configured with
 * (read from `npm config get registry`, never written down), exactly as an organisation's registry does.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { requestJson } from './http.js';
import { freePort } from './ports.js';
import { npmConfig } from './npm.js';

export interface TestRegistry {
  /** e.g. `http://127.0.0.1:4873/`, with the trailing slash npm writes. */
  url: string;
  /** A publish token of the registry's one user. */
  token: string;
  /** Writes an npm user config naming this registry and its token; returns its path. */
  userConfig(dir: string): string;
  stop(): Promise<void>;
}

export interface RegistryOptions {
  /**
   * Names this registry owns: never looked up upstream, so a public package of the same name can never
   * be mixed into them.
   */
  ownPackages: readonly string[];
}

const verdaccioBin = () => join(dirname(createRequire(import.meta.url).resolve('verdaccio/package.json')), 'bin', 'verdaccio');

function configYaml(dir: string, port: number, upstream: string, own: readonly string[]): string {
  const local = (name: string) => [`  '${name}':`, '    access: $all', '    publish: $authenticated'];
  return [
    `storage: ${JSON.stringify(join(dir, 'storage'))}`,
    'auth:',
    '  htpasswd:',
    `    file: ${JSON.stringify(join(dir, 'htpasswd'))}`,
    'uplinks:',
    '  upstream:',
    `    url: ${JSON.stringify(upstream)}`,
    '    timeout: 120s',
    '    max_fails: 5',
    'packages:',
    ...own.flatMap(local),
    ...local('**'),
    '    proxy: upstream',
    `listen: 127.0.0.1:${port}`,
    'log: { type: stdout, format: pretty, level: warn }',
    '',
  ].join('\n');
}

async function waitUntilUp(url: string, server: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`Verdaccio exited with ${server.exitCode}:\n${output()}`);
    try {
      if ((await requestJson(`${url}-/ping`)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`Verdaccio did not answer on ${url} within 60 s:\n${output()}`);
}

/** Creates the registry's user through npm's own login endpoint and returns its token. */
async function addUser(url: string): Promise<string> {
  const name = 'release-bot';
  const { status, body } = await requestJson<{ token?: string; error?: string }>(`${url}-/user/org.couchdb.user:${name}`, {
    method: 'PUT',
    body: { name, password: `pw-${process.pid}-${Date.now()}`, type: 'user', roles: [] },
  });
  if (status !== 201 || !body.token) throw new Error(`Cannot create a registry user: ${status} ${body.error ?? ''}`);
  return body.token;
}

/**
 * Starts a registry; stop it when done.
 * @example const registry = await startRegistry({ ownPackages: ['create-ml-project', '@ai-factory/*'] });
 */
export async function startRegistry(options: RegistryOptions): Promise<TestRegistry> {
  const dir = mkdtempSync(join(tmpdir(), 'registry-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  const config = join(dir, 'config.yaml');
  writeFileSync(config, configYaml(dir, port, await npmConfig('registry'), options.ownPackages));
  const server = spawn(process.execPath, [verdaccioBin(), '--config', config], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  server.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  server.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  try {
    await waitUntilUp(url, server, () => output);
    const token = await addUser(url);
    return {
      url,
      token,
      userConfig(into) {
        const file = join(into, '.npmrc');
        writeFileSync(file, `registry=${url}\n//127.0.0.1:${port}/:_authToken=${token}\n`);
        return file;
      },
      async stop() {
        server.kill();
        await exited;
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    server.kill();
    await exited;
    throw error;
  }
}

/** The versions of `name` the registry holds (none when it has never seen the package). */
export async function publishedVersions(registry: Pick<TestRegistry, 'url'>, name: string): Promise<string[]> {
  const { status, body } = await requestJson<{ versions?: Record<string, unknown> }>(`${registry.url}${name.replace('/', '%2f')}`);
  if (status === 404) return [];
  if (status !== 200) throw new Error(`The registry answered ${status} for ${name}.`);
  return Object.keys(body.versions ?? {});
}
