/**
 * Checks synthesized role files by parsing them back, independently of the tables that produced them:
 * each file has its format's required fields, grants no wildcard outside the allow-list, and in
 * production no person can deploy and data scientists cannot change data.
 */
import { Role, RoleBinding } from 'kubernetes-models/rbac.authorization.k8s.io/v1';
import { parseAllDocuments } from 'yaml';
import { CLOUDS, PERSONAS, type Cloud } from '../declaration/common.js';
import { PIPELINE } from '../rbac/capabilities.js';
import { allowedWildcard } from '../clouds/by-cloud.js';
import { isWildcard } from '../rbac/wildcards.js';
import { GENERATED_NOTICE } from '../synth/artifact.js';
import { RBAC_DIR } from '../synth/paths.js';

/** What a role file grants, reduced to what the rules need. */
interface Grants {
  /** Every action, permission, or Kubernetes `apiGroup/resource:verb`. */
  actions: string[];
  /** Names that must not be wildcards (Kubernetes checks verbs, resources and groups separately). */
  names: string[];
}

/** Deploying a model, per cloud, recognised by what the action does rather than by our own tables. */
const DEPLOY: Record<Cloud, RegExp> = {
  azure: /\/(onlineEndpoints|batchEndpoints)(\/deployments)?\/(write|delete)$|\/services\/(aks|aci)\/write$/i,
  aws: /^sagemaker:((Create|Update|Delete)Endpoint(Config)?|UpdateEndpointWeightsAndCapacities|CreateTransformJob)$/,
  gcp: /^aiplatform\.(endpoints\.(create|update|deploy|undeploy|delete|mutateDeployedModel)|batchPredictionJobs\.create)$/,
  kubernetes: /^(apps\/(deployments|statefulsets|daemonsets)|\/services|autoscaling\/horizontalpodautoscalers|batch\/cronjobs):(create|update|patch|delete)$/,
};

/** Changing data, per cloud. */
const DATA_WRITE: Record<Cloud, RegExp> = {
  azure: /^Microsoft\.Storage\/.*\/blobs\/(write|delete|add\/action|move\/action)$/i,
  aws: /^s3:(Put|Delete|Restore|Replicate)/,
  gcp: /^storage\.objects\.(create|update|delete)$/,
  kubernetes: /^\/persistentvolumeclaims:(create|update|patch|delete)$/,
};

const isStringArray = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string');

function azureGrants(content: string, problems: string[]): Grants {
  const role = JSON.parse(content) as Record<string, unknown>;
  if (typeof role.Name !== 'string' || role.Name === '') problems.push('Name is required');
  if (role.IsCustom !== true) problems.push('IsCustom must be true');
  if (typeof role.Description !== 'string' || !role.Description.includes(GENERATED_NOTICE)) problems.push('Description must carry the generated notice');
  for (const field of ['Actions', 'NotActions', 'DataActions', 'NotDataActions'] as const) {
    if (!isStringArray(role[field])) problems.push(`${field} must be an array of strings`);
  }
  if (!isStringArray(role.AssignableScopes) || role.AssignableScopes.length === 0) problems.push('AssignableScopes must name at least one scope');
  const actions = [...(isStringArray(role.Actions) ? role.Actions : []), ...(isStringArray(role.DataActions) ? role.DataActions : [])];
  return { actions, names: actions };
}

function awsGrants(content: string, problems: string[]): Grants {
  const policy = JSON.parse(content) as { Version?: unknown; Statement?: unknown };
  if (policy.Version !== '2012-10-17') problems.push('Version must be "2012-10-17"');
  const statements = Array.isArray(policy.Statement) ? (policy.Statement as Record<string, unknown>[]) : [];
  if (statements.length === 0) problems.push('Statement must be a non-empty array');
  const actions: string[] = [];
  statements.forEach((statement, index) => {
    if (statement.Effect !== 'Allow' && statement.Effect !== 'Deny') problems.push(`Statement ${index}: Effect must be Allow or Deny`);
    if ('NotAction' in statement || 'NotResource' in statement) problems.push(`Statement ${index}: NotAction/NotResource grant implicitly; name actions`);
    if (!isStringArray(statement.Action) || statement.Action.length === 0) problems.push(`Statement ${index}: Action must list explicit actions`);
    if (!isStringArray(statement.Resource) || statement.Resource.length === 0) problems.push(`Statement ${index}: Resource must list resources`);
    if (statement.Effect === 'Allow' && isStringArray(statement.Action)) actions.push(...statement.Action);
  });
  return { actions, names: actions };
}

function gcpGrants(content: string, problems: string[]): Grants {
  const role = (parseAllDocuments(content)[0]?.toJS() ?? {}) as Record<string, unknown>;
  if (typeof role.title !== 'string' || role.title.length === 0 || role.title.length > 100) problems.push('title must be 1 to 100 characters');
  if (typeof role.description !== 'string' || role.description.length > 256) problems.push('description must be at most 256 characters');
  if (role.stage !== 'GA') problems.push('stage must be GA');
  const permissions = isStringArray(role.includedPermissions) ? role.includedPermissions : [];
  if (permissions.length === 0) problems.push('includedPermissions must list permissions');
  for (const permission of permissions) if (!/^[a-z0-9]+\.[A-Za-z0-9*]+\.[A-Za-z0-9*]+$/.test(permission)) problems.push(`"${permission}" is not a permission name`);
  return { actions: permissions, names: permissions };
}

function kubernetesGrants(content: string, problems: string[]): Grants {
  const docs = parseAllDocuments(content).map((doc) => doc.toJS() as { kind?: string; metadata?: { name?: string }; roleRef?: { name?: string }; rules?: { apiGroups?: string[]; resources?: string[]; verbs?: string[] }[] });
  const role = docs.find((doc) => doc?.kind === 'Role');
  const binding = docs.find((doc) => doc?.kind === 'RoleBinding');
  if (!role || !binding) problems.push('needs a Role and a RoleBinding');
  for (const [doc, Model] of [[role, Role], [binding, RoleBinding]] as const) {
    try {
      if (doc) new Model(doc as never).validate();
    } catch (error) {
      problems.push(`${doc?.kind ?? '?'}: ${(error as Error).message}`);
    }
  }
  if (role && binding && binding.roleRef?.name !== role.metadata?.name) problems.push('the RoleBinding must refer to the Role of the file');
  const rules = role?.rules ?? [];
  const actions = rules.flatMap((rule) => (rule.apiGroups ?? []).flatMap((group) => (rule.resources ?? []).flatMap((resource) => (rule.verbs ?? []).map((verb) => `${group}/${resource}:${verb}`))));
  return { actions, names: rules.flatMap((rule) => [...(rule.apiGroups ?? []), ...(rule.resources ?? []), ...(rule.verbs ?? [])]) };
}

const READERS: Record<Cloud, (content: string, problems: string[]) => Grants> = { azure: azureGrants, aws: awsGrants, gcp: gcpGrants, kubernetes: kubernetesGrants };
const PRINCIPALS = [PIPELINE, ...PERSONAS];

/** `rbac/<cloud>/<principal>-<env>.<ext>` → its parts, or undefined for another file. */
function parsePath(path: string): { cloud: Cloud; principal: string; environment: string } | undefined {
  const match = new RegExp(`^${RBAC_DIR}/([a-z]+)/([a-z0-9-]+)\\.(json|yaml)$`).exec(path);
  const cloud = CLOUDS.find((c) => c === match?.[1]);
  if (!match || !cloud) return undefined;
  const principal = PRINCIPALS.find((p) => match[2]!.startsWith(`${p}-`));
  return principal ? { cloud, principal, environment: match[2]!.slice(principal.length + 1) } : { cloud, principal: '', environment: '' };
}

/**
 * Problems in the role files among `files` (path → content), each prefixed with its path.
 * @param production the production environment (the last of `promotion`); AI Factory's default is `prod`.
 */
export function validateRbac(files: ReadonlyMap<string, string>, production = 'prod'): string[] {
  const problems: string[] = [];
  const pipelineEnvs = new Set<string>();
  const environments = new Set<string>();
  for (const [path, content] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const parsed = parsePath(path);
    if (!parsed) continue;
    const found: string[] = [];
    if (!parsed.principal) found.push(`file name must be <${PRINCIPALS.join('|')}>-<environment>`);
    let grants: Grants = { actions: [], names: [] };
    try {
      grants = READERS[parsed.cloud](content, found);
    } catch (error) {
      found.push(`cannot be parsed: ${(error as Error).message}`);
    }
    for (const name of new Set(grants.names.filter(isWildcard))) {
      if (!allowedWildcard(parsed.cloud, name)) found.push(`wildcard "${name}" is not in the allow-list`);
    }
    const human = parsed.principal !== PIPELINE;
    if (human && parsed.environment === production) {
      for (const action of grants.actions.filter((a) => DEPLOY[parsed.cloud].test(a))) found.push(`${parsed.principal} may deploy to production with "${action}"; only the pipeline identity deploys there`);
      if (parsed.principal === 'data-scientist') {
        for (const action of grants.actions.filter((a) => DATA_WRITE[parsed.cloud].test(a))) found.push(`data-scientist may change production data with "${action}"; production data is read-only to data scientists`);
      }
    }
    if (parsed.principal === PIPELINE) pipelineEnvs.add(`${parsed.cloud}/${parsed.environment}`);
    environments.add(`${parsed.cloud}/${parsed.environment}`);
    problems.push(...found.map((problem) => `${path}: ${problem}`));
  }
  for (const env of environments) if (!pipelineEnvs.has(env)) problems.push(`${RBAC_DIR}/${env}: no pipeline identity role for this environment`);
  return problems;
}
