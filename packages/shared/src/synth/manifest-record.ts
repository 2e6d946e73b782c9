/**
 * Synth keeps the project manifest's record of managed files current: each synthesized file with the hash
 * of what was written, so `--check` can tell a stale file from one edited by hand. The manifest's format
 * and records are `@ai-factory/tree`'s.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileRecord, MANIFEST_PATH, parseManifestRecords, replaceRecords, serializeManifest, type FileRecord, type ManifestRecords } from '@ai-factory/tree';
import type { Artifact } from './artifact.js';

/** The catalog module whose files synth owns; its id in the manifest. */
export const SYNTH_MODULE = 'platform/shared';

function readManifest(dir: string): ManifestRecords | undefined {
  const file = join(dir, MANIFEST_PATH);
  return existsSync(file) ? parseManifestRecords(readFileSync(file, 'utf8')) : undefined;
}

/** The module also owns template files (the config, package.json): synth's records are its managed ones. */
const isSynthRecord = (record: FileRecord) => record.owner === 'managed' && record.module === SYNTH_MODULE;

/** The files synth recorded last time: path → hash. Empty for a project without a manifest. */
export function recordedManagedFiles(dir: string): Map<string, string> {
  const manifest = readManifest(dir);
  return new Map((manifest?.files ?? []).filter(isSynthRecord).map((f) => [f.path, f.sha256]));
}

/** Replaces synth's entries in the manifest; other modules' entries are left as they are. */
export function recordManagedFiles(dir: string, artifacts: readonly Artifact[]): void {
  const manifest = readManifest(dir);
  if (!manifest) return;
  const records = artifacts.map(({ path, content }) => fileRecord(path, content, 'managed', SYNTH_MODULE));
  writeFileSync(join(dir, MANIFEST_PATH), serializeManifest(replaceRecords(manifest, isSynthRecord, records)));
}
