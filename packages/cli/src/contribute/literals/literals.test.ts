import type { TemplateFormat } from '@ai-factory/engine';
import { describe, expect, it } from 'vitest';
import { scanLiterals } from './index.js';

/** Each literal as `kind:content`, quotes and markers left out. */
const scan = (text: string, format: TemplateFormat) => scanLiterals(text, format).map((l) => `${l.kind}:${l.quote ?? ''}${l.prefix ? `/${l.prefix}` : ''}:${text.slice(l.contentStart, l.contentEnd)}`);

describe('scanLiterals', () => {
  it('YAML: plain scalars with quotes inside, quoted scalars over lines, comments, block scalars, keys as code', () => {
    const text = [
      "title: it's fine # a comment",
      'url: http://host:1/x#frag',
      '"quoted key": "two\\" words',
      '  continued"',
      "- 'it''s' # c",
      'run: |',
      '  echo a # not a comment',
      '',
      '  echo b',
      'next: [a, b]',
    ].join('\n');
    expect(scan(text, 'yaml')).toEqual([
      "string::it's fine", 'comment:: a comment', 'string::http://host:1/x#frag',
      'string:":two\\" words\n  continued', "string:':it''s", 'comment:: c',
      'block::  echo a # not a comment\n\n  echo b',
    ]);
  });

  it('Python: prefixes, triple quotes, escapes, and a name ending in a prefix letter is no prefix', () => {
    const text = 'x = rb"a\\"b" + f\'{y}\' + """doc\n"""  # note\nsurf"s"\n';
    expect(scan(text, 'python')).toEqual(['string:"/rb:a\\"b', "string:'/f:{y}", 'string:""":doc\n', 'comment:: note', 'string:":s']);
  });

  it('shell: comments only at a word start, quotes, $\'…\', and heredocs as blocks', () => {
    const text = "echo a#b \"c # d\" 'e' $'f\\'g' # h\ncat <<'EOF'\nbody # x\nEOF\n";
    expect(scan(text, 'shell')).toEqual(['string:":c # d', "string:':e", "string:'/$:f\\'g", 'comment:: h', 'block::body # x\n']);
  });

  it('HCL: strings with nested interpolations, line and block comments, heredocs', () => {
    const text = 'a = "x ${f("y")} z" # one\n// two\n/* three */\nb = <<EOT\nraw\nEOT\n';
    expect(scan(text, 'hcl')).toEqual(['string:":x ${f("y")} z', 'comment:: one', 'comment:: two', 'block:: three ', 'block::raw\n']);
  });
});
