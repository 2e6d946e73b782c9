#!/usr/bin/env node
/**
 * Regenerates vendor/sagemaker/instance-types.json: the instance types SageMaker accepts for training
 * jobs, real-time endpoints (production variants), batch transform and processing jobs, read from the
 * enums of the AWS SDK's SageMaker client (generated from the service model the AWS CLI uses too).
 *
 *   node scripts/vendor/sagemaker-instance-types.mjs [version]
 *
 * The client is installed into a temporary folder from the npm registry in force, so it never becomes a
 * dependency of the repository; the version it was read from is recorded in the file.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE = '@aws-sdk/client-sagemaker';
const ENUMS = { training: 'TrainingInstanceType', hosting: 'ProductionVariantInstanceType', transform: 'TransformInstanceType', processing: 'ProcessingInstanceType' };
const OUTPUT = fileURLToPath(new URL('../../vendor/sagemaker/instance-types.json', import.meta.url));

const version = process.argv[2] ?? 'latest';
const dir = mkdtempSync(join(tmpdir(), 'sagemaker-enums-'));
try {
  execFileSync('npm', ['install', '--prefix', dir, '--no-audit', '--no-fund', '--ignore-scripts', '--no-save', `${PACKAGE}@${version}`], { stdio: 'inherit' });
  const require = createRequire(join(dir, 'package.json'));
  const client = require(PACKAGE);
  const { version: installed } = require(`${PACKAGE}/package.json`);
  const lists = Object.fromEntries(Object.entries(ENUMS).map(([use, name]) => [use, Object.values(client[name]).sort()]));
  writeFileSync(OUTPUT, `${JSON.stringify({ source: `${PACKAGE}@${installed}`, enums: ENUMS, ...lists }, null, 2)}\n`);
  console.log(`wrote ${OUTPUT} from ${PACKAGE}@${installed}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
