/** Dispatches `ai-factory <command words> [args]` to the registered command. */
import { commandHelp, parseCommandArgs, UsageError, type CommandDefinition, type CommandIo } from './command.js';
import { COMMANDS } from './commands/index.js';

function findCommand(argv: readonly string[]): { command: CommandDefinition; rest: string[] } | undefined {
  // Longest name first, so `fleet upgrade` wins over a shorter prefix.
  const byLength = [...COMMANDS].sort((a, b) => b.name.split(' ').length - a.name.split(' ').length);
  for (const command of byLength) {
    const words = command.name.split(' ');
    if (words.every((word, i) => argv[i] === word)) return { command, rest: argv.slice(words.length) };
  }
  return undefined;
}

export function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'ai-factory: keep AI Factory projects current, run fleets, serve the playbook, contribute modules.',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `ai-factory <command> --help` for a command\'s options.',
  ].join('\n');
}

/** Runs the CLI; returns the exit code (2 for usage errors). */
export async function runCli(argv: readonly string[], io: CommandIo): Promise<number> {
  const found = findCommand(argv);
  if (!found) {
    const wantsHelp = argv.length === 0 || argv[0] === '--help' || argv[0] === '-h';
    (wantsHelp ? io.stdout : io.stderr)(`${wantsHelp ? '' : `Unknown command: ${argv.join(' ')}\n\n`}${overview()}\n`);
    return wantsHelp ? 0 : 2;
  }
  const { command, rest } = found;
  if (rest.includes('--help') || rest.includes('-h')) return io.stdout(`${commandHelp(command)}\n`), 0;
  try {
    return await command.run(parseCommandArgs(command, rest), io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`${error.message}\n\n${commandHelp(command)}\n`);
      return 2;
    }
    throw error;
  }
}
