/**
 * `create-ml-project`: parses the arguments, answers --help and --version, and reports failures. Creating
 * the project (engine, catalog, prompts) is loaded only when there is one to create.
 */
import { FactoryError } from '@ai-factory/engine/errors';
import { EXIT_CODES, jsonFailure } from '@ai-factory/engine/exit-codes';
import { parseCliArgs, type CliArgs } from './args.js';
import { Cancelled } from './cancelled.js';
import { helpText } from './options.js';
import { VERSION } from './version.js';

export interface RunEnvironment {
  cwd: string;
  /** True when both stdin and stdout are terminals: only then may we prompt. */
  interactive: boolean;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** Runs the CLI and returns its exit code, from the one table both CLIs share (`EXIT_CODES`). */
export async function run(argv: readonly string[], env: RunEnvironment): Promise<number> {
  let args: CliArgs | undefined;
  try {
    args = parseCliArgs(argv);
    if (args.help) return env.stdout(`${helpText(VERSION)}\n`), EXIT_CODES.ok;
    if (args.version) return env.stdout(`${VERSION}\n`), EXIT_CODES.ok;
    // Sets how zod validates before create.js builds any schema.
    await import('./validation.js');
    return await (await import('./create.js')).create(args, env);
  } catch (error) {
    if (error instanceof Cancelled) {
      (await import('@clack/prompts')).cancel('Cancelled: nothing was written.');
      return EXIT_CODES.cancelled;
    }
    const known = error instanceof FactoryError;
    const message = known ? error.message : (error as Error).stack ?? String(error);
    // Arguments that did not parse still asked for JSON: a script reads one document whatever failed.
    if (args?.json ?? argv.includes('--json')) env.stdout(`${jsonFailure(known ? error.code : 'internal', message, known ? error.hint : undefined)}\n`);
    env.stderr(`Error: ${message}\n${known && error.hint ? `${error.hint}\n` : ''}`);
    return known && error.code === 'usage' ? EXIT_CODES.usage : EXIT_CODES.failure;
  }
}
