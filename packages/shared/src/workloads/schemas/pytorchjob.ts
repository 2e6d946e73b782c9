/**
 * JSON Schema of the PyTorchJob fields we emit, derived from the Kubeflow Training Operator:
 * manifests/base/crds/kubeflow.org_pytorchjobs.yaml (openAPIV3Schema of kubeflow.org/v1: spec requires
 * pytorchReplicaSpecs; ReplicaSpec has replicas, restartPolicy, template; runPolicy fields; nprocPerNode
 * is a string) and pkg/apis/kubeflow.org/v1/pytorch_validation.go (name is a DNS-1035 label, replica
 * types are Master and Worker, one Master, every replica has a container named "pytorch" with an
 * image). The pod templates themselves are validated against the Kubernetes PodTemplateSpec schema.
 */
import { array, integer, object, oneOfValues, openObject, string, type Schema } from './builders.js';

const container: Schema = openObject({ name: string(), image: string({ minLength: 1 }) }, ['name', 'image']);

const replicaSpec = (replicas: Schema): Schema =>
  object(
    {
      replicas,
      restartPolicy: oneOfValues('Always', 'OnFailure', 'Never', 'ExitCode'),
      template: openObject(
        {
          spec: openObject(
            { containers: array(container, { minItems: 1, contains: openObject({ name: { const: 'pytorch' } }, ['name']) }) },
            ['containers'],
          ),
        },
        ['spec'],
      ),
    },
    ['template'],
  );

export const PYTORCH_JOB_SCHEMA: Schema = openObject(
  {
    apiVersion: { const: 'kubeflow.org/v1' },
    kind: { const: 'PyTorchJob' },
    // A name, or a prefix the API server completes with 5 characters (so at most 58 of the 63).
    metadata: {
      ...openObject({ name: string({ pattern: '^[a-z]([-a-z0-9]*[a-z0-9])?$', maxLength: 63 }), generateName: string({ pattern: '^[a-z][-a-z0-9]*$', maxLength: 58 }) }),
      anyOf: [{ required: ['name'] }, { required: ['generateName'] }],
    },
    spec: object(
      {
        nprocPerNode: string({ pattern: '^([1-9][0-9]*|auto|cpu|gpu)$' }),
        runPolicy: object({
          activeDeadlineSeconds: integer(1),
          backoffLimit: integer(0),
          cleanPodPolicy: oneOfValues('All', 'Running', 'None'),
          ttlSecondsAfterFinished: integer(0),
          suspend: { type: 'boolean' },
          schedulingPolicy: { type: 'object' },
        }),
        elasticPolicy: { type: 'object' },
        pytorchReplicaSpecs: object({ Master: replicaSpec({ const: 1 }), Worker: replicaSpec(integer(0)) }, ['Master']),
      },
      ['pytorchReplicaSpecs'],
    ),
  },
  ['apiVersion', 'kind', 'metadata', 'spec'],
);
