/** Creating the project: collect answers, generate in memory, then write atomically (or only list, with --dry-run). */
import { relative } from 'node:path';
import { FactoryError, generateProject, openModuleSource, pythonPackageName, type Catalog, type Generated, type Manifest } from '@ai-factory/engine';
import { describeChanges, flushToDirectory, FlushError } from '@ai-factory/tree';
import { loadBuiltinCatalog } from '@ai-factory/templates';
import type { CliArgs } from './args.js';
import { collectAnswers } from './collect.js';
import { initGitRepository, isGitAvailable } from './git.js';
import { installDependencies } from './install.js';
import type { RunEnvironment } from './main.js';
import { detectPackageManager } from './package-manager.js';
import { configuredRegistry, npmrc } from './registry.js';
import { decideSetup, type ProjectSetup } from './setup.js';
import { checkTarget } from './target.js';
import { VERSION } from './version.js';

/** Creates the project `args` describe; returns the exit code. */
export async function create(args: CliArgs, env: RunEnvironment): Promise<number> {
  const interactive = env.interactive && !args.json;
  const ui = interactive && !args.yes;
  // The prompt library is only loaded for a person at a terminal: CI runs start faster without it.
  const clack = interactive ? await import('@clack/prompts') : undefined;
  clack?.intro(`create-ml-project ${VERSION}`);

  // Check the target before asking anything, so a bad directory fails fast.
  if (args.directory !== undefined) checkTarget(args.directory, env.cwd);
  // The child processes the run will wait for (npm for its registry, git --version) start now and run
  // while the catalog loads and the project renders; each is awaited (and its failure reported) where used.
  const registry = args.registry === undefined ? configuredRegistry() : undefined;
  registry?.catch(() => undefined);
  const gitFound = args.git && !args.dryRun ? isGitAvailable() : undefined;
  const children: Children = { registry: () => registry ?? configuredRegistry(), git: () => gitFound ?? isGitAvailable() };
  const builtin = await loadBuiltinCatalog();
  // External modules are read lazily while rendering, so the fetched tree stays until the run ends.
  const source = args.source === undefined ? undefined : await openModuleSource(builtin, args.source);
  try {
    return await createWith(source?.catalog ?? builtin, args, env, clack, ui, children);
  } finally {
    source?.close();
  }
}

type Clack = typeof import('@clack/prompts');

/** The answers of the child processes `create` started early. */
interface Children {
  registry: () => Promise<string>;
  git: () => Promise<boolean>;
}

/** `clack` is there only for a person at a terminal; without it the run prints plain lines. */
async function createWith(catalog: Catalog, args: CliArgs, env: RunEnvironment, clack: Clack | undefined, ui: boolean, children: Children): Promise<number> {
  // Loaded only for --answers: it brings the YAML parser, which nothing else in a generation needs.
  const given = { ...(args.answersFile ? (await import('./answers-file.js')).readAnswersFile(args.answersFile) : {}), ...args.flags };
  const answers = await collectAnswers({
    catalog,
    given,
    ...(args.directory !== undefined ? { directory: args.directory } : {}),
    interactive: ui,
    yes: args.yes,
    // On stderr, so that --json keeps stdout to its one JSON document.
    onAdjusted: (message) => (clack ? clack.log.warn(message) : env.stderr(`${message}\n`)),
  });
  const setup = await decideSetup(args, ui, children.registry);
  const target = checkTarget(args.directory ?? answers.name, env.cwd);
  const generated = generateProject(catalog, answers);
  // The team's own file, not the factory's: no owner, so upgrades never touch it.
  generated.tree.write('.npmrc', npmrc(setup.registry));

  if (args.dryRun) {
    const then = [setup.install ? `install from ${setup.registry}` : '', args.git ? 'initialise git' : ''].filter(Boolean).join(' and ');
    if (args.json) env.stdout(`${JSON.stringify(summary(generated, target, setup, true, null))}\n`);
    else env.stdout(`Dry run: would write ${generated.tree.size} files to ${target}${then ? ` and ${then}` : ''}:\n${describeChanges(generated.tree, ({ path }) => ownerOf(generated.manifest).get(path) ?? 'factory').join('\n')}\n`);
    return 0;
  }

  const useGit = args.git && (await children.git());
  if (args.git && !useGit && !args.json) env.stderr('git was not found: the project is written without a repository.\n');
  const progress = clack?.spinner();
  progress?.start(`Writing ${generated.tree.size} files`);
  let commit: string | null = null;
  await flushToDirectory(generated.tree, target, {
    finish: async (dir) => {
      if (setup.install) {
        progress?.message(`Installing the Node dependencies from ${setup.registry}`);
        await installDependencies(dir, setup.registry);
      }
      if (!useGit) return;
      progress?.message('Creating the git repository');
      commit = await initGitRepository(dir, `Generate ${answers.name} from AI Factory ${catalog.version} (preset ${answers.preset})`, catalog.version);
    },
  }).catch((error: unknown) => {
    // Our own errors (an install that failed) say what to do; any other failure to write is an I/O error.
    if (!(error instanceof FlushError)) throw error;
    throw error.cause instanceof FactoryError ? error.cause : new FactoryError('io', error.message);
  });
  progress?.stop(`Created ${answers.name}`);

  if (args.json) {
    env.stdout(`${JSON.stringify(summary(generated, target, setup, false, commit))}\n`);
  } else if (clack) {
    clack.note(nextSteps(generated, relative(env.cwd, target) || '.', setup), 'Next steps');
    clack.outro('Done.');
  } else {
    env.stdout(`Created ${answers.name} in ${target}\n`);
    env.stdout(`\nNext steps:\n${nextSteps(generated, relative(env.cwd, target) || '.', setup)}\n`);
  }
  return 0;
}

function nextSteps({ manifest }: Generated, dir: string, setup: ProjectSetup): string {
  const pkg = pythonPackageName(manifest.answers.name);
  const online = manifest.answers.serving !== 'batch';
  const manager = detectPackageManager();
  const steps: [string, string][] = [
    [`cd ${dir}`, ''],
    ['python3 -m pytest -q', "the project's tests"],
    ['export PYTHONPATH=src', "or: pip install -c constraints.txt -e '.[dev]'"],
    [`python3 -m ${pkg} train`, 'train on the sample data'],
    [`python3 -m ${pkg} evaluate`, 'champion/challenger gate, registers the winner'],
    online ? [`python3 -m ${pkg} service`, '/predict, /health, /metrics'] : [`python3 -m ${pkg} batch --help`, 'batch scoring'],
    [`${setup.install ? '' : 'npm install && '}npm run synth -- --check`, 'the platform declaration and its managed files'],
  ];
  const width = Math.max(...steps.map(([command]) => command.length));
  return [
    // The project's pipelines run `npm ci` on package-lock.json, so it is an npm project whatever ran us.
    ...(manager === 'npm' ? [] : [`# ${manager} ran this, but the project uses npm: its CI runs npm ci on package-lock.json.`]),
    ...steps.map(([command, note]) => (note ? `${command.padEnd(width)}  # ${note}` : command)),
  ].join('\n');
}

/** Each file's owner in the manifest; the files the factory writes about the project (the manifest, .npmrc) have none. */
const ownerOf = (manifest: Manifest) => new Map(manifest.files.map((file) => [file.path, file.owner]));

function summary({ tree, manifest }: Generated, directory: string, setup: ProjectSetup, dryRun: boolean, commit: string | null) {
  const owners = ownerOf(manifest);
  return {
    ok: true,
    dryRun,
    directory,
    registry: setup.registry,
    installed: setup.install && !dryRun,
    factoryVersion: manifest.factory.version,
    preset: manifest.preset,
    modules: manifest.modules.map((m) => `${m.id}@${m.version}`),
    ...(manifest.sources ? { sources: manifest.sources } : {}),
    files: tree.entries().map(([path, file]) => ({ path, owner: owners.get(path) ?? 'factory', bytes: file.content.length })),
    git: commit === null ? null : { branch: 'main', commit },
  };
}
