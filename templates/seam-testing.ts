/**
 * Seams between a generated project's files, read as a platform engineer would before a first run:
 * Terraform variables that have a value, image repositories Terraform creates for what the pipelines
 * push, files a Dockerfile copies that a fresh clone has, variables a GitHub workflow reads that something
 * sets. Each check takes the project's files (path → content) and returns its problems, empty when the
 * seam holds. Delivery seams (images built, placeholders substituted, compute that exists) are
 * deliverySeamProblems'; the Kubernetes ones are kubernetes-seams.ts'.
 */
import { parse as parseHcl } from '@cdktf/hcl2json';
import { parse as parseYaml } from 'yaml';

type Files = ReadonlyMap<string, string>;
type Body = Record<string, unknown>;

export const PIPELINE_FILE = /^(\.github\/workflows\/[^/]+|\.azure-pipelines\/[^/]+|\.gitlab-ci|\.gitlab\/ci\/[^/]+)\.ya?ml$/;
const ROOT_TF = /^infra\/[^/]+\.tf$/;

/** Every pipeline file's text, joined. */
export const pipelinesOf = (files: Files): string => [...files].filter(([path]) => PIPELINE_FILE.test(path)).map(([, text]) => text).join('\n');

/** The root module's blocks of one kind (`variable`, `locals`, `resource`), parsed by hcl2json. */
async function rootBlocks(files: Files): Promise<Body[]> {
  return Promise.all([...files].filter(([path]) => ROOT_TF.test(path)).map(async ([path, text]) => (await parseHcl(path, text)) as Body));
}

/** Values an environment's tfvars file sets. */
export async function tfvarsOf(files: Files, environment: string): Promise<Body> {
  const path = `infra/environments/${environment}.tfvars`;
  return files.has(path) ? ((await parseHcl(path, files.get(path)!)) as Body) : {};
}

/** Environments the project has tfvars for. */
export const environmentsOf = (files: Files): string[] =>
  [...files.keys()].flatMap((path) => /^infra\/environments\/([^/]+)\.tfvars$/.exec(path)?.[1] ?? []);

/**
 * Every variable of the root module without a default has a value in each environment: its tfvars sets
 * it, or the pipelines pass it (`-var name=`, `-var=name=`, or `TF_VAR_name`).
 */
export async function terraformVariableProblems(files: Files): Promise<string[]> {
  const pipelines = pipelinesOf(files);
  const required = (await rootBlocks(files)).flatMap((json) =>
    Object.entries((json.variable ?? {}) as Record<string, Body[]>).filter(([, [body]]) => !('default' in (body ?? {}))).map(([name]) => name),
  );
  const problems: string[] = [];
  for (const environment of environmentsOf(files)) {
    const set = await tfvarsOf(files, environment);
    for (const name of required) {
      const byCi = new RegExp(`(-var[ =]["']?${name}=|\\bTF_VAR_${name}=)`).test(pipelines);
      if (!(name in set) && !byCi) problems.push(`infra: variable "${name}" is required and has no value in ${environment} (tfvars, -var or TF_VAR_${name})`);
    }
  }
  return problems;
}

/** A string of the root module with `${var.x}` and `${local.x}` resolved against tfvars and locals. */
function resolve(value: unknown, vars: Body, locals: Body, depth = 0): string | undefined {
  if (typeof value !== 'string' || depth > 5) return undefined;
  let unresolved = false;
  const text = value.replace(/\$\{(var|local)\.([\w-]+)\}/g, (_, kind: string, name: string) => {
    const resolved = kind === 'var' ? (typeof vars[name] === 'string' ? vars[name] : undefined) : resolve(locals[name], vars, locals, depth + 1);
    if (resolved === undefined) unresolved = true;
    return resolved ?? '';
  });
  const bare = /^(var|local)\.([\w-]+)$/.exec(value);
  if (bare) return bare[1] === 'var' ? resolve(`\${var.${bare[2]}}`, vars, locals, depth + 1) : resolve(locals[bare[2]!], vars, locals, depth + 1);
  return unresolved || text.includes('${') ? undefined : text;
}

/** The names of an `aws_ecr_repository` block: one, or one per key of a `for_each = toset([...])`. */
function repositoryNames(body: Body): unknown[] {
  const keys = typeof body.for_each === 'string' ? [.../toset\(\[([^\]]*)\]\)/.exec(body.for_each)?.[1]?.matchAll(/"([^"]+)"/g) ?? []].map((match) => match[1]!) : [];
  return keys.length === 0 ? [body.name] : keys.map((key) => typeof body.name === 'string' ? body.name.replaceAll('${each.key}', key) : undefined);
}

/**
 * On AWS every repository the pipelines push to (`$IMAGE_REGISTRY/<repo>`) is an ECR repository Terraform
 * creates in each environment; IMAGE_REGISTRY is the `image_registry` output, whose path after the host
 * prefixes the repository names.
 */
export async function imageRepositoryProblems(files: Files): Promise<string[]> {
  const blocks = await rootBlocks(files);
  const repositories = blocks.flatMap((json) => Object.values(((json.resource as Body | undefined)?.aws_ecr_repository ?? {}) as Record<string, Body[]>).flatMap(([body]) => repositoryNames(body ?? {})));
  if (repositories.length === 0) return [];
  const locals = Object.assign({}, ...blocks.flatMap((json) => (json.locals ?? []) as Body[])) as Body;
  const registry = blocks.map((json) => ((json.output as Record<string, Body[]> | undefined)?.image_registry?.[0]?.value)).find((value) => typeof value === 'string');
  // The registry host comes first; what follows its last "}/" is the environment's prefix.
  const prefix = registry === undefined ? undefined : registry.slice(registry.lastIndexOf('}/') + 2);
  const pushed = new Set([...pipelinesOf(files).matchAll(/ref="\$IMAGE_REGISTRY\/([a-z0-9-]+):\$IMAGE_TAG"/g)].map((match) => match[1]!));
  const problems: string[] = [];
  for (const environment of environmentsOf(files)) {
    const vars = await tfvarsOf(files, environment);
    const created = new Set(repositories.map((name) => resolve(name, vars, locals)));
    const under = prefix ? resolve(prefix, vars, locals) : undefined;
    for (const repository of pushed) {
      const full = under ? `${under}/${repository}` : repository;
      if (!created.has(full)) problems.push(`the pipelines push ${full}, but Terraform creates the ECR repositories ${[...created].join(', ')} in ${environment}`);
    }
  }
  return problems;
}

/** Sources of a Dockerfile's COPY and ADD instructions (not `--from` a stage), relative to the context. */
export function copiedSources(dockerfile: string): string[] {
  return dockerfile
    .replace(/\\\n/g, ' ')
    .split('\n')
    .flatMap((line) => {
      const match = /^\s*(COPY|ADD)\s+(.*)$/i.exec(line);
      if (!match || /--from=/.test(match[2]!)) return [];
      const words = match[2]!.split(/\s+/).filter((word) => word && !word.startsWith('--'));
      return words.slice(0, -1);
    });
}

/** Every file or directory a Dockerfile copies is in `tracked` (a fresh clone's `git ls-files`). */
export function dockerCopyProblems(files: Files, tracked: readonly string[]): string[] {
  const problems: string[] = [];
  for (const [path, text] of files) {
    if (!/^Dockerfile(\.[\w-]+)?$/.test(path)) continue;
    for (const source of copiedSources(text)) {
      const clean = source.replace(/^\.\//, '').replace(/\/$/, '');
      const present = clean === '.' || tracked.some((file) => file === clean || file.startsWith(`${clean}/`));
      if (!present) problems.push(`${path} copies ${source}, which a fresh clone does not have`);
    }
  }
  return problems;
}

/** What GitHub Actions and the runner set without a workflow naming them. */
const RUNNER_VARIABLES = /^(GITHUB_\w+|ACTIONS_\w+|RUNNER_\w+|CI|HOME|PATH|PWD|OLDPWD|RANDOM|UID|USER|BASH_\w+|PIPESTATUS|IFS|HOSTNAME)$/;

/** Names a script assigns itself: `NAME=`, `export NAME=`, `for NAME in`, `read NAME`. */
const assignedIn = (script: string): string[] =>
  [...script.matchAll(/(?:^|[\s;(&|])(?:export\s+|local\s+|declare\s+(?:-\w+\s+)?)?([A-Za-z_]\w*)=|\bfor\s+([A-Za-z_]\w*)\s+in\b|\bread\s+(?:-\w+\s+)*([A-Za-z_]\w*)/g)].map((m) => m[1] ?? m[2] ?? m[3]!);

/** Upper-case variables a script reads (`$NAME`, `${NAME…}`), not `${{ … }}` expressions. */
const readIn = (script: string): string[] =>
  [...script.replace(/\$\{\{[^}]*\}\}/g, '').matchAll(/\$\{?([A-Z][A-Z0-9_]+)/g)].map((m) => m[1]!);

/**
 * In each GitHub workflow, every upper-case variable a job's `run` reads is set: by the workflow's, the
 * job's or the step's `env`, by an earlier line of the job (`NAME=`, `export`, `$GITHUB_ENV`), or by the
 * runner itself. (`envsubst` formats are not reads: they name what a spec holds.)
 */
export function workflowVariableProblems(files: Files): string[] {
  const problems: string[] = [];
  for (const [path, text] of files) {
    if (!/^\.github\/workflows\/.+\.ya?ml$/.test(path)) continue;
    const workflow = parseYaml(text) as { env?: Body; jobs?: Record<string, { env?: Body; steps?: { env?: Body; run?: string }[] }> };
    for (const [jobName, job] of Object.entries(workflow.jobs ?? {})) {
      const scripts = (job.steps ?? []).map((step) => step.run ?? '');
      const assigned = new Set([...Object.keys(workflow.env ?? {}), ...Object.keys(job.env ?? {}), ...scripts.flatMap(assignedIn)]);
      for (const step of job.steps ?? []) {
        const script = (step.run ?? '').replace(/envsubst '[^']*'/g, '');
        for (const name of new Set(readIn(script))) {
          if (!assigned.has(name) && !(name in (step.env ?? {})) && !RUNNER_VARIABLES.test(name)) problems.push(`${path} job ${jobName} reads $${name}, which nothing sets`);
        }
      }
    }
  }
  return problems;
}
