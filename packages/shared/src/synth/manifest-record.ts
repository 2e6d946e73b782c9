/**
 * Synth keeps the project manifest's record of managed files current: each synthesized file with the hash
 * of what was written, so `--check` can tell a stale file from one edited by hand.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Artifact } from './artifact.js';

export const MANIFEST_PATH = '.ai-factory/manifest.json';
/** The catalog module whose files synth owns; its id in the manifest. */
export const SYNTH_MODULE = 'platform/shared';

export interface ManagedRecord {
  path: string;
  owner: 'managed';
  module: string;
  sha256: string;
}

export function sha256(content: string | Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

export function managedRecords(artifacts: readonly Artifact[]): ManagedRecord[] {
  return artifacts.map(({ path, content }) => ({ path, owner: 'managed', module: SYNTH_MODULE, sha256: sha256(content) }));
}

interface ManifestFiles {
  files: { path: string; owner: string; module: string; sha256: string }[];
}

function readManifest(dir: string): (ManifestFiles & Record<string, unknown>) | undefined {
  const file = join(dir, MANIFEST_PATH);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as ManifestFiles & Record<string, unknown>) : undefined;
}

/** The module also owns template files (the config, package.json): synth's records are its managed ones. */
const isSynthRecord = (file: { owner: string; module: string }) => file.owner === 'managed' && file.module === SYNTH_MODULE;

/** The files synth recorded last time: path → hash. Empty for a project without a manifest. */
export function recordedManagedFiles(dir: string): Map<string, string> {
  const manifest = readManifest(dir);
  return new Map((manifest?.files ?? []).filter(isSynthRecord).map((f) => [f.path, f.sha256]));
}

/** Replaces synth's entries in the manifest; other modules' entries are left as they are. */
export function recordManagedFiles(dir: string, artifacts: readonly Artifact[]): void {
  const manifest = readManifest(dir);
  if (!manifest) return;
  const files = [...manifest.files.filter((f) => !isSynthRecord(f)), ...managedRecords(artifacts)];
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  writeFileSync(join(dir, MANIFEST_PATH), `${JSON.stringify({ ...manifest, files }, null, 2)}\n`);
}
