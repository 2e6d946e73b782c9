import { execFileSync } from 'node:child_process';
import { parse as parseHcl } from '@cdktf/hcl2json';
import { renderTemplate, templateContext, defaultAnswers, type Answers } from '@ai-factory/engine';
import { parse as parseToml } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { projectSpecific } from './findings.js';
import { generalisePath, generaliseText, type AnswerValue } from './generalise.js';

/** The first project's answers, as `answerValues` reads them from its manifest. */
const VALUES: AnswerValue[] = [
  { variable: 'name', value: 'churn-radar' },
  { variable: 'packageName', value: 'churn_radar' },
  { variable: 'description', value: 'Predicts churn.' },
  { variable: 'team', value: 'retention-analytics' },
  { variable: 'preset', value: 'aws-tabular' },
  { variable: 'cloud', value: 'aws', platform: true },
  { variable: 'framework', value: 'sklearn', platform: true },
];

/** Another project's answers, with text that breaks any literal it is not escaped for. */
const OTHER: Answers = {
  ...defaultAnswers('fraud-score'),
  description: 'Flags "fraud": fast\nsecond line \\ {x} ${y} %{z} # not a comment',
  team: "risk & o'neil",
  preset: 'gcp-tabular',
  cloud: 'gcp',
  framework: 'pytorch',
};
const render = (template: string, answers: Answers = OTHER) => renderTemplate(template, templateContext(answers, '0.0.0'));
const python = (source: string, expression: string) =>
  JSON.parse(execFileSync('python3', ['-c', `${source}\nimport json\nprint(json.dumps(${expression}))`], { encoding: 'utf8' }));
const expressions = (result: ReturnType<typeof generaliseText>) => result.replacements.map((r) => `${r.line} ${r.context} ${r.expression}`);

describe('generaliseText: Python', () => {
  const source = [
    '"""Extra features for churn-radar (team retention-analytics)."""',
    'from churn_radar.schema import FEATURES  # the columns of churn_radar',
    '',
    'LOGGER_NAME = "churn_radar.features_extra"',
    'PROJECT = "churn-radar"',
    "SUMMARY = f'{len(FEATURES)} features for churn-radar'",
    'CLOUD = "aws"',
    'MODEL_ARN = "arn:aws:sagemaker:eu-west-1:1:model/x"',
    'PATTERN = r"churn-radar-\\d+"',
    'churn_radar_version = 2',
    '# Deployed on aws with sklearn by retention-analytics.',
    '',
  ].join('\n');

  it('generalises every answer in strings, f-strings, docstrings, comments and identifiers, and reports each', () => {
    const result = generaliseText(source, 'src/churn_radar/features_extra.py', VALUES);
    expect(expressions(result)).toEqual([
      '1 docstring {{inPyString name}}',
      '1 docstring {{inPyString team}}',
      '2 identifier {{pyIdent packageName}}',
      '2 comment {{inComment packageName}}',
      '4 string {{inPyString packageName}}',
      '5 value {{py name}}',
      '6 string {{inPyString name}}',
      '7 value {{py cloud}}',
      '10 identifier {{pyIdent packageName}}',
      '11 comment {{inComment cloud}}',
      '11 comment {{inComment framework}}',
      '11 comment {{inComment team}}',
    ]);
    expect(result.leftovers.map((l) => `${l.line} ${l.variable}: ${l.reason}`)).toEqual([
      expect.stringMatching(/^8 cloud: a platform answer in a larger string/),
      '9 name: inside a raw or bytes string, which cannot escape',
    ]);
  });

  it('renders Python that reads back the other project\'s values, none of the first one\'s', () => {
    const rendered = render(generaliseText(source, 'src/churn_radar/features_extra.py', VALUES).text);
    const prelude = 'import sys, types\nsys.modules["fraud_score"] = types.ModuleType("fraud_score")\nsys.modules["fraud_score.schema"] = types.SimpleNamespace(FEATURES=["a", "b"])';
    const module = python(`${prelude}\nns = {}\nexec(compile(${JSON.stringify(rendered)}, "x.py", "exec"), ns)`, '{k: ns[k] for k in ["__doc__", "LOGGER_NAME", "PROJECT", "SUMMARY", "CLOUD", "fraud_score_version"]}');
    expect(module).toEqual({
      __doc__: "Extra features for fraud-score (team risk & o'neil).",
      LOGGER_NAME: 'fraud_score.features_extra',
      PROJECT: 'fraud-score',
      SUMMARY: '2 features for fraud-score',
      CLOUD: 'gcp',
      fraud_score_version: 2,
    });
    expect(rendered).toContain("# Deployed on gcp with pytorch by risk & o'neil.\n");
    expect(rendered.replace('churn-radar-\\d+', '').replace('arn:aws:', '')).not.toMatch(/churn|retention|aws|sklearn/);
  });
});

describe('generaliseText: YAML', () => {
  const source = [
    'name: churn-radar # churn-radar, by retention-analytics',
    'owner: "retention-analytics"',
    'about: Predicts churn.',
    'image: registry/churn-radar:1',
    "title: 'churn-radar''s service'",
    'labels:',
    '  - "team: retention-analytics"',
    'cloud: aws',
    'steps:',
    '  - run: aws s3 cp model.pkl s3://bucket/churn-radar/',
    '  - script: |',
    '      echo churn-radar',
    'churn-radar: key',
    '',
  ].join('\n');

  it('turns values into escaped variables, re-quoting plain and single-quoted scalars around a value', () => {
    const { text, leftovers } = generaliseText(source, 'deploy/app.yaml', VALUES);
    expect(text.split('\n').slice(0, 5)).toEqual([
      'name: {{yaml name}} # {{inComment name}}, by {{inComment team}}',
      'owner: {{yaml team}}',
      'about: {{yaml description}}',
      'image: "registry/{{inString name}}:1"',
      'title: "{{inString name}}\'s service"',
    ]);
    expect(leftovers.map((l) => `${l.line} ${l.variable}`)).toEqual(['10 cloud', '12 name', '13 name']);
    expect(leftovers[2]!.reason).toMatch(/a key/);
    expect(parseYaml(render(text))).toEqual({
      name: 'fraud-score',
      owner: OTHER.team,
      about: OTHER.description,
      image: 'registry/fraud-score:1',
      title: "fraud-score's service",
      labels: [`team: ${OTHER.team}`],
      cloud: 'gcp',
      // A platform word in a command stays: it is the aws CLI, not the answer.
      steps: [{ run: 'aws s3 cp model.pkl s3://bucket/fraud-score/' }, { script: 'echo churn-radar\n' }],
      'churn-radar': 'key',
    });
  });
});

describe('generaliseText: JSON, TOML, HCL, shell, Dockerfile and Markdown', () => {
  it('JSON keys and values, whole or in part, with a backslash before a value', () => {
    const { text } = generaliseText('{"churn-radar": {"owner": "retention-analytics", "path": "C:\\\\churn-radar", "cloud": "aws"}}\n', 'a.json', VALUES);
    expect(JSON.parse(render(text))).toEqual({ 'fraud-score': { owner: OTHER.team, path: 'C:\\fraud-score', cloud: 'gcp' } });
  });

  it('TOML basic, multi-line and literal strings, and comments', () => {
    const source = 'name = "churn-radar"  # churn-radar\nabout = """Model of retention-analytics."""\nlogger = \'churn_radar.jobs\'\n';
    const { text } = generaliseText(source, 'pyproject.toml', VALUES);
    expect(text).toContain('logger = "{{inString packageName}}.jobs"');
    expect(parseToml(render(text))).toEqual({ name: 'fraud-score', about: `Model of ${OTHER.team}.`, logger: 'fraud_score.jobs' });
  });

  it('HCL strings with interpolations, and comments', async () => {
    const source = '# churn-radar\nlocals {\n  name = "churn-radar"\n  bucket = "${var.prefix}-churn-radar-${var.env}"\n  owner = "team retention-analytics"\n}\n';
    const { text } = generaliseText(source, 'infra/main.tf', VALUES);
    const parsed = (await parseHcl('main.tf', render(text))) as { locals: Record<string, string>[] };
    expect(parsed.locals[0]).toEqual({ name: 'fraud-score', bucket: '${var.prefix}-fraud-score-${var.env}', owner: `team ${OTHER.team}` });
  });

  it('shell words, parts of quoted strings, and what is not a word', () => {
    const source = 'docker build -t registry/churn-radar:1 .\necho "built churn-radar for retention-analytics" # churn-radar\nchurn_radar=1\necho "$churn_radar" \'by retention-analytics\'\naws s3 ls\n';
    const result = generaliseText(source, 'build.sh', VALUES);
    expect(result.leftovers.map((l) => `${l.line} ${l.variable}`)).toEqual(['3 packageName', '4 packageName', '5 cloud']);
    const script = render(result.text).replace('docker build', 'printf "%s\\n"').replace('aws s3 ls', ':');
    expect(execFileSync('sh', ['-c', script], { encoding: 'utf8' }).split('\n')).toEqual(['-t', 'registry/fraud-score:1', '.', `built fraud-score for ${OTHER.team}`, `1 by ${OTHER.team}`, '']);
  });

  it('leaves what is inside an interpolation, which is code, and generalises the text around it', () => {
    const cases: [string, string][] = [
      ['main.tf', 'x = "${local.churn-radar} churn-radar"\n'],
      ['a.py', 'X = f"{churn_radar.VERSION} churn-radar"\n'],
      ['a.sh', 'echo "$(cat churn-radar.txt) ${churn_radar} `churn-radar` churn-radar"\n'],
    ];
    for (const [path, source] of cases) {
      const result = generaliseText(source, path, VALUES);
      expect(result.leftovers.every((l) => l.reason === 'inside an interpolation, which is code'), path).toBe(true);
      expect(result.replacements.map((r) => r.variable), path).toEqual(['name']);
    }
  });

  it('Dockerfile exec form is JSON, shell form is shell', () => {
    const { text } = generaliseText('CMD ["python", "-m", "churn_radar.serve"]\nRUN echo churn-radar\n', 'Dockerfile', VALUES);
    expect(text).toBe('CMD ["python", "-m", "{{inString packageName}}.serve"]\nRUN echo {{sh name}}\n');
  });

  it('Markdown takes every value anywhere and keeps existing braces literal', () => {
    const { text } = generaliseText('# churn-radar\n\nOn aws, use `${{ secrets.TOKEN }}` for retention-analytics.\n', 'docs/notes.md', VALUES);
    expect(render(text)).toBe(`# fraud-score\n\nOn gcp, use \`\${{ secrets.TOKEN }}\` for ${OTHER.team}.\n`);
  });

  it('only whole occurrences count, and files of unknown format are left alone', () => {
    expect(generaliseText('X = "churn-radarx awsome"\n', 'a.py', VALUES).replacements).toEqual([]);
    const unknown = generaliseText('name=churn-radar\n', 'app.cfg', VALUES);
    expect(unknown.text).toBe('name=churn-radar\n');
    expect(unknown.leftovers[0]?.reason).toMatch(/unknown/);
  });

  it('rendered with the first project\'s own answers, every file reads back as it was written', () => {
    const first = { ...defaultAnswers('churn-radar'), description: 'Predicts churn.', team: 'retention-analytics', preset: 'aws-tabular', cloud: 'aws' as const };
    const source = 'a: churn-radar\nb: "x churn-radar y"\nc: \'it\'\'s retention-analytics\'\nd: registry/churn-radar:1 # churn-radar\n';
    expect(parseYaml(render(generaliseText(source, 'x.yaml', VALUES).text, first))).toEqual(parseYaml(source));
    const py = 'X = "churn_radar.x"\nY = f"{1}-churn-radar"\n"""retention-analytics"""\n';
    expect(render(generaliseText(py, 'x.py', VALUES).text, first)).toBe(py);
  });
});

describe('generalisePath', () => {
  it('puts the package and project names back as path variables', () => {
    const values = [{ variable: 'name', value: 'churn-model' }, { variable: 'packageName', value: 'churn_model' }];
    expect(generalisePath('src/churn_model/features.py', values)).toBe('src/__packageName__/features.py');
    expect(generalisePath('deploy/churn-model.yaml', values)).toBe('deploy/__name__.yaml');
    expect(generalisePath('src/churn_modeller/x.py', values)).toBe('src/churn_modeller/x.py');
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
