import { describe, expect, it } from 'vitest';
import { synthesize } from '../synth/synthesize.js';
import { projectFor } from './cicd-projects.js';
import { deliverySeamProblems } from './delivery-seams.js';

/** A batch-scoring Azure project's managed files, with its Dockerfiles and the compute its Terraform creates. */
function files(): Map<string, string> {
  const project = projectFor({ cloud: 'azure', cicd: 'azure-pipelines', mode: 'both', training: 'cpu' });
  const out = new Map(synthesize(project).map((a) => [a.path, a.content]));
  out.set('Dockerfile.train', 'FROM python');
  out.set('Dockerfile.serve', 'FROM python');
  out.set('infra/training.tf', 'resource "azurerm_machine_learning_compute_cluster" "training" {\n  name = "train-cluster"\n}\n');
  return out;
}

describe('deliverySeamProblems', () => {
  it('accepts a project whose seams hold', () => {
    expect(deliverySeamProblems(files())).toEqual([]);
  });

  it('catches a Dockerfile the project lacks, and an image nothing pushes', () => {
    const out = files();
    out.delete('Dockerfile.serve');
    out.set('deploy/azureml/extra-job.yml', 'environment:\n  image: ${IMAGE_REGISTRY}/churn-model-score:${IMAGE_TAG}\n');
    expect(deliverySeamProblems(out)).toEqual(
      expect.arrayContaining([
        'the pipelines build Dockerfile.serve, which the project does not have',
        'deploy/azureml/extra-job.yml pulls the image churn-model-score, which the pipelines never build and push',
      ]),
    );
  });

  it('catches a placeholder no step fills and compute the Terraform does not create', () => {
    const out = files();
    const path = 'deploy/azureml/batch-job.yml';
    out.set(path, `${out.get(path)!}compute: azureml:batch-cluster\nname: \${NIGHTLY}\n`);
    expect(deliverySeamProblems(out)).toEqual([
      `${path} holds \${NIGHTLY}, which no pipeline step substitutes`,
      `${path} runs on compute batch-cluster, which the Terraform does not create`,
    ]);
  });
});
