import { renderTemplate, templateContext, defaultAnswers } from '@ai-factory/engine';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { projectSpecific } from './findings.js';
import { generalisePath, generaliseText, type AnswerValue } from './generalise.js';

const VALUES: AnswerValue[] = [
  { variable: 'name', value: 'churn-model' },
  { variable: 'packageName', value: 'churn_model' },
  { variable: 'description', value: 'Predicts churn.' },
  { variable: 'team', value: 'growth' },
];

/** Renders a generalised template with another project's answers. */
const render = (template: string, name: string, description = 'Other "quoted": text') =>
  renderTemplate(template, templateContext({ ...defaultAnswers(name), description, team: "o'neil", preset: 'p' }, '0.0.0'));

describe('generaliseText', () => {
  it('turns whole YAML values and quoted literals into escaped variables', () => {
    const source = 'name: churn-model\nowner: "growth"\nabout: Predicts churn.\nimage: registry/churn-model:1\n';
    const { text, replacements, leftovers } = generaliseText(source, 'deploy/app.yaml', VALUES);
    expect(text).toBe('name: {{yaml name}}\nowner: {{yaml team}}\nabout: {{yaml description}}\nimage: registry/churn-model:1\n');
    expect(replacements.map((r) => [r.line, r.variable])).toEqual([[1, 'name'], [2, 'team'], [3, 'description']]);
    expect(leftovers).toEqual([expect.objectContaining({ line: 4, variable: 'name', reason: 'not a whole yaml value' })]);
    expect(parseYaml(render(text, 'fraud-score'))).toMatchObject({ name: 'fraud-score', owner: "o'neil", about: 'Other "quoted": text' });
  });

  it('uses pyIdent for bare Python identifiers and py for string literals', () => {
    const source = 'from churn_model.config import X\nTEAM = "growth"\nLABEL = "churn-model v2"\n';
    const { text, leftovers } = generaliseText(source, 'src/x.py', VALUES);
    expect(text).toBe('from {{pyIdent packageName}}.config import X\nTEAM = {{py team}}\nLABEL = "churn-model v2"\n');
    expect(leftovers[0]).toMatchObject({ line: 3, reason: 'inside a larger string literal' });
    expect(render(text, 'fraud-score')).toContain('from fraud_score.config import X\nTEAM = "o\'neil"');
  });

  it('writes Markdown freely and keeps existing braces literal', () => {
    const source = '# churn-model\n\nUse `${{ secrets.TOKEN }}` for growth.\n';
    const { text } = generaliseText(source, 'docs/notes.md', VALUES);
    expect(render(text, 'fraud-score')).toBe(`# fraud-score\n\nUse \`\${{ secrets.TOKEN }}\` for o'neil.\n`);
  });

  it('quotes shell words and leaves files of unknown format alone', () => {
    expect(generaliseText('docker build -t churn-model .\n', 'build.sh', VALUES).text).toBe('docker build -t {{sh name}} .\n');
    const unknown = generaliseText('name=churn-model\n', 'app.cfg', VALUES);
    expect(unknown.text).toBe('name=churn-model\n');
    expect(unknown.leftovers[0]?.reason).toMatch(/unknown/);
  });
});

describe('generalisePath', () => {
  it('puts the package and project names back as path variables', () => {
    expect(generalisePath('src/churn_model/features.py', VALUES)).toBe('src/__packageName__/features.py');
    expect(generalisePath('deploy/churn-model.yaml', VALUES)).toBe('deploy/__name__.yaml');
    expect(generalisePath('src/churn_modeller/x.py', VALUES)).toBe('src/churn_modeller/x.py');
  });
});

describe('projectSpecific', () => {
  it('finds paths, hosts, emails and other spellings of the name', () => {
    const text = 'path: /home/ana/data.csv\nurl: https://ml.acme.internal/api\nmail: ana@acme.com\nclass ChurnModel:\nCHURN_MODEL_URL = "http://localhost:8000"\n';
    expect(projectSpecific(text, 'churn-model').map((f) => [f.line, f.reason, f.text])).toEqual([
      [1, 'absolute path', '/home/ana/data.csv'],
      [2, 'URL', 'https://ml.acme.internal/api'],
      [3, 'email address', 'ana@acme.com'],
      [4, 'the project name "churn-model" spelled differently', 'ChurnModel'],
      [5, 'the project name "churn-model" spelled differently', 'CHURN_MODEL'],
    ]);
  });
});
