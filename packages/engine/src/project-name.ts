/**
 * Rules for a project name. The name becomes a directory, a repository, an npm-style package name and,
 * with `-` turned into `_`, the Python package; each rule below keeps one of those valid.
 */
import { FactoryError } from './errors.js';
import { PYTHON_RESERVED_MODULES } from './python-reserved.js';

// Cloud resource names are built from it (Azure ML workspaces take 33 characters), so keep it short.
const MAX_LENGTH = 32;

/** The Python package name a project name yields: `churn-model` → `churn_model`. */
export function pythonPackageName(projectName: string): string {
  return projectName.replace(/-/g, '_');
}

/** Turns any text into a name that passes {@link checkProjectName}, for suggestions. */
export function suggestProjectName(input: string): string {
  let slug = input
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_LENGTH)
    .replace(/-+$/, '');
  if (slug === '') slug = 'ml-project';
  if (!/^[a-z]/.test(slug) || PYTHON_RESERVED_MODULES.has(pythonPackageName(slug))) slug = `ml-${slug}`;
  return slug.slice(0, MAX_LENGTH).replace(/-+$/, '');
}

/** The first rule the name breaks, or undefined when it is valid. */
export function projectNameProblem(name: string): string | undefined {
  if (name.length === 0) return 'the name is empty';
  if (name.length > MAX_LENGTH) return `the name is longer than ${MAX_LENGTH} characters`;
  if (name !== name.toLowerCase()) return 'the name must be lowercase';
  if (!/^[a-z0-9-]+$/.test(name)) return 'the name may only contain a-z, 0-9 and "-"';
  if (name.startsWith('-') || name.endsWith('-') || name.includes('--')) {
    return 'the name must not start or end with "-" or contain "--"';
  }
  if (name === 'node_modules' || name === 'favicon.ico') return `"${name}" is a reserved name`;
  const module = pythonPackageName(name);
  if (/^[0-9]/.test(module)) return `it yields the Python package "${module}", and a Python name cannot start with a digit`;
  if (PYTHON_RESERVED_MODULES.has(module)) {
    return `it yields the Python package "${module}", which is a Python keyword or shadows a standard or required module`;
  }
  return undefined;
}

/** Throws a {@link FactoryError} naming the broken rule and a valid suggestion. */
export function checkProjectName(name: string): void {
  const problem = projectNameProblem(name);
  if (problem === undefined) return;
  throw new FactoryError(
    'invalid-name',
    `Invalid project name "${name}": ${problem}.`,
    `Try "${suggestProjectName(name)}" (pass it with --name, or as the directory).`,
  );
}
