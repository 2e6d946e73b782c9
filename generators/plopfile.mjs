// Generators for contributors: `npm run new:module`, `npm run new:preset`, `npm run new:codemod`.
// Every prompt can be answered on the command line (plop's bypass), so CI and scripts never need a terminal:
//   npm run new:module -- ml feature-store "Feature store client and its config"
//   npm run new:preset -- --id gcp-tabular --summary "Tabular on GCP" --modules core/project,ml/tabular-core
// Files land in the repository root, or in --dest when given (tests point it at a copy).
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const SLUG = /^[a-z][a-z0-9-]*$/;
const SEMVER = /^\d+\.\d+\.\d+$/;

/** @param {import('plop').NodePlopAPI} plop */
export default function generators(plop) {
  const base = plop.getDestBasePath();
  const root = base === plop.getPlopfilePath() ? dirname(base) : resolve(base);
  const templates = join(root, 'templates');
  const here = (path) => join(plop.getPlopfilePath(), 'templates', path);
  const slug = (what) => (value) => SLUG.test(value) || `${what} must be lowercase a-z, 0-9 and "-", starting with a letter`;
  const text = (what, max) => (value) => (value.trim().length > 0 && value.length <= max) || `${what} must be 1 to ${max} characters`;
  const moduleExists = (id) => existsSync(join(templates, id, 'module.ts')) || existsSync(join(templates, id, 'module.json'));

  // JSON is a valid TypeScript literal for strings and arrays; triple braces keep plop from HTML-escaping it.
  plop.setHelper('json', (value) => JSON.stringify(value));

  plop.setGenerator('new:module', {
    description: 'A pattern module: templates/<category>/<name>/ with module.ts, README.md, an escaped template and a test',
    prompts: [
      { type: 'input', name: 'category', message: 'Category (e.g. ml, serving, iac)', validate: slug('The category') },
      {
        type: 'input',
        name: 'name',
        message: 'Module name',
        validate: (value, answers) => {
          const valid = slug('The name')(value);
          if (valid !== true) return valid;
          return !existsSync(join(templates, answers?.category ?? '', value)) || `templates/${answers?.category}/${value} already exists`;
        },
      },
      { type: 'input', name: 'summary', message: 'One-line summary', validate: text('The summary', 160) },
    ],
    actions: (answers) => {
      const dir = join(templates, answers.category, answers.name);
      const data = { id: `${answers.category}/${answers.name}`, description: '', example: `config/${answers.category}-${answers.name}.yaml` };
      return [
        { type: 'add', path: join(dir, 'module.ts'), templateFile: here('module/module.ts.hbs'), data },
        { type: 'add', path: join(dir, 'README.md'), templateFile: here('module/README.md.hbs'), data: { ...data, files: [data.example] } },
        { type: 'add', path: join(dir, 'module.test.ts'), templateFile: here('module/module.test.ts.hbs'), data },
        { type: 'add', path: join(dir, 'files', `${data.example}.hbs`), templateFile: here('module/files/example.yaml.hbs'), data },
      ];
    },
  });

  plop.setGenerator('new:preset', {
    description: 'A preset: templates/presets/<id>.ts naming its modules',
    prompts: [
      {
        type: 'input',
        name: 'id',
        message: 'Preset id',
        validate: (value) => slug('The id')(value) === true ? !existsSync(join(templates, 'presets', `${value}.ts`)) || `preset ${value} already exists` : slug('The id')(value),
      },
      { type: 'input', name: 'summary', message: 'One-line summary', validate: text('The summary', 160) },
      {
        type: 'input',
        name: 'modules',
        message: 'Modules, comma-separated (e.g. core/project,ml/tabular-core)',
        validate: (value) => {
          const ids = value.split(',').map((id) => id.trim()).filter(Boolean);
          const unknown = ids.filter((id) => !moduleExists(id));
          return ids.length === 0 ? 'name at least one module' : unknown.length === 0 || `unknown modules: ${unknown.join(', ')}`;
        },
      },
    ],
    actions: (answers) => [
      {
        type: 'add',
        path: join(templates, 'presets', `${answers.id}.ts`),
        templateFile: here('preset/preset.ts.hbs'),
        data: { moduleIds: answers.modules.split(',').map((id) => id.trim()).filter(Boolean) },
      },
    ],
  });

  plop.setGenerator('new:codemod', {
    description: 'A codemod: packages/codemods/src/codemods/<name>.ts, its Before/After doc and test fixtures',
    prompts: [
      { type: 'input', name: 'name', message: 'Codemod name (kebab-case)', validate: slug('The name') },
      { type: 'input', name: 'description', message: 'What it changes', validate: text('The description', 200) },
      { type: 'input', name: 'introducedIn', message: '@ai-factory/shared version that needs it (e.g. 3.0.0)', validate: (v) => SEMVER.test(v) || 'must be a version such as 0.2.0' },
    ],
    actions: (answers) => {
      const codemods = join(root, 'packages', 'codemods', 'src');
      const fixtures = join(codemods, '__testfixtures__', answers.name);
      return [
        { type: 'add', path: join(codemods, 'codemods', `${answers.name}.ts`), templateFile: here('codemod/codemod.ts.hbs') },
        { type: 'add', path: join(codemods, 'codemods', `${answers.name}.md`), templateFile: here('codemod/codemod.md.hbs') },
        { type: 'add', path: join(fixtures, 'basic.input.ts'), templateFile: here('codemod/basic.input.ts.hbs') },
        { type: 'add', path: join(fixtures, 'basic.output.ts'), templateFile: here('codemod/basic.output.ts.hbs') },
      ];
    },
  });
}
