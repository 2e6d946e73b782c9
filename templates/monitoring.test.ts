/**
 * Monitoring of a managed endpoint, end to end with the real parts: a generated AWS project that serves
 * online and scores in batch trains and gates its champion under /usr/bin/python3; its service and its
 * batch command push their metrics to a real Prometheus Pushgateway; a real Prometheus scrapes it with
 * honor_labels and loads the generated alert rules; the drift check the pipelines run (curl, jq, awk)
 * queries that Prometheus. Without data the check fails; with the service's drift it passes; the
 * shifted batch run makes it critical; the service deletes its group when it stops.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultAnswers, generateProject, pythonPackageName } from '@ai-factory/engine';
import { writeFiles } from '@ai-factory/tree';
import { loadBuiltinCatalog } from '@ai-factory/templates';
import { execa, type ResultPromise } from 'execa';
import { createJiti } from 'jiti';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { driftCheck } from '../packages/shared/src/cicd/drift.js';
import { alertRulesPath } from '../packages/shared/src/observability/index.js';
import { freePort, sampleRows, waitForHealth } from './service-testing.js';

const PYTHON = '/usr/bin/python3';
const SHARED_DIST = fileURLToPath(new URL('../packages/shared/dist/index.js', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'monitoring-'));
const dir = join(work, 'pushed-model');
const pkg = pythonPackageName('pushed-model');
const processes: ResultPromise[] = [];

/** Starts a long-running process that is stopped after the tests. */
function start(command: string, args: string[], env: Record<string, string> = {}): ResultPromise {
  const child = execa(command, args, { cwd: dir, env: { PYTHONPATH: 'src', ...env }, reject: false });
  processes.push(child);
  return child;
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, seconds = 30): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

let pushgateway: string;
let prometheus: string;
let check: string;

/** The pipelines' drift check against the test's Prometheus: its exit code and output. */
const runDriftCheck = () => execa('bash', ['-euo', 'pipefail', '-c', `${check}\necho "DRIFT_CRITICAL=$DRIFT_CRITICAL"`], { env: { PROMETHEUS_URL: prometheus }, reject: false, all: true });

/** The value of an instant query, or undefined while it has no result. */
async function query(expr: string): Promise<string | undefined> {
  const response = await fetch(`${prometheus}/api/v1/query?query=${encodeURIComponent(expr)}`);
  const body = (await response.json()) as { data: { result: { value: [number, string] }[] } };
  return body.data.result[0]?.value[1];
}

beforeAll(async () => {
  const catalog = await loadBuiltinCatalog();
  const { tree } = generateProject(catalog, { ...defaultAnswers('pushed-model'), preset: 'aws-tabular', cloud: 'aws', serving: 'both' });
  writeFiles(tree, dir);
  const jiti = createJiti(import.meta.url, { fsCache: false, alias: { '@ai-factory/shared': SHARED_DIST } });
  check = driftCheck(await jiti.import(join(dir, 'ai-factory.config.ts'), { default: true }));
  for (const command of ['train', 'evaluate']) {
    const result = await execa(PYTHON, ['-m', pkg, command], { cwd: dir, env: { PYTHONPATH: 'src' }, reject: false });
    expect(result.exitCode, result.stdout + result.stderr).toBe(0);
  }
  const [gatewayPort, prometheusPort] = [await freePort(), await freePort()];
  pushgateway = `http://127.0.0.1:${gatewayPort}`;
  prometheus = `http://127.0.0.1:${prometheusPort}`;
  // The servers run until afterAll stops them and awaits their exit.
  void start('prometheus-pushgateway', [`--web.listen-address=127.0.0.1:${gatewayPort}`, '--persistence.file=']);
  await until('the Pushgateway', async () => ((await fetch(`${pushgateway}/-/ready`)).ok ? true : undefined));
  const config = join(work, 'prometheus.yml');
  writeFileSync(
    config,
    JSON.stringify({
      global: { scrape_interval: '1s', evaluation_interval: '1s' },
      rule_files: [join(dir, alertRulesPath('pushed-model'))],
      scrape_configs: [{ job_name: 'pushgateway', honor_labels: true, static_configs: [{ targets: [`127.0.0.1:${gatewayPort}`] }] }],
    }),
  );
  void start('prometheus', [`--config.file=${config}`, `--storage.tsdb.path=${join(work, 'tsdb')}`, `--web.listen-address=127.0.0.1:${prometheusPort}`]);
  await until('Prometheus', async () => ((await fetch(`${prometheus}/-/ready`)).ok ? true : undefined));
}, 120_000);

afterAll(async () => {
  for (const child of processes) child.kill();
  await Promise.all(processes);
});

describe('a managed endpoint and batch scoring push their metrics where Prometheus reads them', () => {
  it('without any drift measurement, the drift check fails instead of reporting no drift', async () => {
    const result = await runDriftCheck();
    expect(result.exitCode, result.all).toBe(1);
    expect(result.all).toContain('no feature_drift_psi of pushed-model in Prometheus');
  });

  let service: ResultPromise;
  it("the service pushes its drift; the drift check reads it under the project's job", async () => {
    const port = await freePort();
    service = start(PYTHON, ['-m', pkg, 'service', '--host', '127.0.0.1', '--port', String(port)], { PUSHGATEWAY_URL: pushgateway, PUSH_INTERVAL_SECONDS: '1' });
    const url = `http://127.0.0.1:${port}`;
    await waitForHealth(url, service);
    const scored = await fetch(`${url}/predict`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ rows: sampleRows(dir, 150) }) });
    expect(scored.status).toBe(200);
    await until('the pushed PSI in Prometheus', () => query('feature_drift_psi{job="pushed-model"}'));
    expect(await query('sum(http_requests_total{job="pushed-model", path="/predict"})')).toBe('1');
    const result = await runDriftCheck();
    expect(result.exitCode, result.all).toBe(0);
    expect(result.all).toContain('DRIFT_CRITICAL=false');
  }, 60_000);

  it('batch scoring pushes the drift of what it scored; shifted data makes the drift check critical', async () => {
    const [header, ...lines] = readFileSync(join(dir, 'data/sample.csv'), 'utf8').trim().split('\n');
    const contract = header!.split(',').indexOf('contract');
    const shifted = lines.slice(0, 200).map((line) => line.split(',').map((value, i) => (i === contract ? 'two-year' : value)).join(','));
    writeFileSync(join(work, 'shifted.csv'), [header, ...shifted].join('\n'));
    const batch = await execa(PYTHON, ['-m', pkg, 'batch', '--input', join(work, 'shifted.csv'), '--output', join(work, 'scored.csv')], {
      cwd: dir,
      env: { PYTHONPATH: 'src', PUSHGATEWAY_URL: pushgateway },
      reject: false,
    });
    expect(batch.exitCode, batch.stderr).toBe(0);
    await until('the batch PSI in Prometheus', () => query('feature_drift_psi{job="pushed-model", instance="batch", feature="contract"} > 0.25'));
    const result = await runDriftCheck();
    expect(result.exitCode, result.all).toBe(0);
    expect(result.all).toContain('DRIFT_CRITICAL=true');
  }, 60_000);

  it('a stopped service deletes its group, so its values do not outlive it', async () => {
    const groups = async () => ((await (await fetch(`${pushgateway}/api/v1/metrics`)).json()) as { data: { labels: Record<string, string> }[] }).data.map((g) => g.labels.instance);
    expect((await groups()).filter((instance) => instance !== 'batch')).toHaveLength(1);
    service.kill('SIGTERM');
    await service;
    await until('the service group to go', async () => ((await groups()).filter((instance) => instance !== 'batch').length === 0 ? true : undefined));
  }, 60_000);
});
