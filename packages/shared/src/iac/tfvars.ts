/** Writes Terraform variable values as a `.tfvars` file. */
import { hclValue } from '../format/hcl.js';

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/**
 * One `name = value` line per variable, names aligned as `terraform fmt` aligns them.
 * @example renderTfvars({ project: 'churn', monthly_budget: 200 }) // 'project        = "churn"\nmonthly_budget = 200\n'
 */
export function renderTfvars(values: Record<string, unknown>, comment?: string): string {
  const names = Object.keys(values);
  const bad = names.find((name) => !IDENTIFIER.test(name));
  if (bad !== undefined) throw new Error(`"${bad}" is not a Terraform variable name`);
  const width = Math.max(0, ...names.map((name) => name.length));
  const lines = names.map((name) => `${name.padEnd(width)} = ${hclValue(values[name])}`);
  return `${comment ? `# ${comment}\n` : ''}${lines.join('\n')}\n`;
}
