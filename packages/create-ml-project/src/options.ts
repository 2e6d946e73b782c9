/**
 * Every command-line option, declared once: the parser, `--help` and the docs' CLI reference are all
 * derived from this table. Each answer a prompt asks for has its flag here.
 */
// The light entry points: --help is built from this table and must not load the engine's renderer or schemas.
import { CICD_SYSTEMS, CLOUDS, FRAMEWORKS, GPU_SKUS, PERSONAS, SERVING_MODES } from '@ai-factory/shared/vocabulary';
import type { Gpu, PartialAnswers } from '@ai-factory/engine';
import { FactoryError } from '@ai-factory/engine/errors';
import { exitCodesHelp } from '@ai-factory/engine/exit-codes';

export interface AnswerFlag {
  flag: string;
  answer: keyof PartialAnswers;
  value: string;
  description: string;
  /** Turns the flag's text into the answer's value; the answers schema validates it afterwards. */
  parse: (raw: string) => unknown;
}

const asIs = (raw: string) => raw;
const list = (raw: string) => (raw.trim() === '' || raw === 'none' ? [] : raw.split(',').map((item) => item.trim()));

/** `none`, `t4` or `a100-80gb:4` → null or `{ sku, count }`. */
export function parseGpu(raw: string): Gpu | null {
  if (raw === 'none') return null;
  const match = /^([a-z0-9-]+?)(?::(\d+))?$/.exec(raw);
  if (!match) throw new FactoryError('invalid-answers', `--gpu "${raw}" is not "none" or "<sku>[:<count>]".`, `For example --gpu a100-80gb:4.`);
  return { sku: match[1] as Gpu['sku'], count: match[2] ? Number(match[2]) : 1 };
}

export const ANSWER_FLAGS: readonly AnswerFlag[] = [
  { flag: 'name', answer: 'name', value: '<name>', description: 'Project name (default: the directory name)', parse: asIs },
  { flag: 'description', answer: 'description', value: '<text>', description: 'What the model does', parse: asIs },
  { flag: 'team', answer: 'team', value: '<name>', description: 'Owning team', parse: asIs },
  { flag: 'preset', answer: 'preset', value: '<id>', description: 'Preset to start from', parse: asIs },
  { flag: 'cloud', answer: 'cloud', value: CLOUDS.join('|'), description: 'Cloud', parse: asIs },
  { flag: 'cicd', answer: 'cicd', value: CICD_SYSTEMS.join('|'), description: 'CI/CD system', parse: asIs },
  { flag: 'framework', answer: 'framework', value: FRAMEWORKS.join('|'), description: 'ML framework', parse: asIs },
  { flag: 'serving', answer: 'serving', value: SERVING_MODES.join('|'), description: 'Serving mode', parse: asIs },
  { flag: 'gpu', answer: 'gpu', value: `none|<sku>[:<count>]`, description: `Training GPU (${GPU_SKUS.join(', ')})`, parse: parseGpu },
  { flag: 'environments', answer: 'environments', value: '<a,b,c>', description: 'Environments in promotion order', parse: list },
  { flag: 'personas', answer: 'personas', value: '<a,b>|none', description: `RBAC personas (${PERSONAS.join(', ')})`, parse: list },
];

/** `--monitoring` / `--no-monitoring`. */
export const MONITORING_FLAG = { flag: 'monitoring', description: 'Dashboards, alert rules and drift metrics (--no-monitoring to leave out)' };

/** `--install` / `--no-install`: a setup choice, not an answer, so it is not recorded in the manifest. */
export const INSTALL_FLAG = { flag: 'install', description: 'Install the Node dependencies and commit package-lock.json (--no-install to skip)' };

export const CONTROL_FLAGS = [
  { flag: 'yes', short: 'y', description: 'Take the preset\'s and the default answers without prompting' },
  { flag: 'answers', value: '<file>', description: 'Replay answers from a JSON or YAML file (a project manifest works)' },
  { flag: 'source', value: '<org/repo#ref>', description: 'Add the modules of an external source, pinned to a commit and read as data' },
  { flag: 'registry', value: '<url>', description: 'npm registry the project installs from, written to its .npmrc (default: your npm config)' },
  { flag: 'dry-run', description: 'List the files that would be written, write nothing' },
  { flag: 'no-git', description: 'Do not initialise a git repository' },
  { flag: 'json', description: 'Print a machine-readable summary on stdout' },
  { flag: 'help', short: 'h', description: 'Show this help' },
  { flag: 'version', short: 'v', description: 'Show the version' },
] as const;

/** The flag that sets an answer, for error messages such as "missing answers: --team". */
export function flagFor(answer: keyof PartialAnswers): string {
  if (answer === 'name') return '<directory> or --name';
  if (answer === 'monitoring') return '--monitoring/--no-monitoring';
  return `--${ANSWER_FLAGS.find((f) => f.answer === answer)?.flag ?? answer}`;
}

export function helpText(version: string): string {
  const rows: [string, string][] = [
    ...ANSWER_FLAGS.map((f): [string, string] => [`--${f.flag} ${f.value}`, f.description]),
    [`--[no-]${MONITORING_FLAG.flag}`, MONITORING_FLAG.description],
    [`--[no-]${INSTALL_FLAG.flag}`, INSTALL_FLAG.description],
    ...CONTROL_FLAGS.map((f): [string, string] => [
      `${'short' in f ? `-${f.short}, ` : ''}--${f.flag}${'value' in f ? ` ${f.value}` : ''}`,
      f.description,
    ]),
  ];
  const width = Math.max(...rows.map(([left]) => left.length));
  return [
    `create-ml-project ${version}: create a standardised ML project from the AI Factory patterns.`,
    '',
    'Usage: npm create ml-project [directory] [options]',
    '',
    'Options:',
    ...rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`),
    '',
    'Without a terminal (CI, pipes) nothing is asked: pass the answers as flags, --answers or --yes.',
    '',
    exitCodesHelp(),
  ].join('\n');
}
