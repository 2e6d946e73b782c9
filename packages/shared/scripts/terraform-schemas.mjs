#!/usr/bin/env node
/**
 * Extracts the provider schemas of the resource and data types the templates' Terraform uses from the
 * `.jsii` files of the pinned @cdktf/provider-* packages (root devDependencies) into
 * src/testing/terraform-schemas.json, which the provider-schema check reads. Run it after changing a
 * template's resources or a provider pin:
 *
 *   node packages/shared/scripts/terraform-schemas.mjs
 *
 * A schema node is `{ "attributes": { name: required }, "blocks": { name: { "required": bool, ...node } } }`.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '../../..');
const OUT = resolve(HERE, '../src/testing/terraform-schemas.json');
const TEMPLATES = resolve(ROOT, 'templates/iac');
/** Terraform provider local name → the npm package carrying its schema. */
const SCHEMA_PACKAGES = {
  aws: '@cdktf/provider-aws',
  azurerm: '@cdktf/provider-azurerm',
  google: '@cdktf/provider-google',
  kubernetes: '@cdktf/provider-kubernetes',
};

const require = createRequire(join(ROOT, 'package.json'));

/** `.tf` files under a directory, recursively. */
function terraformFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return terraformFiles(path);
    return name.endsWith('.tf') ? [path] : [];
  });
}

/** The `resource` and `data` types the templates declare, by kind. */
function usedTypes() {
  const used = { resource: new Set(), data: new Set() };
  for (const file of terraformFiles(TEMPLATES)) {
    for (const [, kind, type] of readFileSync(file, 'utf8').matchAll(/^\s*(resource|data)\s+"([a-z0-9_]+)"/gm)) used[kind].add(type);
  }
  return used;
}

/** The Terraform name of a property: the anchor of its registry link (`…#versioning_configuration X#…`). */
function snakeName(property) {
  const text = `${property.docs?.summary ?? ''} ${property.docs?.remarks ?? ''}`;
  const anchor = /#([a-z0-9_]+) [A-Za-z0-9]+#/.exec(text);
  if (!anchor) throw new Error(`no registry anchor on property ${property.name}`);
  return anchor[1];
}

/** The struct a property's type names, when it is a nested block (a struct, or a list of structs). */
function blockStruct(type, types) {
  const candidates = [type, type.collection?.elementtype, ...(type.union?.types ?? []), ...(type.union?.types ?? []).map((t) => t.collection?.elementtype)];
  const fqn = candidates.find((candidate) => candidate?.fqn && types[candidate.fqn]?.datatype)?.fqn;
  return fqn ? types[fqn] : undefined;
}

/** A struct's properties as a schema node, recursing into nested blocks. */
function node(struct, types) {
  const attributes = {};
  const blocks = {};
  for (const property of struct.properties ?? []) {
    const name = snakeName(property);
    const required = property.optional !== true;
    const nested = blockStruct(property.type, types);
    if (nested) blocks[name] = { required, ...node(nested, types) };
    else attributes[name] = required;
  }
  return { attributes, blocks };
}

/** Every resource or data class of an assembly: Terraform type → its config struct. */
function classesByType(types) {
  const byType = { resource: new Map(), data: new Map() };
  for (const type of Object.values(types)) {
    if (type.kind !== 'class') continue;
    const link = /\/docs\/(resources|data-sources)\/[a-z0-9_]+ ([a-z0-9_]+)\}/.exec(type.docs?.summary ?? '');
    const config = type.initializer?.parameters?.[2]?.type?.fqn;
    if (!link || !config) continue;
    byType[link[1] === 'resources' ? 'resource' : 'data'].set(link[2], types[config]);
  }
  return byType;
}

function main() {
  const used = usedTypes();
  const out = { providers: {}, resource: {}, data: {} };
  for (const [provider, pkg] of Object.entries(SCHEMA_PACKAGES)) {
    const manifest = JSON.parse(readFileSync(require.resolve(`${pkg}/package.json`), 'utf8'));
    const { types } = JSON.parse(readFileSync(join(dirname(require.resolve(`${pkg}/package.json`)), '.jsii'), 'utf8'));
    out.providers[provider] = { package: pkg, packageVersion: manifest.version, providerVersion: manifest.cdktf.provider.version };
    const classes = classesByType(types);
    for (const kind of ['resource', 'data']) {
      for (const type of [...used[kind]].filter((t) => t.startsWith(`${provider}_`)).sort()) {
        const struct = classes[kind].get(type);
        // A type the provider lacks is left out: the check then reports it as unknown.
        if (struct) out[kind][type] = node(struct, types);
      }
    }
  }
  for (const kind of ['resource', 'data']) out[kind] = Object.fromEntries(Object.entries(out[kind]).sort(([a], [b]) => (a < b ? -1 : 1)));
  writeFileSync(OUT, `${JSON.stringify(out, null, 1)}\n`);
  console.log(`wrote ${OUT}: ${Object.keys(out.resource).length} resource and ${Object.keys(out.data).length} data types`);
}

main();
