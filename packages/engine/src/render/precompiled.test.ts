import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { addPrecompiledTemplates, precompileTemplate, renderTemplate, type PrecompiledTemplate } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'precompiled-'));
let written = 0;
/** What a build writes into a module, as importing that module gives it. */
async function spec(source: string): Promise<PrecompiledTemplate[1]> {
  const file = join(dir, `${written++}.js`);
  writeFileSync(file, `export default ${precompileTemplate(source)};\n`);
  return ((await import(pathToFileURL(file).href)) as { default: PrecompiledTemplate[1] }).default;
}

const context = { name: 'churn "model"', cloud: 'aws', tags: ['a', 'b'], count: 2 };
const TEMPLATE = 'name: {{yaml name}}\n{{#if (eq cloud "aws")}}on: aws{{/if}} {{#each tags}}- {{json this}}{{/each}} {{json (string count)}}\n';

describe('precompiled templates', () => {
  it('render byte for byte what the same template compiled at run time renders', async () => {
    const atRunTime = renderTemplate(`${TEMPLATE}#`, context);
    addPrecompiledTemplates([[TEMPLATE, await spec(TEMPLATE)]]);
    expect(`${renderTemplate(TEMPLATE, context)}#`).toBe(atRunTime);
  });

  it('are found by their source text, so a template edited after the build is compiled afresh', async () => {
    addPrecompiledTemplates([['{{json name}} precompiled', await spec('from the build')]]);
    expect(renderTemplate('{{json name}} precompiled', context)).toBe('from the build');
    expect(renderTemplate('{{json name}} edited', context)).toBe('"churn \\"model\\"" edited');
  });

  it('keep strict mode: a missing value fails as it does when compiled at run time', async () => {
    const source = 'cloud: {{region}}';
    expect(() => renderTemplate(`${source} `, context)).toThrow(/"region" not defined/);
    addPrecompiledTemplates([[source, await spec(source)]]);
    expect(() => renderTemplate(source, context)).toThrow(/"region" not defined/);
  });
});
