/**
 * The project manifest with the engine's answers: `@ai-factory/tree` owns its format and records, the
 * engine supplies the answers' schema and builds the manifest of a render.
 */
import { fileRecord, manifestSchema, MANIFEST_VERSION, type FileRecord, type Tree } from '@ai-factory/tree';
import * as z from 'zod/mini';
import { AnswersSchema } from './answers.js';
import type { FileOwner } from './module.js';

export const ManifestSchema = manifestSchema(AnswersSchema);

export type Manifest = z.infer<typeof ManifestSchema>;

/** The manifest's JSON Schema, emitted from the zod schema (committed as manifest.schema.json). */
export function manifestJsonSchema(): object {
  return z.toJSONSchema(ManifestSchema, { target: 'draft-2020-12', io: 'input' });
}

/** Who wrote a file of a render: the module and the owner its rule gives. */
export interface Authorship {
  owner: FileOwner;
  module: string;
}

/** Builds the manifest of a rendered tree: one record per file a module wrote, sorted by path. */
export function buildManifest(fields: Omit<Manifest, 'manifestVersion' | 'files'>, tree: Tree, authors: ReadonlyMap<string, Authorship>): Manifest {
  const files: FileRecord[] = tree.list().flatMap((path) => {
    const author = authors.get(path);
    return author ? [fileRecord(path, tree.read(path)!, author.owner, author.module)] : [];
  });
  return { manifestVersion: MANIFEST_VERSION, ...fields, files };
}
