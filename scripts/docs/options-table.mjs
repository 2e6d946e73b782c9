/** A module's options as a table of name, type, default and description, from its zod schema. */
import { z } from 'zod';
import { code, table, text } from './markdown.mjs';

const IGNORED_BOUNDS = new Set([Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER]);

/** The type of one JSON Schema property, in words a reader of the answers file needs. */
export function describeType(schema) {
  if (!schema || typeof schema !== 'object') return 'any';
  if (schema.enum) return schema.enum.map((value) => JSON.stringify(value)).join(' | ');
  if ('const' in schema) return JSON.stringify(schema.const);
  if (schema.anyOf ?? schema.oneOf) return (schema.anyOf ?? schema.oneOf).map(describeType).join(' | ');
  const types = Array.isArray(schema.type) ? schema.type : [schema.type ?? 'any'];
  const described = types.map((type) => {
    if (type === 'array') return `${describeType(schema.items)}[]`;
    if (type === 'object' && schema.properties) {
      return `{ ${Object.entries(schema.properties).map(([key, value]) => `${key}: ${describeType(value)}`).join('; ')} }`;
    }
    const bounds = [
      schema.minimum !== undefined && !IGNORED_BOUNDS.has(schema.minimum) ? `≥ ${schema.minimum}` : '',
      schema.maximum !== undefined && !IGNORED_BOUNDS.has(schema.maximum) ? `≤ ${schema.maximum}` : '',
      schema.minLength !== undefined ? `length ≥ ${schema.minLength}` : '',
      schema.maxLength !== undefined ? `length ≤ ${schema.maxLength}` : '',
      schema.pattern ? `matching /${schema.pattern}/` : '',
      schema.format ? `(${schema.format})` : '',
    ].filter(Boolean);
    return [type, ...bounds].join(' ');
  });
  return described.join(' | ');
}

/** Rows of the options table; an option without a default is marked required. */
export function optionRows(schema) {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
  const required = new Set(json.required ?? []);
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    type: describeType(property),
    default: 'default' in property ? JSON.stringify(property.default) : required.has(name) ? undefined : '(unset)',
    description: property.description ?? '',
  }));
}

export function optionsTable(schema) {
  const rows = optionRows(schema);
  if (rows.length === 0) return 'This module declares an options schema with no fields.';
  return table(
    ['option', 'type', 'default', 'description'],
    rows.map((row) => [code(row.name), code(row.type), row.default === undefined ? '**required**' : code(row.default), text(row.description) || '—']),
  );
}
