import { describe, expect, it } from 'vitest';
import { planCicd } from '../cicd/stages.js';
import { cloudAdapter } from '../clouds/index.js';
import { pipeline } from '../declaration/pipeline.js';
import { environment } from '../declaration/environment.js';
import { defineMlProject } from '../declaration/project.js';
import { serving } from '../declaration/serving.js';
import { trainingData, trainingVariables } from './contract.js';

const DATA = { uri: 's3://acme-data/churn/train/', version: 'v9' };

/** A project whose data is declared in `declaring` (dev, staging or prod), promoted dev → staging → prod. */
const project = (declaring?: string) =>
  defineMlProject({
    name: 'churn-model', description: '', team: 't', cloud: 'aws', cicd: 'github-actions', framework: 'sklearn',
    environments: ['dev', 'staging', 'prod'].map((name) => environment(name, name === declaring ? { data: DATA } : {})),
    serving: serving({ mode: 'online' }),
  });

describe('trainingData', () => {
  const { training } = cloudAdapter('aws').contract;

  it("is the first promoted environment's declared data, else the cloud's default folder, unversioned", () => {
    expect(trainingData(project('dev'), training)).toEqual(DATA);
    // Only the first environment's data trains: the later ones receive the model it gave, not a retraining.
    expect(trainingData(project('prod'), training)).toEqual({ uri: 's3://${ARTIFACT_BUCKET}/churn-model/data/', version: undefined });
  });

  it('reaches the job as the mounted path, the declared URI and its version', () => {
    expect(trainingVariables(project('dev'), training)).toEqual({
      DATA_PATH: '/opt/ml/input/data/training',
      RUNS_DIR: '/opt/ml/model/runs',
      DATA_URI: DATA.uri,
      DATA_VERSION: DATA.version,
    });
    expect(trainingVariables(project(), training)).not.toHaveProperty('DATA_VERSION');
  });
});

describe('the retraining the drift check starts', () => {
  const uris = { aws: 's3://acme-data/churn/', gcp: 'gs://acme-data/churn/', azure: 'azureml://datastores/curated/paths/churn/', kubernetes: 'pvc://churn-model-data/churn/' } as const;

  it.each(Object.entries(uris))('%s: submits the training spec that reads the declared data', (cloud, uri) => {
    const declared = defineMlProject({
      name: 'churn-model', description: '', team: 't', cloud: cloud as keyof typeof uris, cicd: 'github-actions', framework: 'sklearn',
      environments: [environment('dev', { data: { uri, version: 'v9' } }), environment('prod')],
      pipeline: pipeline({ retrainOnDrift: true }),
      serving: serving({ mode: 'online' }),
    });
    const plan = planCicd(declared);
    expect(plan.driftCheck.retrainOnDrift).toBe(true);
    const { training } = cloudAdapter(declared.cloud).workloads;
    const submit = plan.train.jobs.find((job) => job.id === 'train')!.steps.map((step) => step.run).join('\n');
    expect(submit).toContain(training.path);
    expect(training.render(declared)).toContain(uri);
    expect(training.render(declared)).toContain('v9');
  });
});
