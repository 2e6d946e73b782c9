/**
 * TypeScript sources as text for the codemods and bytes for git, without losing a byte: UTF-8 files
 * (a byte order mark included) decode as UTF-8; anything else decodes byte for byte as Latin-1, so the
 * bytes the codemods do not touch come back exactly as they were.
 */
import { UpgradeError } from './report.js';

export type SourceEncoding = 'utf8' | 'latin1';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** A file's text and the encoding that gives its bytes back. */
export function decodeSource(bytes: Buffer): { text: string; encoding: SourceEncoding } {
  try {
    return { text: utf8.decode(bytes), encoding: 'utf8' };
  } catch {
    return { text: bytes.toString('latin1'), encoding: 'latin1' };
  }
}

/** The bytes of `text` in the encoding it was read with; a Latin-1 file cannot take characters beyond it. */
export function encodeSource(path: string, text: string, encoding: SourceEncoding): Buffer {
  const bytes = Buffer.from(text, encoding);
  if (encoding === 'latin1' && bytes.toString('latin1') !== text) {
    throw new UpgradeError('codemod', `${path} is not UTF-8, and the codemods would write characters its encoding cannot hold: convert it to UTF-8, then run the upgrade again.`);
  }
  return bytes;
}
