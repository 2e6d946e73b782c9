/**
 * A project's TypeScript in a {@link Tree}, as text for ts-morph and back to bytes without losing one:
 * UTF-8 files (a byte order mark included) decode as UTF-8; anything else decodes byte for byte as
 * Latin-1, so the bytes the codemods do not touch come back exactly as they were.
 */
import type { Tree } from '@ai-factory/tree';

export type SourceEncoding = 'utf8' | 'latin1';

export interface Source {
  path: string;
  text: string;
  /** The encoding that gives the file's bytes back. */
  encoding: SourceEncoding;
}

export const TYPESCRIPT_FILE = /\.(c|m)?tsx?$/;

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function decode(bytes: Buffer): { text: string; encoding: SourceEncoding } {
  try {
    return { text: utf8.decode(bytes), encoding: 'utf8' };
  } catch {
    return { text: bytes.toString('latin1'), encoding: 'latin1' };
  }
}

/**
 * The tree's TypeScript: regular files (links are data to keep, never sources to edit) whose names say
 * TypeScript, outside installed packages.
 */
export function typescriptSources(tree: Tree): Source[] {
  return tree
    .entries()
    .filter(([path, entry]) => entry.mode !== 'symlink' && TYPESCRIPT_FILE.test(path) && !path.split('/').includes('node_modules'))
    .map(([path, entry]) => ({ path, ...decode(entry.content) }));
}

/** The bytes of `text` in the source's encoding, or undefined when a Latin-1 file cannot hold its characters. */
export function encodeSource(source: Source, text: string): Buffer | undefined {
  const bytes = Buffer.from(text, source.encoding);
  return source.encoding === 'latin1' && bytes.toString('latin1') !== text ? undefined : bytes;
}
