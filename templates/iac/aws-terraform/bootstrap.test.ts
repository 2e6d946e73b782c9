/**
 * The AWS deployer identity can apply what infra/ declares: for every resource type of the root module,
 * the deployer's policy in bootstrap/access.tf grants a write action of that resource's service, and the
 * pipeline identity (which plans) grants none beyond reading.
 */
import { parse } from '@cdktf/hcl2json';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const INFRA = fileURLToPath(new URL('./files/infra', import.meta.url));
/** IAM service prefixes where the Terraform type does not spell them. */
const SERVICE_OF_TYPE: Record<string, string> = { appautoscaling: 'application-autoscaling' };

type Statement = { actions?: string[] | string; effect?: string };
const access = (await parse('access.tf', readFileSync(join(INFRA, 'bootstrap/access.tf'), 'utf8'))) as {
  data: { aws_iam_policy_document: Record<string, { statement: Statement[] }[]> };
  locals: { read_actions?: Record<string, string[]> }[];
};
const policies = access.data.aws_iam_policy_document;
// A computed action list (flatten over local.read_actions) stands for the reads it is made of.
const readActions = Object.values(access.locals.find((block) => block.read_actions)!.read_actions!).flat();
const actionsOf = (statement: Statement): string[] => (Array.isArray(statement.actions) ? statement.actions : statement.actions?.includes('local.read_actions') ? readActions : []);
const allowed = (name: string) => policies[name]![0]!.statement.filter((statement) => statement.effect !== 'Deny').flatMap(actionsOf);
const READ = /^[a-z0-9-]+:(Get|List|Describe|View)/;

const resourceTypes = readdirSync(INFRA)
  .filter((name) => name.endsWith('.tf'))
  .flatMap((name) => [...readFileSync(join(INFRA, name), 'utf8').matchAll(/^resource "aws_([a-z0-9]+)_[a-z0-9_]+"/gm)].map((match) => match[1]!));

describe('the AWS CI identities of bootstrap/', () => {
  it.each([...new Set(resourceTypes)])('the deployer may write %s resources of infra/', (service) => {
    const prefix = `${SERVICE_OF_TYPE[service] ?? service}:`;
    expect(allowed('deployer').filter((action) => action.startsWith(prefix) && !READ.test(action)).length).toBeGreaterThan(0);
  });

  it('the pipeline identity, which plans, only reads', () => {
    expect(allowed('pipeline').filter((action) => !READ.test(action) && !/^s3:ListBucket$/.test(action))).toEqual([]);
  });
});
