/**
 * Chooses the modules a project is made of: the preset's modules whose conditions hold for the answers,
 * with those added or removed after creation, checked for missing requirements, conflicts, and answers no
 * module can satisfy.
 */
import type { Answers } from './answers.js';
import { describeIssues } from './answers.js';
import type { Catalog } from './catalog.js';
import { FactoryError } from './errors.js';
import { answerFacets, conditionHolds, type CatalogModule } from './module.js';
import type { Preset } from './preset.js';
import { safeParse } from 'zod/mini';

export interface ResolvedModule {
  module: CatalogModule;
  options: Record<string, unknown>;
}

export function findPreset(catalog: Catalog, id: string): Preset {
  const preset = catalog.presets.get(id);
  if (!preset) {
    throw new FactoryError('unknown-preset', `Unknown preset "${id}".`, `Choose one of: ${[...catalog.presets.keys()].join(', ')}.`);
  }
  return preset;
}

/** Capabilities the answers need, such as `framework:pytorch` or `compute:gpu`. */
function requiredCapabilities(answers: Answers): string[] {
  const facets = answerFacets(answers);
  return [
    `cloud:${answers.cloud}`,
    `framework:${answers.framework}`,
    ...facets.serving.map((mode) => `serving:${mode}`),
    `compute:${facets.compute[0]}`,
  ];
}

const CAPABILITY_FLAGS: Record<string, string> = { cloud: '--cloud', framework: '--framework', serving: '--serving', compute: '--gpu' };

/**
 * The modules the answers compose: the preset's whose `when` holds, less those removed after creation, plus
 * those added (each of which must exist and apply to the answers).
 */
function composedModules(catalog: Catalog, preset: Preset, answers: Answers): CatalogModule[] {
  const removed = new Set(answers.removedModules ?? []);
  const fromPreset = preset.modules.map((id) => catalog.modules.get(id)!).filter((m) => conditionHolds(m.when, answers) && !removed.has(m.id));
  const added = (answers.addedModules ?? []).filter((id) => !fromPreset.some((m) => m.id === id)).map((id) => {
    const module = catalog.modules.get(id);
    if (!module) throw new FactoryError('unknown-module', `addedModules names ${id}, which this factory's catalog does not have.`);
    if (!conditionHolds(module.when, answers)) throw new FactoryError('incompatible', `Module ${id} does not apply to these answers (when: ${JSON.stringify(module.when)}).`);
    return module;
  });
  return [...fromPreset, ...added];
}

export function resolveModules(catalog: Catalog, answers: Answers): ResolvedModule[] {
  const preset = findPreset(catalog, answers.preset);
  const selected = composedModules(catalog, preset, answers);
  const ids = new Set(selected.map((m) => m.id));

  for (const capability of requiredCapabilities(answers)) {
    if (selected.some((m) => m.provides.includes(capability))) continue;
    const [facet, value] = capability.split(':') as [string, string];
    const supporting = [...catalog.presets.values()]
      .filter((p) => p.modules.some((id) => catalog.modules.get(id)!.provides.includes(capability)))
      .map((p) => p.id);
    throw new FactoryError(
      'incompatible',
      `Preset "${preset.id}" has no module for ${facet} "${value}" with these answers.`,
      supporting.length > 0
        ? `Change ${CAPABILITY_FLAGS[facet]}, or use a preset that supports it: ${supporting.join(', ')}.`
        : `Change ${CAPABILITY_FLAGS[facet]}; no preset supports ${facet} "${value}" yet.`,
    );
  }
  for (const module of selected) {
    const missing = module.requires.filter((id) => !ids.has(id));
    if (missing.length > 0) {
      throw new FactoryError('incompatible', `Module ${module.id} requires ${missing.join(', ')}, which these answers leave out.`);
    }
    const clashing = module.conflicts.filter((id) => ids.has(id));
    if (clashing.length > 0) {
      throw new FactoryError('incompatible', `Module ${module.id} conflicts with ${clashing.join(', ')}.`);
    }
  }

  const unknown = Object.keys(answers.moduleOptions).filter((id) => !ids.has(id));
  if (unknown.length > 0) {
    throw new FactoryError('invalid-answers', `moduleOptions names modules this project does not use: ${unknown.join(', ')}.`);
  }
  return selected.map((module) => {
    if (!module.options) return { module, options: {} };
    const parsed = safeParse(module.options, answers.moduleOptions[module.id] ?? {});
    if (!parsed.success) {
      throw new FactoryError('invalid-answers', `Invalid options for module ${module.id}:\n${describeIssues(parsed.error)}`);
    }
    return { module, options: parsed.data };
  });
}
