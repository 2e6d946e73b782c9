/** Parses argv against the option table into answers from flags and the run's control settings. */
import { parseArgs } from 'node:util';
import type { PartialAnswers } from '@ai-factory/engine';
import { FactoryError } from '@ai-factory/engine/errors';
import { ANSWER_FLAGS, CONTROL_FLAGS, INSTALL_FLAG, MONITORING_FLAG } from './options.js';

export interface CliArgs {
  directory?: string;
  flags: PartialAnswers;
  yes: boolean;
  answersFile?: string;
  /** External module source, `org/repo#ref`. */
  source?: string;
  /** `--registry`, as given. */
  registry?: string;
  /** `--install` (true) or `--no-install` (false); asked, or true with --yes, when absent. */
  install?: boolean;
  dryRun: boolean;
  git: boolean;
  json: boolean;
  help: boolean;
  version: boolean;
}

type ParseOptions = NonNullable<Parameters<typeof parseArgs>[0]>['options'];

const parseOptions: ParseOptions = {
  ...Object.fromEntries(ANSWER_FLAGS.map((f) => [f.flag, { type: 'string' as const }])),
  [MONITORING_FLAG.flag]: { type: 'boolean' },
  [`no-${MONITORING_FLAG.flag}`]: { type: 'boolean' },
  [INSTALL_FLAG.flag]: { type: 'boolean' },
  [`no-${INSTALL_FLAG.flag}`]: { type: 'boolean' },
  ...Object.fromEntries(
    CONTROL_FLAGS.map((f) => [f.flag, { type: 'value' in f ? ('string' as const) : ('boolean' as const), ...('short' in f ? { short: f.short } : {}) }]),
  ),
};

/** `--x` → true, `--no-x` → false, neither → undefined; both is an error. */
function onOff(values: Record<string, string | boolean | undefined>, flag: string): boolean | undefined {
  if (values[flag] && values[`no-${flag}`]) throw new FactoryError('usage', `Pass either --${flag} or --no-${flag}, not both.`);
  return values[flag] ? true : values[`no-${flag}`] ? false : undefined;
}

export function parseCliArgs(argv: readonly string[]): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: parseOptions, allowPositionals: true, strict: true });
  } catch (error) {
    throw new FactoryError('usage', (error as Error).message, 'Run with --help to see the options.');
  }
  const { positionals } = parsed;
  const values = parsed.values as Record<string, string | boolean | undefined>;
  if (positionals.length > 1) {
    throw new FactoryError('usage', `Expected one directory, got ${positionals.length}: ${positionals.join(' ')}.`);
  }
  const flags: Record<string, unknown> = {};
  for (const option of ANSWER_FLAGS) {
    const raw = values[option.flag];
    if (typeof raw === 'string') flags[option.answer] = option.parse(raw);
  }
  const monitoring = onOff(values, MONITORING_FLAG.flag);
  if (monitoring !== undefined) flags.monitoring = monitoring;
  const install = onOff(values, INSTALL_FLAG.flag);

  return {
    ...(positionals[0] !== undefined ? { directory: positionals[0] } : {}),
    flags,
    yes: values.yes === true,
    ...(typeof values.answers === 'string' ? { answersFile: values.answers } : {}),
    ...(typeof values.source === 'string' ? { source: values.source } : {}),
    ...(typeof values.registry === 'string' ? { registry: values.registry } : {}),
    ...(install !== undefined ? { install } : {}),
    dryRun: values['dry-run'] === true,
    git: values['no-git'] !== true,
    json: values.json === true,
    help: values.help === true,
    version: values.version === true,
  };
}
