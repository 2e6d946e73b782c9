/**
 * `ai-factory eject <path>`: hands template files to the team. The manifest records them as owned by
 * `team`, and upgrades never merge them again (see `computeUpgrade`); nothing else changes. Managed files
 * cannot be ejected: they are synthesized from ai-factory.config.ts, which is where they change.
 */
import { FactoryError, type Manifest } from '@ai-factory/engine';
import { MANIFEST_PATH, serializeManifest, Tree } from '@ai-factory/tree';
import { prepareChange, type PrepareOptions } from './prepare.js';

/** `./src/x/` and `src/x` name the same thing: the manifest's POSIX path, relative to the project. */
const normalize = (path: string) => path.replace(/\\/g, '/').replace(/^(\.\/)+/, '').replace(/\/+$/, '');

/** The manifest's records at `path`, or under it when it is a folder. */
function recordsAt(manifest: Manifest, path: string): Manifest['files'] {
  const records = manifest.files.filter((file) => file.path === path || file.path.startsWith(`${path}/`));
  if (records.length === 0) throw new FactoryError('not-ejectable', `${path} is not a file the factory generated in this project.`, `The factory's files are listed in ${MANIFEST_PATH}.`);
  const managed = records.filter((file) => file.owner === 'managed').map((file) => file.path);
  if (managed.length > 0) {
    throw new FactoryError('not-ejectable', `${managed.join(', ')} ${managed.length === 1 ? 'is' : 'are'} managed: synthesized from ai-factory.config.ts, never edited by hand.`, 'Change ai-factory.config.ts instead (then npm run synth), or eject the template files next to it.');
  }
  return records;
}

/**
 * Ejects the template file at `path` (or every one under a folder) on branch `ai-factory/eject-<path>`.
 * @example await ejectFromProject(dir, 'src/churn_radar/train.py')
 */
export function ejectFromProject(repo: string, path: string, options: PrepareOptions = {}) {
  const wanted = normalize(path);
  return prepareChange(
    repo,
    {
      command: 'eject',
      branch: `ai-factory/eject-${wanted.replace(/[^A-Za-z0-9._-]+/g, '-')}`,
      message: `Eject ${wanted}: the team's from now on, never merged by upgrades`,
      plan: ({ manifest, ours }) => {
        const ejected = recordsAt(manifest, wanted).filter((file) => file.owner === 'template').map((file) => file.path);
        const summary = { modules: [], kept: [], ejected };
        if (ejected.length === 0) return { summary };
        // Edited as JSON as it stands, so only the owners change in the diff, whatever order its keys are in.
        const raw = JSON.parse(ours.read(MANIFEST_PATH, 'utf8')!.replace(/^\uFEFF/, '')) as Manifest;
        const files = raw.files.map((file) => (ejected.includes(file.path) ? { ...file, owner: 'team' as const } : file));
        const changes = new Map([[MANIFEST_PATH, Buffer.from(serializeManifest({ ...raw, files }))]]);
        return { summary, target: { changes, pristine: new Tree(), codemodsApplied: [], conflicts: [] } };
      },
    },
    options,
  );
}
