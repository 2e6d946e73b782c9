/**
 * Commands are declared as data: name, arguments and options with their descriptions. The parser, the
 * `--help` text and the playbook's CLI reference are all derived from the declaration.
 */
import { parseArgs } from 'node:util';

export interface OptionSpec {
  type: 'string' | 'boolean';
  /** Shown after the flag in help, e.g. `<version>`. */
  value?: string;
  short?: string;
  /** May be given more than once (string options only). */
  multiple?: boolean;
  description: string;
  /** Shown in help and docs; the command applies it. */
  default?: string;
}

export interface CommandIo {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** True when stdout is a terminal: progress bars and colours only then. */
  interactive: boolean;
}

export interface ParsedArgs {
  positionals: string[];
  options: Record<string, string | boolean | string[] | undefined>;
}

export interface CommandDefinition {
  /** Words after `ai-factory`, e.g. `fleet upgrade`. */
  name: string;
  summary: string;
  /** Positional arguments as shown in the usage line, e.g. `[repo]` or `<repos...>`. */
  usage: string;
  options: Record<string, OptionSpec>;
  /** Longer text for help and docs: behaviour, exit codes, examples. */
  details?: string;
  run: (args: ParsedArgs, io: CommandIo) => Promise<number>;
}

/**
 * Declares a command.
 * @example defineCommand({ name: 'docs', summary: 'Serve the playbook', usage: '', options: {}, run: async () => 0 })
 */
export function defineCommand(command: CommandDefinition): CommandDefinition {
  return command;
}

/** Thrown for wrong arguments: the CLI prints it with the command's usage and exits 2. */
export class UsageError extends Error {}

export function parseCommandArgs(command: CommandDefinition, argv: readonly string[]): ParsedArgs {
  const options = Object.fromEntries(
    Object.entries(command.options).map(([name, spec]) => [
      name,
      { type: spec.type, ...(spec.short ? { short: spec.short } : {}), ...(spec.multiple ? { multiple: true } : {}) },
    ]),
  );
  try {
    const { values, positionals } = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
    return { positionals, options: values as ParsedArgs['options'] };
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** The help text of one command. */
export function commandHelp(command: CommandDefinition): string {
  const rows = Object.entries(command.options).map(([name, spec]): [string, string] => [
    `${spec.short ? `-${spec.short}, ` : ''}--${name}${spec.value ? ` ${spec.value}` : ''}`,
    `${spec.description}${spec.default !== undefined ? ` (default: ${spec.default})` : ''}`,
  ]);
  const width = Math.max(0, ...rows.map(([left]) => left.length));
  return [
    `ai-factory ${command.name}: ${command.summary}`,
    '',
    `Usage: ai-factory ${command.name}${command.usage ? ` ${command.usage}` : ''}${rows.length ? ' [options]' : ''}`,
    ...(rows.length ? ['', 'Options:', ...rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`)] : []),
    ...(command.details ? ['', command.details] : []),
  ].join('\n');
}
