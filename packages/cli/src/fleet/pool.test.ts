import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runPool } from './pool.js';

// A worker speaking the pool's protocol that exits on the repositories named "crash-*", throws an
// uncaught error on "throw-*" and is killed on "kill-*": the real pool must fail only those and replace
// the worker.
const WORKER = `
process.on('message', ({ index, repo }) => {
  if (repo.includes('crash-')) process.exit(3);
  if (repo.includes('kill-')) process.kill(process.pid, 'SIGKILL');
  if (repo.includes('throw-')) setTimeout(() => { throw new Error('boom in ' + repo); });
  else process.send({ index, maxRSS: 1000, report: { repo, status: 'upgraded', filesChanged: [], codemodsApplied: [], conflicts: [], keptDeleted: [], durationMs: 1 } });
});
process.on('disconnect', () => process.exit(0));
`;

describe('the worker pool', () => {
  it('reports a repository whose worker dies as failed, replaces the worker, and finishes every other one', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'fleet-pool-')), 'worker.mjs');
    writeFileSync(file, WORKER);
    const names = ['a', 'crash-b', 'c', 'throw-d', 'e', 'kill-f', 'g', 'h'];
    const repos = names.map((name, index) => ({ index, path: `/fleet/${name}` }));
    const started: string[] = [];
    const { reports, crashes, maxRSS } = await runPool(repos, { concurrency: 2, setup: { options: {} }, workerUrl: pathToFileURL(file), onStart: (repo) => started.push(repo.path) });
    expect(reports.map((report) => report.repo)).toEqual(repos.map((repo) => repo.path));
    expect(started.sort()).toEqual(repos.map((repo) => repo.path).sort());
    for (const report of reports) {
      if (/crash-|throw-|kill-/.test(report.repo)) expect(report).toMatchObject({ status: 'failed', error: { code: 'worker-crashed' } });
      else expect(report.status).toBe('upgraded');
    }
    expect(reports.find((report) => report.repo.endsWith('throw-d'))!.error!.message).toContain('boom in /fleet/throw-d');
    expect(reports.find((report) => report.repo.endsWith('crash-b'))!.error!.message).toContain('exit code 3');
    expect(reports.find((report) => report.repo.endsWith('kill-f'))!.error!.message).toContain('signal SIGKILL');
    // The highest peak of each worker slot, summed: the workers replacing one another in a slot do not
    // add up, and a slot whose every worker died has no peak to give.
    expect([1000, 2000]).toContain(maxRSS);
    // Three deaths in a pool of two: without replacements the last repositories would never be upgraded.
    expect(crashes).toBe(3);
    expect(reports.at(-1)).toMatchObject({ repo: '/fleet/h', status: 'upgraded' });
  });
});
