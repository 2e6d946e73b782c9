export * from './command.js';
export { COMMANDS } from './commands/index.js';
export { runCli } from './cli.js';
