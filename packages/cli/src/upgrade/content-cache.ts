/**
 * Results that depend only on content, computed once per process and found again by a hash of that
 * content. A fleet's repositories often carry the same files (the factory's untouched config), and
 * type-checking or evaluating the same text again gives the same answer. The key is the whole input —
 * every byte and every version the result depends on — so a different input is never served another's
 * result. Only the most recently used few are kept, so a fleet whose contents all differ stays flat.
 */
import { createHash } from 'node:crypto';

/** One input of a result: text, bytes, or a name/content pair. */
export type KeyPart = string | Buffer;

/** The hash of the parts, each length-prefixed so that ['ab', 'c'] and ['a', 'bc'] differ. */
export function contentKey(parts: Iterable<KeyPart>): string {
  const hash = createHash('sha256');
  for (const part of parts) {
    const bytes = typeof part === 'string' ? Buffer.from(part, 'utf8') : part;
    hash.update(`${bytes.length}:`).update(bytes);
  }
  return hash.digest('hex');
}

export class ContentCache<T> {
  readonly #results = new Map<string, T>();

  /** @param size how many results are kept @default 64 */
  constructor(readonly size = 64) {}

  /**
   * The result for these parts: kept from an earlier call, or `compute()`d now and kept. A `compute` that
   * throws, or whose promise rejects, keeps nothing: a failure may be the machine's, not the content's.
   * The result is shared: read it, never change it.
   * @example await cache.get(['ai-factory.config.ts', text], () => evaluate(text))
   */
  get(parts: Iterable<KeyPart>, compute: () => T): T {
    const key = contentKey(parts);
    const kept = this.#results.get(key);
    this.#results.delete(key);
    const result = kept ?? compute();
    // Re-inserted last: a Map iterates in insertion order, so the first key is the least recently used.
    this.#results.set(key, result);
    if (this.#results.size > this.size) this.#results.delete(this.#results.keys().next().value!);
    if (result instanceof Promise) result.catch(() => this.#results.get(key) === result && this.#results.delete(key));
    return result;
  }
}
