/**
 * A Debian base image for building the generated Dockerfiles without any other registry: a bookworm
 * root filesystem made by `debootstrap --variant=minbase` from the Debian mirror this machine's apt uses,
 * with the python3 packages a project needs, imported into podman. debootstrap works in a tmpfs when the
 * machine has one (dpkg syncs every file it unpacks, which a loaded disk makes slow); the root filesystem
 * is kept as `<cacheDir>/<key>/rootfs.tar` and the image tagged by the same key, a hash of everything that
 * shapes it, so a changed package list makes a new one and an unchanged one is made once.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { run } from './commands.js';

const SUITE = 'bookworm';
const APT_ARCHIVES = '/var/cache/apt/archives';
const SOURCES = '/etc/apt/sources.list.d';
const TMPFS = '/dev/shm';

/** What a base image is made of. */
export interface DebianBaseOptions {
  /** Debian packages beyond minbase, e.g. `python3-sklearn`. */
  packages: readonly string[];
  /** Environment of the image, as `NAME=value` (`podman import --change ENV=…`). */
  env?: readonly string[];
  /** Where root filesystems are kept between runs (gitignored). */
  cacheDir: string;
}

/** The bookworm mirror of this machine's apt sources (deb822 `.sources` or one-line `.list`). */
export function debianMirror(sourcesDir = SOURCES): string {
  for (const file of existsSync(sourcesDir) ? readdirSync(sourcesDir).sort() : []) {
    const text = readFileSync(join(sourcesDir, file), 'utf8');
    if (file.endsWith('.sources')) {
      for (const stanza of text.split(/\n\s*\n/)) {
        const field = (name: string) => new RegExp(`^${name}:\\s*(.+)$`, 'm').exec(stanza)?.[1]?.trim().split(/\s+/) ?? [];
        if (field('Suites').includes(SUITE) && field('Types').includes('deb')) return field('URIs')[0]!;
      }
    } else if (file.endsWith('.list')) {
      const line = new RegExp(`^deb\\s+(?:\\[[^\\]]*\\]\\s+)?(\\S+)\\s+${SUITE}\\s`, 'm').exec(text);
      if (line) return line[1]!;
    }
  }
  throw new Error(`no apt source for Debian ${SUITE} in ${sourcesDir}`);
}

/** The cache key of a base: suite, variant, packages (sorted) and environment. */
export function baseKey(options: Pick<DebianBaseOptions, 'packages' | 'env'>): string {
  const shape = JSON.stringify({ suite: SUITE, variant: 'minbase', packages: [...options.packages].sort(), env: options.env ?? [] });
  return createHash('sha256').update(shape).digest('hex').slice(0, 16);
}

/**
 * debootstrap into `dir`. The .debs apt already downloaded for this machine's own packages are offered
 * as debootstrap's cache (it verifies each against the mirror's checksums); the rest come from the mirror.
 */
async function bootstrap(dir: string, packages: readonly string[], log: string): Promise<void> {
  const debs = join(dir, '..', 'debs');
  rmSync(debs, { recursive: true, force: true });
  mkdirSync(debs, { recursive: true });
  for (const file of existsSync(APT_ARCHIVES) ? readdirSync(APT_ARCHIVES) : []) if (file.endsWith('.deb')) symlinkSync(join(APT_ARCHIVES, file), join(debs, file));
  const args = ['--variant=minbase', `--cache-dir=${debs}`, `--include=${packages.join(',')}`, SUITE, dir, debianMirror()];
  await run('debootstrap', args, { log });
  rmSync(debs, { recursive: true, force: true });
}

/** The podman image (`localhost/ai-factory-debian-base:<key>`) of `options`, made if missing. */
export async function debianBaseImage(options: DebianBaseOptions): Promise<string> {
  const key = baseKey(options);
  const ref = `localhost/ai-factory-debian-base:${key}`;
  if ((await run('podman', ['image', 'exists', ref], { reject: false })).exitCode === 0) return ref;
  const home = join(options.cacheDir, key);
  const tarball = join(home, 'rootfs.tar');
  if (!existsSync(tarball)) {
    mkdirSync(home, { recursive: true });
    const work = mkdtempSync(join(existsSync(TMPFS) ? TMPFS : home, 'debian-base-'));
    try {
      const rootfs = join(work, 'rootfs');
      mkdirSync(rootfs);
      await bootstrap(rootfs, options.packages, join(home, 'debootstrap.log'));
      // Written whole, then renamed: an interrupted run leaves no half tarball to trust.
      await run('tar', ['-C', rootfs, '-cf', `${tarball}.partial`, '.']);
      renameSync(`${tarball}.partial`, tarball);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
  const changes = (options.env ?? []).flatMap((variable) => ['--change', `ENV ${variable}`]);
  await run('podman', ['import', ...changes, tarball, ref]);
  return ref;
}
