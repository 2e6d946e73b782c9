/**
 * The seams between a project's Terraform and its pipelines, read from the generated files: infra/ keeps
 * its state in a remote backend that every pipeline `init` configures; every required variable of infra/
 * has a value in each environment's tfvars or from the pipeline (`export TF_VAR_<name>=…`); and every CI
 * variable those settings and the cloud login read is one the bootstrap provisions (its `ci_variables`
 * output), so no identity, trust or state storage is left for someone to invent.
 */
import { parse } from '@cdktf/hcl2json';
import { posix } from 'node:path';
import { declaredVariables, type HclJson } from './terraform-rules.js';

const PIPELINE_FILE = /^(\.github\/workflows\/[^/]+|\.azure-pipelines\/[^/]+|\.gitlab-ci|\.gitlab\/ci\/[^/]+)\.ya?ml$/;
const ROOT = 'infra';
const BOOTSTRAP_OUTPUTS = 'infra/bootstrap/outputs.tf';

type Body = Record<string, unknown>;

async function parsed(files: ReadonlyMap<string, string>, dir: string, extension: string): Promise<Map<string, HclJson>> {
  const out = new Map<string, HclJson>();
  for (const [path, source] of files) {
    if (posix.dirname(path) !== dir || !path.endsWith(extension)) continue;
    out.set(path, (await parse(path, source).catch(() => ({}))) as HclJson);
  }
  return out;
}

/** Backend types infra/ declares in `terraform { backend "<type>" {} }`. */
function backends(root: Iterable<HclJson>): string[] {
  // hcl2json writes the one-label backend block as `{ backend: { <type>: [{}] } }`.
  return [...root].flatMap((json) => ((json.terraform as Body[] | undefined) ?? []).flatMap((block) => Object.keys((block.backend as Body | undefined) ?? {})));
}

/** Keys of the bootstrap's `ci_variables` output: the CI variables it provisions. */
async function provisioned(files: ReadonlyMap<string, string>): Promise<Set<string>> {
  const source = files.get(BOOTSTRAP_OUTPUTS);
  if (source === undefined) return new Set();
  const json = (await parse(BOOTSTRAP_OUTPUTS, source).catch(() => ({}))) as { output?: Record<string, Body[]> };
  const value = json.output?.ci_variables?.[0]?.value;
  return new Set(typeof value === 'object' && value !== null ? Object.keys(value) : []);
}

/**
 * Problems of the Terraform/pipeline seams among `files` (path → content); `identityVariables` are the
 * CI variables the cloud login reads (the job's and the deployer's identity). Empty when every seam holds.
 * @example expect(await terraformDeliveryProblems(files, ['AWS_ROLE_ARN', 'AWS_DEPLOY_ROLE_ARN'])).toEqual([])
 */
export async function terraformDeliveryProblems(files: ReadonlyMap<string, string>, identityVariables: readonly string[]): Promise<string[]> {
  const problems: string[] = [];
  const pipelines = [...files].filter(([path]) => PIPELINE_FILE.test(path)).map(([, text]) => text).join('\n');
  const root = await parsed(files, ROOT, '.tf');
  if (root.size === 0) return [];

  if (backends(root.values()).length === 0) problems.push(`${ROOT}/ declares no backend: every pipeline run starts from an empty state`);
  const inits = [...pipelines.matchAll(new RegExp(`terraform -chdir=${ROOT} init ([^\\n]*)`, 'g'))].map((match) => match[1]!).filter((args) => !args.includes('-backend=false'));
  if (inits.length === 0) problems.push(`no pipeline runs terraform init of ${ROOT}/ against its backend`);
  for (const args of inits) if (!args.includes('-backend-config=')) problems.push(`terraform init ${args.trim()}: passes no -backend-config, so the state has no place`);

  // CI variables the state settings and the TF_VAR_ exports read.
  const read = new Map<string, string>();
  for (const args of inits) for (const [, name] of args.matchAll(/-backend-config="?[a-z_]+=\$([A-Z][A-Z0-9_]*)/g)) read.set(name!, 'the backend configuration');
  const exported = new Map([...pipelines.matchAll(/export TF_VAR_([A-Za-z_][\w-]*)="\$([A-Z][A-Z0-9_]*)"/g)].map((match) => [match[1]!, match[2]!]));
  for (const [name, variable] of exported) read.set(variable, `TF_VAR_${name}`);
  for (const variable of identityVariables) read.set(variable, 'the cloud login');

  const required = [...declaredVariables([...root.values()])].filter(([, body]) => !('default' in body)).map(([name]) => name);
  for (const [path, tfvars] of await parsed(files, `${ROOT}/environments`, '.tfvars')) {
    for (const name of required) {
      if (!(name in tfvars) && !exported.has(name)) problems.push(`${path}: required variable "${name}" is set neither here nor by any pipeline (export TF_VAR_${name})`);
    }
  }

  const outputs = await provisioned(files);
  for (const [variable, reader] of read) {
    if (!outputs.has(variable)) problems.push(`CI variable ${variable}, read by ${reader}, is provisioned by no Terraform (no ci_variables output of ${BOOTSTRAP_OUTPUTS} names it)`);
  }
  return problems;
}
