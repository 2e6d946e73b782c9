/**
 * Adding a module to, or removing one from, an existing project's answers (`ai-factory add` / `remove`):
 * the module's `when`, `requires` and `conflicts` are checked against what the project already has, so the
 * answers that come out always resolve. Rendering and merging them is the CLI's.
 */
import { SYNTH_MODULE } from '@ai-factory/shared';
import type { Answers } from './answers.js';
import type { Catalog } from './catalog.js';
import { FactoryError } from './errors.js';
import { conditionHolds, type CatalogModule } from './module.js';
import { resolveModules } from './resolve.js';

export interface Composition {
  /** The answers with the change recorded in `addedModules` / `removedModules`. */
  answers: Answers;
  /** Modules this change installs: the one asked for and the ones it requires, in that order; or the one it removes. */
  modules: string[];
}

function catalogModule(catalog: Catalog, id: string): CatalogModule {
  const module = catalog.modules.get(id);
  if (!module) throw new FactoryError('unknown-module', `The catalog has no module ${id}.`, `Choose one of: ${[...catalog.modules.keys()].sort().join(', ')}.`);
  return module;
}

const without = (list: readonly string[] | undefined, ids: ReadonlySet<string>) => (list ?? []).filter((id) => !ids.has(id));

/** Sets the two lists, leaving out an empty one, so a project back at its preset's modules records neither. */
function withLists(answers: Answers, added: string[], removed: string[]): Answers {
  const { addedModules: _added, removedModules: _removed, ...rest } = answers;
  return { ...rest, ...(added.length ? { addedModules: added } : {}), ...(removed.length ? { removedModules: removed } : {}) };
}

/** Resolves the new answers, so what is recorded always renders; a failure says which change caused it. */
function checked(catalog: Catalog, answers: Answers, change: string): Answers {
  try {
    resolveModules(catalog, answers);
  } catch (error) {
    if (error instanceof FactoryError) throw new FactoryError(error.code, `Cannot ${change}: ${error.message}`);
    throw error;
  }
  return answers;
}

/**
 * The answers with module `id` installed, and every module it requires that the project lacks.
 * @throws FactoryError `unknown-module`, or `incompatible` listing every module that does not apply to the
 * answers or conflicts with the project
 * @example addModule(catalog, manifest.answers, 'monitoring/organisation-dashboard').modules // ['monitoring/organisation-dashboard']
 */
export function addModule(catalog: Catalog, answers: Answers, id: string): Composition {
  const installed = new Set(resolveModules(catalog, answers).map(({ module }) => module.id));
  if (installed.has(id)) return { answers, modules: [] };
  const adding: CatalogModule[] = [];
  for (const queue = [id]; queue.length > 0; ) {
    const module = catalogModule(catalog, queue.shift()!);
    if (adding.some((m) => m.id === module.id)) continue;
    adding.push(module);
    queue.push(...module.requires.filter((required) => !installed.has(required)));
  }
  const ids = new Set(adding.map((m) => m.id));
  const problems = adding.flatMap((module) => [
    ...(conditionHolds(module.when, answers) ? [] : [`${module.id} does not apply to these answers (when: ${JSON.stringify(module.when)})`]),
    ...module.conflicts.filter((other) => installed.has(other) || ids.has(other)).map((other) => `${module.id} conflicts with ${other}`),
    ...[...installed].filter((other) => catalog.modules.get(other)?.conflicts.includes(module.id)).map((other) => `${other} conflicts with ${module.id}`),
  ]);
  if (problems.length > 0) {
    const pulled = adding.length > 1 ? ` (with ${adding.slice(1).map((m) => m.id).join(', ')}, which it requires)` : '';
    throw new FactoryError('incompatible', `Cannot add ${id}${pulled}: ${problems.join('; ')}.`);
  }
  // A preset module the team removed comes back by leaving the removed list; anything else is recorded as added.
  const removed = new Set(answers.removedModules ?? []);
  const added = [...(answers.addedModules ?? []), ...adding.map((m) => m.id).filter((m) => !removed.has(m))];
  const next = withLists(answers, added, without(answers.removedModules, ids));
  return { answers: checked(catalog, next, `add ${id}`), modules: adding.map((m) => m.id) };
}

/**
 * The answers without module `id`.
 * @throws FactoryError `unknown-module`, or `incompatible` when an installed module requires it, when it
 * is the platform declaration, or when the answers need a capability only it provides
 */
export function removeModule(catalog: Catalog, answers: Answers, id: string): Composition {
  catalogModule(catalog, id);
  const installed = resolveModules(catalog, answers).map(({ module }) => module);
  if (!installed.some((m) => m.id === id)) return { answers, modules: [] };
  if (id === SYNTH_MODULE) throw new FactoryError('incompatible', `Cannot remove ${id}: it is the project's platform declaration (ai-factory.config.ts) and everything synthesized from it.`);
  const dependents = installed.filter((m) => m.requires.includes(id)).map((m) => m.id);
  if (dependents.length > 0) throw new FactoryError('incompatible', `Cannot remove ${id}: ${dependents.join(', ')} require${dependents.length === 1 ? 's' : ''} it.`, `Remove ${dependents.join(', ')} first.`);
  const ids = new Set([id]);
  const wasAdded = (answers.addedModules ?? []).includes(id);
  const next = withLists(answers, without(answers.addedModules, ids), wasAdded ? [...(answers.removedModules ?? [])] : [...(answers.removedModules ?? []), id]);
  return { answers: checked(catalog, next, `remove ${id}`), modules: [id] };
}
