// Child process of the benchmark: the git floor, the git work an object-level upgrade of these
// repositories cannot avoid, with no factory code at all. Per repository: list HEAD's tree, read the blobs
// the upgrade changes through one `cat-file --batch`, then write the new blobs, the tree, the commit and
// the upgrade branch through one `fast-import`; as many repositories at a time as the fleet runs.
// argv: the repository list, the concurrency, and a JSON file of the upgrade's changes taken from a real
// upgrade before timing: per repository, path → the new blob's oid or null to delete, and each blob's
// content (base64) once.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';

const repos = readFileSync(process.argv[2], 'utf8').split('\n').filter(Boolean);
const concurrency = Number(process.argv[3] ?? availableParallelism());
const recorded = JSON.parse(readFileSync(process.argv[4], 'utf8'));
const blobs = new Map(Object.entries(recorded.blobs).map(([oid, base64]) => [oid, Buffer.from(base64, 'base64')]));

function git(cwd, args, input) {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    const out = [];
    child.stdout.on('data', (chunk) => out.push(chunk));
    child.stderr.on('data', () => undefined);
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(Buffer.concat(out)) : reject(new Error(`git ${args[0]} exited with ${code} in ${cwd}`))));
    child.stdin.end(input);
  });
}

const data = (bytes) => [Buffer.from(`data ${bytes.length}\n`), bytes, Buffer.from('\n')];

async function floor(repo) {
  const changes = Object.entries(recorded.repos[repo]);
  const listing = (await git(repo, ['ls-tree', '-r', '-z', 'HEAD'])).toString('utf8').split('\0').filter(Boolean);
  const head = new Map(listing.map((line) => [line.slice(line.indexOf('\t') + 1), line.split(' ')[2]]));
  const read = changes.flatMap(([path]) => (head.has(path) ? [head.get(path)] : []));
  const contents = await git(repo, ['cat-file', '--batch'], `${read.join('\n')}\n`);
  if (read.length > 0 && contents.length === 0) throw new Error(`cat-file read nothing in ${repo}`);
  const stream = [Buffer.from('commit refs/heads/floor-upgrade\ncommitter Bench <bench@example.com> now\n'), ...data(Buffer.from('Upgrade')), Buffer.from('from HEAD\n')];
  for (const [path, oid] of changes) {
    if (oid === null) stream.push(Buffer.from(`D ${path}\n`));
    else stream.push(Buffer.from(`M 100644 inline ${path}\n`), ...data(blobs.get(oid)));
  }
  stream.push(Buffer.from('done\n'));
  // One pack, no delta search, as the fleet writes its objects (see packages/tree/src/git-pack.ts).
  await git(repo, ['-c', 'fastimport.unpackLimit=1', 'fast-import', '--quiet', '--date-format=now', '--depth=0', '--done'], Buffer.concat(stream));
}

const started = performance.now();
let next = 0;
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (next < repos.length) await floor(repos[next++]);
  }),
);
process.stdout.write(JSON.stringify({ wallMs: performance.now() - started, statuses: { upgraded: repos.length }, failures: [] }));
