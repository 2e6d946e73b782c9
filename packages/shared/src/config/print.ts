/** Writes a {@link ConfigSource} as the TypeScript of `ai-factory.config.ts`. */
import type { ComputeSource, ConfigSource } from './source.js';

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A JavaScript literal for plain data; JSON strings are valid JS string literals. */
function literal(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, item]) => item !== undefined);
    if (entries.length === 0) return '{}';
    return `{ ${entries.map(([key, item]) => `${IDENTIFIER.test(key) ? key : JSON.stringify(key)}: ${literal(item)}`).join(', ')} }`;
  }
  return JSON.stringify(value);
}

const call = (builder: string, ...args: unknown[]) => {
  const printed = args.filter((arg) => arg !== undefined && !(typeof arg === 'object' && arg !== null && Object.keys(arg).length === 0));
  return `${builder}(${printed.map(literal).join(', ')})`;
};

/** A builder call with one option per line, for options too long to read on one. */
const multilineCall = (builder: string, options: object | undefined) => {
  const entries = Object.entries(options ?? {}).filter(([, value]) => value !== undefined);
  if (entries.length === 0) return `${builder}()`;
  return `${builder}({\n${entries.map(([key, value]) => `    ${key}: ${literal(value)},`).join('\n')}\n  })`;
};

const computeCall = (source: ComputeSource) =>
  'accelerator' in source ? call('accelerator', source.accelerator, source.options) : call('cpu', source.cpu);

/** The TypeScript source of a project's declaration. */
export function printConfig(source: ConfigSource): string {
  const { compute, ...servingOptions } = source.serving;
  const servingCall = compute ? `serving({ ...${literal(servingOptions)}, compute: ${computeCall(compute)} })` : call('serving', servingOptions);
  const fields: [string, string][] = [
    ['name', literal(source.name)],
    ['description', literal(source.description)],
    ['team', literal(source.team)],
    ['cloud', literal(source.cloud)],
    ['cicd', literal(source.cicd)],
    ['framework', literal(source.framework)],
    ['environments', `[\n${source.environments.map((env) => `    ${call('environment', env.name, env.options)},`).join('\n')}\n  ]`],
    ['training', computeCall(source.training)],
    ['pipeline', call('pipeline', source.pipeline)],
    ['serving', servingCall],
    ['slo', call('slo', source.slo)],
    ['drift', call('drift', source.drift)],
  ];
  if (source.monitoring === false) fields.push(['monitoring', 'false']);
  if (source.access) {
    const rows = Object.entries(source.access).map(([persona, levels]) => `    ${literal(persona)}: ${literal(levels)},`);
    fields.push(['access', `access({\n${rows.join('\n')}\n  })`]);
  }
  // Last, so a team's edits to the fields above and the factory's to these merge apart on upgrade.
  fields.push(['gate', call('gate', source.gate)]);
  fields.push(['modelCard', multilineCall('modelCard', source.modelCard)]);
  const imports = ['defineMlProject', 'environment', 'cpu', 'accelerator', 'pipeline', 'serving', 'slo', 'drift', 'access', 'gate', 'modelCard'];
  const used = imports.filter((name) => name === 'defineMlProject' || fields.some(([, value]) => value.includes(`${name}(`)));
  return [
    `import { ${used.join(', ')} } from '@ai-factory/shared';`,
    '',
    '// The platform declaration of this project. CI/CD, infrastructure values, workloads, dashboards, alert',
    '// rules and roles are synthesized from it: edit it, then run `npm run synth`.',
    'export default defineMlProject({',
    ...fields.map(([key, value]) => `  ${key}: ${value},`),
    '});',
    '',
  ].join('\n');
}
