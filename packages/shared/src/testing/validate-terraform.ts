/**
 * `validateTerraform`: what can be checked of a Terraform tree without the terraform binary. Every `.tf` and
 * `.tfvars` parses (HCL, via @cdktf/hcl2json); variables are typed and described; each tfvars sets only
 * declared variables and every required one (unless documented as `TF_VAR_<name>` from CI); references resolve;
 * resources are tagged where the provider supports it; Terraform and providers are pinned.
 */
import { parse } from '@cdktf/hcl2json';
import { posix } from 'node:path';
import { checkPins, checkReferences, checkTags, checkTfvars, checkVariables, declaredVariables, definedNames, type HclJson } from './terraform-rules.js';

interface Parsed {
  path: string;
  source: string;
  json: HclJson;
}

/** Local names of the providers in `terraform { required_providers }` of a module. */
function requiredProviders(jsons: readonly HclJson[]): string[] {
  const settings = jsons.flatMap((json) => (json.terraform as HclJson[] | undefined) ?? []);
  return [...new Set(settings.flatMap((block) => ((block.required_providers as HclJson[] | undefined) ?? []).flatMap((entry) => Object.keys(entry))))];
}

/** The module directory a tfvars file belongs to: its own or the nearest parent directory with .tf files. */
function moduleOf(path: string, modules: ReadonlySet<string>): string | undefined {
  for (let dir = posix.dirname(path); ; dir = posix.dirname(dir)) {
    if (modules.has(dir)) return dir;
    if (dir === '.' || dir === '/') return undefined;
  }
}

/**
 * Problems of the Terraform files among `files` (path → content; other files are ignored), each prefixed with its
 * file or module path; empty when everything checks out.
 * @example expect(await validateTerraform(new Map([['infra/main.tf', tf], ['infra/environments/dev.tfvars', vars]]))).toEqual([])
 */
export async function validateTerraform(files: ReadonlyMap<string, string>): Promise<string[]> {
  const problems: string[] = [];
  const tf: Parsed[] = [];
  const tfvars: Parsed[] = [];
  for (const [path, source] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!path.endsWith('.tf') && !path.endsWith('.tfvars')) continue;
    try {
      const json = (await parse(path, source)) as HclJson;
      (path.endsWith('.tf') ? tf : tfvars).push({ path, source, json });
    } catch (error) {
      problems.push(`${path}: does not parse: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  const modules = new Map<string, Parsed[]>();
  for (const file of tf) modules.set(posix.dirname(file.path), [...(modules.get(posix.dirname(file.path)) ?? []), file]);

  for (const [dir, moduleFiles] of modules) {
    const jsons = moduleFiles.map((file) => file.json);
    const variables = declaredVariables(jsons);
    const defined = definedNames(jsons);
    const providers = requiredProviders(jsons);
    problems.push(...checkVariables(variables).map((p) => `${dir}: ${p}`), ...checkPins(jsons).map((p) => `${dir}: ${p}`));
    for (const file of moduleFiles) {
      problems.push(...checkTags(file.json).map((p) => `${file.path}: ${p}`));
      problems.push(...checkReferences(file.source, providers, variables, defined).map((p) => `${file.path}: ${p}`));
    }
  }

  const moduleDirs = new Set(modules.keys());
  for (const file of tfvars) {
    const dir = moduleOf(file.path, moduleDirs);
    if (dir === undefined) {
      problems.push(`${file.path}: no Terraform module (.tf files) in its directory or above`);
      continue;
    }
    const variables = declaredVariables(modules.get(dir)!.map((m) => m.json));
    problems.push(...checkTfvars(file.json, variables).map((p) => `${file.path}: ${p}`));
  }
  return problems;
}
