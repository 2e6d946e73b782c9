/**
 * `fleet upgrade --wave` through the built CLI, on five real 0.1.0 projects: a canary with a conflict stops
 * a staged rollout after its wave; a wider wave holds the canary and adds the next repositories in canary
 * order, as its forecast said; `fleet status` places every repository in its wave (text, JSON, ledger).
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { upgradeBranch } from '@ai-factory/engine';
import { loadBuiltinCatalog } from '@ai-factory/templates';
import { git } from '@ai-factory/testing';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { repoFrom, withReadmeConflict } from '../upgrade/test-repos.js';
import type { Forecast } from './forecast.js';
import type { FleetSummary } from './report.js';
import { collectRepos } from './repos.js';
import type { RepoStatus } from './status.js';
import { canaryOrder } from './waves.js';

const BIN = fileURLToPath(new URL('../../dist/bin.js', import.meta.url));
const { version } = await loadBuiltinCatalog();
const cli = (cwd: string, ...args: string[]) => execa('node', [BIN, ...args], { cwd, reject: false });
const PRESETS = ['azure-tabular', 'gcp-tabular', 'k8s-gpu-pytorch', 'azure-tabular', 'gcp-tabular'];
const dirAt = (path: string) => (mkdirSync(path, { recursive: true }), path);

/** The repository's local branches, to tell upgraded ones from the rest. */
const hasUpgradeBranch = async (dir: string) => (await git(dir, 'branch', '--list', upgradeBranch(version))).trim() !== '';

describe('fleet upgrade --wave', () => {
  it('upgrades the canaries first, stops after a wave that does not go cleanly, and widens wave by wave', async () => {
    const root = mkdtempSync(join(tmpdir(), 'fleet-waves-'));
    const dirs = await Promise.all(PRESETS.map((preset, i) => repoFrom(`factory-0.1.0/${preset}`, dirAt(join(root, `team-${i}`)))));
    writeFileSync(join(root, 'repos.txt'), `${dirs.join('\n')}\n`);
    // The canary order is the CLI's own; the first canary is given a conflict to stop the rollout with.
    const order = canaryOrder(collectRepos(dirs, undefined, root)).map((repo) => repo.path);
    await withReadmeConflict(order[0]!);

    const staged = await cli(root, 'fleet', 'upgrade', '--from', 'repos.txt', '--wave', '20%,60%,100%', '--report-dir', 'reports', '--json');
    expect(staged.exitCode, staged.stderr).toBe(1);
    expect(JSON.parse(staged.stdout)).toMatchObject({ total: 1, counts: { conflicts: 1 }, repositories: [{ repo: order[0], status: 'conflicts' }] });
    expect(staged.stderr).toContain('Wave 20%: 1 repository to upgrade.');
    expect(staged.stderr).toContain('Wave 20% did not go cleanly: the rollout stops there, 4 repositories of the later waves wait.');
    for (const dir of order.slice(1)) expect(await hasUpgradeBranch(dir), dir).toBe(false);

    // Once the canary is looked at, the next wave: its forecast first, then the run, which holds the canary.
    const listed = await cli(root, 'fleet', 'upgrade', '--from', 'repos.txt', '--wave', '60%', '--list');
    expect(listed.stdout.split('\n').sort()).toEqual(order.slice(0, 3).sort());
    const dry = await cli(root, 'fleet', 'upgrade', '--from', 'repos.txt', '--wave', '60%', '--dry-run', '--json');
    const forecast = JSON.parse(dry.stdout) as Forecast;
    expect(forecast.repositories.map((r) => r.repo).sort()).toEqual(order.slice(0, 3).sort());
    const wider = await cli(root, 'fleet', 'upgrade', '--from', 'repos.txt', '--wave', '60%', '--report-dir', 'reports', '--json');
    const summary = JSON.parse(wider.stdout) as FleetSummary;
    expect(summary.counts).toEqual(forecast.counts);
    expect(summary.counts).toEqual({ upgraded: 2, 'up-to-date': 0, conflicts: 1, failed: 0 });
    for (const [i, dir] of order.entries()) expect(await hasUpgradeBranch(dir), `canary ${i}`).toBe(i < 3);

    const status = await cli(root, 'fleet', 'status', '--from', 'repos.txt', '--wave', '20%,60%', '--reports', 'reports', '--html', 'ledger.html', '--json');
    const rows = JSON.parse(status.stdout).repositories as RepoStatus[];
    expect(order.map((dir) => rows.find((row) => row.repo === dir)!.wave)).toEqual([20, 60, 60, 100, 100]);
    const text = (await cli(root, 'fleet', 'status', '--from', 'repos.txt', '--wave', '20%,60%')).stdout.split('\n');
    const waveColumn = text[0]!.indexOf('wave');
    expect(order.map((dir) => text.find((line) => line.endsWith(dir))!.slice(waveColumn).split(/\s+/)[0])).toEqual(['20%', '60%', '60%', '100%', '100%']);
    const ledger = readFileSync(join(root, 'ledger.html'), 'utf8');
    const bars = [...ledger.slice(ledger.indexOf('id="waves"')).matchAll(/data-label="([^"]+)" data-value="(\d+)"/g)].slice(0, 3).map(([, label, value]) => `${label} ${value}`);
    expect(bars).toEqual(['20% 1', '60% 2', '100% 2']);
  }, 300_000);
});
