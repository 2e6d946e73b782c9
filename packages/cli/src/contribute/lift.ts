/**
 * `contribute`: lifts files from a generated project into a candidate module of the factory. The module is
 * built in memory, checked against the module contract in a scratch folder outside the factory, and written
 * as one commit on `contrib/<category>-<name>`, whose parent is the factory's HEAD; the factory's working
 * tree, index and checked-out branch are not touched. Bad input writes nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { checkModuleContract, FactoryError, formatProblem, ModuleDefinitionSchema } from '@ai-factory/engine';
import { Tree, writeFiles } from '@ai-factory/tree';
import { FactoryCommit, repositoryRoot } from './factory-git.js';
import type { Finding } from './findings.js';
import { liftFiles, type GeneralisedValue, type LiftedFiles } from './lift-files.js';
import { answerValues, projectFiles, readManifest, selectFiles } from './project.js';
import { inferRequires, type ProjectImport } from './requires.js';
import { scaffoldModule } from './scaffold.js';

export interface ContributeOptions {
  projectDir: string;
  globs: string[];
  /** `<category>/<name>` of the new module. */
  as: string;
  /** The module's one-line summary. @default one naming the files it contributes */
  summary?: string;
  /** @default the git repository holding `cwd` */
  factoryDir?: string;
  cwd: string;
}

export interface ContributionReport {
  module: string;
  /** The module's folder in the branch, relative to the factory. */
  dir: string;
  branch: string;
  commit: string;
  /** The factory commit the branch starts from (its HEAD). */
  base: string;
  summary: string;
  files: { from: string; to: string }[];
  generalised: GeneralisedValue[];
  /** Modules the lifted files import files of, written into the module's `requires`. */
  requires: string[];
  /** Every import of a project file outside the lifted ones, with the module that owns it. */
  imports: ProjectImport[];
  projectSpecific: ({ file: string } & Finding)[];
}

const SUMMARY_MAX = 160;

function summaryOf(options: ContributeOptions, lifted: LiftedFiles): string {
  if (options.summary === undefined) return `Contributed ${lifted.files.map((f) => f.to.replace(/^files\//, '').replace(/\.hbs$/, '')).join(', ')}`.slice(0, SUMMARY_MAX);
  const summary = options.summary.trim();
  if (summary === '' || summary.length > SUMMARY_MAX || /[\r\n]/.test(summary)) throw new FactoryError('invalid-answers', `--summary must be one line of 1 to ${SUMMARY_MAX} characters.`);
  return summary;
}

/** Checks the module against the contract in a scratch folder, which is removed afterwards. */
function checkContract(id: string, summary: string, description: string, requires: string[], files: ReadonlyMap<string, Buffer>, executable: ReadonlySet<string>): void {
  const staging = mkdtempSync(join(tmpdir(), 'ai-factory-contribute-'));
  try {
    writeFiles(Tree.fromFiles(files, (path) => (executable.has(path) ? 'executable' : 'file')), staging);
    const definition = ModuleDefinitionSchema.parse({ id, version: '0.1.0', summary, description, requires, files: [{ include: '**', owner: 'template' }] });
    const { problems } = checkModuleContract({ ...definition, dir: staging });
    if (problems.length > 0) {
      throw new FactoryError('invalid-module', `The lifted module does not meet the module contract:\n${problems.map((p) => `  ${formatProblem(p)}`).join('\n')}`,
        'Include the missing pieces with more --files (for Python, its tests under tests/), or fix the project first.');
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

export async function contribute(options: ContributeOptions): Promise<ContributionReport> {
  const projectDir = resolve(options.cwd, options.projectDir);
  const id = options.as;
  if (!/^[a-z0-9-]+\/[a-z0-9-]+$/.test(id)) throw new FactoryError('invalid-answers', `--as "${id}" must be <category>/<name> in lowercase a-z, 0-9 and "-".`);
  const manifest = readManifest(projectDir);
  const all = projectFiles(projectDir);
  const paths = selectFiles(all, projectDir, options.globs);
  const owned = manifest.files.filter((file) => paths.includes(file.path));
  if (owned.length > 0) {
    throw new FactoryError('invalid-answers', `${owned.map((f) => `${f.path} (written by ${f.module})`).join(', ')} already come from the factory: two modules cannot write one path.`,
      'Lift only files the team wrote; to change a template file, change the module that writes it.');
  }
  const factory = options.factoryDir ? resolve(options.cwd, options.factoryDir) : await repositoryRoot(options.cwd);
  const dir = `templates/${id}`;
  const branch = `contrib/${id.replace('/', '-')}`;
  const base = await FactoryCommit.head(factory);
  try {
    if (!(await base.has('templates'))) throw new FactoryError('invalid-target', `${factory} has no templates/ folder at HEAD: is it the factory repository?`);
    if (await base.has(dir)) throw new FactoryError('invalid-target', `Module ${id} already exists in ${factory}; choose another --as.`);
    if (await base.branchExists(branch)) throw new FactoryError('invalid-target', `Branch ${branch} already exists in ${factory}.`);

    const lifted = liftFiles(projectDir, paths, manifest, answerValues(manifest));
    const summary = summaryOf(options, lifted);
    const { requires, imports } = inferRequires(lifted.texts, manifest, new Set(all));
    const moduleFile = (path: string) => lifted.files.find((f) => f.from === path)!.to;
    const unowned = imports.filter((i) => !i.module).map((i) => ({ file: moduleFile(i.file), line: i.line, text: i.target, reason: 'imports a file the team wrote that is not lifted: add it with --files' }));
    const description =
      `Lifted by \`ai-factory contribute\` from project ${manifest.answers.name} (preset ${manifest.preset}, ` +
      `factory ${manifest.factory.version}). Review what it still holds that is specific to that project before merging.`;
    const scaffold = await scaffoldModule((path) => base.text(path), { id, summary, description, requires, files: lifted.files.map((f) => f.to.replace(/^files\//, '').replace(/\.hbs$/, '')) });
    const files = new Map([...lifted.contents, ...Object.entries(scaffold).map(([name, text]) => [name, Buffer.from(text)] as const)]);
    checkContract(id, summary, description, requires, files, lifted.executable);

    const inRepo = (path: string) => `${dir}/${path}`;
    const modes = new Map([...lifted.executable].map((path) => [inRepo(path), '100755']));
    const message = `Contribute ${id} from ${manifest.answers.name}${requires.length ? `\n\nRequires ${requires.join(', ')}.` : ''}`;
    const commit = await base.commitBranch(branch, new Map([...files].map(([path, content]) => [inRepo(path), content])), modes, message);
    return {
      module: id, dir, branch, commit, base: base.oid, summary,
      files: lifted.files, generalised: lifted.generalised, requires, imports,
      projectSpecific: [...lifted.projectSpecific, ...unowned],
    };
  } finally {
    await base.close();
  }
}
