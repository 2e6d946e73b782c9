import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { objectId, serializeTree, type GitObject, type ObjectFormat } from './git-objects.js';
import { packObjects } from './git-pack.js';

/** Blobs of sizes whose headers take one to three bytes, a tree naming them, and a commit of that tree. */
function objects(format: ObjectFormat): GitObject[] {
  const blob = (text: string): GitObject => ({ type: 'blob', oid: objectId('blob', Buffer.from(text), format), content: Buffer.from(text) });
  const blobs = [blob('tiny\n'), blob('x'.repeat(300)), blob('y'.repeat(70_000))];
  const tree = serializeTree(blobs.map((b, i) => ({ mode: '100644', name: `file-${i}.txt`, oid: b.oid })));
  const commit = Buffer.from(`tree ${objectId('tree', tree, format)}\nauthor A <a@x> 0 +0000\ncommitter A <a@x> 0 +0000\n\nm`);
  return [...blobs, { type: 'tree', oid: objectId('tree', tree, format), content: tree }, { type: 'commit', oid: objectId('commit', commit, format), content: commit }];
}

describe('packObjects', () => {
  it.each(['sha1', 'sha256'] as const)('writes a %s pack git reads, and the very index git makes of it', (format) => {
    const dir = mkdtempSync(join(tmpdir(), 'tree-pack-'));
    execFileSync('git', ['init', '--quiet', `--object-format=${format}`], { cwd: dir });
    const { name, pack, index } = packObjects(objects(format), format);
    writeFileSync(join(dir, 'ours.pack'), pack);
    // index-pack checks every entry (header, compressed content, checksum) and writes its own index.
    execFileSync('git', ['index-pack', '-o', 'git.idx', 'ours.pack'], { cwd: dir, stdio: 'ignore' });
    expect(index.equals(readFileSync(join(dir, 'git.idx')))).toBe(true);
    expect(name).toBe(pack.subarray(-(format === 'sha1' ? 20 : 32)).toString('hex'));
  });

  it('gives the same pack for the same objects, a blob compressed before or not', () => {
    const first = packObjects(objects('sha1'), 'sha1');
    expect(packObjects(objects('sha1'), 'sha1').pack.equals(first.pack)).toBe(true);
  });
});
