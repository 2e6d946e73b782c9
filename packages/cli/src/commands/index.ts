/** Every `ai-factory` command, in the order `--help` lists them. */
import type { CommandDefinition } from '../command.js';
import { moduleValidate } from './module-validate.js';
import { contributeCommand } from './contribute.js';
import docs from './docs.js';
import { upgradeCommand } from './upgrade.js';

export const COMMANDS: readonly CommandDefinition[] = [upgradeCommand, docs, moduleValidate, contributeCommand];
