/**
 * What a release publishes: each package's tarball holds its entry points and none of the tests, fixtures
 * or test helpers, and the tarballs alone, installed in an empty folder outside the repository, create a
 * project that names no path of the machine that generated it.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listFiles, moduleFolders } from '@ai-factory/engine';
import { outsideNpm, packWorkspaces, type PackedWorkspace } from '@ai-factory/testing';
import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import { filesContaining } from './project-files.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const FORBIDDEN = [/\.test\./, /(^|\/)__(test)?fixtures__\//, /(^|\/)test-[^/]*\.(js|d\.ts)$/, /\.map$/, /\.tsbuildinfo$/, /^src\/.*\.ts$/];

/** Every file a package.json points at: main, types, bin and every exports target. */
function entryPoints(manifest: Record<string, unknown>): string[] {
  const targets = (value: unknown): string[] =>
    typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(targets) : [];
  return [manifest.main, manifest.types, manifest.bin, manifest.exports].flatMap(targets).map((path) => path.replace(/^\.\//, ''));
}

let packed: PackedWorkspace[];
const work = mkdtempSync(join(tmpdir(), 'release-tarballs-'));

beforeAll(async () => {
  packed = await packWorkspaces(ROOT, work);
});

describe('each published package', () => {
  it('packs every publishable workspace', () => {
    expect(packed.map((p) => p.name).sort()).toEqual(['@ai-factory/codemods', '@ai-factory/engine', '@ai-factory/shared', '@ai-factory/templates', '@ai-factory/tree', 'ai-factory', 'create-ml-project']);
  });

  it('holds its entry points, a licence and the metadata a registry shows', () => {
    for (const workspace of packed) {
      const manifest = JSON.parse(readFileSync(join(ROOT, workspace.location, 'package.json'), 'utf8')) as Record<string, unknown>;
      const missing = entryPoints(manifest).filter((path) => !workspace.files.includes(path));
      expect(missing, workspace.name).toEqual([]);
      expect(workspace.files, workspace.name).toContain('LICENSE');
      expect(manifest, workspace.name).toMatchObject({ license: 'MIT', engines: { node: expect.any(String) }, repository: { directory: workspace.location } });
    }
  });

  it('leaves out tests, fixtures, test helpers, source maps and TypeScript sources', () => {
    for (const workspace of packed) {
      expect(workspace.files.filter((path) => FORBIDDEN.some((pattern) => pattern.test(path))), workspace.name).toEqual([]);
    }
  });

  it('ships every built-in module of the templates: its definition, its README and every file under files/', () => {
    const templates = packed.find((p) => p.name === '@ai-factory/templates')!;
    const modules = templates.files.filter((path) => /^dist\/[^/]+\/[^/]+\/module\.js$/.test(path)).map((path) => path.split('/').slice(1, 3).join('/'));
    expect(modules.sort()).toEqual(moduleFolders(join(ROOT, 'templates')));
    for (const id of modules) {
      expect(templates.files, id).toContain(`${id}/README.md`);
      // Some modules only compute their files; those that have files/ ship all of them.
      const sources = listFiles(join(ROOT, 'templates', id, 'files')).map((path) => `${id}/files/${path}`);
      expect(templates.files.filter((path) => path.startsWith(`${id}/files/`)).sort(), id).toEqual(sources.sort());
    }
  });
});

describe('the tarballs installed in an empty folder outside the repository', () => {
  it('create a project that depends on the released shared package and names no path of this machine', async () => {
    const user = mkdtempSync(join(tmpdir(), 'tarball-user-'));
    const env = { ...outsideNpm(process.env), HOME: user };
    const install = await execa('npm', ['install', '--no-audit', '--no-fund', ...packed.map((p) => p.tarball)], { cwd: user, env, reject: false });
    expect(install.exitCode, install.stderr).toBe(0);
    const args = ['demo', '--yes', '--preset', 'aws-tabular', '--no-install'];
    const create = await execa('npx', ['--no', 'create-ml-project', ...args], { cwd: user, env, reject: false });
    expect(create.exitCode, create.stderr).toBe(0);
    const project = join(user, 'demo');
    const shared = packed.find((p) => p.name === '@ai-factory/shared')!;
    expect(JSON.parse(readFileSync(join(project, 'package.json'), 'utf8')).devDependencies['@ai-factory/shared']).toBe(`^${shared.version}`);
    expect(filesContaining(project, [ROOT.replace(/\/$/, ''), user, work])).toEqual([]);

    // The same files as from the source checkout, but the shared package, which a checkout vendors.
    const listed = async (bin: string[]) =>
      JSON.parse((await execa(bin[0]!, [...bin.slice(1), 'planned', ...args.slice(1), '--dry-run', '--json'], { cwd: user, env })).stdout).files.map((f: { path: string }) => f.path);
    const fromCheckout = await listed(['node', join(ROOT, 'packages/create-ml-project/dist/bin.js')]);
    expect(await listed(['npx', '--no', 'create-ml-project'])).toEqual(fromCheckout.filter((path: string) => !path.startsWith('.ai-factory/packages/')));
  });
});
