/**
 * Security rules for generated (or hand-edited) pipeline files: cloud access only through short-lived OIDC
 * tokens, least-privilege GitHub token permissions, and actions pinned to commits. Pure checks on the text,
 * so the synth tests and the project matrix test can both run them.
 */
import { isMap, parseDocument } from 'yaml';
import { asObject, asText, type Json } from '../format/parsed.js';

/** Names that hold long-lived credentials, whatever system stores them. */
const SECRET_NAME = /(SECRET|PASSWORD|PASSWD|ACCESS_KEY|PRIVATE_KEY|API_KEY|CREDENTIALS?)(_ID)?$|_PAT$|^(AWS_SESSION_TOKEN|KUBECONFIG|KUBE_TOKEN)$/i;
/** Short-lived tokens issued per job, and paths to federated configurations: fine to reference. */
const ALLOWED_NAMES = new Set(['GOOGLE_APPLICATION_CREDENTIALS', 'AZURE_DEVOPS_EXT_PAT']);
const ALLOWED_SECRET_SOURCES = new Set(['GITHUB_TOKEN', 'System.AccessToken']);

/** Action inputs that take a stored credential instead of an OIDC exchange. */
const CREDENTIAL_INPUTS = ['creds', 'client-secret', 'credentials_json', 'aws-access-key-id', 'aws-secret-access-key', 'aws-session-token', 'kubeconfig', 'password'];

/** Commands that reach a cloud or cluster and so need a federated login first. */
export const CLOUD_COMMAND = /(^|[\s;(|&])(az (ml|storage|login|account)|aws |gcloud |kubectl |terraform[^\n]* apply)/m;

/** Secret references in any of the three systems' syntaxes whose names look like long-lived credentials. */
export function secretReferences(path: string, text: string): string[] {
  const problems: string[] = [];
  for (const match of text.matchAll(/\$\{\{\s*secrets\.([A-Za-z0-9_]+)\s*\}\}/g)) {
    if (match[1] !== 'GITHUB_TOKEN') problems.push(`${path}: uses long-lived secret secrets.${match[1]}; log in with OIDC instead`);
  }
  // Environment variables and pipeline variables named like credentials: $NAME, ${NAME}, $(NAME), NAME: value.
  const names = [...text.matchAll(/\$\(([A-Za-z0-9_.]+)\)|\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?|^\s*([A-Za-z_][A-Za-z0-9_]*)\s*:/gm)].map((m) => m[1] ?? m[2] ?? m[3]!);
  for (const name of new Set(names)) {
    if (ALLOWED_NAMES.has(name) || ALLOWED_SECRET_SOURCES.has(name)) continue;
    if (SECRET_NAME.test(name)) problems.push(`${path}: refers to ${name}, a long-lived credential; use OIDC / workload identity federation`);
  }
  return problems;
}

function lineOf(text: string, index: number): number {
  return text.slice(0, index).split('\n').length;
}

/** Every `uses:` is a local path or `owner/repo@<40-hex SHA> # vX.Y.Z`. */
function pinnedActions(path: string, text: string): string[] {
  const problems: string[] = [];
  for (const match of text.matchAll(/^[ \t-]*uses:[ \t]*['"]?([^\s'"#]+)['"]?[ \t]*(#[^\n]*)?$/gm)) {
    const [, ref = '', comment] = match;
    if (ref.startsWith('./')) continue;
    const where = `${path}:${lineOf(text, match.index)}`;
    if (!/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/.test(ref)) problems.push(`${where}: action ${ref} is not pinned to a full commit SHA`);
    else if (!comment || !/^#\s*v\d+\.\d+\.\d+\s*$/.test(comment)) problems.push(`${where}: pinned action ${ref} lacks its "# vX.Y.Z" version comment`);
  }
  return problems;
}

/** Permission rules: top-level read-only, no write-all, and each write scope justified by what the job does. */
function permissions(path: string, workflow: Json): string[] {
  const problems: string[] = [];
  const top = workflow.permissions;
  if (top === undefined) problems.push(`${path}: no top-level permissions; declare "permissions: contents: read"`);
  else if (typeof top === 'string') problems.push(`${path}: top-level permissions "${top}"; declare "permissions: contents: read"`);
  else {
    for (const [scope, level] of Object.entries(asObject(top))) {
      if (level === 'write') problems.push(`${path}: top-level permission ${scope}: write; grant write scopes per job`);
    }
  }
  for (const [id, raw] of Object.entries(asObject(workflow.jobs))) {
    const job = asObject(raw);
    const perms = job.permissions;
    if (typeof perms === 'string' && perms !== 'read-all') problems.push(`${path}: job ${id} has permissions "${perms}"`);
    const steps = Array.isArray(job.steps) ? job.steps.map(asObject) : [];
    const scripts = steps.map((s) => asText(s.run)).join('\n');
    const actions = steps.map((s) => asText(s.uses));
    for (const [scope, level] of Object.entries(asObject(perms))) {
      if (level !== 'write') continue;
      // A reusable workflow's caller grants what the called jobs need; they are checked in their own file.
      const calls = typeof job.uses === 'string';
      const logsIn =
        calls ||
        actions.some((a) => /^(azure\/login|aws-actions\/configure-aws-credentials|google-github-actions\/auth)@/.test(a)) ||
        scripts.includes('ACTIONS_ID_TOKEN_REQUEST_URL');
      const justified =
        (scope === 'id-token' && logsIn) ||
        (scope === 'actions' && /\bgh workflow run\b/.test(scripts)) ||
        (scope === 'packages' && (calls || /\bdocker push\b/.test(scripts)));
      if (!justified) problems.push(`${path}: job ${id} has ${scope}: write without needing it`);
    }
    for (const step of steps) {
      const inputs = Object.keys(asObject(step.with));
      for (const input of inputs.filter((name) => CREDENTIAL_INPUTS.includes(name))) {
        problems.push(`${path}: job ${id} passes a stored credential (${input}) to ${String(step.uses)}; use OIDC`);
      }
    }
  }
  return problems;
}

/** Security problems of a GitHub workflow file; empty when it follows the rules. */
export function githubWorkflowSecurity(path: string, text: string): string[] {
  const doc = parseDocument(text);
  const workflow = isMap(doc.contents) ? asObject(doc.toJS()) : {};
  return [...pinnedActions(path, text), ...permissions(path, workflow), ...secretReferences(path, text)];
}

/** Azure Pipelines: cloud commands run only inside AzureCLI@2 with a (federated) service connection. */
export function azurePipelinesSecurity(path: string, text: string): string[] {
  const problems = secretReferences(path, text);
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    const map = asObject(node);
    for (const key of ['bash', 'script', 'powershell', 'pwsh']) {
      if (typeof map[key] === 'string' && CLOUD_COMMAND.test(map[key])) {
        problems.push(`${path}: step "${asText(map.displayName) || asText(map.name) || key}" reaches the cloud outside AzureCLI@2 with a workload-identity service connection`);
      }
    }
    if (typeof map.task === 'string' && map.task.startsWith('AzureCLI@') && !asObject(map.inputs).azureSubscription) {
      problems.push(`${path}: AzureCLI task "${asText(map.displayName)}" has no azureSubscription service connection`);
    }
    Object.values(map).forEach(visit);
  };
  visit(parseDocument(text).toJS());
  return problems;
}

/** GitLab CI: a job that reaches the cloud requests an OIDC token (`id_tokens`) for it. */
export function gitlabCiSecurity(path: string, text: string): string[] {
  const problems = secretReferences(path, text);
  for (const [id, raw] of Object.entries(asObject(parseDocument(text).toJS()))) {
    const job = asObject(raw);
    if (!Array.isArray(job.script)) continue;
    if (CLOUD_COMMAND.test(job.script.join('\n')) && job.id_tokens === undefined) {
      problems.push(`${path}: job ${id} reaches the cloud without an OIDC token (id_tokens)`);
    }
  }
  return problems;
}
