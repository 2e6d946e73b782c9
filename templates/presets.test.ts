/**
 * Every preset, generated the way a user does it, works at once: its Python tests pass under Debian's
 * /usr/bin/python3, it trains, registers a champion and serves predictions, and its platform declaration
 * was installed at creation, typechecks and synthesizes cleanly.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { pythonPackageName, type Manifest } from '@ai-factory/engine';
import { SERVICE_METRICS } from '@ai-factory/shared';
import { loadBuiltinCatalog } from '@ai-factory/templates';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { freePort, sampleRows, waitForHealth } from './service-testing.js';

const BIN = fileURLToPath(new URL('../packages/create-ml-project/dist/bin.js', import.meta.url));
const PYTHON = '/usr/bin/python3';
const catalog = await loadBuiltinCatalog();
const work = mkdtempSync(join(tmpdir(), 'presets-'));

describe.each([...catalog.presets.keys()])('preset %s, generated and used as a team would', (preset) => {
  const dir = join(work, preset);
  let manifest: Manifest;
  const python = (args: string[]) => execa(PYTHON, args, { cwd: dir, env: { PYTHONPATH: 'src' }, reject: false });

  it('generates with --yes', async () => {
    const result = await execa('node', [BIN, dir, '--yes', '--preset', preset], { reject: false, env: { HOME: work } });
    expect(result.exitCode, result.stderr).toBe(0);
    manifest = JSON.parse(readFileSync(join(dir, '.ai-factory/manifest.json'), 'utf8'));
  });

  // The suite trains and gates a few dozen models on the 6000-row sample: about 30 s (scikit-learn) to
  // 60 s (PyTorch) on an idle 2-core machine, and more while other suites run beside it.
  it("passes its own Python tests with Debian's python3", { timeout: 300_000 }, async () => {
    const result = await execa(PYTHON, ['-m', 'pytest', '-q', '-p', 'no:cacheprovider'], { cwd: dir, reject: false });
    expect(result.exitCode, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toMatch(/\d+ passed/);
  });

  it('trains on its sample data; the gate registers the first model as champion, with its card and plots, once', async () => {
    const pkg = pythonPackageName(manifest.answers.name);
    const train = await python(['-m', pkg, 'train']);
    expect(train.exitCode, train.stdout + train.stderr).toBe(0);
    const evaluate = await python(['-m', pkg, 'evaluate']);
    expect(evaluate.exitCode, evaluate.stdout + evaluate.stderr).toBe(0);
    const decision = JSON.parse(evaluate.stdout) as { promote: boolean; comparisons: { baseline: { low: number } }; registered: { path: string } };
    expect(decision.promote).toBe(true);
    // Beating the class prior on log loss beyond noise: the lower bound of the paired interval is above 0.
    expect(decision.comparisons.baseline.low).toBeGreaterThan(0);
    const version = join(dir, decision.registered.path);
    for (const file of ['model_card.md', 'model_card.json', 'plots/learning_curve.png', 'plots/importance.png', 'plots/reliability.png']) {
      expect(existsSync(join(version, file)), file).toBe(true);
    }
    // The declared intended use reached the card through the synthesized policy.
    expect(readFileSync(join(version, 'model_card.md'), 'utf8')).toContain(manifest.answers.description);
    const again = await python(['-m', pkg, 'evaluate']);
    expect(again.exitCode, again.stdout + again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ repeated: true, is_champion: true });
    expect(readdirSync(join(version, '..')).filter((name) => /^v\d+$/.test(name))).toEqual(['v1']);
  });

  it('serves /predict, /health and /metrics with uvicorn when it serves online', async () => {
    if (manifest.answers.serving === 'batch') return;
    const pkg = pythonPackageName(manifest.answers.name);
    const port = await freePort();
    const server = execa(PYTHON, ['-m', 'uvicorn', `${pkg}.service:app`, '--app-dir', 'src', '--host', '127.0.0.1', '--port', String(port)], {
      cwd: dir,
      reject: false,
    });
    const url = `http://127.0.0.1:${port}`;
    try {
      await waitForHealth(url, server);
      const response = await fetch(`${url}/predict`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ rows: sampleRows(dir, 3) }),
      });
      const body = (await response.json()) as { predictions: unknown[]; probabilities: number[]; model_version: string };
      expect(response.status, JSON.stringify(body)).toBe(200);
      expect(body.predictions).toHaveLength(3);
      expect(body.probabilities.every((p) => p >= 0 && p <= 1)).toBe(true);
      const bad = await fetch(`${url}/predict`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"rows": [{"age": "old"}]}' });
      expect(bad.status).toBe(422);
      // Enough scored rows for the service to publish drift, so every metric the dashboards use is there.
      const many = await fetch(`${url}/predict`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ rows: sampleRows(dir, 150) }) });
      expect(many.status).toBe(200);
      const metrics = await (await fetch(`${url}/metrics`)).text();
      expect(metrics).toContain(`model_info{version="${body.model_version}"} 1.0`);
      const exported = new Set(metrics.split('\n').filter((line) => line && !line.startsWith('#')).map((line) => line.split(/[{ ]/)[0]));
      expect(SERVICE_METRICS.metrics.filter((name) => !exported.has(name))).toEqual([]);
    } finally {
      server.kill();
      await server;
    }
  });

  it('was installed at creation (its lock file committed), typechecks its declaration, and its managed files are in sync', async () => {
    const npm = (args: string[]) => execa('npm', args, { cwd: dir, reject: false });
    expect((await execa('git', ['ls-files', 'package-lock.json'], { cwd: dir })).stdout).toBe('package-lock.json');
    const typecheck = await npm(['run', 'typecheck']);
    expect(typecheck.exitCode, typecheck.stdout + typecheck.stderr).toBe(0);
    const check = await npm(['run', 'synth', '--', '--check']);
    expect(check.exitCode, check.stdout + check.stderr).toBe(0);
  });

  it('enforces a gate threshold declared in ai-factory.config.ts: a segment gap over it blocks promotion', async () => {
    const config = join(dir, 'ai-factory.config.ts');
    writeFileSync(config, readFileSync(config, 'utf8').replace('  gate: gate(),', '  gate: gate({ maxSegmentGap: 0.001 }),'));
    const synth = await execa('npm', ['run', 'synth'], { cwd: dir, reject: false });
    expect(synth.exitCode, synth.stdout + synth.stderr).toBe(0);
    const pkg = pythonPackageName(manifest.answers.name);
    // A registry of its own: the run is gated afresh, with no champion to compare with.
    const evaluate = await python(['-m', pkg, 'evaluate', '--registry-dir', 'strict-registry']);
    expect(evaluate.exitCode, evaluate.stdout + evaluate.stderr).toBe(1);
    const decision = JSON.parse(evaluate.stdout) as { promote: boolean; reasons: string[] };
    expect(decision.reasons.find((reason) => reason.startsWith('largest region gap'))).toMatch(/allowed 0\.0010 .*\(fail\)$/);
    expect(existsSync(join(dir, 'strict-registry'))).toBe(false);
  });
});
