/**
 * Building images with podman and running what they hold without a container runtime: `podman build
 * --isolation chroot` needs no cgroups, and a built image's filesystem, from `podman image mount`, runs
 * its entry point under `chroot` in a private mount namespace (`unshare --mount`), with the image's
 * user, working directory and environment, /proc and /dev, and host directories bound where it writes.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chownSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { run, type RunResult } from './commands.js';

/** `podman build --isolation chroot` of `dockerfile` in `context`, tagged `tag`. */
export async function podmanBuild(context: string, dockerfile: string, tag: string, buildArgs: Record<string, string> = {}, log?: string): Promise<void> {
  const args = Object.entries(buildArgs).flatMap(([name, value]) => ['--build-arg', `${name}=${value}`]);
  await run('podman', ['build', '--isolation', 'chroot', '--file', join(context, dockerfile), '--tag', tag, ...args, context], { log });
}

/** What an image runs: its user, working directory, environment and command (`podman image inspect`). */
export interface ImageConfig {
  user: string;
  workdir: string;
  env: string[];
  cmd: string[];
}

export async function imageConfig(ref: string): Promise<ImageConfig> {
  const [image] = JSON.parse((await run('podman', ['image', 'inspect', ref])).stdout) as { Config: { User?: string; WorkingDir?: string; Env?: string[]; Cmd?: string[]; Entrypoint?: string[] } }[];
  const config = image!.Config;
  return { user: config.User || 'root', workdir: config.WorkingDir || '/', env: config.Env ?? [], cmd: [...(config.Entrypoint ?? []), ...(config.Cmd ?? [])] };
}

/** Mounts the image's filesystem for `use`, then unmounts it. */
export async function withMountedImage<T>(ref: string, use: (root: string) => Promise<T>): Promise<T> {
  const root = (await run('podman', ['image', 'mount', ref])).stdout.trim();
  try {
    return await use(root);
  } finally {
    await run('podman', ['image', 'unmount', ref], { reject: false });
  }
}

/** How to run a command of a mounted image. */
export interface ChrootRun {
  root: string;
  config: ImageConfig;
  command: readonly string[];
  /** Host directory → path in the image, bound read-write (the image's own paths stay read-only). */
  binds?: Record<string, string>;
  /** Extra environment, after the image's. */
  env?: Record<string, string>;
}

/** uid:gid of a user of the image, by name or number. */
function userSpec(root: string, user: string): string {
  if (/^\d+(:\d+)?$/.test(user)) return user.includes(':') ? user : `${user}:${user}`;
  const entry = readFileSync(join(root, 'etc/passwd'), 'utf8').split('\n').find((line) => line.startsWith(`${user}:`));
  if (!entry) throw new Error(`the image has no user ${user}`);
  const [, , uid, gid] = entry.split(':');
  return `${uid}:${gid}`;
}

/** The bound host directories belong to the image's user, as a volume the image writes to would. */
function ownBinds({ root, config, binds = {} }: ChrootRun): void {
  const [uid, gid] = userSpec(root, config.user).split(':').map(Number);
  for (const host of Object.keys(binds)) chownSync(host, uid!, gid!);
}

/** `unshare … chroot …` arguments: mounts made in the private namespace vanish with the process. */
function chrootArgs({ root, config, command, binds = {}, env = {} }: ChrootRun): string[] {
  const mounts = [
    `mount -t proc proc "$root/proc"`,
    `mount --rbind /dev "$root/dev"`,
    `mount -t tmpfs tmpfs "$root/tmp"`,
    ...Object.entries(binds).map(([host, path]) => `mount --bind ${JSON.stringify(host)} "$root"${JSON.stringify(path)}`),
  ];
  const variables = [...config.env, ...Object.entries(env).map(([name, value]) => `${name}=${value}`)];
  const script = `set -e; root="$1"; shift; ${mounts.join('; ')}; exec "$@"`;
  const inner = ['chroot', `--userspec=${userSpec(root, config.user)}`, root, '/usr/bin/env', '-i', ...variables, '/bin/sh', '-c', 'cd "$0" && exec "$@"', config.workdir, ...command];
  // --kill-child: should the test die first, its process does not outlive it.
  return ['--mount', '--propagation', 'private', '--fork', '--kill-child', '/bin/sh', '-c', script, 'sh', root, ...inner];
}

/** Runs a command of a mounted image to its end. */
export function chrootRun(options: ChrootRun): Promise<RunResult> {
  ownBinds(options);
  return run('unshare', chrootArgs(options), { reject: false });
}

/** A long-running command of a mounted image (a server), and how to stop it. */
export interface Started {
  process: ChildProcess;
  /** SIGTERM to the command itself (unshare ignores it), then waits for the exit. */
  stop(): Promise<void>;
}

/** Starts a long-running command of a mounted image in a process group of its own. */
export function chrootStart(options: ChrootRun): Started {
  ownBinds(options);
  const child = spawn('unshare', chrootArgs(options), { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    process: child,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, 'SIGTERM');
      await exited;
    },
  };
}
