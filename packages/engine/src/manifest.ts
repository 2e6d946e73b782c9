/**
 * `.ai-factory/manifest.json`: the record every generated project keeps of what it was generated from and
 * what the factory owns in it. Upgrades read it to replay the answers, pick codemods by version, and know
 * which files to merge (`template`), which to regenerate (`managed`) and which to leave alone (`team`).
 */
import { z } from 'zod';
import { AnswersSchema } from './answers.js';
import { MANIFEST_OWNERS } from './module.js';
import { hashContent, type VirtualTree } from './tree.js';

export const MANIFEST_PATH = '.ai-factory/manifest.json';
export const MANIFEST_VERSION = 1;

export const ManifestSchema = z
  .object({
    manifestVersion: z.literal(MANIFEST_VERSION).describe('Version of this manifest format'),
    factory: z
      .object({ version: z.string().describe('Version of the factory catalog the project was last rendered from') })
      .describe('The factory release'),
    preset: z.string().describe('Preset the project started from'),
    answers: AnswersSchema.describe('Every answer the project was generated with; replayed on upgrade'),
    modules: z
      .array(
        z.object({
          id: z.string().describe('Module id, <category>/<name>'),
          version: z.string().describe('Module version rendered'),
          options: z.record(z.string(), z.unknown()).describe('Resolved module options'),
          source: z.string().optional().describe('For an external module: the source spec it came from (see sources)'),
        }),
      )
      .describe('Modules the project was composed from, in render order'),
    sources: z
      .array(
        z.object({
          spec: z.string().describe('External module source as given, e.g. acme/ml-modules#v1'),
          commit: z.string().regex(/^[0-9a-f]{40}$/).describe('Commit the source was pinned to'),
          modules: z.array(z.string()).describe('Modules of this project taken from the source'),
        }),
      )
      .optional()
      .describe('External module sources (--source), pinned to a commit so upgrades fetch the same tree'),
    upgrades: z
      .array(
        z.object({
          from: z.string().describe('Factory version before the upgrade'),
          to: z.string().describe('Factory version after it'),
          shared: z.object({ from: z.string(), to: z.string() }).describe('@ai-factory/shared API versions crossed'),
          codemods: z.array(z.string()).describe('Codemods applied, in order'),
        }),
      )
      .optional()
      .describe('Every upgrade the project went through, oldest first'),
    files: z
      .array(
        z.object({
          path: z.string().describe('POSIX path relative to the project root'),
          owner: z
            .enum(MANIFEST_OWNERS)
            .describe('template: the team may edit it, upgrades merge; managed: regenerated, never edited by hand; team: ejected, upgrades leave it alone'),
          module: z.string().describe('Module that contributed the file'),
          sha256: z.string().regex(/^[0-9a-f]{64}$/).describe('Hash of the content as rendered'),
        }),
      )
      .describe('Every generated file with its owner'),
  })
  .strict()
  .describe('AI Factory project manifest');

export type Manifest = z.infer<typeof ManifestSchema>;

/** The manifest's JSON Schema, emitted from the zod schema (committed as manifest.schema.json). */
export function manifestJsonSchema(): object {
  return z.toJSONSchema(ManifestSchema, { target: 'draft-2020-12', io: 'input' });
}

/** Builds the manifest of a rendered tree; files without an owner (the manifest itself) are not listed. */
export function buildManifest(fields: Omit<Manifest, 'manifestVersion' | 'files'>, tree: VirtualTree): Manifest {
  const files = tree
    .entries()
    .filter(([, file]) => file.owner !== undefined)
    .map(([path, file]) => ({ path, owner: file.owner!, module: file.module!, sha256: hashContent(file.content) }));
  return { manifestVersion: MANIFEST_VERSION, ...fields, files };
}

export function serializeManifest(manifest: Manifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
