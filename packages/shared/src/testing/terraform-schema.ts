/**
 * The provider-schema check: every `resource` and `data` block of a Terraform tree against the real schemas
 * of its provider (terraform-schemas.json, extracted from the pinned @cdktf/provider-* packages by
 * scripts/terraform-schemas.mjs): the type exists, every argument and nested block (`dynamic` ones too)
 * exists, and every required argument and block is given.
 */
import { parse } from '@cdktf/hcl2json';
import { readFileSync } from 'node:fs';

/** A schema node: attributes by name (true: required) and nested blocks. */
export interface SchemaNode {
  attributes: Record<string, boolean>;
  blocks: Record<string, SchemaNode & { required: boolean }>;
}

/** The committed schemas: the packages they came from, and one node per resource and data type. */
export interface TerraformSchemas {
  providers: Record<string, { package: string; packageVersion: string; providerVersion: string }>;
  resource: Record<string, SchemaNode>;
  data: Record<string, SchemaNode>;
}

export const TERRAFORM_SCHEMAS: TerraformSchemas = JSON.parse(readFileSync(new URL('./terraform-schemas.json', import.meta.url), 'utf8')) as TerraformSchemas;

/**
 * Providers whose resources are not checked, with the reason: azapi's one resource takes any ARM type and
 * its body is the ARM API's, which no provider schema describes (and no @cdktf package carries azapi).
 */
export const UNSCHEMED_PROVIDERS: Readonly<Record<string, string>> = { azapi: 'azapi_resource bodies are ARM API payloads, not provider schema' };

/** Arguments Terraform itself takes on every resource and data block. */
const META_ARGUMENTS = new Set(['count', 'for_each', 'depends_on', 'lifecycle', 'provider', 'provisioner', 'connection']);

type Body = Record<string, unknown>;

const bodies = (value: unknown): Body[] => (Array.isArray(value) ? value.filter((item): item is Body => typeof item === 'object' && item !== null) : []);

/** Problems of one block body against its schema node; `at` names the block in messages. */
function checkBody(body: Body, schema: SchemaNode, at: string): string[] {
  const problems: string[] = [];
  const dynamic = new Map(Object.entries(body.dynamic ?? {}).map(([name, value]) => [name, bodies(value)]));
  for (const [name, value] of Object.entries(body)) {
    if (META_ARGUMENTS.has(name) || name === 'dynamic') continue;
    const block = schema.blocks[name];
    if (block) {
      const instances = bodies(value);
      if (instances.length === 0) problems.push(`${at}: ${name} is a block, not an argument`);
      instances.forEach((instance) => problems.push(...checkBody(instance, block, `${at}.${name}`)));
    } else if (!(name in schema.attributes)) {
      problems.push(`${at}: the provider has no argument or block "${name}"`);
    }
  }
  for (const [name, generators] of dynamic) {
    const block = schema.blocks[name];
    if (!block) {
      problems.push(`${at}: dynamic "${name}" names no block of the provider`);
      continue;
    }
    for (const generator of generators) for (const content of bodies(generator.content)) problems.push(...checkBody(content, block, `${at}.${name}`));
  }
  for (const [name, required] of Object.entries(schema.attributes)) if (required && !(name in body)) problems.push(`${at}: required argument "${name}" is missing`);
  for (const [name, block] of Object.entries(schema.blocks)) {
    if (block.required && !(name in body) && !dynamic.has(name)) problems.push(`${at}: required block "${name}" is missing`);
  }
  return problems;
}

/** Every `{ type: { name: [body] } }` of a kind, as [type, name, body]. */
function labelled(json: Body, kind: 'resource' | 'data'): [string, string, Body][] {
  return Object.entries((json[kind] as Record<string, Record<string, unknown>> | undefined) ?? {}).flatMap(([type, byName]) =>
    Object.entries(byName).flatMap(([name, value]) => bodies(value).map((body): [string, string, Body] => [type, name, body])),
  );
}

/**
 * Problems of the resource and data blocks of the `.tf` files among `files` (path → content) against the
 * provider schemas; empty when every block matches. Files that do not parse are validateTerraform's to report.
 * @example expect(await providerSchemaProblems(new Map([['infra/main.tf', 'data "aws_partition" "current" {}']]))).toEqual([])
 */
export async function providerSchemaProblems(files: ReadonlyMap<string, string>, schemas: TerraformSchemas = TERRAFORM_SCHEMAS): Promise<string[]> {
  const problems: string[] = [];
  for (const [path, source] of files) {
    if (!path.endsWith('.tf')) continue;
    const json = (await parse(path, source).catch(() => ({}))) as Body;
    for (const kind of ['resource', 'data'] as const) {
      for (const [type, name, body] of labelled(json, kind)) {
        const provider = type.split('_')[0]!;
        const at = `${path}: ${kind === 'data' ? 'data.' : ''}${type}.${name}`;
        if (provider in UNSCHEMED_PROVIDERS) continue;
        if (!(provider in schemas.providers)) problems.push(`${at}: no schema for provider "${provider}"`);
        else if (!schemas[kind][type]) problems.push(`${at}: provider ${provider} ${schemas.providers[provider]!.providerVersion} has no ${kind} type ${type}`);
        else problems.push(...checkBody(body, schemas[kind][type], at));
      }
    }
  }
  return problems;
}
