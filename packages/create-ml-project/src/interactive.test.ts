import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listing, tempDir } from '@ai-factory/testing';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { BIN } from './test-support.js';

/** Runs the CLI in a pseudo-terminal (util-linux `script`) and types into it, waiting for each prompt. */
function terminal(args: string[], cwd: string) {
  // A new pty has no size, and the prompts would wrap after every character: give it one first.
  const child = execa('script', ['-qec', `stty cols 160 rows 50; node ${BIN} ${args.join(' ')}`, '/dev/null'], {
    cwd,
    reject: false,
    env: { HOME: cwd, GIT_CONFIG_NOSYSTEM: '1', TERM: 'xterm-256color' },
  });
  let screen = '';
  let transcript = '';
  child.stdout.on('data', (chunk: Buffer) => {
    screen += chunk.toString();
    transcript += chunk.toString();
  });
  const waitFor = async (text: string) => {
    const deadline = Date.now() + 15_000;
    while (!screen.includes(text)) {
      if (Date.now() > deadline) throw new Error(`Timed out waiting for "${text}"; screen:\n${screen}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    screen = screen.slice(screen.indexOf(text) + text.length);
  };
  const type = (keys: string) => child.stdin.write(keys);
  return { child, waitFor, type, transcript: () => transcript };
}

const ENTER = '\r';
const DOWN = '\u001b[B';
const RIGHT = '\u001b[C';
const CTRL_C = '\u0003';

describe('create-ml-project at a terminal', () => {
  it('asks every question the preset leaves open, and generates from the answers', async () => {
    const cwd = tempDir();
    const { child, waitFor, type, transcript } = terminal(['churn', '--no-git'], cwd);
    await waitFor('Preset');
    type(ENTER);
    await waitFor('What does the model do?');
    type(`Predicts "churn": #1 ü${ENTER}`);
    await waitFor('Owning team');
    type(`growth${ENTER}`);
    for (const prompt of ['Cloud', 'CI/CD']) {
      await waitFor(prompt);
      type(ENTER);
    }
    // A scikit-learn preset takes one framework and no GPU: neither is asked.
    await waitFor('Serving');
    type(`${DOWN}${DOWN}${ENTER}`);
    for (const prompt of ['Environments', 'Dashboards, alerts']) {
      await waitFor(prompt);
      type(ENTER);
    }
    await waitFor('Personas');
    type(ENTER);
    // Then how the project is set up: the registry npm is configured with, and no install.
    await waitFor('npm registry the project installs from');
    type(ENTER);
    await waitFor('Install the Node dependencies now');
    type(`${RIGHT}${ENTER}`);
    const result = await child;
    expect(result.exitCode, result.stdout).toBe(0);
    const manifest = JSON.parse(readFileSync(join(cwd, 'churn/.ai-factory/manifest.json'), 'utf8'));
    expect(manifest.answers).toMatchObject({ description: 'Predicts "churn": #1 ü', team: 'growth', serving: 'both', cloud: 'azure', framework: 'sklearn', gpu: null });
    expect(transcript()).not.toMatch(/ML framework|Training GPU|GPUs per node/);
    const registry = (await execa('npm', ['config', 'get', 'registry'], { cwd, env: { HOME: cwd } })).stdout.trim();
    expect(readFileSync(join(cwd, 'churn/.npmrc'), 'utf8')).toBe(`registry=${registry.replace(/\/?$/, '/')}\n`);
    expect(existsSync(join(cwd, 'churn/package-lock.json'))).toBe(false);
  });

  it("offers a GPU preset only the GPUs and counts its cloud sells", async () => {
    const cwd = tempDir();
    const args = ['vision', '--no-git', '--no-install', '--description', 'd', '--team', 't', '--cloud', 'aws'];
    const { child, waitFor, type, transcript } = terminal(args, cwd);
    // A preset picked at the prompt only suggests its answers: each is still asked. azure-tabular → k8s-gpu-pytorch.
    await waitFor('Preset');
    type(`${DOWN}${DOWN}${DOWN}${ENTER}`);
    await waitFor('CI/CD');
    type(ENTER);
    await waitFor('Serving');
    type(ENTER);
    // The preset's A100 80 GB comes four to a node; AWS sells it only eight to a node, so that is not asked.
    await waitFor('Training GPU');
    type(ENTER);
    for (const prompt of ['Environments', 'Dashboards, alerts', 'Personas']) {
      await waitFor(prompt);
      type(ENTER);
    }
    await waitFor('npm registry the project installs from');
    type(ENTER);
    const result = await child;
    expect(result.exitCode, transcript()).toBe(0);
    expect(transcript()).not.toMatch(/ML framework|GPUs per node/);
    const manifest = JSON.parse(readFileSync(join(cwd, 'vision/.ai-factory/manifest.json'), 'utf8'));
    expect(manifest.answers).toMatchObject({ cloud: 'aws', framework: 'pytorch', gpu: { sku: 'a100-80gb', count: 8 } });
  });

  it('Ctrl-C at a prompt exits 130 and leaves nothing behind', async () => {
    const cwd = tempDir();
    const { child, waitFor, type } = terminal(['demo'], cwd);
    await waitFor('Preset');
    type(ENTER);
    await waitFor('What does the model do?');
    type(CTRL_C);
    const result = await child;
    expect(result.exitCode).toBe(130);
    expect(result.stdout).toContain('Cancelled: nothing was written.');
    expect(existsSync(join(cwd, 'demo'))).toBe(false);
    expect(listing(cwd)).toEqual([]);
  });
});
