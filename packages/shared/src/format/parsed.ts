/**
 * Parsed YAML and JSON read field by field. A document's shape is its schema check's concern: here a field
 * of the wrong kind reads as absent, so a check over a malformed document reports rather than throws.
 */

/** A parsed object. */
export type Json = Record<string, unknown>;

/** `value` when it is an object (not an array), else an empty one. */
export const asObject = (value: unknown): Json => (value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {});

/** `value` when it is an array, else an empty one. */
export const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** `value` when it is a string, else ''. */
export const asText = (value: unknown): string => (typeof value === 'string' ? value : '');
