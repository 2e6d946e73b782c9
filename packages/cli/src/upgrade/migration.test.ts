/**
 * Codemods are complete or loud: every way a team writes a migrated pattern is migrated (and what the
 * codemods change is committed), or the upgrade stops naming file:line; then the project's TypeScript is
 * type-checked against the new @ai-factory/shared, and the config is evaluated from the migrated files,
 * wherever the command runs.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { git, repoState, teamEdit } from '@ai-factory/testing';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { repoFrom, upgradeContext } from './test-repos.js';
import { upgradeRepository } from './upgrade.js';

const context = await upgradeContext();
const BIN = fileURLToPath(new URL('../../dist/bin.js', import.meta.url));
const CONFIG = 'ai-factory.config.ts';
const PROD = 'infra/environments/prod.tfvars';
const ALERTS = 'monitoring/alerts/azure-tabular.rules.yml';

const show = (dir: string, ref: string, path: string) => git(dir, 'show', `${ref}:${path}`);

/** The managed files a fresh azure-tabular project declaring `training` and `slo` in 2.x form has. */
async function expectedManaged(training: string, slo: string): Promise<{ prod: string; alerts: string }> {
  const dir = await repoFrom('factory-0.1.0/azure-tabular');
  const { report } = await upgradeRepository(dir, context);
  await git(dir, 'checkout', '--quiet', report.branch!);
  await teamEdit(dir, '2.x form', { [CONFIG]: (text) => text.replace('training: cpu(),', `training: ${training},`).replace('slo: slo(),', `slo: ${slo},`) });
  const { evaluateConfig, synthesize } = await import('@ai-factory/shared');
  const artifacts = synthesize(await evaluateConfig(readFileSync(join(dir, CONFIG), 'utf8'), dir));
  return { prod: artifacts.find((a) => a.path === PROD)!.content.trimEnd(), alerts: artifacts.find((a) => a.path === ALERTS)!.content.trimEnd() };
}

const sized = await expectedManaged('cpu({ vcpus: 16, memoryGi: 64 })', 'slo({ latencyP95Ms: 250 })');

describe('every form of a migrated pattern is migrated', () => {
  it.each([
    ['shorthand options', 'const cores = 16;\nconst memoryGi = 64;\n', 'cpu({ cores, memoryGi })'],
    ['a quoted key', '', 'cpu({ "cores": 16, \'memoryGi\': 64 })'],
    ['a computed key', '', 'cpu({ ["cores"]: 16, memoryGi: 64 })'],
    ['options checked with satisfies', '', 'cpu({ cores: 16, memoryGi: 64 } satisfies CpuOptions)'],
    ['an aliased import', '', 'compute({ cores: 16, memoryGi: 64 })'],
  ])('cpu() with %s: prod gets the 16-vCPU size', async (_, prelude, training) => {
    const dir = await repoFrom('factory-0.1.0/azure-tabular');
    await teamEdit(dir, 'Bigger training nodes', {
      [CONFIG]: (text) =>
        text
          .replace(" from '@ai-factory/shared';\n", ` from '@ai-factory/shared';\nimport { cpu as compute, type CpuOptions } from '@ai-factory/shared';\n${prelude}`)
          .replace('training: cpu(),', `training: ${training},`)
          .replace('  monitoring: monitoring(),', '  monitoring: monitoring({ "latencyP95Ms": 250 }),'),
    });
    const { report } = await upgradeRepository(dir, context);
    expect(report, JSON.stringify(report.error)).toMatchObject({ status: 'upgraded', codemodsApplied: expect.arrayContaining(['cpu-cores-to-vcpus', 'split-monitoring']) });
    expect(await show(dir, report.branch!, CONFIG)).toContain('vcpus');
    expect(await show(dir, report.branch!, PROD)).toBe(sized.prod);
    expect(await show(dir, report.branch!, ALERTS)).toBe(sized.alerts);
  });

  it('comments inside monitoring({...}) are kept', async () => {
    const dir = await repoFrom('factory-0.1.0/azure-tabular');
    const monitoring = [
      '  monitoring: monitoring({',
      '    // Agreed with the product team in the Q3 review.',
      '    latencyP95Ms: 250,',
      '    errorRatePercent: 0.5, /* half the budget */',
      '    // Tighter than the default: the features move slowly.',
      '    driftWarningPsi: 0.05,',
      '  }),',
    ].join('\n');
    await teamEdit(dir, 'Objectives', { [CONFIG]: (text) => text.replace('  monitoring: monitoring(),', monitoring) });
    const { report } = await upgradeRepository(dir, context);
    expect(report.status, JSON.stringify(report.error)).toBe('upgraded');
    const config = await show(dir, report.branch!, CONFIG);
    for (const comment of ['// Agreed with the product team in the Q3 review.', '/* half the budget */', '// Tighter than the default: the features move slowly.']) expect(config).toContain(comment);
    expect(config).toContain('warning: 0.05');
  });

  it("codemods run on the team's own TypeScript that imports the shared package, and what they change is committed", async () => {
    const dir = await repoFrom('factory-0.1.0/azure-tabular');
    const capacity = "import { cpu } from '@ai-factory/shared';\n\n/** The size the nightly backfill needs. */\nexport const backfill = cpu({ cores: 32, memoryGi: 128 });\n";
    await teamEdit(dir, 'Capacity planning', { 'tools/capacity.ts': () => capacity });
    const { report } = await upgradeRepository(dir, context);
    expect(report.status, JSON.stringify(report.error)).toBe('upgraded');
    expect(report.filesChanged).toContain('tools/capacity.ts');
    expect(await show(dir, report.branch!, 'tools/capacity.ts')).toBe(capacity.replace('cores: 32', 'vcpus: 32').trimEnd());
  });

  it('a config split over two files is evaluated from the migrated files, whatever the current directory', async () => {
    for (const cwd of ['repo', 'elsewhere']) {
      const dir = await repoFrom('factory-0.1.0/azure-tabular');
      await teamEdit(dir, 'Compute in its own file', {
        'config/compute.ts': () => "import { cpu } from '@ai-factory/shared';\n\nexport const training = cpu({ cores: 16, memoryGi: 64 });\n",
        [CONFIG]: (text) => text.replace(" from '@ai-factory/shared';\n", " from '@ai-factory/shared';\nimport { training } from './config/compute';\n").replace('training: cpu(),', 'training,'),
      });
      const run = await execa('node', [BIN, 'upgrade', dir, '--json'], { cwd: cwd === 'repo' ? dir : mkdtempSync(join(tmpdir(), 'elsewhere-')), reject: false });
      const report = JSON.parse(run.stdout);
      expect(report, run.stderr).toMatchObject({ status: 'upgraded' });
      expect(await show(dir, report.branch, PROD)).toContain(sized.prod.split('\n').find((line) => line.startsWith('training_vm_size')));
      expect(await show(dir, report.branch, 'config/compute.ts')).toContain('cpu({ vcpus: 16, memoryGi: 64 })');
    }
  });
});

describe('what the codemods cannot migrate stops the upgrade', () => {
  it('options built elsewhere: an error naming file:line, and nothing changes', async () => {
    const dir = await repoFrom('factory-0.1.0/azure-tabular');
    await teamEdit(dir, 'Shared sizes', {
      [CONFIG]: (text) => text.replace(" from '@ai-factory/shared';\n", " from '@ai-factory/shared';\nconst big = { cores: 16, memoryGi: 64 };\n").replace('training: cpu(),', 'training: cpu(big),'),
    });
    const line = readFileSync(join(dir, CONFIG), 'utf8').split('\n').findIndex((text) => text.includes('cpu(big)')) + 1;
    const before = await repoState(dir);
    const { report } = await upgradeRepository(dir, context);
    expect(report).toMatchObject({ status: 'failed', filesChanged: [], error: { code: 'codemod', message: expect.stringContaining(`${CONFIG}:${line}`) } });
    expect(report.error!.message).toContain('cpu-cores-to-vcpus');
    expect(await repoState(dir)).toEqual(before);
  });

  it('TypeScript that does not type-check against the new shared package fails the upgrade, and nothing changes', async () => {
    const dir = await repoFrom('factory-0.1.0/azure-tabular');
    // A typed object, not a cpu() call: no codemod sees it, the compiler does.
    await teamEdit(dir, 'Sizes', { 'tools/sizes.ts': () => "import type { CpuOptions } from '@ai-factory/shared';\n\nexport const big: CpuOptions = { cores: 16 };\n" });
    const before = await repoState(dir);
    const { report } = await upgradeRepository(dir, context);
    expect(report).toMatchObject({ status: 'failed', filesChanged: [], error: { code: 'type-check', message: expect.stringContaining('tools/sizes.ts:3') } });
    expect(report.error!.message).toContain("'cores' does not exist in type 'CpuOptions'");
    expect(await repoState(dir)).toEqual(before);
  });
});
