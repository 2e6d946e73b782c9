import { describe, expect, it } from 'vitest';
import { validateTerraform } from './validate-terraform.js';

const versions = `terraform {
  required_version = ">= 1.6.0"
  required_providers {
    aws = { source = "hashicorp/aws", version = "~> 6.0" }
  }
}
`;
const variables = `variable "project" {
  type        = string
  description = "Project name."
}

variable "tags" {
  type        = map(string)
  description = "Tags."
  default     = {}
}

variable "account" {
  type        = string
  description = "Account. Set by CI as TF_VAR_account."
}
`;
const main = `resource "aws_s3_bucket" "this" {
  bucket = "\${var.project}-\${var.account}"
  tags   = var.tags
}
`;
const good = (): Map<string, string> =>
  new Map([
    ['infra/versions.tf', versions],
    ['infra/variables.tf', variables],
    ['infra/main.tf', main],
    ['infra/environments/dev.tfvars', 'project = "churn"\ntags = { "project" = "churn" }\n'],
    ['README.md', 'not terraform {'],
  ]);

describe('validateTerraform', () => {
  it('accepts a consistent module, with a required variable documented as coming from CI', async () => {
    expect(await validateTerraform(good())).toEqual([]);
  });

  it('reports a file that does not parse', async () => {
    const files = good().set('infra/broken.tf', 'resource "aws_s3_bucket" "x" {\n');
    expect(await validateTerraform(files)).toEqual([expect.stringMatching(/^infra\/broken\.tf: does not parse: .*Unclosed configuration block/)]);
  });

  it('reports a tfvars that sets an undeclared variable', async () => {
    const files = good().set('infra/environments/dev.tfvars', 'project = "churn"\nregion = "eu-west-1"\n');
    expect(await validateTerraform(files)).toEqual(['infra/environments/dev.tfvars: sets undeclared variable "region"']);
  });

  it('reports a required variable a tfvars leaves unset', async () => {
    const files = good().set('infra/environments/prod.tfvars', 'tags = {}\n');
    expect(await validateTerraform(files)).toEqual([expect.stringMatching(/^infra\/environments\/prod\.tfvars: does not set required variable "project"/)]);
  });

  it('reports an untyped or undescribed variable', async () => {
    const files = good().set('infra/extra.tf', 'variable "team" {\n  default = "x"\n}\n');
    expect(await validateTerraform(files)).toEqual(['infra: variable "team" has no type', 'infra: variable "team" has no description']);
  });

  it('reports a taggable resource without tags, and accepts the untaggable ones', async () => {
    const files = good().set(
      'infra/extra.tf',
      'resource "aws_sns_topic" "alerts" {\n  name = "a"\n}\nresource "aws_s3_bucket_versioning" "this" {\n  bucket = aws_s3_bucket.this.id\n}\n',
    );
    expect(await validateTerraform(files)).toEqual(['infra/extra.tf: resource aws_sns_topic.alerts has no tags']);
  });

  it('reports unpinned and undeclared providers', async () => {
    const files = good()
      .set('infra/versions.tf', versions.replace('"~> 6.0"', '">= 6.0"'))
      .set('infra/extra.tf', 'resource "random_id" "x" {\n  byte_length = 4\n}\n');
    expect(await validateTerraform(files)).toEqual([
      'infra: provider "aws" is not pinned with "~>"',
      'infra: provider "random" is used but not in required_providers',
      'infra/extra.tf: resource random_id.x has no tags',
    ]);
  });

  it('reports references to undeclared variables, locals and resources', async () => {
    const files = good().set(
      'infra/extra.tf',
      '# var.commented is ignored\noutput "x" {\n  value = "${var.missing}-${local.nothing}-${aws_s3_bucket.other.id}-${data.aws_caller_identity.me.id}"\n}\n',
    );
    expect(await validateTerraform(files)).toEqual([
      'infra/extra.tf: refers to undeclared variable "missing"',
      'infra/extra.tf: refers to undefined local "nothing"',
      'infra/extra.tf: refers to undeclared resource aws_s3_bucket.other',
      'infra/extra.tf: refers to undeclared data source data.aws_caller_identity.me',
    ]);
  });

  it('reports a tfvars with no module above it', async () => {
    expect(await validateTerraform(new Map([['elsewhere/dev.tfvars', 'a = 1\n']]))).toEqual([
      'elsewhere/dev.tfvars: no Terraform module (.tf files) in its directory or above',
    ]);
  });
});
