/**
 * One-line YAML flow values, for values templates put into YAML files at any indentation: strings as JSON
 * strings, arrays and objects as flow collections, the layout the `yaml` package writes in flow style.
 */
import { entries } from './block-collection.js';
import { scalar, stringScalar } from './scalar.js';

// A key stays plain where a block mapping would keep it plain and no flow indicator could end it.
const flowKey = (key: string): string => (/[[\]{},]/.test(key) || stringScalar(key, { indent: '', key: true }) !== key ? JSON.stringify(key) : key);

/**
 * `value` as a YAML flow value on one line: valid wherever a YAML value can stand. Strings are JSON strings,
 * so code points that are line breaks to YAML 1.1 readers stay raw: escape those where that matters.
 */
export function yamlFlowValue(value: unknown): string {
  // A template naming a variable that does not exist passes undefined: an error, not a silent null.
  if (value === undefined) throw new TypeError('undefined is not a YAML value');
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return value.length === 0 ? '[]' : `[ ${value.map((item: unknown) => (item === undefined ? 'null' : yamlFlowValue(item))).join(', ')} ]`;
  if (value !== null && typeof value === 'object') {
    const pairs = entries(value);
    return pairs.length === 0 ? '{}' : `{ ${pairs.map(([key, item]) => `${flowKey(key)}: ${yamlFlowValue(item)}`).join(', ')} }`;
  }
  return scalar(value, { indent: '' });
}
