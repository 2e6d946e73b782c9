/** Every `ai-factory` command, in the order `--help` lists them. */
import type { CommandDefinition } from '../command.js';
import { moduleValidate } from './module-validate.js';
import { contributeCommand } from './contribute.js';
import docs from './docs.js';
import { upgradeCommand } from './upgrade.js';
import { addCommand } from './add.js';
import { removeCommand } from './remove.js';
import { ejectCommand } from './eject.js';
import { fleetUpgradeCommand } from './fleet-upgrade.js';
import { fleetStatusCommand } from './fleet-status.js';
import { fleetReportCommand } from './fleet-report.js';

export const COMMANDS: readonly CommandDefinition[] = [upgradeCommand, addCommand, removeCommand, ejectCommand, fleetUpgradeCommand, fleetStatusCommand, fleetReportCommand, docs, moduleValidate, contributeCommand];
