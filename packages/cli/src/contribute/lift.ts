/**
 * `contribute`: lifts files from a generated project into a candidate module of the factory. Everything is
 * written to a hidden staging folder first and checked against the module contract; only then is it moved
 * into `templates/<category>/<name>` and committed on `contrib/<category>-<name>`. Bad input writes nothing.
 */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { checkModuleContract, FactoryError, fileFormat, formatProblem, ModuleDefinitionSchema } from '@ai-factory/engine';
import { branchExists, commitOnNewBranch, repositoryRoot } from './factory-git.js';
import { projectSpecific, type Finding } from './findings.js';
import { generalisePath, generaliseText, type AnswerValue } from './generalise.js';
import { answerValues, readManifest, selectFiles } from './project.js';
import { scaffoldModule } from './scaffold.js';

export interface ContributeOptions {
  projectDir: string;
  globs: string[];
  /** `<category>/<name>` of the new module. */
  as: string;
  /** @default the git repository holding `cwd` */
  factoryDir?: string;
  cwd: string;
}

export interface ContributionReport {
  module: string;
  dir: string;
  branch: string;
  commit: string;
  files: { from: string; to: string }[];
  generalised: { file: string; line: number; value: string; variable: string; expression: string }[];
  projectSpecific: ({ file: string } & Finding)[];
}

/** In Python the name that fits an identifier is the package name; elsewhere, when both are equal, the project name. */
function valuesFor(path: string, values: readonly AnswerValue[]): AnswerValue[] {
  const name = values.find((v) => v.variable === 'name')?.value;
  const pkg = values.find((v) => v.variable === 'packageName')?.value;
  if (name !== pkg) return [...values];
  const drop = fileFormat(path) === 'python' ? 'name' : 'packageName';
  return values.filter((v) => v.variable !== drop);
}

export async function contribute(options: ContributeOptions): Promise<ContributionReport> {
  const projectDir = resolve(options.cwd, options.projectDir);
  const id = options.as;
  if (!/^[a-z0-9-]+\/[a-z0-9-]+$/.test(id)) throw new FactoryError('invalid-answers', `--as "${id}" must be <category>/<name> in lowercase a-z, 0-9 and "-".`);
  const manifest = readManifest(projectDir);
  const files = selectFiles(projectDir, options.globs);
  const factory = options.factoryDir ? resolve(options.cwd, options.factoryDir) : await repositoryRoot(options.cwd);
  const target = join(factory, 'templates', id);
  const branch = `contrib/${id.replace('/', '-')}`;
  if (!existsSync(join(factory, 'templates'))) throw new FactoryError('invalid-target', `${factory} has no templates/ folder: is it the factory repository?`);
  if (existsSync(target)) throw new FactoryError('invalid-target', `Module ${id} already exists in ${factory}; choose another --as.`);
  if (await branchExists(factory, branch)) throw new FactoryError('invalid-target', `Branch ${branch} already exists in ${factory}.`);

  const values = answerValues(manifest);
  const report: ContributionReport = { module: id, dir: target, branch, commit: '', files: [], generalised: [], projectSpecific: [] };
  const categoryDir = dirname(target);
  const createdCategory = !existsSync(categoryDir);
  mkdirSync(categoryDir, { recursive: true });
  // Hidden, so a catalog loaded meanwhile never sees a half-written module.
  const staging = mkdtempSync(join(categoryDir, `.${basename(target)}.tmp-`));
  const cleanUp = () => {
    rmSync(staging, { recursive: true, force: true });
    if (createdCategory) rmSync(categoryDir, { recursive: true, force: true });
  };
  try {
    for (const from of files) {
      const bytes = readFileSync(join(projectDir, from));
      let to = generalisePath(from, values);
      let content: Buffer | string = bytes;
      if (!bytes.includes(0)) {
        const result = generaliseText(bytes.toString('utf8'), from, valuesFor(from, values));
        if (result.replacements.length > 0) to += '.hbs';
        content = result.text;
        const file = `files/${to}`;
        report.generalised.push(...result.replacements.map(({ line, value, variable, expression }) => ({ file, line, value, variable, expression })));
        report.projectSpecific.push(
          ...result.leftovers.map(({ line, value, reason }) => ({ file, line, text: value, reason: `answer value left as is: ${reason}` })),
          ...projectSpecific(result.text, manifest.answers.name).map((finding) => ({ file, ...finding })),
        );
      }
      const out = join(staging, 'files', to);
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, content);
      if (statSync(join(projectDir, from)).mode & 0o111) chmodSync(out, 0o755);
      report.files.push({ from, to: `files/${to}` });
    }
    const summary = `Contributed from ${manifest.answers.name}: ${files.join(', ')}`.slice(0, 160);
    const description =
      `Lifted by \`ai-factory contribute\` from project ${manifest.answers.name} (preset ${manifest.preset}, ` +
      `factory ${manifest.factory.version}). Review what it still holds that is specific to that project before merging.`;
    const scaffold = scaffoldModule(factory, { id, summary, description, files: report.files.map((f) => f.to.replace(/^files\//, '').replace(/\.hbs$/, '')) });
    for (const [name, text] of Object.entries(scaffold)) writeFileSync(join(staging, name), text);

    const definition = ModuleDefinitionSchema.parse({ id, version: '0.1.0', summary, description, files: [{ include: '**', owner: 'template' }] });
    const { problems } = checkModuleContract({ ...definition, dir: staging });
    if (problems.length > 0) {
      throw new FactoryError('invalid-module', `The lifted module does not meet the module contract:\n${problems.map((p) => `  ${formatProblem(p)}`).join('\n')}`,
        'Include the missing pieces with more --files (for Python, its tests under tests/), or fix the project first.');
    }
    renameSync(staging, target);
  } catch (error) {
    cleanUp();
    throw error;
  }
  try {
    report.commit = await commitOnNewBranch(factory, branch, join('templates', id), `Contribute ${id} from ${manifest.answers.name}`);
  } catch (error) {
    rmSync(target, { recursive: true, force: true });
    if (createdCategory) rmSync(categoryDir, { recursive: true, force: true });
    throw error;
  }
  return report;
}
