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

export type OptionTable = Record<string, OptionSpec>;

/** The value an option parses to: a flag is a boolean, a repeatable option a list, any other a string. */
type OptionValue<S extends OptionSpec> = S['type'] extends 'boolean' ? boolean : S['multiple'] extends true ? string[] : string;

/** Parsed options, typed by the command's own table: `options['dry-run']` is `boolean | undefined`. */
export type ParsedOptions<O extends OptionTable> = { -readonly [K in keyof O]?: OptionValue<O[K]> };

export interface ParsedArgs<O extends OptionTable = OptionTable> {
  positionals: string[];
  options: ParsedOptions<O>;
}

export interface CommandDefinition<O extends OptionTable = OptionTable> {
  /** Words after `ai-factory`, e.g. `fleet upgrade`. */
  name: string;
  summary: string;
  /** Positional arguments as shown in the usage line, e.g. `[repo]` or `<repos...>`. */
  usage: string;
  options: O;
  /** Longer text for help and docs: behaviour, exit codes, examples. */
  details?: string;
  run: (args: ParsedArgs<O>, io: CommandIo) => Promise<number>;
}

/**
 * Declares a command.
 * @example defineCommand({ name: 'docs', summary: 'Serve the playbook', usage: '', options: {}, run: async () => 0 })
 */
export function defineCommand<const O extends OptionTable>(command: CommandDefinition<O>): CommandDefinition {
  // The table and the parser agree by construction (`parseCommandArgs` reads the same table), so the
  // command's typed view of its options is safe to widen for the registry of all commands.
  return command as unknown as CommandDefinition;
}

/** Thrown for wrong arguments: the CLI prints it with the command's usage and exits 2. */
export class UsageError extends Error {}

export function parseCommandArgs<O extends OptionTable>(command: CommandDefinition<O>, argv: readonly string[]): ParsedArgs<O> {
  const options = Object.fromEntries(
    Object.entries(command.options).map(([name, spec]) => [
      name,
      { type: spec.type, ...(spec.short ? { short: spec.short } : {}), ...(spec.multiple ? { multiple: true } : {}) },
    ]),
  );
  try {
    const { values, positionals } = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
    return { positionals, options: values as ParsedOptions<O> };
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
