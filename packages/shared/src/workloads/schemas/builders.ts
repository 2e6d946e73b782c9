/** Terse JSON Schema (draft-07) builders for the workload spec schemas. */

export type Schema = Record<string, unknown>;

/** A closed object: unknown fields are errors, as the clouds' APIs and CLIs reject them. */
export function object(properties: Record<string, Schema>, required: readonly string[] = []): Schema {
  return { type: 'object', properties, required: [...required], additionalProperties: false };
}

/** An object whose fields are not all listed here (only the listed ones are checked). */
export function openObject(properties: Record<string, Schema>, required: readonly string[] = []): Schema {
  return { type: 'object', properties, required: [...required] };
}

export const string = (extra: Schema = {}): Schema => ({ type: 'string', ...extra });
export const integer = (minimum?: number, maximum?: number): Schema => ({ type: 'integer', ...(minimum === undefined ? {} : { minimum }), ...(maximum === undefined ? {} : { maximum }) });
export const boolean = (): Schema => ({ type: 'boolean' });
export const oneOfValues = (...values: string[]): Schema => ({ type: 'string', enum: values });
export const array = (items: Schema, extra: Schema = {}): Schema => ({ type: 'array', items, ...extra });
export const stringMap = (extra: Schema = {}): Schema => ({ type: 'object', additionalProperties: { type: 'string' }, ...extra });
