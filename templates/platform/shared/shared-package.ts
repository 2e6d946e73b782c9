/**
 * The `@ai-factory/shared` release this factory writes projects against, read from that package itself so
 * the version has one source, and how a generated project gets it.
 */
import { readFileSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';

/** A package the project carries in its own repository, for a factory whose packages are not published. */
export interface VendoredPackage {
  /** Where it lands in the project. */
  path: string;
  /** The tarball, read on first use. */
  read: () => Buffer;
}

export interface SharedPackage {
  version: string;
  /** The project's dependency specifier: a semver range, or the vendored tarball. */
  dependency: string;
  vendored?: VendoredPackage;
}

/** Where the shared package's build leaves its `npm pack` tarball (see its package.json `build`). */
export const PACK_DIR = '.pack';
const VENDOR_DIR = '.ai-factory/packages';

function lookUp(): SharedPackage {
  const manifest = realpathSync(createRequire(import.meta.url).resolve('@ai-factory/shared/package.json'));
  const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
  // Installed from a registry: the project resolves the same release range from its registry.
  if (manifest.includes(`${sep}node_modules${sep}`)) return { version, dependency: `^${version}` };
  // A source checkout: this release is in no registry yet, so the project carries the package it was
  // generated against, at a relative path that is the same on every clone of the project.
  const tarball = `ai-factory-shared-${version}.tgz`;
  const path = `${VENDOR_DIR}/${tarball}`;
  let content: Buffer | undefined;
  const read = () => {
    try {
      content ??= readFileSync(join(dirname(manifest), PACK_DIR, tarball));
    } catch {
      throw new Error(`packages/shared/${PACK_DIR}/${tarball} is missing: build the factory first (npm run build).`);
    }
    return content;
  };
  return { version, dependency: `file:${path}`, vendored: { path, read } };
}

let cached: SharedPackage | undefined;

/** Looked up once per process: generation runs many times in one fleet or test process. */
export function sharedPackage(): SharedPackage {
  cached ??= lookUp();
  return cached;
}
