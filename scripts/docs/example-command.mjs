/**
 * A `create-ml-project` command that really generates a given module: a preset that lists it, plus the
 * flags its `when` needs, checked with the engine's own module resolution so the command cannot lie.
 */
import { shellWord } from './shell.mjs';

const PROJECT = 'my-project';

/** Answer overrides (and their flags) that make one facet of a condition hold. */
function overrideFor(facet, allowed) {
  const value = allowed[0];
  switch (facet) {
    case 'cloud':
    case 'cicd':
    case 'framework':
      return { answers: { [facet]: value }, flags: [`--${facet}`, value] };
    case 'serving':
      return { answers: { serving: value }, flags: ['--serving', value] };
    case 'compute':
      return value === 'cpu'
        ? { answers: { gpu: null }, flags: ['--gpu', 'none'] }
        : { answers: { gpu: { sku: 't4', count: 1 } }, flags: ['--gpu', 't4'] };
    case 'monitoring':
      return { answers: { monitoring: value }, flags: [value ? '--monitoring' : '--no-monitoring'] };
    default:
      return undefined;
  }
}

/**
 * The first preset (in catalog order) whose answers, with the fewest overrides, generate `moduleId`.
 * Returns the answers too, so a page can show what the module computes for them.
 */
export function exampleFor(engine, catalog, moduleId) {
  const module = catalog.modules.get(moduleId);
  for (const preset of catalog.presets.values()) {
    if (!preset.modules.includes(moduleId)) continue;
    let answers = { ...engine.defaultAnswers(PROJECT), ...preset.answers, preset: preset.id };
    const flags = [];
    for (const [facet, allowed] of Object.entries(module.when ?? {})) {
      if (engine.conditionHolds({ [facet]: allowed }, answers)) continue;
      const override = overrideFor(facet, allowed);
      if (!override) continue;
      answers = { ...answers, ...override.answers };
      flags.push(...override.flags);
    }
    try {
      const resolved = engine.resolveModules(catalog, answers);
      if (!resolved.some((entry) => entry.module.id === moduleId)) continue;
    } catch {
      continue; // These answers need a module the preset lacks; try the next preset.
    }
    const command = ['npx', 'create-ml-project', PROJECT, '--preset', preset.id, ...flags, '--yes'].map(shellWord).join(' ');
    return { preset: preset.id, answers, flags, command };
  }
  return undefined;
}
