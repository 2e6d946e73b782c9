import { describe, expect, it } from 'vitest';
import { findUnescaped } from './escaping.js';
import { fileFormat } from './format.js';

describe('fileFormat', () => {
  it.each([
    ['catalog-info.yaml.hbs', 'yaml'],
    ['infra/main.tf.hbs', 'hcl'],
    ['infra/environments/dev.tfvars', 'hcl'],
    ['src/__packageName__/config.py.hbs', 'python'],
    ['scripts/run.sh.hbs', 'shell'],
    ['Dockerfile.serve.hbs', 'dockerfile'],
    ['Dockerfile', 'dockerfile'],
    ['pyproject.toml.hbs', 'toml'],
    ['README.md.hbs', 'markdown'],
    ['_gitignore', undefined],
  ])('%s is %s', (path, format) => expect(fileFormat(path)).toBe(format));
});

describe('findUnescaped', () => {
  it('reports a plain variable in YAML with its line and column', () => {
    expect(findUnescaped('kind: x\nname: {{name}}\n', 'a.yaml.hbs')).toEqual([
      expect.objectContaining({ line: 2, column: 7, expression: '{{name}}' }),
    ]);
  });

  it('accepts the helpers for the format, and block helpers around them', () => {
    const template = '{{#if monitoring}}\nname: {{yaml name}}\n{{#each environments}}- {{json this}}\n{{/each}}{{else}}x: 1{{/if}}\n';
    expect(findUnescaped(template, 'a.yaml.hbs')).toEqual([]);
  });

  it('finds variables inside blocks and their else branches', () => {
    const template = '{{#if gpu}}a = {{hcl cloud}}{{else}}b = {{cloud}}{{/if}}\n{{#unless monitoring}}c = {{{team}}}{{/unless}}';
    expect(findUnescaped(template, 'main.tf.hbs').map((v) => v.expression)).toEqual(['{{cloud}}', '{{team}}']);
  });

  it('rejects a helper that escapes for another format', () => {
    const [violation] = findUnescaped('NAME = {{yaml name}}\n', 'config.py.hbs');
    expect(violation?.message).toContain('does not escape for python');
    expect(findUnescaped('NAME = {{py name}}\nimport {{pyIdent packageName}}\n', 'config.py.hbs')).toEqual([]);
  });

  it('leaves Markdown free and flags every interpolation in a file of unknown format', () => {
    expect(findUnescaped('# {{name}}\n', 'README.md.hbs')).toEqual([]);
    expect(findUnescaped('{{sh name}}', 'notes.cfg.hbs')).toHaveLength(1);
  });

  it('passes the existing Dockerfile and shell helpers', () => {
    expect(findUnescaped('LABEL name={{json name}}\nRUN echo {{sh team}}\n', 'Dockerfile.hbs')).toEqual([]);
    expect(findUnescaped('echo {{name}}\n', 'run.sh.hbs')).toHaveLength(1);
  });
});
