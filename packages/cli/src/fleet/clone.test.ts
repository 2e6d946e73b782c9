/**
 * `fleet upgrade` given URLs, through the built CLI: each repository is cloned into the work directory
 * with the factory's refs, upgraded there against its real pristine base, and pushed back to its URL; a
 * rerun finds its clones again; a URL that cannot be cloned is that repository's failure alone.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { pristineRef, upgradeBranch } from '@ai-factory/engine';
import { loadBuiltinCatalog } from '@ai-factory/templates';
import { git } from '@ai-factory/testing';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import type { FleetSummary } from './report.js';
import { cloneFolder, collectRepos, isRepositoryUrl } from './repos.js';
import { origin } from './test-fleet.js';

const BIN = fileURLToPath(new URL('../../dist/bin.js', import.meta.url));
const { version } = await loadBuiltinCatalog();

describe('repository URLs', () => {
  it('tells URLs from paths as git does, and gives each URL a clone folder of its own', () => {
    for (const url of ['https://git.example.org/ml/churn.git', 'ssh://git@example.org/ml/churn', 'git@example.org:ml/churn.git', 'file:///srv/git/churn.git']) {
      expect(isRepositoryUrl(url), url).toBe(true);
    }
    for (const path of ['churn', './ml/churn', '/srv/git/churn.git', 'team/a:b']) expect(isRepositoryUrl(path), path).toBe(false);
    expect(cloneFolder('/w', 'https://git.example.org/ml/churn.git')).toMatch(/^\/w\/churn-[0-9a-f]{10}$/);
    expect(cloneFolder('/w', 'https://a/churn.git')).not.toBe(cloneFolder('/w', 'https://b/churn.git'));
    const [repo] = collectRepos(['git@example.org:ml/churn.git'], undefined, '/fleet', '/w');
    expect(repo).toEqual({ index: 0, path: cloneFolder('/w', 'git@example.org:ml/churn.git'), origin: 'git@example.org:ml/churn.git' });
  });

  it('clones, fetches the pristine refs, upgrades, pushes back, and a rerun finds its clones; an unreachable URL fails alone', async () => {
    const root = mkdtempSync(join(tmpdir(), 'fleet-urls-'));
    const urls = [await origin(root, 'factory-0.1.0/azure-tabular', 'churn'), await origin(root, 'factory-0.1.0/gcp-tabular', 'fraud')];
    const missing = pathToFileURL(join(root, 'absent.git')).href;
    const work = join(root, 'clones');
    const run = () => execa('node', [BIN, 'fleet', 'upgrade', ...urls, missing, '--work-dir', work, '--push', '--push-interval-ms', '0', '--json'], { cwd: root, reject: false });

    const first = await run();
    const summary = JSON.parse(first.stdout) as FleetSummary;
    expect(first.exitCode).toBe(1);
    const byOrigin = new Map(summary.repositories.map((r) => [r.origin, r]));
    for (const url of urls) {
      expect(byOrigin.get(url), first.stderr).toMatchObject({ status: 'upgraded', push: 'ok', conflicts: 0 });
      const bare = fileURLToPath(url);
      // The team's own file merged against the real base: it is there, and nothing conflicted.
      expect(await git(bare, 'show', `${upgradeBranch(version)}:NOTES.md`)).toBe('Ours.');
      expect(await git(bare, 'rev-parse', pristineRef(version))).toMatch(/^[0-9a-f]{40}$/);
      expect(await git(cloneFolder(work, url), 'rev-parse', pristineRef('0.1.0'))).toBe(await git(bare, 'rev-parse', pristineRef('0.1.0')));
    }
    expect(byOrigin.get(missing)).toMatchObject({ status: 'failed', error: expect.stringMatching(/^clone-failed: .*absent\.git/) });

    const again = JSON.parse((await run()).stdout) as FleetSummary;
    for (const url of urls) expect(again.repositories.find((r) => r.origin === url)).toMatchObject({ status: 'up-to-date' });
  });
});
