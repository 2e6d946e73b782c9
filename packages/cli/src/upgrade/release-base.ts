/**
 * The pristine render of a factory release, rebuilt when the project's pristine ref is not there (a clone
 * that did not fetch `refs/ai-factory/*`, a project generated without git). The release the manifest
 * records is installed from the registry npm is configured with and renders the recorded answers, as
 * Copier replays its template source; every template file must hash to what the manifest recorded, so a
 * base that is not exactly the original never stands in for it.
 */
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { pristineRef, type Answers, type Catalog, type Manifest } from '@ai-factory/engine';
import { hashContent, Tree } from '@ai-factory/tree';
import { execa } from 'execa';
import { UpgradeError } from './report.js';

/** Where installed releases are kept between runs: `$XDG_CACHE_HOME/ai-factory/releases`. */
export const releaseCacheDir = () => join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'ai-factory', 'releases');

/** What every release's engine renders, whichever tree type it has: the files with their content. */
interface Rendered {
  entries(): [string, { content: Buffer }][];
}
type Render = (answers: Answers) => Rendered;

const loaded = new Map<string, Promise<Render>>();

/** Installs `@ai-factory/templates@version` once per cache; concurrent installs race to one rename. */
async function install(version: string, cacheDir: string): Promise<string> {
  const dir = join(cacheDir, `templates-${version}`);
  if (existsSync(join(dir, 'node_modules', '@ai-factory', 'templates', 'package.json'))) return dir;
  mkdirSync(cacheDir, { recursive: true });
  const staging = mkdtempSync(join(cacheDir, '.install-'));
  try {
    writeFileSync(join(staging, 'package.json'), '{ "private": true }\n');
    const result = await execa('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', `@ai-factory/templates@${version}`], { cwd: staging, reject: false, all: true });
    if (result.exitCode !== 0) throw new Error((result.all ?? '').trim().split('\n').slice(-4).join(' '));
    try {
      renameSync(staging, dir);
    } catch (error) {
      // Another worker installed it first: theirs is complete, since a folder only appears by this rename.
      if (!existsSync(dir)) throw error;
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return dir;
}

async function loadRelease(version: string, cacheDir: string): Promise<Render> {
  const dir = await install(version, cacheDir);
  const module = (name: string) => pathToFileURL(join(dir, 'node_modules', '@ai-factory', name, 'dist', 'index.js')).href;
  const templates = (await import(module('templates'))) as { loadBuiltinCatalog: () => Promise<Catalog> };
  const engine = (await import(module('engine'))) as { generateProject: (catalog: Catalog, answers: Answers) => { tree: Rendered } };
  const catalog = await templates.loadBuiltinCatalog();
  return (answers) => engine.generateProject(catalog, answers).tree;
}

/**
 * The files factory `manifest.factory.version` rendered for this project.
 * @throws UpgradeError `no-pristine` naming the ref, the release and why it could not be rebuilt
 */
export async function rebuildPristine(manifest: Manifest, cacheDir = releaseCacheDir()): Promise<Tree> {
  const { version } = manifest.factory;
  const fail = (why: string) =>
    new UpgradeError(
      'no-pristine',
      `${pristineRef(version)} is missing and the pristine render of factory ${version} cannot be rebuilt: ${why}. ` +
        `Fetch the factory's refs (git fetch origin '+refs/ai-factory/*:refs/ai-factory/*'), or publish release ${version} to your registry.`,
    );
  if (manifest.sources?.length) throw fail('the project takes modules from external sources, which a rebuild does not fetch');
  let render = loaded.get(version);
  if (!render) loaded.set(version, (render = loadRelease(version, cacheDir)));
  let tree: Rendered;
  try {
    tree = (await render)(manifest.answers);
  } catch (error) {
    loaded.delete(version);
    throw fail(`installing or running @ai-factory/templates@${version} failed (${(error as Error).message})`);
  }
  const files = Tree.fromFiles(tree.entries().map(([path, file]) => [path, file.content]));
  const differing = manifest.files.filter((file) => file.owner === 'template' && (!files.exists(file.path) || hashContent(files.read(file.path)!) !== file.sha256));
  if (differing.length > 0) throw fail(`its render differs from what the manifest recorded in ${differing.map((file) => file.path).join(', ')}`);
  return files;
}
