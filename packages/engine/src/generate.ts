/** Generation: answers in, a virtual tree with every file and the manifest out. Nothing touches the disk. */
import { MANIFEST_PATH, serializeManifest, Tree } from '@ai-factory/tree';
import picomatch from 'picomatch';
import { AnswersSchema, describeIssues, type Answers } from './answers.js';
import { isExecutable, listFiles, readModuleFile, type Catalog, type ModuleSource } from './catalog.js';
import { FactoryError } from './errors.js';
import { buildManifest, type Authorship, type Manifest } from './manifest.js';
import { conditionHolds, type CatalogModule, type FileRule } from './module.js';
import { gpuOfferProblem } from './offers.js';
import { pythonPackageName } from './project-name.js';
import { renderTemplate } from './render/helpers.js';
import { resolveModules, type ResolvedModule } from './resolve.js';

export interface Generated {
  tree: Tree;
  /** Records who wrote each file: its module and owner (the manifest itself and team files are in no record). */
  manifest: Manifest;
  modules: ResolvedModule[];
}

/** Values every template sees: the answers plus names and flags derived from them. */
export function templateContext(answers: Answers, factoryVersion: string): Record<string, unknown> {
  return {
    ...answers,
    packageName: pythonPackageName(answers.name),
    servingOnline: answers.serving !== 'batch',
    servingBatch: answers.serving !== 'online',
    factoryVersion,
  };
}

const TEMPLATE_SUFFIX = '.hbs';

/**
 * Maps a source path to its output path: drops `.hbs` and fills `__key__` with a context value. Names that
 * are not context keys stay as they are, so Python's `__init__.py` and `__main__.py` pass through.
 */
function targetPath(source: string, context: Record<string, unknown>): string {
  const path = (source.endsWith(TEMPLATE_SUFFIX) ? source.slice(0, -TEMPLATE_SUFFIX.length) : source)
    // npm drops files named .gitignore from published packages, so templates ship them as _gitignore.
    .replace(/(^|\/)_gitignore$/, '$1.gitignore');
  return path.replace(/__([A-Za-z]+)__/g, (token, key: string) => {
    if (!(key in context)) return token;
    const value = context[key];
    if (typeof value !== 'string' || !/^[A-Za-z0-9_.-]+$/.test(value)) {
      throw new FactoryError('render', `Path ${source} uses __${key}__, which is not a safe path segment.`);
    }
    return value;
  });
}

const matchers = new WeakMap<FileRule, (path: string) => boolean>();
function ruleFor(module: CatalogModule, source: string): FileRule {
  const rule = module.files.find((candidate) => {
    let match = matchers.get(candidate);
    if (!match) matchers.set(candidate, (match = picomatch(candidate.include, { dot: true })));
    return match(source);
  });
  if (!rule) throw new FactoryError('invalid-module', `Module ${module.id}: file files/${source} matches no rule in "files".`);
  return rule;
}

interface ModuleFile {
  source: string;
  bytes: Buffer;
  executable: boolean;
}

// Read once per process, like the file lists: a fleet upgrade renders the same modules thousands of times.
const filesByModule = new Map<string, ModuleFile[]>();
function moduleFiles(module: CatalogModule): ModuleFile[] {
  let files = filesByModule.get(module.dir);
  if (!files) {
    files = listFiles(`${module.dir}/files`).map((source) => ({ source, bytes: readModuleFile(module, source), executable: isExecutable(module, source) }));
    filesByModule.set(module.dir, files);
  }
  return files;
}

/** A render in progress: the files, and who wrote each one, for the manifest. */
interface Render {
  tree: Tree;
  authors: Map<string, Authorship>;
}

/** Renders one module's files into the tree; two modules writing one path is an error, not an override. */
function renderModule({ tree, authors }: Render, { module, options }: ResolvedModule, context: Record<string, unknown>, answers: Answers): void {
  const moduleContext = { ...context, options };
  for (const { source, bytes, executable } of moduleFiles(module)) {
    const rule = ruleFor(module, source);
    if (!conditionHolds(rule.when, answers)) continue;
    const path = targetPath(source, moduleContext);
    writeOnce(authors, path, module.id);
    let content: Buffer | string = bytes;
    if (source.endsWith(TEMPLATE_SUFFIX)) {
      try {
        content = renderTemplate(bytes.toString('utf8'), moduleContext);
      } catch (error) {
        throw new FactoryError('render', `Cannot render ${module.id}/files/${source}: ${(error as Error).message}`);
      }
    }
    tree.write(path, content, executable ? 'executable' : 'file');
    authors.set(path, { owner: rule.owner, module: module.id });
  }
  for (const file of module.generate?.({ answers, options, factoryVersion: String(context.factoryVersion) }) ?? []) {
    writeOnce(authors, file.path, module.id);
    tree.write(file.path, file.content);
    authors.set(file.path, { owner: file.owner, module: module.id });
  }
}

function writeOnce(authors: ReadonlyMap<string, Authorship>, path: string, moduleId: string): void {
  const existing = authors.get(path);
  if (existing) throw new FactoryError('invalid-module', `Modules ${existing.module} and ${moduleId} both write ${path}.`);
}

/** Each external source with the modules this project took from it. */
function usedSources(sources: readonly ModuleSource[], modules: readonly ResolvedModule[]): NonNullable<Manifest['sources']> {
  return sources.map(({ spec, commit }) => ({ spec, commit, modules: modules.filter((m) => m.module.source === spec).map((m) => m.module.id) }));
}

/** Validates complete answers, resolves modules, renders them and adds the manifest. */
export function generateProject(catalog: Catalog, input: Answers): Generated {
  const parsed = AnswersSchema.safeParse(input);
  if (!parsed.success) throw new FactoryError('invalid-answers', `Invalid answers:\n${describeIssues(parsed.error)}`);
  const answers = parsed.data;
  const modules = resolveModules(catalog, answers);
  // After the modules: a preset that cannot train on a GPU at all says so before which GPU the cloud sells.
  const unavailable = gpuOfferProblem(answers);
  if (unavailable) throw unavailable;
  const render: Render = { tree: new Tree(), authors: new Map() };
  const context = templateContext(answers, catalog.version);
  for (const resolved of modules) renderModule(render, resolved, context, answers);

  const manifest = buildManifest(
    {
      factory: { version: catalog.version },
      preset: answers.preset,
      answers,
      modules: modules.map(({ module, options }) => ({
        id: module.id,
        version: module.version,
        options,
        ...(module.source ? { source: module.source } : {}),
      })),
      ...(catalog.sources?.length ? { sources: usedSources(catalog.sources, modules) } : {}),
    },
    render.tree,
    render.authors,
  );
  render.tree.write(MANIFEST_PATH, serializeManifest(manifest));
  return { tree: render.tree, manifest, modules };
}
