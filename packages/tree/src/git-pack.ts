/**
 * A pack of git objects and its index (pack format version 2, index version 2), as `git index-pack`
 * would leave them, built in memory. Objects are stored whole (no deltas), each compressed as git does by
 * default; the repository's next gc deltifies and folds packs together.
 */
import { crc32, deflateSync } from 'node:zlib';
import { objectHash, type GitObject, type ObjectFormat } from './git-objects.js';

export interface Pack {
  /** The pack's checksum in hex: its files are `pack-<name>.pack` and `pack-<name>.idx`. */
  name: string;
  pack: Buffer;
  index: Buffer;
}

const TYPE_CODES = { commit: 1, tree: 2, blob: 3, tag: 4 } as const;

/** An object's entry in a pack: its type and size, then its compressed content. */
interface Entry {
  bytes: Buffer;
  crc: number;
}

/** The header of an entry: type in bits 4-6 of the first byte, the size in 4 bits, then 7 bits a byte. */
function entryHeader(type: GitObject['type'], size: number): Buffer {
  const bytes = [(TYPE_CODES[type] << 4) | (size & 0x0f)];
  for (let rest = Math.floor(size / 16); rest > 0; rest = Math.floor(rest / 128)) {
    bytes[bytes.length - 1]! |= 0x80;
    bytes.push(rest & 0x7f);
  }
  return Buffer.from(bytes);
}

/**
 * Compressed blobs by oid, the most recently used kept across packs up to a budget: a fleet writes the
 * same release's files into every repository, and compressing them is most of what writing its objects
 * costs. Those are used again with every repository of their preset and stay; a repository's own files
 * (its config, its merged files) are pushed out, so a long run's memory stays flat. An oid names one
 * content, so a kept entry is never another object's.
 */
class EntryCache {
  readonly #entries = new Map<string, Entry>();
  #bytes = 0;

  constructor(readonly budget: number) {}

  get(object: GitObject): Entry {
    const kept = this.#entries.get(object.oid);
    if (kept) {
      // Re-inserted last: the first key of a Map is then the least recently used.
      this.#entries.delete(object.oid);
      this.#entries.set(object.oid, kept);
      return kept;
    }
    const bytes = Buffer.concat([entryHeader(object.type, object.content.length), deflateSync(object.content)]);
    const entry = { bytes, crc: crc32(bytes) };
    // Trees and commits are the repository's own: only blobs are worth keeping.
    if (object.type === 'blob' && bytes.length <= this.budget) {
      this.#entries.set(object.oid, entry);
      this.#bytes += bytes.length;
      for (const [oid, old] of this.#entries) {
        if (this.#bytes <= this.budget) break;
        this.#entries.delete(oid);
        this.#bytes -= old.bytes.length;
      }
    }
    return entry;
  }
}

// A release's files of a few presets, compressed, take a few MiB.
const entries = new EntryCache(8 * 1024 * 1024);

const uint32 = (value: number) => {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32BE(value);
  return bytes;
};

/** Offsets past 2 GiB go to the index's table of 8-byte offsets, named by their position there. */
const LARGE_OFFSET = 0x80000000;

function packIndex(objects: readonly { oid: Buffer; crc: number; offset: number }[], packChecksum: Buffer, format: ObjectFormat): Buffer {
  const sorted = [...objects].sort((a, b) => Buffer.compare(a.oid, b.oid));
  const fanout = Buffer.alloc(256 * 4);
  for (let byte = 0, i = 0; byte < 256; byte += 1) {
    while (i < sorted.length && sorted[i]!.oid[0]! <= byte) i += 1;
    fanout.writeUInt32BE(i, byte * 4);
  }
  const large: Buffer[] = [];
  const offsets = sorted.map(({ offset }) => {
    if (offset < LARGE_OFFSET) return uint32(offset);
    const wide = Buffer.alloc(8);
    wide.writeBigUInt64BE(BigInt(offset));
    large.push(wide);
    return uint32(LARGE_OFFSET | (large.length - 1));
  });
  const body = Buffer.concat([Buffer.from([0xff, 0x74, 0x4f, 0x63]), uint32(2), fanout, ...sorted.map((o) => o.oid), ...sorted.map((o) => uint32(o.crc)), ...offsets, ...large, packChecksum]);
  return Buffer.concat([body, objectHash(format).update(body).digest()]);
}

/**
 * The pack and index of `objects` (each once).
 * @example const { name, pack, index } = packObjects([{ type: 'blob', oid, content }], 'sha1');
 */
export function packObjects(objects: readonly GitObject[], format: ObjectFormat): Pack {
  const parts: Buffer[] = [Buffer.from('PACK'), uint32(2), uint32(objects.length)];
  let offset = 12;
  const placed = objects.map((object) => {
    const entry = entries.get(object);
    parts.push(entry.bytes);
    const at = offset;
    offset += entry.bytes.length;
    return { oid: Buffer.from(object.oid, 'hex'), crc: entry.crc, offset: at };
  });
  const hash = objectHash(format);
  for (const part of parts) hash.update(part);
  const checksum = hash.digest();
  return { name: checksum.toString('hex'), pack: Buffer.concat([...parts, checksum]), index: packIndex(placed, checksum, format) };
}
