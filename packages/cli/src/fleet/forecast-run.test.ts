/**
 * `fleet upgrade --dry-run` through the built CLI: the forecast of a fleet of real 0.1.0 projects (one
 * behind a URL, one with a team file the codemods migrate, one of each kind of trouble that a forecast can
 * see) writes nothing anywhere, and a real run that follows it on the same fleet reports exactly what it
 * said: the same counts, the same conflicting files, the same codemods on the same files, the same failures.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MANIFEST_PATH } from '@ai-factory/tree';
import { loadBuiltinCatalog } from '@ai-factory/templates';
import { git, repoState, teamEdit } from '@ai-factory/testing';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { repoFrom, withReadmeConflict } from '../upgrade/test-repos.js';
import { formatForecast } from './forecast-format.js';
import { forecastOf, readForecast, type Forecast } from './forecast.js';
import { readReports } from './merge.js';
import type { FleetRepoReport, FleetSummary } from './report.js';
import { origin } from './test-fleet.js';

const BIN = fileURLToPath(new URL('../../dist/bin.js', import.meta.url));
const { version } = await loadBuiltinCatalog();
const cli = (cwd: string, ...args: string[]) => execa('node', [BIN, ...args], { cwd, reject: false });
const dirAt = (path: string) => (mkdirSync(path, { recursive: true }), path);

/** A team module that imports the shared package: the codemods migrate the team's own code too. */
const TEAM_MODULE = 'import { cpu } from "@ai-factory/shared";\n\nexport const bigTraining = cpu({ cores: 8 });\n';

async function buildFleet(root: string): Promise<{ paths: Record<string, string>; url: string }> {
  const at = (name: string) => dirAt(join(root, name));
  const paths: Record<string, string> = {
    azure: await repoFrom('factory-0.1.0/azure-tabular', at('azure')),
    gcp: await repoFrom('factory-0.1.0/gcp-tabular', at('gcp')),
    k8s: await repoFrom('factory-0.1.0/k8s-gpu-pytorch', at('k8s')),
    conflict: await repoFrom('factory-0.1.0/azure-tabular', at('conflict')),
    malformed: await repoFrom('factory-0.1.0/gcp-tabular', at('malformed')),
    unmanifested: await repoFrom('factory-0.1.0/k8s-gpu-pytorch', at('unmanifested')),
    dirty: await repoFrom('factory-0.1.0/azure-tabular', at('dirty')),
    plain: at('plain/not-a-repo'),
  };
  await teamEdit(paths.gcp!, 'Sizes of our own', { 'infra/sizes.ts': () => TEAM_MODULE });
  await withReadmeConflict(paths.conflict!);
  await teamEdit(paths.malformed!, 'x', { 'ai-factory.config.ts': (text) => text.replace('training: cpu()', 'training: cpu({ cores: 1000 })') });
  await git(paths.unmanifested!, 'rm', '--quiet', MANIFEST_PATH);
  await git(paths.unmanifested!, 'commit', '--quiet', '-m', 'x');
  writeFileSync(join(paths.dirty!, 'README.md'), 'work in progress\n');
  return { paths, url: await origin(dirAt(join(root, 'remotes')), 'factory-0.1.0/k8s-gpu-pytorch', 'vision') };
}

/** What a report says of a repository, without what only a real run has (commit, push, timing, dry run). */
const outcome = (report: FleetRepoReport) => ({
  index: report.index,
  repo: report.repo,
  status: report.status,
  branch: report.branch,
  filesChanged: report.filesChanged,
  codemodsApplied: report.codemodsApplied,
  codemodFiles: report.codemodFiles,
  conflicts: report.conflicts,
  keptDeleted: report.keptDeleted,
  error: report.error?.code,
});
const figures = ({ counts, conflicts, codemods, failures, total }: Forecast) => ({ total, counts, conflicts, codemods, failures });

describe('fleet upgrade --dry-run', () => {
  it('forecasts the fleet writing nothing, and the real run that follows reports exactly the forecast', async () => {
    const root = mkdtempSync(join(tmpdir(), 'fleet-forecast-'));
    const { paths, url } = await buildFleet(join(root, 'fleet'));
    writeFileSync(join(root, 'repos.txt'), `${[...Object.values(paths), url].join('\n')}\n`);
    const repos = Object.entries(paths).filter(([name]) => name !== 'plain');
    const before = await Promise.all(repos.map(([, dir]) => repoState(dir)));
    const remote = fileURLToPath(url);
    const remoteRefs = await git(remote, 'for-each-ref');

    const dry = await cli(root, 'fleet', 'upgrade', '--from', 'repos.txt', '--dry-run', '--forecast', 'forecast.json', '--concurrency', '2');
    expect(dry.exitCode, dry.stderr).toBe(1);
    const forecast = readForecast(join(root, 'forecast.json'));
    expect(dry.stdout).toBe(formatForecast(forecast));
    // Nothing written: every ref, object, index entry and file of every repository is as it was.
    for (const [i, [name, dir]] of repos.entries()) expect(await repoState(dir), name).toEqual(before[i]);
    expect(await git(remote, 'for-each-ref')).toBe(remoteRefs);

    expect(forecast).toMatchObject({ factoryVersion: version, total: 9, counts: { upgraded: 4, 'up-to-date': 0, conflicts: 1, failed: 4 } });
    expect(forecast.conflicts).toEqual([{ path: 'README.md', repositories: 1 }]);
    expect(forecast.failures.map((f) => f.code).sort()).toEqual(['dirty', 'malformed-config', 'no-manifest', 'not-a-repository']);
    expect(forecast.repositories.filter((r) => r.status === 'upgraded' || r.status === 'conflicts').every((r) => r.dryRun === true)).toBe(true);
    expect(forecast.repositories.every((r) => r.commit === undefined)).toBe(true);
    // The codemods name the files they change, the team's own module among them, each a file the upgrade changes.
    expect(forecast.codemods.length).toBeGreaterThan(0);
    const touched = forecast.codemods.flatMap((codemod) => codemod.files.map((file) => file.path));
    expect(touched).toEqual(expect.arrayContaining(['ai-factory.config.ts', 'infra/sizes.ts']));
    for (const report of forecast.repositories) {
      for (const files of Object.values(report.codemodFiles ?? {})) expect(report.filesChanged).toEqual(expect.arrayContaining(files));
    }

    const real = await cli(root, 'fleet', 'upgrade', '--from', 'repos.txt', '--report-dir', 'reports', '--concurrency', '2');
    expect(real.exitCode, real.stderr).toBe(1);
    const reports = readReports([join(root, 'reports')]);
    const summary = JSON.parse(readFileSync(join(root, 'reports', 'summary.json'), 'utf8')) as FleetSummary;
    expect(summary.counts).toEqual(forecast.counts);
    expect(figures(forecastOf(reports, version))).toEqual(figures(forecast));
    expect(reports.map(outcome)).toEqual(forecast.repositories.map(outcome));
    expect(reports.filter((r) => r.status === 'upgraded').every((r) => r.commit !== undefined && !r.dryRun)).toBe(true);
  }, 300_000);
});
