/**
 * Checks synthesized dashboards and alert rules the way Grafana and Prometheus would: rule files must
 * pass `promtool check rules` and the SchemaStore Prometheus rules schema, dashboards must parse and
 * their queries pass promtool too, and every PromQL expression (dashboard variables included) may only
 * select metrics from a declared metric source.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Ajv, type ValidateFunction } from 'ajv';
import { parse, stringify } from 'yaml';
import { KNOWN_METRICS } from '../observability/metrics.js';
import { metricNames } from '../observability/promql.js';
import { ALERT_RULES_DIR, DASHBOARDS_DIR } from '../synth/paths.js';
import { SCHEMAS_DIR } from './validate-cicd.js';

const run = promisify(execFile);
export const PROMETHEUS_RULES_SCHEMA = join(SCHEMAS_DIR, 'prometheus-rules.schema.json');

let rulesSchema: ValidateFunction | undefined;
function validateRulesSchema(document: unknown): string[] {
  rulesSchema ??= new Ajv({ strict: false, allErrors: true }).compile(JSON.parse(readFileSync(PROMETHEUS_RULES_SCHEMA, 'utf8')) as object);
  if (rulesSchema(document)) return [];
  return (rulesSchema.errors ?? []).map((error) => `schema: ${error.instancePath || '/'} ${error.message ?? 'is invalid'}`);
}

/** Problems with the metrics one expression selects. */
function checkExpr(expr: unknown, where: string): string[] {
  if (typeof expr !== 'string' || expr.trim() === '') return [`${where}: empty PromQL expression`];
  try {
    const metrics = metricNames(expr);
    if (metrics.length === 0) return [`${where}: selects no metric: ${expr}`];
    return metrics.filter((metric) => !KNOWN_METRICS.has(metric)).map((metric) => `${where}: metric "${metric}" is not exported by any declared metric source`);
  } catch (error) {
    return [`${where}: ${(error as Error).message}`];
  }
}

async function promtool(content: string): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), 'ai-factory-rules-'));
  try {
    const file = join(dir, 'rules.yml');
    await writeFile(file, content);
    await run('promtool', ['check', 'rules', file]);
    return [];
  } catch (error) {
    const { stdout = '', stderr = '', message } = error as { stdout?: string; stderr?: string; message: string };
    return [`promtool check rules: ${`${stdout}\n${stderr}`.trim() || message}`];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * A panel query as Prometheus would receive it: Grafana's interval variables become a duration and
 * every other variable a plain value, so promtool can check the PromQL itself.
 */
function asPromql(expr: string): string {
  return expr.replace(/\$(?:\{(\w+)[^}]*\}|(\w+))/g, (_, braced: string | undefined, bare: string | undefined) =>
    ['__rate_interval', '__interval', '__range'].includes(braced ?? bare ?? '') ? '5m' : 'x',
  );
}

/** promtool's verdict on dashboard queries, checked as recording rules. */
async function promtoolQueries(exprs: readonly string[]): Promise<string[]> {
  if (exprs.length === 0) return [];
  const rules = exprs.map((expr, index) => ({ record: `dashboard:query_${index}`, expr: asPromql(expr) }));
  return promtool(stringify({ groups: [{ name: 'dashboard-queries', rules }] }, { lineWidth: 0 }));
}

async function checkRules(content: string): Promise<string[]> {
  let document: unknown;
  try {
    document = parse(content);
  } catch (error) {
    return [`not YAML: ${(error as Error).message}`];
  }
  const groups = (document as { groups?: { name?: string; rules?: { alert?: string; record?: string; expr?: unknown }[] }[] } | null)?.groups ?? [];
  const exprs = groups.flatMap((group) => (group.rules ?? []).map((rule) => checkExpr(rule.expr, `rule ${rule.alert ?? rule.record ?? '?'}`)));
  return [...validateRulesSchema(document), ...(await promtool(content)), ...exprs.flat()];
}

interface PanelJson {
  title?: string;
  type?: string;
  panels?: PanelJson[];
  targets?: { expr?: unknown }[];
}

interface VariableJson {
  name?: string;
  type?: string;
  query?: unknown;
}

/** The metric selector of a Prometheus variable query such as `label_values(model_info, job)`. */
function variableSelector(query: unknown): string | undefined {
  const text = typeof query === 'string' ? query : (query as { query?: unknown } | null)?.query;
  if (typeof text !== 'string') return undefined;
  return /^\s*(?:label_values|query_result)\((.+?)(?:,\s*\w+)?\)\s*$/.exec(text)?.[1] ?? text;
}

async function checkDashboard(content: string): Promise<string[]> {
  let dashboard: { title?: unknown; uid?: unknown; panels?: PanelJson[]; templating?: { list?: VariableJson[] } };
  try {
    dashboard = JSON.parse(content) as typeof dashboard;
  } catch (error) {
    return [`not JSON: ${(error as Error).message}`];
  }
  const problems: string[] = [];
  if (typeof dashboard.title !== 'string' || typeof dashboard.uid !== 'string') problems.push('a dashboard needs a title and a uid');
  for (const variable of dashboard.templating?.list ?? []) {
    if (variable.type !== 'query') continue;
    const selector = variableSelector(variable.query);
    problems.push(...(selector === undefined ? [`variable "${variable.name ?? '?'}" has no query`] : checkExpr(selector, `variable "${variable.name ?? '?'}"`)));
  }
  // Rows may hold their panels when collapsed, so walk nested panels too.
  const panels = (list: PanelJson[] = []): PanelJson[] => list.flatMap((panel) => [panel, ...panels(panel.panels)]);
  const exprs: string[] = [];
  for (const panel of panels(dashboard.panels)) {
    if (panel.type === 'row') continue;
    if (!panel.targets?.length) problems.push(`panel "${panel.title ?? '?'}" has no query`);
    for (const target of panel.targets ?? []) {
      const found = checkExpr(target.expr, `panel "${panel.title ?? '?'}"`);
      problems.push(...found);
      if (found.length === 0) exprs.push(target.expr as string);
    }
  }
  return [...problems, ...(await promtoolQueries(exprs))];
}

/**
 * Problems in the dashboards and alert rule files among `files` (path → content), each prefixed with
 * its path; other files are ignored. Needs `promtool` on the PATH.
 */
export async function validateObservability(files: ReadonlyMap<string, string>): Promise<string[]> {
  const problems: string[] = [];
  for (const [path, content] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
    let found: string[] = [];
    if (path.startsWith(`${ALERT_RULES_DIR}/`) && /\.ya?ml$/.test(path)) found = await checkRules(content);
    else if (path.startsWith(`${DASHBOARDS_DIR}/`) && path.endsWith('.json')) found = await checkDashboard(content);
    problems.push(...found.map((problem) => `${path}: ${problem}`));
  }
  return problems;
}
