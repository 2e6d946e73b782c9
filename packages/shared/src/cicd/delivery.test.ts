/**
 * The pipelines deliver: every image a workload pulls is built and pushed first, every placeholder is
 * filled by a step that has its value before the spec is used, the released champion is registered in
 * the platform's registry before it is deployed, online rollouts move the traffic in steps, and the
 * deployments of an environment never run at once. Checked on the system-neutral plan of every cloud ×
 * CI system × serving mode × CPU/GPU training, and on each system's rendering where it differs.
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cloudAdapter } from '../clouds/index.js';
import type { WorkloadSpec } from '../clouds/adapter.js';
import type { Cloud } from '../declaration/common.js';
import type { ProjectDeclaration } from '../declaration/project.js';
import { allCombinations, projectFor, type Combination } from '../testing/cicd-projects.js';
import { placeholdersIn } from '../workloads/placeholders.js';
import { DOCKERFILES, imageRepository, servesBatch, servesOnline, type ProjectImage } from '../workloads/runtime.js';
import { synthesizeCicd } from './index.js';
import { runVariables, type JobSpec } from './model.js';
import { RELEASE_DOWNLOAD, RELEASE_UPLOAD } from './release.js';
import { planCicd } from './stages.js';

const label = (c: Combination) => `${c.cloud} × ${c.cicd} × ${c.mode} × ${c.training}`;
const combinations = allCombinations().map((c) => [label(c), c] as const);
const RUN_VARIABLES = Object.keys(runVariables({ name: 'x' }, '1', 'abc'));

/** The specs a project's pipelines submit. */
function specsOf(project: ProjectDeclaration): WorkloadSpec[] {
  const { training, online, batch } = cloudAdapter(project.cloud).workloads;
  return [training, ...(servesOnline(project) ? [online] : []), ...(servesBatch(project) ? [batch] : [])];
}

/** A job's shell lines in order, each with the index of its step. */
const linesOf = (job: JobSpec) => job.steps.flatMap((step, index) => step.run.split('\n').map((line) => ({ step: step.id, index, line })));

/** Names a line gives a value to: `NAME=...`, `export NAME=...` (also inside an `if`/`else` branch). */
const assigned = (line: string): string[] => [...line.matchAll(/(?:^|[\s;]|then |else )(?:export\s+)?([A-Z_][A-Z0-9_]*)=/g)].map((m) => m[1]!);

const ENVSUBST = /envsubst '([^']*)' < (\S+) >/;

describe('every placeholder is filled by the pipeline before its spec is used', () => {
  it.each(combinations)('%s', (_, c) => {
    const project = projectFor(c);
    const { workloads } = cloudAdapter(c.cloud);
    const plan = planCicd(project);
    const jobs = [...plan.train.jobs, ...plan.deploy.jobs];
    const problems: string[] = [];
    for (const spec of specsOf(project)) {
      const needed = placeholdersIn(spec.render(project), workloads.variables).map((v) => v.name);
      const users = jobs.filter((job) => linesOf(job).some(({ line }) => line.includes(spec.path) && !ENVSUBST.test(line) && !line.startsWith('for name in ')));
      if (users.length === 0) problems.push(`${spec.path}: no job submits it`);
      for (const job of users) {
        const known = new Set([...job.variables, ...(job.login ? RUN_VARIABLES : [])]);
        let filled: string[] | undefined;
        for (const { line } of linesOf(job)) {
          const substitution = ENVSUBST.exec(line);
          if (substitution && substitution[2] === spec.path) {
            filled = [...substitution[1]!.matchAll(/\$\{(\w+)\}/g)].map((m) => m[1]!);
            for (const name of filled.filter((n) => !known.has(n))) problems.push(`${job.id}: substitutes ${name} in ${spec.path} before anything sets it`);
          } else if (line.includes(spec.path) && !line.includes('.substituted') && !line.startsWith('for name in ')) {
            const missing = needed.filter((name) => !filled?.includes(name));
            if (missing.length > 0) problems.push(`${job.id}: uses ${spec.path} with ${missing.map((n) => `\${${n}}`).join(', ')} unfilled: ${line.trim()}`);
          }
          for (const name of assigned(line)) known.add(name);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('every image a workload or a registration pulls is pushed before it is used', () => {
  const pushes = (job: JobSpec, image: ProjectImage, project: ProjectDeclaration) =>
    linesOf(job).findIndex(({ line }) => line.includes(`--file ${DOCKERFILES[image]} `) && line.includes('docker push "$ref"')) >= 0 &&
    linesOf(job).some(({ line }) => line === `ref="$IMAGE_REGISTRY/${imageRepository(project, image)}:$IMAGE_TAG"`);

  it.each(combinations)('%s', (_, c) => {
    const project = projectFor(c);
    const plan = planCicd(project);
    const problems: string[] = [];
    const byId = new Map(plan.train.jobs.map((job) => [job.id, job]));
    /** The job and every job it waits for, in the same pipeline. */
    const upstream = (job: JobSpec): JobSpec[] => [job, ...job.needs.flatMap((id) => (byId.has(id) ? upstream(byId.get(id)!) : []))];
    for (const job of [...plan.train.jobs, ...plan.deploy.jobs]) {
      const lines = linesOf(job);
      // Images a job pulls: the ones its specs name, and the ones its registrations name.
      const specs = specsOf(project).filter((spec) => lines.some(({ line }) => line.includes(spec.path)));
      const pulled = (['train', 'serve'] as const).filter(
        (image) =>
          specs.some((spec) => spec.render(project).includes(`\${IMAGE_REGISTRY}/${imageRepository(project, image)}:\${IMAGE_TAG}`)) ||
          lines.some(({ line, step }) => step !== 'images' && line.includes(`$IMAGE_REGISTRY/${imageRepository(project, image)}:$IMAGE_TAG`)),
      );
      for (const image of pulled) {
        // Deployments push into their own environment's registry; training waits for the build job.
        const builders = plan.deploy.jobs.includes(job) ? [job] : upstream(job);
        if (!builders.some((builder) => pushes(builder, image, project))) problems.push(`${job.id}: pulls ${imageRepository(project, image)}, which nothing before it builds and pushes`);
      }
    }
    expect(problems).toEqual([]);
  });
});

/** The CLI call that registers a model version in each platform's registry. */
const REGISTRATION: Record<Exclude<Cloud, 'kubernetes'>, RegExp> = {
  azure: /az ml model create --name \w+ --version "\$MODEL_VERSION" --path "\$MODEL_DIR" --type custom_model/,
  aws: /aws sagemaker create-model-package --model-package-group-name [\w-]+ --model-approval-status Approved /,
  gcp: /gcloud ai models upload --region=[\w-]+ .*--version-aliases="\$RUN_ID" .*--artifact-uri="\$artifacts"/,
};

describe('the champion the gate promoted is released, registered, then deployed', () => {
  it.each(combinations)('%s', (_, c) => {
    const project = projectFor(c);
    const plan = planCicd(project);
    const gate = plan.train.jobs.find((job) => job.id === 'gate')!;
    expect(gate.steps.map((step) => step.id)).toEqual(['install', 'evaluate', 'release']);
    expect(gate.publishes).toEqual(RELEASE_UPLOAD);
    for (const job of plan.deploy.jobs) {
      expect(job.consumes).toEqual(RELEASE_DOWNLOAD);
      const ids = job.steps.map((step) => step.id);
      const deploys = ids.filter((id) => id === 'online' || id === 'batch');
      expect(deploys.length).toBeGreaterThan(0);
      if (c.cloud === 'kubernetes') {
        // No registry on a cluster: the serve image (built from the downloaded release) carries the model.
        expect(ids).not.toContain('register');
        continue;
      }
      const register = job.steps.find((step) => step.id === 'register');
      expect(register?.run).toMatch(REGISTRATION[c.cloud]);
      for (const id of deploys) expect(ids.indexOf('register')).toBeLessThan(ids.indexOf(id));
    }
  });
});

/** How each platform moves an endpoint's traffic to the new version. */
const TRAFFIC_SHIFT: Record<Cloud, RegExp[]> = {
  azure: [/--traffic "\$AZUREML_DEPLOYMENT_NAME=10 \$live=90"/, /sleep 600/, /--traffic "\$AZUREML_DEPLOYMENT_NAME=100 \$live=0"/, /az ml online-deployment delete --name "\$live"/],
  aws: [/update-endpoint .*"BlueGreenUpdatePolicy":\{"TrafficRoutingConfiguration":\{"Type":"CANARY","CanarySize":\{"Type":"CAPACITY_PERCENT","Value":10\},"WaitIntervalInSeconds":600\}/],
  gcp: [/trafficSplit=\{"0": 10, os\.environ\["live"\]: 90\}/, /sleep 600/, /--traffic-split="\$deployed=100"/, /undeploy-model "\$endpoint" .*--deployed-model-id="\$live"/],
  kubernetes: [/kubectl rollout status "\$deployment"/, /kubectl rollout undo "\$deployment"/],
};

describe('online rollouts reach staging, then prod behind its approval, moving the traffic in steps', () => {
  it.each(combinations.filter(([, c]) => c.mode !== 'batch'))('%s', (_, c) => {
    const plan = planCicd(projectFor(c));
    expect(plan.deploy.jobs.map((job) => job.id)).toEqual(['deploy_dev', 'deploy_staging', 'deploy_prod']);
    expect(plan.deploy.jobs.map((job) => job.needs)).toEqual([['gate'], ['deploy_dev'], ['deploy_staging']]);
    expect(plan.deploy.jobs.map((job) => job.environment?.approval)).toEqual([false, false, true]);
    for (const job of plan.deploy.jobs) {
      const online = job.steps.find((step) => step.id === 'online')!.run;
      for (const pattern of TRAFFIC_SHIFT[c.cloud]) expect(online).toMatch(pattern);
    }
  });
});

describe('each CI system renders the release hand-over and one deployment at a time per environment', () => {
  const files = (c: Combination) => new Map(synthesizeCicd(projectFor(c)).map((a) => [a.path, parse(a.content)]));

  it.each(combinations.filter(([, c]) => c.cicd === 'github-actions'))('%s', (_, c) => {
    const out = files(c);
    const gate = out.get('.github/workflows/train.yml').jobs.gate;
    expect(gate.concurrency).toEqual({ group: 'churn-model-gate', 'cancel-in-progress': false });
    expect(gate.steps.at(-1)).toMatchObject({ uses: expect.stringMatching(/^actions\/upload-artifact@/), with: { name: 'champion', path: 'release/model-registry' } });
    for (const [id, job] of Object.entries<Record<string, any>>(out.get('.github/workflows/deploy.yml').jobs)) {
      expect(job.concurrency).toEqual({ group: `churn-model-deploy-${id.replace('deploy_', '')}`, 'cancel-in-progress': false });
      expect(job.steps).toContainEqual(expect.objectContaining({ uses: expect.stringMatching(/^actions\/download-artifact@/), with: { name: 'champion', path: 'model-registry' } }));
    }
  });

  it.each(combinations.filter(([, c]) => c.cicd === 'gitlab-ci'))('%s', (_, c) => {
    const train = files(c).get('.gitlab/ci/train.yml');
    expect(train.gate.artifacts.paths).toEqual(['release/model-registry']);
    for (const env of ['dev', 'staging', 'prod']) {
      const job = train[`deploy_${env}`];
      expect(job.resource_group).toBe(`churn-model-deploy-${env}`);
      // The gate's artifacts are downloaded, then put where the serve image is built from.
      expect(job.needs).toContainEqual(env === 'dev' ? 'gate' : { job: 'gate', artifacts: true });
      expect(job.script[0]).toContain('cp -R release/model-registry/. model-registry/');
    }
  });

  it.each(combinations.filter(([, c]) => c.cicd === 'azure-pipelines'))('%s', (_, c) => {
    const out = files(c);
    const gateSteps = out.get('.azure-pipelines/train.yml').stages.find((s: { stage: string }) => s.stage === 'gate').jobs[0].steps;
    expect(gateSteps.at(-1)).toEqual({ publish: 'release/model-registry', artifact: 'champion', displayName: 'Upload champion' });
    for (const stage of out.get('.azure-pipelines/deploy.yml').stages) {
      expect(stage.lockBehavior).toBe('sequential');
      expect(stage.jobs[0].strategy.runOnce.deploy.steps).toContainEqual({ download: 'current', artifact: 'champion', displayName: 'Download champion' });
    }
  });
});
