/** Dispatches `ai-factory <command words> [args]` to the registered command. */
import { readFileSync } from 'node:fs';
// The light entry points only: `--help` must not load the catalog, the renderer or ts-morph.
import { FactoryError, type FailureCode } from '@ai-factory/engine/errors';
import { EXIT_CODES, exitCodesHelp, jsonFailure } from '@ai-factory/engine/exit-codes';
import { commandHelp, parseCommandArgs, UsageError, type CommandDefinition, type CommandIo } from './command.js';
import { COMMANDS } from './commands/index.js';

const VERSION = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

const isHelp = (arg: string) => arg === '--help' || arg === '-h';
const isVersion = (arg: string) => arg === '--version' || arg === '-v';

function findCommand(argv: readonly string[]): { command: CommandDefinition; rest: string[] } | undefined {
  // Longest name first, so `fleet upgrade` wins over a shorter prefix.
  const byLength = [...COMMANDS].sort((a, b) => b.name.split(' ').length - a.name.split(' ').length);
  for (const command of byLength) {
    const words = command.name.split(' ');
    if (words.every((word, i) => argv[i] === word)) return { command, rest: argv.slice(words.length) };
  }
  return undefined;
}

/** The leading words of `argv` that name a group of commands (`fleet` of `fleet upgrade`), if any. */
function findGroup(argv: readonly string[]): string[] {
  const words = argv.filter((arg) => !arg.startsWith('-'));
  const matching = (prefix: string[]) => COMMANDS.filter((c) => prefix.every((word, i) => c.name.split(' ')[i] === word));
  let prefix: string[] = [];
  while (prefix.length < words.length && matching([...prefix, words[prefix.length]!]).length > 0) prefix = [...prefix, words[prefix.length]!];
  return prefix;
}

/** The command list: all of them, or those of one group (`ai-factory fleet --help`). */
export function overview(group: string[] = []): string {
  const listed = COMMANDS.filter((c) => group.every((word, i) => c.name.split(' ')[i] === word));
  const width = Math.max(...listed.map((c) => c.name.length));
  return [
    group.length === 0
      ? `ai-factory ${VERSION}: keep AI Factory projects current, run fleets, serve the playbook, contribute modules.`
      : `ai-factory ${group.join(' ')}: ${listed.length} commands.`,
    '',
    'Commands:',
    ...listed.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `ai-factory <command> --help` for a command\'s options, `ai-factory --version` for the version.',
    '',
    exitCodesHelp(),
  ].join('\n');
}

interface Failure {
  code: FailureCode;
  message: string;
  hint?: string;
  /** Usage text printed after a usage error. */
  help?: string;
}

/** Prints a failure on stderr, and as one JSON document on stdout when the run asked for `--json`. */
function fail(io: CommandIo, argv: readonly string[], { code, message, hint, help }: Failure): void {
  if (argv.includes('--json')) io.stdout(`${jsonFailure(code, message, hint)}\n`);
  io.stderr(`${code === 'usage' ? '' : 'Error: '}${message}\n${hint ? `${hint}\n` : ''}${help ? `\n${help}\n` : ''}`);
}

/** Runs the CLI; returns its exit code from the table both CLIs share (`EXIT_CODES`). */
export async function runCli(argv: readonly string[], io: CommandIo): Promise<number> {
  const found = findCommand(argv);
  if (!found) {
    const group = findGroup(argv);
    const rest = argv.slice(group.length);
    if (rest.some(isVersion)) return io.stdout(`${VERSION}\n`), EXIT_CODES.ok;
    // A bare group (`ai-factory fleet`) or --help shows its commands; anything else is a usage error.
    if (argv.length === 0 || rest.some(isHelp) || (group.length > 0 && rest.length === 0)) return io.stdout(`${overview(group)}\n`), EXIT_CODES.ok;
    fail(io, argv, { code: 'usage', message: `Unknown command: ai-factory ${argv.join(' ')}`, help: overview(group) });
    return EXIT_CODES.usage;
  }
  const { command, rest } = found;
  if (rest.some(isHelp)) return io.stdout(`${commandHelp(command)}\n`), EXIT_CODES.ok;
  if (rest.some(isVersion)) return io.stdout(`${VERSION}\n`), EXIT_CODES.ok;
  try {
    return await command.run(parseCommandArgs(command, rest), io);
  } catch (error) {
    if (error instanceof UsageError) {
      fail(io, argv, { code: 'usage', message: error.message, help: commandHelp(command) });
      return EXIT_CODES.usage;
    }
    if (error instanceof FactoryError) {
      fail(io, argv, { code: error.code, message: error.message, ...(error.hint ? { hint: error.hint } : {}) });
      return error.code === 'usage' ? EXIT_CODES.usage : EXIT_CODES.failure;
    }
    // A bug, not a user mistake: keep the stack for the bug report.
    fail(io, argv, { code: 'internal', message: (error as Error).stack ?? String(error) });
    return EXIT_CODES.failure;
  }
}
