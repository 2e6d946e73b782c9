/**
 * How the new project is set up, beside its answers: the registry its `.npmrc` names and whether its Node
 * dependencies are installed now. Flags win; at a terminal without --yes they are asked; otherwise the npm
 * configuration in force and an install.
 */
import type { CliArgs } from './args.js';
import { configuredRegistry, normalizeRegistry } from './registry.js';

export interface ProjectSetup {
  registry: string;
  install: boolean;
}

/** `configured` gives the npm configuration's registry (a caller may have started asking npm already). */
export async function decideSetup(
  args: Pick<CliArgs, 'registry' | 'install'>,
  ui: boolean,
  configured: () => Promise<string> = configuredRegistry,
): Promise<ProjectSetup> {
  const questions = ui ? await import('./questions.js') : undefined;
  let registry: string;
  if (args.registry !== undefined) registry = normalizeRegistry(args.registry);
  else registry = questions ? normalizeRegistry(await questions.askRegistry(await configured())) : await configured();
  const install = args.install ?? (questions ? await questions.askInstall() : true);
  return { registry, install };
}
