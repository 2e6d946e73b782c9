import { describe, expect, it } from 'vitest';
import { cloudAdapter } from '../clouds/index.js';
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
