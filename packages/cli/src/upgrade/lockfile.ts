/**
 * The project's package-lock.json after an upgrade changed its package.json. A new release moves the
 * `@ai-factory/shared` range (and the factory's tools), and the project's pipelines run `npm ci`, which
 * refuses a lock that no longer matches: so the upgrade resolves the lock again, from the registry the
 * project's own `.npmrc` names, as `npm install` would, without installing anything.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { UpgradeError } from './report.js';

const run = promisify(execFile);

const LOCK = 'package-lock.json';
const MANIFEST = 'package.json';
/** What npm reads to resolve the lock: the manifests, the registry settings and any vendored tarball. */
const NPM_READS = (path: string) => path === MANIFEST || path === LOCK || path === '.npmrc' || path.startsWith('.ai-factory/packages/');

/** Only the dependencies matter to the lock: a changed description or script needs no resolution. */
function dependenciesOf(manifest: Buffer | undefined): string {
  if (!manifest) return '';
  const json = JSON.parse(manifest.toString('utf8')) as Record<string, unknown>;
  return JSON.stringify(['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies', 'overrides'].map((key) => json[key] ?? null));
}

/**
 * The lock `files` (the upgraded tree) need, when their package.json's dependencies differ from
 * `before`'s and the project keeps a lock; undefined when nothing is to resolve.
 */
export async function refreshedLock(before: ReadonlyMap<string, Buffer>, files: ReadonlyMap<string, Buffer>): Promise<Buffer | undefined> {
  if (!files.has(LOCK) || dependenciesOf(before.get(MANIFEST)) === dependenciesOf(files.get(MANIFEST))) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'ai-factory-lock-'));
  try {
    for (const [path, content] of files) {
      if (!NPM_READS(path)) continue;
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), content);
    }
    await run('npm', ['install', '--package-lock-only', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: dir, maxBuffer: 64 << 20 });
    return readFileSync(join(dir, LOCK));
  } catch (error) {
    const detail = ((error as { stderr?: string }).stderr ?? (error as Error).message).trim().split('\n').slice(-5).join('\n');
    throw new UpgradeError('lockfile', `package.json's dependencies changed, and npm could not resolve package-lock.json again (from the registry the project's .npmrc names):\n${detail}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
