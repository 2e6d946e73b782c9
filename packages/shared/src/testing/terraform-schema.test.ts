import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { providerSchemaProblems, TERRAFORM_SCHEMAS, UNSCHEMED_PROVIDERS } from './terraform-schema.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const rootPackage = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };

function terraformFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? terraformFiles(path) : name.endsWith('.tf') ? [path] : [];
  });
}

describe('the committed provider schemas', () => {
  it.each(Object.entries(TERRAFORM_SCHEMAS.providers))('%s come from the pinned package and provider version', (_provider, source) => {
    // An unpinned or bumped package must be followed by: node packages/shared/scripts/terraform-schemas.mjs
    expect(rootPackage.devDependencies[source.package]).toBe(source.packageVersion);
    const installed = JSON.parse(readFileSync(join(ROOT, 'node_modules', source.package, 'package.json'), 'utf8')) as { version: string; cdktf: { provider: { version: string } } };
    expect({ package: installed.version, provider: installed.cdktf.provider.version }).toEqual({ package: source.packageVersion, provider: source.providerVersion });
  });

  it('cover every resource and data type the templates declare (else re-run scripts/terraform-schemas.mjs)', () => {
    const declared = terraformFiles(join(ROOT, 'templates/iac')).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/^\s*(resource|data)\s+"([a-z0-9_]+)"/gm)].map(([, kind, type]) => `${kind} ${type}`),
    );
    const missing = [...new Set(declared)].filter((entry) => {
      const [kind, type] = entry.split(' ') as ['resource' | 'data', string];
      return !(type.split('_')[0]! in UNSCHEMED_PROVIDERS) && !TERRAFORM_SCHEMAS[kind][type];
    });
    expect(missing).toEqual([]);
  });
});

describe('providerSchemaProblems', () => {
  const check = (tf: string) => providerSchemaProblems(new Map([['infra/main.tf', tf]]));

  it('passes real blocks, with dynamic blocks and meta-arguments', async () => {
    const tf = `
resource "aws_s3_bucket_versioning" "a" {
  count  = 1
  bucket = "b"
  versioning_configuration {
    status = "Enabled"
  }
  lifecycle {
    prevent_destroy = true
  }
}
data "aws_iam_policy_document" "p" {
  dynamic "statement" {
    for_each = [1]
    content {
      actions   = ["s3:GetObject"]
      resources = ["*"]
    }
  }
}`;
    expect(await check(tf)).toEqual([]);
  });

  it('reports an unknown type, an unknown argument, a missing required argument and block, a bad dynamic block', async () => {
    const tf = `
resource "aws_s3_bucket_versioningg" "a" {}
resource "aws_s3_bucket_versioning" "b" {
  bucket_name = "b"
}
resource "aws_s3_bucket_versioning" "c" {
  bucket = "b"
  versioning_configuration {
    state = "Enabled"
  }
}
data "aws_iam_policy_document" "p" {
  dynamic "statements" {
    for_each = [1]
    content {}
  }
}
resource "helm_release" "h" {}
resource "azapi_resource" "any" {
  anything = true
}`;
    expect(await check(tf)).toEqual([
      'infra/main.tf: aws_s3_bucket_versioning.b: the provider has no argument or block "bucket_name"',
      'infra/main.tf: aws_s3_bucket_versioning.b: required argument "bucket" is missing',
      'infra/main.tf: aws_s3_bucket_versioning.b: required block "versioning_configuration" is missing',
      'infra/main.tf: aws_s3_bucket_versioning.c.versioning_configuration: the provider has no argument or block "state"',
      'infra/main.tf: aws_s3_bucket_versioning.c.versioning_configuration: required argument "status" is missing',
      'infra/main.tf: aws_s3_bucket_versioningg.a: provider aws 6.25.0 has no resource type aws_s3_bucket_versioningg',
      'infra/main.tf: helm_release.h: no schema for provider "helm"',
      'infra/main.tf: data.aws_iam_policy_document.p: dynamic "statements" names no block of the provider',
    ]);
  });
});
