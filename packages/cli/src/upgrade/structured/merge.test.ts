import { describe, expect, it } from 'vitest';
import { mergeFile } from '../merge.js';
import { mergeStructured } from './merge.js';

const merge = (path: string, base: string, ours: string, theirs: string) =>
  mergeStructured(path, { base: Buffer.from(base), ours: Buffer.from(ours), theirs: Buffer.from(theirs) })?.toString();

describe('mergeStructured, YAML', () => {
  const base = 'name: demo\n# The trigger.\non:\n  push: {}\njobs:\n  test:\n    runs-on: ubuntu-latest\n';

  it('merges keys both sides added next to each other, comments and order kept', () => {
    const ours = 'name: demo\n# The trigger.\non:\n  push: {}\n  # Ours: every night.\n  schedule: nightly\njobs:\n  test:\n    runs-on: ubuntu-latest\n';
    const theirs = 'name: demo\n# The trigger.\non:\n  push: {}\n  workflow_dispatch: {}\njobs:\n  test:\n    runs-on: ubuntu-24.04\n';
    expect(merge('ci.yml', base, ours, theirs)).toBe(
      'name: demo\n# The trigger.\non:\n  push: {}\n  workflow_dispatch: {}\n  # Ours: every night.\n  schedule: nightly\njobs:\n  test:\n    runs-on: ubuntu-24.04\n',
    );
  });

  it('takes the factory\'s deletion of a key the team left alone, and keeps the team\'s order', () => {
    const ours = 'jobs:\n  test:\n    runs-on: ubuntu-latest\nname: demo\n# The trigger.\non:\n  push: {}\n';
    const theirs = 'name: demo\njobs:\n  test:\n    runs-on: ubuntu-latest\n';
    expect(merge('ci.yaml', base, ours, theirs)).toBe('jobs:\n  test:\n    runs-on: ubuntu-latest\nname: demo\n');
  });

  it('merges the items both sides added to a list, each known by its first line', () => {
    const steps = 'steps:\n  - uses: checkout\n  - run: npm test\n    env:\n      CI: 1\n';
    const ours = steps.replace('  - run: npm test', '  # Ours.\n  - run: npm run lint\n  - run: npm test');
    const theirs = `${steps.replace('CI: 1', 'CI: true')}  - run: npm run build\n`;
    expect(merge('ci.yml', steps, ours, theirs)).toBe(`${ours.replace('CI: 1', 'CI: true')}  - run: npm run build\n`);
    expect(merge('ci.yml', steps, steps.replace('checkout', 'checkout@v4'), steps.replace('checkout', 'checkout@v5'))).toBeUndefined();
  });

  it('merges document by document', () => {
    const docs = 'kind: A\nspec: 1\n---\nkind: B\nspec: 2\n';
    expect(merge('all.yaml', docs, 'kind: A\nspec: 1\nteam: yes\n---\nkind: B\nspec: 2\n', 'kind: A\nspec: 1\n---\nkind: B\nspec: 3\n')).toBe('kind: A\nspec: 1\nteam: yes\n---\nkind: B\nspec: 3\n');
    // A document the team put on top shifts the others: the factory's change to the second is not the new second's.
    const alike = 'kind: A\nspec: 1\n---\nkind: B\nspec: 1\n';
    expect(merge('all.yaml', alike, `kind: C\nspec: 2\n---\n${alike}`, alike.replace(/1\n$/, '3\n'))).toBeUndefined();
  });

  it('puts a key the factory added on top of a document below its marker, and reads UTF-8 as characters', () => {
    expect(merge('all.yaml', 'a: 1\n---\nb: 2\n', 'a: 1\n---\nb: 2\nteam: é\n', 'a: 1\n---\nfirst: — \nb: 2\n')).toBe('a: 1\n---\nfirst: — \nb: 2\nteam: é\n');
  });

  it('leaves one key path changed differently, or changed against a deletion, to the line merge', () => {
    const changed = (value: string) => base.replace('ubuntu-latest', value);
    expect(merge('ci.yml', base, changed('ours'), changed('theirs'))).toBeUndefined();
    expect(merge('ci.yml', base, base.replace('jobs:\n  test:\n    runs-on: ubuntu-latest\n', ''), changed('theirs'))).toBeUndefined();
  });

  it('leaves a file that does not parse, or repeats a key, to the line merge', () => {
    expect(merge('ci.yml', base, `${base}jobs: [unclosed\n`, `${base}extra: 1\n`)).toBeUndefined();
    expect(merge('ci.yml', base, `${base}name: again\n`, `${base}extra: 1\n`)).toBeUndefined();
  });
});

describe('mergeStructured, JSON', () => {
  const base = '{\n  "name": "demo",\n  "scripts": {\n    "test": "vitest"\n  }\n}\n';

  it('merges keys added after the last one by both sides, with the commas put right', () => {
    const ours = '{\n    "name": "demo",\n    "scripts": {\n    "test": "vitest"\n  },\n    "private": true\n}\n'.replace(/^ {4}"(name|scripts|private)/gm, '  "$1');
    const theirs = '{\n  "name": "demo",\n  "scripts": {\n    "test": "vitest",\n    "lint": "eslint"\n  }\n}\n';
    expect(merge('package.json', base, ours, theirs)).toBe('{\n  "name": "demo",\n  "scripts": {\n    "test": "vitest",\n    "lint": "eslint"\n  },\n  "private": true\n}\n');
  });

  it('keeps the team\'s indentation and comments', () => {
    const tabs = base.replace(/ {2}/g, '\t');
    const ours = tabs.replace('\t"name"', '\t// Ours.\n\t"name"');
    const theirs = tabs.replace('"vitest"', '"vitest run"');
    expect(merge('tsconfig.json', tabs, ours, theirs)).toBe(ours.replace('"vitest"', '"vitest run"'));
  });

  it('leaves the merge to the lines rather than put a comma after a line the team wrote', () => {
    expect(merge('package.json', '{\n  "a": 1\n}\n', '{\n  "a": 2\n}\n', '{\n  "a": 1,\n  "c": 3\n}\n')).toBeUndefined();
    expect(merge('package.json', '{\n  "a": 1\n}\n', '{\n  "b": 0,\n  "a": 1\n}\n', '{\n  "a": 1,\n  "c": 3\n}\n')).toBe('{\n  "b": 0,\n  "a": 1,\n  "c": 3\n}\n');
  });

  it('leaves one key changed differently, and broken JSON, to the line merge', () => {
    expect(merge('package.json', base, base.replace('demo', 'ours'), base.replace('demo', 'theirs'))).toBeUndefined();
    expect(merge('package.json', base, base.replace('}\n}', '}\n'), base.replace('demo', 'theirs'))).toBeUndefined();
  });
});

describe('mergeStructured, TOML', () => {
  const base = '[project]\nname = "demo"\ndependencies = [\n  "numpy",\n]\n\n[tool.ruff]\nline-length = 110\n';

  it('merges keys and tables both sides added, comments and multi-line arrays kept', () => {
    const ours = '[project]\nname = "demo"\ndependencies = [\n  "numpy",\n  # Ours.\n  "polars",\n]\n\n[tool.ruff]\nline-length = 110\n# Ours too.\nfix = true\n';
    const theirs = '[project]\nname = "demo"\ndependencies = [\n  "numpy",\n]\nrequires-python = ">=3.10"\n\n[tool.ruff]\nline-length = 120\n\n[tool.pytest]\naddopts = "-q"\n';
    expect(merge('pyproject.toml', base, ours, theirs)).toBe(
      '[project]\nname = "demo"\ndependencies = [\n  "numpy",\n  # Ours.\n  "polars",\n]\nrequires-python = ">=3.10"\n\n[tool.ruff]\nline-length = 120\n# Ours too.\nfix = true\n\n[tool.pytest]\naddopts = "-q"\n',
    );
  });

  it('merges items both sides added to one array, each item on its line', () => {
    expect(merge('pyproject.toml', base, base.replace('"numpy",', '"numpy",\n  "polars",'), base.replace('"numpy",', '"numpy>=2",'))).toBe(base.replace('"numpy",', '"numpy>=2",\n  "polars",'));
  });

  it('leaves one item both changed, and a line that is not TOML, to the line merge', () => {
    expect(merge('pyproject.toml', base, base.replace('"numpy",', '"numpy<2",'), base.replace('"numpy",', '"numpy>=2",'))).toBeUndefined();
    expect(merge('pyproject.toml', base, `${base}not toml\n`, base.replace('110', '120'))).toBeUndefined();
  });
});

describe('mergeFile on structured files', () => {
  it('merges a CRLF YAML file by key path and gives it back its line ends', () => {
    const base = 'a: 1\nb: 2\n';
    const ours = 'a: 1\r\nb: 2\r\nteam: 3\r\n';
    const { content, conflicts } = mergeFile('x.yml', { base: Buffer.from(base), ours: Buffer.from(ours), theirs: Buffer.from('a: 1\nb: 20\nfactory: 4\n') });
    expect([content.toString(), conflicts]).toEqual(['a: 1\r\nb: 20\r\nfactory: 4\r\nteam: 3\r\n', 0]);
  });

  it('shows a key both sides changed as a standard conflict', () => {
    const { content, conflicts } = mergeFile('x.json', { base: Buffer.from('{\n  "a": 1\n}\n'), ours: Buffer.from('{\n  "a": 2\n}\n'), theirs: Buffer.from('{\n  "a": 3\n}\n') });
    expect(conflicts).toBe(1);
    expect(content.toString()).toContain('<<<<<<< x.json (yours)\n  "a": 2\n=======\n  "a": 3\n>>>>>>> x.json (new factory version)\n');
  });
});
