import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { defineMlProject, environment, modelPolicy, serving } from '@ai-factory/shared';
import { describeModule } from '../../module-testing.js';

/**
 * The Python's own defaults (used when the package runs without the synthesized model_policy.json) are the
 * declaration's defaults: a project run alone enforces what an undeclared ai-factory.config.ts would.
 */
describeModule(import.meta.url, (files) => {
  const dir = join(mkdtempSync(join(tmpdir(), 'policy-defaults-')), 'pkg');
  mkdirSync(dir);
  writeFileSync(join(dir, '__init__.py'), '');
  for (const [path, text] of files) {
    if (['policy.py', 'config.py'].includes(basename(path)) && path.startsWith('src/')) writeFileSync(join(dir, basename(path)), text);
  }
  const printed = execFileSync('/usr/bin/python3', ['-c', 'import json; from pkg.policy import ModelPolicy; print(json.dumps(ModelPolicy().to_dict()))'], {
    cwd: join(dir, '..'),
    encoding: 'utf8',
  });
  const { source, ...python } = JSON.parse(printed) as Record<string, unknown>;
  const declared = defineMlProject({
    name: 'module-test', description: '', team: 't', cloud: 'aws', cicd: 'gitlab-ci', framework: 'sklearn',
    environments: [environment('dev')], serving: serving({ mode: 'batch' }),
  });
  const { notice, ...synthesized } = modelPolicy(declared);
  const differences = isDeepStrictEqual(python, synthesized) ? [] : [`Python defaults ${JSON.stringify(python)} differ from the declaration's ${JSON.stringify(synthesized)}`];
  return [...differences, ...(source === 'defaults' && notice ? [] : ['the defaults are not marked as such'])];
});
