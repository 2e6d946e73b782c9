// Builds benchmark repositories from the real factory 0.1.0 fixtures, as `create-ml-project` leaves them
// (first commit = pristine ref), each then edited by "its team" so no two repositories are alike: a
// README line and, unless the config is to stay untouched, a monitoring threshold in ai-factory.config.ts,
// committed. An edited config makes every upgrade run the codemods on two different config texts and a
// three-way merge, as a fleet of teams who all tuned their config would; an untouched one is the case
// where the content caches hit (every repository of a preset has the generated config).
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fixtureBundle } from '@ai-factory/testing';

const FIXTURES = fixtureBundle(fileURLToPath(new URL('../../../packages/cli/src/upgrade/__fixtures__/factory-0.1.0.bundle', import.meta.url)));
export const PRESETS = ['azure-tabular', 'gcp-tabular', 'k8s-gpu-pytorch'];
const ENV = { ...process.env, GIT_AUTHOR_NAME: 'Team', GIT_AUTHOR_EMAIL: 'team@example.com', GIT_COMMITTER_NAME: 'Team', GIT_COMMITTER_EMAIL: 'team@example.com' };
const git = (cwd, ...args) => execFileSync('git', args, { cwd, env: ENV, stdio: ['ignore', 'pipe', 'pipe'] });

/** One git repository per preset, its bundled commit checked out once; the fleet's repositories are copies. */
export async function buildTemplates(work) {
  const templates = [];
  for (const preset of PRESETS) {
    const dir = join(work, 'templates', preset);
    await FIXTURES.repository(preset, dir);
    git(dir, 'update-ref', 'refs/ai-factory/pristine/0.1.0', 'HEAD');
    templates.push(dir);
  }
  return templates;
}

/**
 * `count` distinct repositories under `dir`, round-robin over the presets; returns their paths.
 * @param {{ editConfig?: boolean }} options whether each team tunes its config @default { editConfig: true }
 */
export function buildRepos(templates, dir, count, { editConfig = true } = {}) {
  const repos = [];
  for (let i = 0; i < count; i += 1) {
    const repo = join(dir, `repo-${String(i).padStart(4, '0')}`);
    cpSync(templates[i % templates.length], repo, { recursive: true });
    const readme = join(repo, 'README.md');
    writeFileSync(readme, `${readFileSync(readme, 'utf8')}\nOwned by team ${i}.\n`);
    const config = join(repo, 'ai-factory.config.ts');
    if (editConfig) writeFileSync(config, readFileSync(config, 'utf8').replace('  monitoring: monitoring(),', `  monitoring: monitoring({ latencyP95Ms: ${200 + i} }),`));
    git(repo, 'commit', '--quiet', '--all', '-m', `Team ${i}`);
    repos.push(repo);
  }
  return repos;
}

/**
 * What a fleet run's upgrade branch changed in `repo`, against its main branch: path → the new blob's oid,
 * or null for a deleted path. Each new blob's content goes into `blobs` (oid → base64) once: most are the
 * same in every repository of a preset, and a thousand repositories' copies would not fit in one string.
 */
export function upgradeChanges(repo, blobs) {
  const branch = git(repo, 'for-each-ref', '--format=%(refname)', 'refs/heads/ai-factory/').toString('utf8').trim();
  if (!branch) throw new Error(`${repo} has no upgrade branch`);
  const entries = git(repo, 'diff-tree', '-r', '-z', '--no-renames', 'main', branch).toString('utf8').split('\0').filter(Boolean);
  const changes = {};
  for (let i = 0; i < entries.length; i += 2) {
    const [, , , oid, status] = entries[i].slice(1).split(' ');
    if (status === 'D') {
      changes[entries[i + 1]] = null;
      continue;
    }
    blobs[oid] ??= git(repo, 'cat-file', 'blob', oid).toString('base64');
    changes[entries[i + 1]] = oid;
  }
  return changes;
}
