/**
 * The Terraform of every preset and of a sample of the option matrix (each cloud with each CI/CD system,
 * the serving mode and framework rotating): every resource and data block matches the providers' real
 * schemas, and infra/ can be applied from the pipelines: a remote backend that every init configures,
 * every required variable given, and every identity and state setting the pipelines read provisioned by
 * the bootstrap.
 */
import { CICD_SYSTEMS, CLOUDS, defaultAnswers, generateProject, SERVING_MODES, type Answers } from '@ai-factory/engine';
import { cloudAdapter } from '../packages/shared/src/clouds/index.js';
import { loadBuiltinCatalog } from '@ai-factory/templates';
import { describe, expect, it } from 'vitest';
import { terraformDeliveryProblems } from '../packages/shared/src/testing/terraform-delivery.js';
import { providerSchemaProblems } from '../packages/shared/src/testing/terraform-schema.js';

const catalog = await loadBuiltinCatalog();

const presets = [...catalog.presets.values()].map((preset) => ({ label: `preset ${preset.id}`, answers: { ...defaultAnswers(`p-${preset.id}`), ...preset.answers, preset: preset.id } }));

const sampled = CLOUDS.flatMap((cloud, c) =>
  CICD_SYSTEMS.map((cicd, s) => {
    const framework: Answers['framework'] = (c + s) % 2 === 0 ? 'sklearn' : 'pytorch';
    const serving = SERVING_MODES[(c + s) % SERVING_MODES.length]!;
    const preset = [...catalog.presets.values()].find((candidate) => candidate.answers.framework === framework)!.id;
    return { label: `${cloud} ${cicd} ${framework} ${serving}`, answers: { ...defaultAnswers(`s-${cloud.slice(0, 3)}-${cicd.slice(0, 3)}`), preset, cloud, cicd, framework, serving } };
  }),
);

const projects = [...presets, ...sampled].map(({ label, answers }) => {
  const { tree } = generateProject(catalog, answers);
  return { label, answers, files: new Map(tree.entries().map(([path, file]) => [path, file.content.toString('utf8')])) };
});

/** CI variables the cloud login reads: the job's identity and the deployer's, as the adapter logs in. */
function identityVariables(cloud: Answers['cloud']): string[] {
  const { ci } = cloudAdapter(cloud);
  const login = JSON.stringify([ci.login('TOKEN', 'region'), ci.githubLogin('region'), ci.azurePipelines.login('TOKEN', 'region')]);
  return [...ci.variables.filter((name) => new RegExp(`\\b${name}\\b`).test(login)), ...(ci.deployer?.variables ?? [])];
}

describe('generated Terraform', () => {
  it('samples every cloud with every CI/CD system, besides the presets', () => {
    expect(new Set(sampled.map(({ answers }) => `${answers.cloud} ${answers.cicd}`)).size).toBe(CLOUDS.length * CICD_SYSTEMS.length);
    expect(presets.length).toBeGreaterThan(0);
  });

  it.each(projects)('$label: every resource and data block matches its provider schema', async ({ files }) => {
    expect([...files.keys()].filter((path) => path.endsWith('.tf')).length).toBeGreaterThan(5);
    expect(await providerSchemaProblems(files)).toEqual([]);
  });

  it.each(projects)('$label: state, variables and identities of infra/ are provisioned and passed', async ({ answers, files }) => {
    // A cluster's identities are its OIDC authenticator's (not Terraform's): its state is still checked.
    const identities = cloudAdapter(answers.cloud).ci.deployer ? identityVariables(answers.cloud) : [];
    expect(await terraformDeliveryProblems(files, identities)).toEqual([]);
  });

  it('the identity check covers the job login and the deployer on every cloud with federated identities', () => {
    for (const cloud of CLOUDS.filter((candidate) => cloudAdapter(candidate).ci.deployer)) {
      expect(identityVariables(cloud).length, cloud).toBeGreaterThanOrEqual(2);
    }
  });
});
