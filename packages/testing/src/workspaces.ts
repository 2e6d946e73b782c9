/** The packages of a factory checkout that a release publishes, and their `npm pack` tarballs. */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface Workspace {
  name: string;
  version: string;
  /** Relative to the checkout's root. */
  location: string;
}

/** Every workspace of the checkout at `root` that is not private, in npm's order. */
export async function publishableWorkspaces(root: string): Promise<Workspace[]> {
  const { stdout } = await run('npm', ['query', '.workspace'], { cwd: root, maxBuffer: 64 << 20 });
  const found = JSON.parse(stdout) as (Workspace & { private?: boolean })[];
  return found.filter((workspace) => !workspace.private).map(({ name, version, location }) => ({ name, version, location }));
}

export interface PackedWorkspace extends Workspace {
  /** Absolute path of the tarball. */
  tarball: string;
  /** Paths inside the package, as npm lists them. */
  files: string[];
}

/** Packs each publishable workspace of `root` into `destination` (it must exist). */
export async function packWorkspaces(root: string, destination: string): Promise<PackedWorkspace[]> {
  const workspaces = await publishableWorkspaces(root);
  const args = ['pack', '--json', '--pack-destination', destination, ...workspaces.flatMap((workspace) => ['--workspace', workspace.name])];
  const { stdout } = await run('npm', args, { cwd: root, maxBuffer: 64 << 20 });
  const packed = JSON.parse(stdout) as { name: string; filename: string; files: { path: string }[] }[];
  return workspaces.map((workspace) => {
    const entry = packed.find((candidate) => candidate.name === workspace.name);
    if (!entry) throw new Error(`npm pack did not pack ${workspace.name}`);
    return { ...workspace, tarball: join(destination, entry.filename), files: entry.files.map((file) => file.path) };
  });
}
