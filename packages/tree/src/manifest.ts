/**
 * `.ai-factory/manifest.json`: the record every generated project keeps of what it was generated from and
 * what the factory owns in it. Upgrades read it to replay the answers, pick codemods by version, and know
 * which files to merge (`template`), which to regenerate (`managed`) and which to leave alone (`team`).
 * The answers are the engine's vocabulary, so the schema takes their schema: `manifestSchema(AnswersSchema)`.
 */
import { createHash } from 'node:crypto';
import * as z from 'zod/mini';
import { byPath } from './path.js';

export const MANIFEST_PATH = '.ai-factory/manifest.json';
export const MANIFEST_VERSION = 1;

/** Owners a manifest records: a module's (`template`, `managed`), or `team` for a file handed to the team (`ai-factory eject`). */
export const MANIFEST_OWNERS = ['template', 'managed', 'team'] as const;
export type ManifestOwner = (typeof MANIFEST_OWNERS)[number];

export const FileRecordSchema = z.object({
  path: z.string().check(z.describe('POSIX path relative to the project root')),
  owner: z
    .enum(MANIFEST_OWNERS)
    .check(z.describe('template: the team may edit it, upgrades merge; managed: regenerated, never edited by hand; team: ejected, upgrades leave it alone')),
  module: z.string().check(z.describe('Module that contributed the file')),
  sha256: z.string().check(z.regex(/^[0-9a-f]{64}$/), z.describe('Hash of the content as rendered')),
});

export type FileRecord = z.infer<typeof FileRecordSchema>;

/** The manifest's schema around the schema of the answers it records. */
export function manifestSchema<Answers extends z.ZodMiniType>(answers: Answers) {
  return z
    .strictObject({
      manifestVersion: z.literal(MANIFEST_VERSION).check(z.describe('Version of this manifest format')),
      factory: z
        .object({ version: z.string().check(z.describe('Version of the factory catalog the project was last rendered from')) })
        .check(z.describe('The factory release')),
      preset: z.string().check(z.describe('Preset the project started from')),
      answers: answers.check(z.describe('Every answer the project was generated with; replayed on upgrade')),
      modules: z
        .array(
          z.object({
            id: z.string().check(z.describe('Module id, <category>/<name>')),
            version: z.string().check(z.describe('Module version rendered')),
            options: z.record(z.string(), z.unknown()).check(z.describe('Resolved module options')),
            source: z.optional(z.string()).check(z.describe('For an external module: the source spec it came from (see sources)')),
          }),
        )
        .check(z.describe('Modules the project was composed from, in render order')),
      sources: z
        .optional(
          z.array(
            z.object({
              spec: z.string().check(z.describe('External module source as given, e.g. acme/ml-modules#v1')),
              commit: z.string().check(z.regex(/^[0-9a-f]{40}$/), z.describe('Commit the source was pinned to')),
              modules: z.array(z.string()).check(z.describe('Modules of this project taken from the source')),
            }),
          ),
        )
        .check(z.describe('External module sources (--source), pinned to a commit so upgrades fetch the same tree')),
      upgrades: z
        .optional(
          z.array(
            z.object({
              from: z.string().check(z.describe('Factory version before the upgrade')),
              to: z.string().check(z.describe('Factory version after it')),
              shared: z.object({ from: z.string(), to: z.string() }).check(z.describe('@ai-factory/shared API versions crossed')),
              codemods: z.array(z.string()).check(z.describe('Codemods applied, in order')),
            }),
          ),
        )
        .check(z.describe('Every upgrade the project went through, oldest first')),
      files: z.array(FileRecordSchema).check(z.describe('Every generated file with its owner')),
    })
    .check(z.describe('AI Factory project manifest'));
}

/** sha256 of a file's bytes, as recorded in the manifest. */
export function hashContent(content: Buffer | string): string {
  return createHash('sha256').update(content).digest('hex');
}

/** The record of a file as written. */
export function fileRecord(path: string, content: Buffer | string, owner: ManifestOwner, module: string): FileRecord {
  return { path, owner, module, sha256: hashContent(content) };
}

export function serializeManifest(manifest: object): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** A manifest read for its records alone: what synth needs, knowing nothing of the answers. */
const RecordsSchema = z.looseObject({ files: z.array(FileRecordSchema) });
export type ManifestRecords = z.infer<typeof RecordsSchema>;

/** Parses a manifest's text for its file records; every other field is kept as it is. */
export function parseManifestRecords(text: string): ManifestRecords {
  return RecordsSchema.parse(JSON.parse(text.replace(/^\uFEFF/, '')));
}

/** The manifest with the records `replaced` selects swapped for `records`, sorted by path; the rest as it was. */
export function replaceRecords<Manifest extends { files: FileRecord[] }>(manifest: Manifest, replaced: (record: FileRecord) => boolean, records: readonly FileRecord[]): Manifest {
  const files = [...manifest.files.filter((record) => !replaced(record)), ...records].sort((a, b) => byPath(a.path, b.path));
  return { ...manifest, files };
}
