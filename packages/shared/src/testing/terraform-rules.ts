/**
 * Structural checks of parsed Terraform (the JSON of @cdktf/hcl2json), standing in for `terraform validate`
 * where no terraform binary exists. Each returns problems as messages; empty when fine.
 */

/** hcl2json's JSON of one file: top-level blocks by kind, labelled blocks as `{ label: [body] }`. */
export type HclJson = Record<string, unknown>;
type Body = Record<string, unknown>;

/** Resources whose provider offers no tags or labels argument (IAM bindings, policies, budgets, API enablement...). */
export const UNTAGGABLE_RESOURCES: ReadonlySet<string> = new Set([
  'aws_appautoscaling_policy',
  'aws_iam_role_policy',
  'aws_iam_role_policy_attachment',
  'aws_s3_bucket_policy',
  'aws_s3_bucket_public_access_block',
  'aws_s3_bucket_server_side_encryption_configuration',
  'aws_s3_bucket_versioning',
  'aws_sns_topic_policy',
  'azurerm_consumption_budget_resource_group',
  'azurerm_federated_identity_credential',
  'azurerm_role_assignment',
  'azurerm_role_definition',
  'azurerm_storage_container',
  'google_artifact_registry_repository_iam_member',
  'google_billing_account_iam_member',
  'google_billing_budget',
  'google_iam_workload_identity_pool',
  'google_iam_workload_identity_pool_provider',
  'google_project_iam_binding',
  'google_project_iam_custom_role',
  'google_project_iam_member',
  'google_project_service',
  'google_service_account',
  'google_service_account_iam_binding',
  'google_service_account_iam_member',
  'google_storage_bucket_iam_binding',
  'google_storage_bucket_iam_member',
]);

const blocks = (json: HclJson, kind: string): Record<string, Body[]> => (json[kind] as Record<string, Body[]> | undefined) ?? {};

/** Every `{ name: body }` of a two-label kind (resource, data), as [type, name, body]. */
function labelled(json: HclJson, kind: 'resource' | 'data'): [string, string, Body][] {
  return Object.entries(blocks(json, kind)).flatMap(([type, byName]) =>
    Object.entries(byName as unknown as Record<string, Body[]>).flatMap(([name, bodies]) => bodies.map((body): [string, string, Body] => [type, name, body])),
  );
}

/** Declared variables of a module: name → body. */
export function declaredVariables(files: readonly HclJson[]): Map<string, Body> {
  return new Map(files.flatMap((json) => Object.entries(blocks(json, 'variable')).map(([name, bodies]): [string, Body] => [name, bodies[0] ?? {}])));
}

/** A required variable (no default) may come from CI when its description names `TF_VAR_<name>`. */
export const setByCi = (name: string, body: Body): boolean => typeof body.description === 'string' && body.description.includes(`TF_VAR_${name}`);

/** Variables need a type and a description. */
export function checkVariables(variables: Map<string, Body>): string[] {
  return [...variables].flatMap(([name, body]) => [
    ...(body.type === undefined ? [`variable "${name}" has no type`] : []),
    ...(typeof body.description !== 'string' || body.description.trim() === '' ? [`variable "${name}" has no description`] : []),
  ]);
}

/** A tfvars file sets only declared variables and every required one not set by CI. */
export function checkTfvars(tfvars: HclJson, variables: Map<string, Body>): string[] {
  const set = new Set(Object.keys(tfvars));
  const undeclared = [...set].filter((name) => !variables.has(name)).map((name) => `sets undeclared variable "${name}"`);
  const missing = [...variables]
    .filter(([name, body]) => !('default' in body) && !set.has(name) && !setByCi(name, body))
    .map(([name]) => `does not set required variable "${name}" (give it a default, set it here, or document TF_VAR_${name} in its description)`);
  return [...undeclared, ...missing];
}

/** Terraform and every provider a resource or data source uses are pinned, providers with `~>`. */
export function checkPins(files: readonly HclJson[]): string[] {
  const settings = files.flatMap((json) => (json.terraform as Body[] | undefined) ?? []);
  const problems = settings.some((block) => typeof block.required_version === 'string') ? [] : ['terraform.required_version is not set'];
  const providers = new Map<string, Body>(
    settings.flatMap((block) => ((block.required_providers as Body[] | undefined) ?? []).flatMap((entry) => Object.entries(entry as Record<string, Body>))),
  );
  for (const [name, pin] of providers) {
    if (typeof pin.source !== 'string') problems.push(`provider "${name}" has no source`);
    if (typeof pin.version !== 'string' || !pin.version.trim().startsWith('~>')) problems.push(`provider "${name}" is not pinned with "~>"`);
  }
  const used = new Set(files.flatMap((json) => [...labelled(json, 'resource'), ...labelled(json, 'data')].map(([type]) => type.split('_')[0]!)));
  for (const name of used) if (!providers.has(name)) problems.push(`provider "${name}" is used but not in required_providers`);
  return problems;
}

/** Every resource the provider can tag carries tags (labels on google, metadata labels on kubernetes). */
export function checkTags(json: HclJson): string[] {
  return labelled(json, 'resource').flatMap(([type, name, body]) => {
    if (UNTAGGABLE_RESOURCES.has(type)) return [];
    const provider = type.split('_')[0];
    const metadata = (body.metadata as Body[] | undefined)?.[0];
    const tagged = provider === 'kubernetes' ? metadata?.labels : provider === 'google' ? body.labels : body.tags;
    if (tagged !== undefined) return [];
    const attribute = provider === 'kubernetes' ? 'metadata.labels' : provider === 'google' ? 'labels' : 'tags';
    return [`resource ${type}.${name} has no ${attribute}`];
  });
}

/** Names defined in a module, to resolve references against. */
export function definedNames(files: readonly HclJson[]): { resources: Set<string>; data: Set<string>; locals: Set<string> } {
  return {
    resources: new Set(files.flatMap((json) => labelled(json, 'resource').map(([type, name]) => `${type}.${name}`))),
    data: new Set(files.flatMap((json) => labelled(json, 'data').map(([type, name]) => `${type}.${name}`))),
    locals: new Set(files.flatMap((json) => ((json.locals as Body[] | undefined) ?? []).flatMap((block) => Object.keys(block)))),
  };
}

/**
 * References in a file's source (comments skipped) to undeclared variables, locals, resources or data sources
 * of the given providers.
 */
export function checkReferences(source: string, providers: readonly string[], variables: Map<string, Body>, defined: ReturnType<typeof definedNames>): string[] {
  const code = source
    .split('\n')
    .filter((line) => !/^\s*(#|\/\/)/.test(line))
    .join('\n');
  const problems = new Set<string>();
  for (const [, name] of code.matchAll(/\bvar\.([A-Za-z_][\w-]*)/g)) if (!variables.has(name!)) problems.add(`refers to undeclared variable "${name}"`);
  for (const [, name] of code.matchAll(/\blocal\.([A-Za-z_][\w-]*)/g)) if (!defined.locals.has(name!)) problems.add(`refers to undefined local "${name}"`);
  if (providers.length > 0) {
    const reference = new RegExp(`(?<![\\w.])(data\\.)?((?:${providers.join('|')})_\\w+)\\.([A-Za-z_][\\w-]*)`, 'g');
    for (const [, data, type, name] of code.matchAll(reference)) {
      const key = `${type}.${name}`;
      if (data ? !defined.data.has(key) : !defined.resources.has(key)) problems.add(`refers to undeclared ${data ? 'data source' : 'resource'} ${data ?? ''}${key}`);
    }
  }
  return [...problems];
}
