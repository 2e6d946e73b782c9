import { describe, expect, it } from 'vitest';
import { ContentCache, contentKey } from './content-cache.js';

describe('the content cache', () => {
  it('computes the same content once, and other content anew', () => {
    const cache = new ContentCache<string>();
    let runs = 0;
    const compute = (text: string) => () => `${text}#${++runs}`;
    expect(cache.get(['config', 'a'], compute('a'))).toBe('a#1');
    expect(cache.get(['config', Buffer.from('a')], compute('a'))).toBe('a#1');
    expect(cache.get(['config', 'b'], compute('b'))).toBe('b#2');
  });

  it('keeps parts apart: the same bytes split differently are another key', () => {
    expect(contentKey(['ab', 'c'])).not.toBe(contentKey(['a', 'bc']));
    expect(contentKey(['a', ''])).not.toBe(contentKey(['a']));
  });

  it('keeps nothing for a compute that throws or rejects', async () => {
    const cache = new ContentCache<Promise<string>>();
    await expect(cache.get(['x'], () => Promise.reject(new Error('disk full')))).rejects.toThrow('disk full');
    await expect(cache.get(['x'], () => Promise.resolve('fine'))).resolves.toBe('fine');
    const sync = new ContentCache<string>();
    expect(() => sync.get(['y'], () => { throw new Error('no'); })).toThrow('no');
    expect(sync.get(['y'], () => 'yes')).toBe('yes');
  });

  it('keeps only the most recently used results', () => {
    const cache = new ContentCache<number>(2);
    let runs = 0;
    const get = (key: string) => cache.get([key], () => ++runs);
    get('a');
    get('b');
    expect(get('a')).toBe(1);
    get('c');
    // b was the least recently used: it went, a stayed.
    expect(get('a')).toBe(1);
    expect(get('b')).toBe(4);
  });
});
