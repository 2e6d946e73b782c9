/**
 * The generated Dockerfiles build, and what they build runs: the train and serve images of the
 * aws-tabular preset are built with `podman build --isolation chroot` on a Debian base made by
 * debootstrap (the only packages this machine reaches), then each image's filesystem is mounted and its
 * own entry point run under chroot: training on the sample (mounted, as the Dockerfile says), the gate promoting the champion,
 * and the service answering its health route with that champion. Running containers needs cgroups,
 * which these machines lack; building and chroot do not.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chrootRun, chrootStart, debianBaseImage, freePort, imageConfig, podmanBuild, withMountedImage, type ImageConfig } from '@ai-factory/testing';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'packages/create-ml-project/dist/bin.js');
const PRESET = 'aws-tabular';
const started = Date.now();

/** What the train and serve images import, from Debian: the Dockerfiles' pip has no index to reach. */
const PACKAGES = [
  'python3', 'python-is-python3', 'python3-pip', 'python3-setuptools', 'python3-wheel',
  'python3-numpy', 'python3-pandas', 'python3-scipy', 'python3-sklearn', 'python3-joblib', 'python3-matplotlib',
  'python3-prometheus-client', 'python3-fastapi', 'python3-uvicorn', 'python3-pydantic',
];

/**
 * pip in the base installs the project alone (its dependencies are the Debian packages above), with the
 * build backend Debian ships, offline, into the system Python Debian marks as externally managed.
 */
const PIP_OFFLINE = ['PIP_NO_INDEX=1', 'PIP_NO_DEPS=1', 'PIP_NO_BUILD_ISOLATION=0', 'PIP_BREAK_SYSTEM_PACKAGES=1'];

const work = mkdtempSync(join(tmpdir(), 'images-'));
const project = join(work, PRESET);
const packageName = PRESET.replace(/-/g, '_');
const tag = (image: string) => `localhost/${PRESET}-${image}:e2e`;
const seconds = (since: number) => `${Math.round((Date.now() - since) / 1000)} s`;
let base: string;

afterAll(async () => {
  await execa('podman', ['rmi', '--force', tag('train'), tag('serve')], { reject: false });
  rmSync(work, { recursive: true, force: true });
  console.log(`e2e/images: ${seconds(started)} in all`);
});

describe(`the ${PRESET} images, built with podman and run under chroot`, { timeout: 600_000 }, () => {
  it('generates the project and makes (or reuses) the Debian base image', async () => {
    const generated = await execa('node', [BIN, project, '--yes', '--preset', PRESET], { reject: false, env: { HOME: work } });
    expect(generated.exitCode, generated.stderr).toBe(0);
    const since = Date.now();
    base = await debianBaseImage({ packages: PACKAGES, env: PIP_OFFLINE, cacheDir: join(ROOT, '.cache/debian-base') });
    console.log(`e2e/images: base image ${base} in ${seconds(since)}`);
  });

  it('builds Dockerfile.train, and its entry point trains on the mounted sample; evaluate promotes a champion', async () => {
    const since = Date.now();
    await podmanBuild(project, 'Dockerfile.train', tag('train'), { BASE_IMAGE: base });
    const config = await imageConfig(tag('train'));
    expect(config.cmd).toEqual(['python', '-m', packageName, 'train']);
    const runs = join(work, 'out/runs');
    const registry = join(work, 'out/model-registry');
    mkdirSync(runs, { recursive: true });
    mkdirSync(registry, { recursive: true });
    // As the Dockerfile's own comment says: mount the data, and runs/ and model-registry/ to keep what it writes.
    const binds = { [join(project, 'data')]: '/app/data', [runs]: '/app/runs', [registry]: '/app/model-registry' };
    await withMountedImage(tag('train'), async (root) => {
      const train = await chrootRun({ root, config, command: config.cmd, binds });
      expect(train.exitCode, train.stderr).toBe(0);
      expect(train.stdout).toMatch(/"accuracy"/);
      const evaluate = await chrootRun({ root, config, command: ['python', '-m', packageName, 'evaluate'], binds });
      expect(evaluate.exitCode, evaluate.stdout + evaluate.stderr).toBe(0);
    });
    // The serve image carries the champion, handed over as the deploy pipeline does: an artifact
    // download writes fresh files (the runner's umask), not the trainer's private 0600 modes.
    copyContents(registry, join(project, 'model-registry'));
    console.log(`e2e/images: train image built and run in ${seconds(since)}`);
  });

  it('builds Dockerfile.serve, and its entry point serves the champion on its health route', async () => {
    const since = Date.now();
    await podmanBuild(project, 'Dockerfile.serve', tag('serve'), { BASE_IMAGE: base });
    const config = await imageConfig(tag('serve'));
    const port = await freePort();
    await withMountedImage(tag('serve'), async (root) => {
      const server = chrootStart({ root, config, command: onLoopback(config, port) });
      let stderr = '';
      server.process.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      try {
        const health = await poll(`http://127.0.0.1:${port}/health`, () => server.process.exitCode !== null).catch((error: Error) => {
          throw new Error(`${error.message}\n${stderr}`);
        });
        expect(health, stderr).toMatchObject({ status: 200, body: { status: 'ok', model_version: expect.any(String) } });
      } finally {
        await server.stop();
      }
    });
    console.log(`e2e/images: serve image built and run in ${seconds(since)}`);
  });
});

/**
 * The image's command with the service bound to loopback on a free port: the test shares the host's
 * network, where the image's 0.0.0.0:8000 may be taken and must not be exposed.
 */
function onLoopback(config: ImageConfig, port: number): string[] {
  const command = [...config.cmd];
  const set = (flag: string, value: string) => {
    const at = command.indexOf(flag);
    if (at > 0) command[at + 1] = value;
    else command.push(flag, value);
  };
  set('--host', '127.0.0.1');
  set('--port', String(port));
  return command;
}

/** GETs `url` until it answers, the server has exited, or 60 s pass. */
async function poll(url: string, exited: () => boolean): Promise<{ status: number; body: unknown }> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline && !exited()) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      return { status: response.status, body: await response.json() };
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  throw new Error(exited() ? 'the service exited' : 'the service did not answer in 60 s');
}

/** Copies a directory tree's files by content alone, as an artifact upload and download does. */
function copyContents(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    if (entry.isDirectory()) copyContents(join(from, entry.name), join(to, entry.name));
    else writeFileSync(join(to, entry.name), readFileSync(join(from, entry.name)));
  }
}
