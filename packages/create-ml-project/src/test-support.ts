/**
 * The built CLI, for tests that spawn it the way a user runs it: the one part of their support that is
 * this package's own (the runner and the temporary folders are @ai-factory/testing's).
 */
import { fileURLToPath } from 'node:url';
import { runNodeCli, type CliRun, type CliRunOptions } from '@ai-factory/testing';

export const BIN = fileURLToPath(new URL('../dist/bin.js', import.meta.url));

/** Runs `create-ml-project` without a terminal, never rejecting, with an empty HOME unless told otherwise. */
export const runCli = (args: string[], options: CliRunOptions): Promise<CliRun> => runNodeCli(BIN, args, options);
