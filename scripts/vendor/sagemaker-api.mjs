#!/usr/bin/env node
/**
 * Regenerates vendor/sagemaker/api.json, read from the AWS SDK's SageMaker client (generated
 * from the service model the AWS CLI uses too):
 * - the instance types SageMaker accepts for training jobs, real-time endpoints (production variants),
 *   batch transform and processing jobs (the SDK's enums);
 * - the request parameters of the operations the pipelines call, by `aws sagemaker` command name (the
 *   members of each operation's input shape), so a test can check every flag the pipelines pass.
 *
 *   node scripts/vendor/sagemaker-api.mjs [version]
 *
 * The client is installed into a temporary folder from the npm registry in force, so it never becomes a
 * dependency of the repository; the version it was read from is recorded in the file.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE = '@aws-sdk/client-sagemaker';
const ENUMS = { training: 'TrainingInstanceType', hosting: 'ProductionVariantInstanceType', transform: 'TransformInstanceType', processing: 'ProcessingInstanceType' };
/** The SageMaker operations the pipelines call. */
const OPERATIONS = [
  'CreateEndpoint', 'CreateEndpointConfig', 'CreateModel', 'CreateModelPackage', 'CreateModelPackageGroup', 'CreateProcessingJob',
  'CreateTrainingJob', 'DescribeEndpoint', 'DescribeModel', 'DescribeModelPackageGroup', 'DescribeTrainingJob', 'UpdateEndpoint',
];
const OUTPUT = fileURLToPath(new URL('../../vendor/sagemaker/api.json', import.meta.url));

const version = process.argv[2] ?? 'latest';
const dir = mkdtempSync(join(tmpdir(), 'sagemaker-enums-'));
try {
  execFileSync('npm', ['install', '--prefix', dir, '--no-audit', '--no-fund', '--ignore-scripts', '--no-save', `${PACKAGE}@${version}`], { stdio: 'inherit' });
  const require = createRequire(join(dir, 'package.json'));
  const client = require(PACKAGE);
  const { version: installed } = require(`${PACKAGE}/package.json`);
  const lists = Object.fromEntries(Object.entries(ENUMS).map(([use, name]) => [use, Object.values(client[name]).sort()]));
  // Input shapes are declared as `export interface <Operation>Input|Request { Member?: ... }` in the type declarations.
  const types = join(dir, 'node_modules', PACKAGE, 'dist-types', 'models');
  const declarations = readdirSync(types).map((file) => readFileSync(join(types, file), 'utf8')).join('\n');
  const members = (operation) => {
    const shape = new RegExp(`export interface ${operation}(?:Input|Request) \\{([\\s\\S]*?)\\n\\}`).exec(declarations);
    if (!shape) throw new Error(`no input shape for ${operation}`);
    return [...shape[1].matchAll(/^ {4}(\w+)\??:/gm)].map((match) => match[1]).sort();
  };
  const kebab = (name) => name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
  const operations = Object.fromEntries(OPERATIONS.map((operation) => [kebab(operation), members(operation)]));
  writeFileSync(OUTPUT, `${JSON.stringify({ source: `${PACKAGE}@${installed}`, enums: ENUMS, ...lists, operations }, null, 2)}\n`);
  console.log(`wrote ${OUTPUT} from ${PACKAGE}@${installed}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
