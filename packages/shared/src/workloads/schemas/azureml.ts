/**
 * JSON Schemas of the Azure ML CLI v2 YAML we emit, written from the published references
 * (learn.microsoft.com "CLI (v2) command job YAML schema" and "CLI (v2) managed online deployment YAML
 * schema", i.e. https://azuremlschemas.azureedge.net/latest/commandJob.schema.json and
 * managedOnlineDeployment.schema.json): field names, types, enums and the required keys.
 */
import { boolean, integer, object, oneOfValues, openObject, string, stringMap, type Schema } from './builders.js';

/** Deployment and endpoint names: 3-32 characters, a letter first, then letters, digits and hyphens. */
const RESOURCE_NAME = string({ pattern: '^[a-zA-Z][a-zA-Z0-9-]{2,31}$' });

const environment: Schema = {
  oneOf: [
    string({ pattern: '^azureml:' }),
    object(
      {
        image: string({ minLength: 1 }),
        conda_file: string(),
        build: { type: 'object' },
        name: string(),
        version: string(),
        inference_config: object({
          liveness_route: object({ path: string({ pattern: '^/' }), port: integer(1, 65535) }, ['path', 'port']),
          readiness_route: object({ path: string({ pattern: '^/' }), port: integer(1, 65535) }, ['path', 'port']),
          scoring_route: object({ path: string({ pattern: '^/' }), port: integer(1, 65535) }, ['path', 'port']),
        }),
      },
      ['image'],
    ),
  ],
};

const DATA_TYPES = ['uri_file', 'uri_folder', 'mltable', 'mlflow_model', 'custom_model'];
const jobInput: Schema = object({ type: oneOfValues(...DATA_TYPES), path: string({ minLength: 1 }), mode: oneOfValues('ro_mount', 'download', 'direct', 'eval_mount', 'eval_download') }, ['type', 'path']);
const jobOutput: Schema = object({ type: oneOfValues(...DATA_TYPES), path: string(), mode: oneOfValues('rw_mount', 'upload', 'direct'), name: string(), version: string() }, ['type']);

/** A job names its compute cluster, or runs on serverless compute of the instance type its resources name. */
const computeOrServerless: Schema = {
  anyOf: [{ required: ['compute'] }, { required: ['resources'], properties: { resources: { required: ['instance_type'] } } }],
};

export const COMMAND_JOB_SCHEMA: Schema = {
  allOf: [
    computeOrServerless,
    object(
      {
        $schema: { const: 'https://azuremlschemas.azureedge.net/latest/commandJob.schema.json' },
        type: { const: 'command' },
        name: string(),
        display_name: string(),
        experiment_name: string(),
        description: string(),
        tags: stringMap(),
        properties: stringMap(),
        command: string({ minLength: 1 }),
        code: string(),
        environment,
        environment_variables: stringMap(),
        compute: string({ pattern: '^azureml:[a-zA-Z][a-zA-Z0-9-]{1,15}$' }),
        resources: object({ instance_count: integer(1), instance_type: string(), shm_size: string(), docker_args: string(), properties: { type: 'object' } }),
        limits: object({ timeout: integer(1) }),
        distribution: {
          oneOf: [
            object({ type: { const: 'pytorch' }, process_count_per_instance: integer(1) }, ['type']),
            object({ type: { const: 'mpi' }, process_count_per_instance: integer(1) }, ['type']),
            object({ type: { const: 'tensorflow' }, worker_count: integer(1), parameter_server_count: integer(0) }, ['type']),
          ],
        },
        inputs: { type: 'object', additionalProperties: jobInput },
        outputs: { type: 'object', additionalProperties: jobOutput },
        identity: { type: 'object' },
        queue_settings: { type: 'object' },
        services: { type: 'object' },
      },
      ['type', 'command', 'environment'],
    ),
  ],
};

const probe: Schema = object({ initial_delay: integer(0), period: integer(1), timeout: integer(1), failure_threshold: integer(1), success_threshold: integer(1) });

export const MANAGED_ONLINE_DEPLOYMENT_SCHEMA: Schema = object(
  {
    $schema: { const: 'https://azuremlschemas.azureedge.net/latest/managedOnlineDeployment.schema.json' },
    name: RESOURCE_NAME,
    endpoint_name: RESOURCE_NAME,
    description: string(),
    tags: stringMap(),
    model: { oneOf: [string(), { type: 'object' }] },
    code_configuration: openObject({ code: string(), scoring_script: string() }),
    environment,
    environment_variables: stringMap(),
    instance_type: string({ pattern: '^Standard_' }),
    instance_count: integer(1),
    app_insights_enabled: boolean(),
    scale_settings: object({ type: { const: 'default' } }, ['type']),
    request_settings: object({ request_timeout_ms: integer(1), max_concurrent_requests_per_instance: integer(1), max_queue_wait_ms: integer(0) }),
    liveness_probe: probe,
    readiness_probe: probe,
    egress_public_network_access: oneOfValues('enabled', 'disabled'),
    data_collector: { type: 'object' },
  },
  ['name', 'endpoint_name', 'environment', 'instance_type', 'instance_count'],
);

