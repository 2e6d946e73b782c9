/**
 * What a lifted module needs from the rest of the project: the modules that own the project files its
 * Python imports (a file that imports the package's `schema` needs `ml/tabular-core`, which writes
 * `src/<package>/schema.py`). Imports of files that no module owns and that are not lifted are reported:
 * the module would not work without them.
 */
import type { Manifest } from '@ai-factory/engine';
import { scanLiterals } from './literals/index.js';

export interface ProjectImport {
  /** The lifted file that imports, as a project path. */
  file: string;
  line: number;
  /** The Python module as written, e.g. `churn_radar.schema` or `.schema`. */
  name: string;
  /** The project file it resolves to. */
  target: string;
  /** The module owning `target`; absent for a file the team wrote. */
  module?: string;
}

export interface Requirements {
  /** Module ids, sorted. */
  requires: string[];
  /** Every import of a project file outside the lifted files. */
  imports: ProjectImport[];
}

/** Python source with its strings and comments blanked (line breaks kept), so only code is read. */
function codeOnly(text: string): string {
  let code = text;
  for (const literal of scanLiterals(text, 'python')) {
    code = code.slice(0, literal.start) + text.slice(literal.start, literal.end).replace(/[^\n]/g, ' ') + code.slice(literal.end);
  }
  return code;
}

/** `[module, line]` for each module an import statement names; `from x import a` names `x.a` and `x`. */
function importedNames(text: string): { names: string[]; line: number }[] {
  const code = codeOnly(text);
  const lineOf = (index: number) => code.slice(0, index).split('\n').length;
  const found: { names: string[]; line: number }[] = [];
  for (const match of code.matchAll(/^[ \t]*from[ \t]+(\.*[\w.]*)[ \t]+import[ \t]+(\([^)]*\)|[^\n]*)/gm)) {
    const base = match[1]!;
    const imported = match[2]!.replace(/[()\\]/g, ' ').split(',').map((part) => part.trim().split(/\s+/)[0]!).filter((n) => /^\w+$/.test(n));
    const join = (name: string) => (base.endsWith('.') ? `${base}${name}` : `${base}.${name}`);
    // Each imported name may be a submodule; the base module is always imported.
    found.push(...imported.map((name) => ({ names: [join(name), base], line: lineOf(match.index) })));
  }
  for (const match of code.matchAll(/^[ \t]*import[ \t]+([^\n]+)/gm)) {
    for (const part of match[1]!.split(',')) {
      const name = part.trim().split(/\s+/)[0]!;
      if (/^[\w.]+$/.test(name)) found.push({ names: [name], line: lineOf(match.index) });
    }
  }
  return found;
}

/** The project files a Python module name can be: `<root><path>.py` or `<root><path>/__init__.py`. */
function candidates(name: string, importer: string): string[] {
  const dots = /^\.*/.exec(name)![0].length;
  const rest = name.slice(dots).split('.').filter(Boolean).join('/');
  let roots: string[];
  if (dots > 0) {
    const dir = importer.split('/').slice(0, -1);
    roots = [`${[...dir.slice(0, dir.length - (dots - 1))].join('/')}/`.replace(/^\//, '')];
  } else roots = ['', 'src/'];
  return roots.flatMap((root) => (rest ? [`${root}${rest}.py`, `${root}${rest}/__init__.py`] : [`${root}__init__.py`]));
}

/**
 * @param lifted the lifted files: their paths in the project and their text
 * @param projectFiles every file of the project
 * @example inferRequires([{ path: 'src/p/x.py', text: 'from p.schema import A\n' }], manifest, files).requires // ['ml/tabular-core']
 */
export function inferRequires(lifted: readonly { path: string; text: string }[], manifest: Manifest, projectFiles: ReadonlySet<string>): Requirements {
  const liftedPaths = new Set(lifted.map((file) => file.path));
  const owners = new Map(manifest.files.map((file) => [file.path, file.module]));
  const imports: ProjectImport[] = [];
  for (const { path, text } of lifted.filter((file) => file.path.endsWith('.py'))) {
    for (const { names, line } of importedNames(text)) {
      const resolved = names
        .map((name) => ({ name, target: candidates(name, path).find((candidate) => projectFiles.has(candidate) || owners.has(candidate)) }))
        .find((candidate) => candidate.target !== undefined);
      const target = resolved?.target;
      if (!target || liftedPaths.has(target) || imports.some((i) => i.file === path && i.target === target)) continue;
      const module = owners.get(target);
      imports.push({ file: path, line, name: resolved.name, target, ...(module ? { module } : {}) });
    }
  }
  const requires = [...new Set(imports.flatMap((i) => (i.module ? [i.module] : [])))].sort();
  return { requires, imports };
}
